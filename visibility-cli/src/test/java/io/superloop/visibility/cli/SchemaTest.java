package io.superloop.visibility.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.internal.answer.AnswerCodecs;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonCodec;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.core.store.LoopArtifact;
import io.superloop.visibility.producer.EventLog;
import io.superloop.visibility.producer.HeartbeatWriter;
import io.superloop.visibility.testkit.gen.Gen;
import io.superloop.visibility.testkit.gen.internal.AuditGens;
import io.superloop.visibility.testkit.gen.internal.EnvelopeGens;
import io.superloop.visibility.testkit.gen.internal.HealthGens;
import io.superloop.visibility.testkit.gen.internal.HeartbeatGens;
import io.superloop.visibility.testkit.gen.internal.ReconcileGens;
import io.superloop.visibility.testkit.gen.internal.SequenceGens;
import io.superloop.visibility.testkit.gen.internal.ValueGens;
import io.superloop.visibility.testkit.scenario.internal.HistoryGens;
import io.superloop.visibility.testkit.scenario.internal.LogLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON Schemas of {@code docs/schema} against an independent validator (networknt
 * json-schema-validator, draft 2020-12) and against the library itself:
 *
 * <ul>
 *   <li>every file of a loop the library writes, every envelope and service answer has its schema,
 *       named after the file;
 *   <li>what the library writes validates: generated records encoded by the codecs, the reference's
 *       fixtures, the conformance cases' expected files, every file the demo writes, what the
 *       producer writes;
 *   <li>the other way: every mutation of a valid document (a member dropped, a value of another
 *       type, a negative number, a fraction, a string no enumeration holds) that the schema
 *       rejects, the library rejects too ({@link SchemaHarness#libraryAccepts}); and no generated
 *       or fixture document the library accepts is rejected by its schema.
 * </ul>
 *
 * Each test prints its counts; a disagreement fails the test and is written, with every document on
 * which the schema is looser than the library, to {@code target/schema-*.txt}.
 */
class SchemaTest {
  private static final boolean LONG = Integer.getInteger("visibility.property.tries", 100) >= 1000;
  private static final int SAMPLES = LONG ? 400 : 120;

  /** Valid documents mutated per schema: 1 in the default build, 4 with {@code -Plong}. */
  private static final int MUTATED_PER_SCHEMA = LONG ? 4 : 1;

  @TempDir Path work;

  /** The generators of the records the codecs write, by schema. */
  private static Map<String, List<String>> generated() {
    Map<String, List<String>> out = new TreeMap<>();
    put(out, "heartbeat.json.schema.json", HeartbeatGens.states(), Codecs.HEARTBEAT_STATE);
    put(
        out,
        "telemetry/heartbeat.jsonl.schema.json",
        HeartbeatGens.observations(),
        Codecs.HEARTBEAT_OBSERVATION);
    put(out, "sequence-state.json.schema.json", SequenceGens.states(), Codecs.SEQUENCE_STATE);
    put(
        out,
        "telemetry/sequence.jsonl.schema.json",
        SequenceGens.observations(),
        Codecs.SEQUENCE_OBSERVATION);
    put(out, "health.json.schema.json", HealthGens.healths(), Codecs.HEALTH);
    put(
        out,
        "telemetry/transport-health.json.schema.json",
        HealthGens.transportHealths(),
        Codecs.TRANSPORT_HEALTH);
    put(out, "cursor.json.schema.json", EnvelopeGens.cursorStates(), Codecs.CURSOR_STATE);
    put(
        out,
        "alert-dispatch-state.json.schema.json",
        ReconcileGens.alertDispatchStates(),
        Codecs.ALERT_DISPATCH_STATE);
    put(out, "intents.jsonl.schema.json", AuditGens.intentRows(), Codecs.INTENT_ROW);
    put(out, "telemetry/control.jsonl.schema.json", AuditGens.controlRows(), Codecs.CONTROL_ROW);
    put(
        out,
        "telemetry/control-invocations.jsonl.schema.json",
        AuditGens.invocations(),
        Codecs.CONTROL_INVOCATION);
    put(
        out,
        "telemetry/control-invocations.inflight.jsonl.schema.json",
        AuditGens.inFlightRows(),
        Codecs.IN_FLIGHT_ROW);
    put(
        out,
        "telemetry/reconcile.jsonl.schema.json",
        ReconcileGens.reconcileRows(),
        Codecs.RECONCILE_ROW);
    put(
        out,
        "escalations.jsonl.schema.json",
        ReconcileGens.escalationRows(),
        Codecs.ESCALATION_ROW);
    put(out, "telemetry/alerts.jsonl.schema.json", ReconcileGens.alertRows(), Codecs.ALERT_ROW);
    put(
        out,
        "envelopes/loop_run_snapshot.schema.json",
        EnvelopeGens.snapshots(),
        Codecs.SNAPSHOT_ENVELOPE);
    put(out, "envelopes/loop_run_event.schema.json", EnvelopeGens.events(), Codecs.EVENT_ENVELOPE);
    put(
        out,
        "envelopes/events_answer.schema.json",
        EnvelopeGens.eventsAnswers(),
        Codecs.EVENTS_ANSWER);
    put(
        out,
        "envelopes/control_answer.schema.json",
        EnvelopeGens.controlAnswers(),
        AnswerCodecs.CONTROL_ANSWER);
    put(
        out,
        "envelopes/error_answer.schema.json",
        EnvelopeGens.errorAnswers(),
        AnswerCodecs.ERROR_ANSWER);
    // state.json: the library merges health, trace and sequence into the project state
    List<String> states = new ArrayList<>();
    List<String> healths = out.getOrDefault("health.json.schema.json", List.of());
    List<String> sequences = out.getOrDefault("sequence-state.json.schema.json", List.of());
    List<String> traces = ValueGens.traceIds().map(t -> t.value()).samples(11L, SAMPLES);
    for (int i = 0; i < SAMPLES; i++) {
      states.add(
          "{\"schemaVersion\":\"v1\",\"generatedAt\":\"2026-03-01T12:00:00Z\",\"projection\":{\"status\":\"running\"},"
              + "\"health\":"
              + healths.get(i).strip()
              + ",\"trace\":{\"fleetTraceId\":\"x\",\"reconcileTraceId\":"
              + JsonValue.of(traces.get(i)).toJson()
              + "},\"sequence\":"
              + sequences.get(i).strip()
              + "}");
    }
    out.put("state.json.schema.json", states);
    // RT/events.jsonl: runtime lines, malformed ones included (the library's verdict decides)
    List<String> lines = new ArrayList<>();
    for (LogLine l :
        HistoryGens.lines("schema-loop", Instant.parse("2026-03-01T12:00:00Z"), true)
            .samples(12L, SAMPLES)) {
      lines.add(l.text());
    }
    out.put("events.jsonl.schema.json", lines);
    return out;
  }

  private static <T> void put(
      Map<String, List<String>> out, String schema, Gen<T> gen, JsonCodec<T> codec) {
    out.put(schema, gen.samples(schema.hashCode(), SAMPLES).stream().map(codec::encode).toList());
  }

  /** What the producer writes: heartbeats, event lines, high-water marks. */
  private Map<String, List<String>> produced() throws IOException {
    Map<String, List<String>> out = new TreeMap<>();
    Path repo = work.resolve("produced");
    List<String> heartbeats = new ArrayList<>();
    List<Long> seconds = ValueGens.nonNegativeLongs().map(s -> s % 4_000_000_000L).samples(13L, 30);
    for (long s : seconds) {
      HeartbeatWriter hb =
          HeartbeatWriter.builder(repo, "schema-loop")
              .clock(Clock.fixed(Instant.ofEpochSecond(s, 987_000_000), ZoneOffset.UTC))
              .field("pid", JsonValue.of(s % 65_536))
              .force(false)
              .build();
      hb.beat(s % 2 == 0 ? "running" : "waiting", "stage-" + (s % 7));
      heartbeats.add(SchemaHarness.read(hb.file()));
    }
    out.put("heartbeat.v1.json.schema.json", heartbeats);
    Path dir = repo.resolve(".superloop/loops/schema-loop");
    List<String> marks = new ArrayList<>();
    try (EventLog log =
        EventLog.builder(repo, "schema-loop").force(false).checkpointEvery(1).open()) {
      for (int i = 0; i < 20; i++) {
        log.append(
            "iteration_start",
            Map.of("iteration", JsonValue.of(i), "message", JsonValue.of("m\u00e9\n" + i)));
        marks.add(SchemaHarness.read(dir.resolve("events.hwm.json")));
        if (i == 10) {
          log.restartFromOne();
        }
      }
    }
    out.put("events.hwm.json.schema.json", marks);
    out.put("events.jsonl.schema.json", Files.readAllLines(dir.resolve("events.jsonl")));
    return out;
  }

  @Test
  void everyFileOfALoopAndEveryMessageHasItsSchema() {
    SchemaHarness h = new SchemaHarness(work);
    List<String> files = SchemaHarness.schemaFiles();
    for (String f : files) {
      h.schema(f); // loads, with every reference it makes
    }
    List<String> expected = new ArrayList<>();
    for (LoopArtifact a : LoopArtifact.values()) {
      expected.add(a.defaultPath() + ".schema.json");
    }
    expected.addAll(
        List.of(
            "heartbeat.v1.json.schema.json",
            "events.jsonl.schema.json",
            "events.hwm.json.schema.json",
            "envelopes/loop_run_snapshot.schema.json",
            "envelopes/loop_run_event.schema.json",
            "envelopes/events_answer.schema.json",
            "envelopes/control_answer.schema.json",
            "envelopes/error_answer.schema.json",
            "defs.schema.json"));
    expected.sort(null);
    assertEquals(
        expected, files, "one schema per file of a loop and per message (docs/schema/README.md)");
    // every schema is a draft 2020-12 schema by the meta-schema itself
    SchemaHarness meta = new SchemaHarness(work);
    for (String f : files) {
      String text = SchemaHarness.read(SchemaHarness.SCHEMAS.resolve(f));
      assertTrue(text.contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\""), f);
      assertEquals(List.of(), meta.metaErrors(text), f);
    }
  }

  @Test
  void generatedAndProducedDocumentsValidateAndAgreeWithTheLibrary() throws IOException {
    SchemaHarness h = new SchemaHarness(work);
    Map<String, List<String>> docs = generated();
    produced()
        .forEach(
            (k, v) -> docs.merge(k, v, (a, b) -> Stream.concat(a.stream(), b.stream()).toList()));
    Counts c = new Counts();
    for (Map.Entry<String, List<String>> e : docs.entrySet()) {
      for (String d : e.getValue()) {
        c.judge(h, e.getKey(), d, "generated");
      }
    }
    c.print("generated and produced documents");
    c.assertNoDisagreement();
    assertTrue(c.bothAccept > 2000, "most generated documents are valid");
  }

  @Test
  void fixturesConformanceExpectedFilesAndTheDemoValidate() throws IOException {
    SchemaHarness h = new SchemaHarness(work);
    Counts c = new Counts();
    Path repo = CliTest.repo();
    // the reference's fixtures
    Map<String, String> fixtures = new LinkedHashMap<>();
    fixtures.put("fixtures/reference/event.v1.json", "envelopes/loop_run_event.schema.json");
    fixtures.put("fixtures/reference/snapshot.v1.json", "envelopes/loop_run_snapshot.schema.json");
    fixtures.put(
        "fixtures/reference/core/snapshot-running.v1.json",
        "envelopes/loop_run_snapshot.schema.json");
    fixtures.put(
        "fixtures/reference/core/snapshot-approval-completion-conflict.v1.json",
        "envelopes/loop_run_snapshot.schema.json");
    fixtures.put(
        "fixtures/reference/core/events-running.ndjson", "envelopes/loop_run_event.schema.json");
    fixtures.put(
        "fixtures/reference/observability/intents-ambiguous.jsonl", "intents.jsonl.schema.json");
    fixtures.put(
        "fixtures/reference/observability/transport-health-critical.json",
        "telemetry/transport-health.json.schema.json");
    fixtures.put(
        "fixtures/reference/service/events-batch.v1.json", "envelopes/events_answer.schema.json");
    fixtures.put(
        "fixtures/reference/service/unauthorized-response.json",
        "envelopes/error_answer.schema.json");
    for (Map.Entry<String, String> f : fixtures.entrySet()) {
      for (String d : documents(repo.resolve(f.getKey()))) {
        c.mustValidate(h, f.getValue(), d, f.getKey());
      }
    }
    // the conformance cases' expected loop files (the reference's outputs)
    try (Stream<Path> cases = Files.list(repo.resolve("conformance/expected"))) {
      for (Path dir : cases.sorted().toList()) {
        for (String name :
            List.of("health.json", "heartbeat.json", "sequence-state.json", "state.json")) {
          Path p = dir.resolve(name);
          if (Files.exists(p)) {
            c.mustValidate(
                h, name + ".schema.json", SchemaHarness.read(p), repo.relativize(p).toString());
          }
        }
      }
    }
    // every file the demo writes
    Path demo = work.resolve("demo");
    assertEquals(0, CliTest.run("demo", "--dir", demo.toString()).status());
    Path ops = demo.resolve(".superloop/ops-manager/demo-loop");
    Path rt = demo.resolve(".superloop/loops/demo-loop");
    int demoFiles = 0;
    for (Path root : List.of(ops, rt)) {
      try (Stream<Path> s = Files.walk(root)) {
        for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
          String rel = root.relativize(p).toString().replace('\\', '/');
          if (!rel.endsWith(".json") && !rel.endsWith(".jsonl")) {
            continue; // .lock files: empty
          }
          demoFiles++;
          String schema = rel + ".schema.json";
          for (String d : documents(p)) {
            if (rel.equals("events.jsonl")) {
              c.judge(h, schema, d, "demo " + rel); // the demo's runtime tears one line on purpose
            } else {
              c.mustValidate(h, schema, d, "demo " + rel);
            }
          }
        }
      }
    }
    c.print("fixtures, conformance expected files and " + demoFiles + " demo files");
    c.assertNoDisagreement();
    assertEquals(1, c.bothReject, "exactly the demo's torn runtime line is rejected, by both");
    assertTrue(demoFiles >= 12, "the demo wrote " + demoFiles + " JSON files");
  }

  @Test
  void mutationsTheSchemaRejectsTheLibraryRejectsToo() throws IOException {
    SchemaHarness h = new SchemaHarness(work);
    Map<String, List<String>> docs = generated();
    produced()
        .forEach(
            (k, v) -> docs.merge(k, v, (a, b) -> Stream.concat(a.stream(), b.stream()).toList()));
    docs.computeIfPresent(
        "envelopes/loop_run_event.schema.json",
        (k, v) ->
            Stream.concat(
                    documents(
                        CliTest.repo().resolve("fixtures/reference/core/events-running.ndjson"))
                        .stream(),
                    v.stream())
                .toList());
    docs.computeIfPresent(
        "envelopes/loop_run_snapshot.schema.json",
        (k, v) ->
            Stream.concat(
                    Stream.of(
                        SchemaHarness.read(
                            CliTest.repo().resolve("fixtures/reference/snapshot.v1.json"))),
                    v.stream())
                .toList());
    docs.computeIfPresent(
        "envelopes/events_answer.schema.json",
        (k, v) ->
            Stream.concat(
                    Stream.of(
                        SchemaHarness.read(
                            CliTest.repo()
                                .resolve("fixtures/reference/service/events-batch.v1.json"))),
                    v.stream())
                .toList());
    Counts c = new Counts();
    for (Map.Entry<String, List<String>> e : docs.entrySet()) {
      int seeds = 0;
      for (String d : e.getValue()) {
        if (seeds == MUTATED_PER_SCHEMA) {
          break;
        }
        if (!h.schemaAccepts(e.getKey(), d) || !h.libraryAccepts(e.getKey(), d)) {
          continue; // mutate valid documents only
        }
        seeds++;
        for (SchemaHarness.Mutation m : SchemaHarness.mutations(Json.parse(d), 4)) {
          c.judge(h, e.getKey(), m.document(), m.what());
        }
      }
      assertEquals(MUTATED_PER_SCHEMA, seeds, "valid documents to mutate for " + e.getKey());
    }
    c.print("mutations of " + (docs.size() * MUTATED_PER_SCHEMA) + " valid documents");
    c.assertNoDisagreement();
  }

  /** The documents of a file: one per line of a .jsonl/.ndjson file, else the whole file. */
  private static List<String> documents(Path p) {
    String text = SchemaHarness.read(p);
    String name = p.getFileName().toString();
    if (!name.endsWith(".jsonl") && !name.endsWith(".ndjson")) {
      return List.of(text);
    }
    List<String> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length - 1; i++) { // the part after the last newline is no line
      if (!lines[i].isEmpty()) {
        out.add(lines[i]);
      }
    }
    return out;
  }

  /** Verdicts of the schema and of the library, counted. */
  private static final class Counts {
    long bothAccept;
    long bothReject;
    long onlyLibraryRejects;
    final Map<String, Long> looser = new TreeMap<>();
    final List<String> looserExamples = new ArrayList<>();
    final List<String> disagreements = new ArrayList<>();
    final List<String> invalid = new ArrayList<>();

    void judge(SchemaHarness h, String schema, String doc, String what) {
      List<String> errors = h.errors(schema, doc);
      boolean lib = h.libraryAccepts(schema, doc);
      if (errors.isEmpty() && lib) {
        bothAccept++;
      } else if (!errors.isEmpty() && !lib) {
        bothReject++;
      } else if (errors.isEmpty()) {
        onlyLibraryRejects++;
        looser.merge(schema, 1L, Long::sum);
        looserExamples.add(
            schema
                + ": "
                + what
                + (what.equals("generated")
                    ? ": " + h.libraryFindings(schema, doc) + " " + clip(doc)
                    : ""));
      } else {
        disagreements.add(
            schema
                + ": "
                + what
                + ": the schema rejects ("
                + errors.get(0)
                + "), the library accepts: "
                + clip(doc));
      }
    }

    void mustValidate(SchemaHarness h, String schema, String doc, String what) {
      List<String> errors = h.errors(schema, doc);
      if (!errors.isEmpty()) {
        invalid.add(what + " against " + schema + ": " + errors + ": " + clip(doc));
      }
      judge(h, schema, doc, what);
    }

    void print(String what) {
      System.out.printf(
          "schemas, %s: %d documents; both accept %d, both reject %d, only the library rejects %d %s; disagreements %d%n",
          what,
          bothAccept + bothReject + onlyLibraryRejects + disagreements.size(),
          bothAccept,
          bothReject,
          onlyLibraryRejects,
          looser,
          disagreements.size());
      if (!looserExamples.isEmpty()) {
        System.out.println(
            "  the schema is looser on, e.g.: "
                + looserExamples.subList(0, Math.min(8, looserExamples.size())));
        keep("schema-looser.txt", looserExamples); // printed above
      }
    }

    void assertNoDisagreement() {
      if (!disagreements.isEmpty()) {
        keep("schema-disagreements.txt", disagreements); // the assertion below still names them
      }
      assertEquals(
          List.of(),
          invalid,
          "documents the library wrote or the reference's that do not validate");
      assertEquals(
          List.of(), disagreements, "documents the schema rejects and the library accepts");
    }

    /** Appends {@code lines} to {@code target/<name>} for a look after the run (best effort). */
    private static void keep(String name, List<String> lines) {
      try {
        Files.write(
            Path.of("target", name),
            lines,
            java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.APPEND);
      } catch (IOException e) {
        // only a copy: the findings are printed or asserted by the caller
      }
    }

    private static String clip(String s) {
      return s.length() > 400 ? s.substring(0, 400) + "..." : s;
    }
  }
}
