package io.superloop.visibility.testkit.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.OpenWireValue;
import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.audit.ConfirmationStatus;
import io.superloop.visibility.api.audit.ExecutionStatus;
import io.superloop.visibility.api.audit.Intent;
import io.superloop.visibility.api.audit.InvocationPhase;
import io.superloop.visibility.api.audit.OutcomeStatus;
import io.superloop.visibility.api.envelope.EnvelopeType;
import io.superloop.visibility.api.health.FailureCode;
import io.superloop.visibility.api.health.HealthStatus;
import io.superloop.visibility.api.health.IngestStatus;
import io.superloop.visibility.api.health.Severity;
import io.superloop.visibility.api.heartbeat.FreshnessStatus;
import io.superloop.visibility.api.heartbeat.HeartbeatObservationStatus;
import io.superloop.visibility.api.internal.ObjectCodec;
import io.superloop.visibility.api.internal.answer.AnswerCodecs;
import io.superloop.visibility.api.internal.answer.ServiceErrorCode;
import io.superloop.visibility.api.internal.json.JsonObject;
import io.superloop.visibility.api.internal.json.JsonString;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonCodec;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.api.reconcile.AlertDispatchStatus;
import io.superloop.visibility.api.reconcile.AlertRow;
import io.superloop.visibility.api.reconcile.AlertStatus;
import io.superloop.visibility.api.reconcile.HealthEscalation;
import io.superloop.visibility.api.reconcile.OrderingDriftEscalation;
import io.superloop.visibility.api.reconcile.OtherEscalation;
import io.superloop.visibility.api.reconcile.ReconcileSequenceStatus;
import io.superloop.visibility.api.sequence.SequenceStatus;
import io.superloop.visibility.api.sequence.ViolationCode;
import io.superloop.visibility.core.source.LineKind;
import io.superloop.visibility.core.source.LocalEventSource;
import io.superloop.visibility.core.source.ScanResult;
import io.superloop.visibility.core.source.ScanStart;
import io.superloop.visibility.core.store.LoopArtifact;
import io.superloop.visibility.core.store.LoopLayout;
import io.superloop.visibility.core.time.TimestampSyntax;
import io.superloop.visibility.core.time.Timestamps;
import io.superloop.visibility.testkit.codecs.AllCodecs;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps {@code docs/artifact-contract.md} true (see {@link ContractDoc} for its markers):
 *
 * <ol>
 *   <li>every example decodes with the library's codec of its artifact and re-encodes to exactly
 *       the same bytes, without a field the codec does not know, at any level;
 *   <li>every artifact section has an example, and the files documented are exactly the files of
 *       {@link LoopArtifact} and {@link LoopLayout}; every top-level codec of the api has an
 *       example;
 *   <li>every field table lists exactly the fields its codec writes (found by encoding generated
 *       values, so an added codec field without a doc row fails, and a doc row naming no codec
 *       field fails);
 *   <li>every value-set table lists exactly the wire values the code defines, and the value sets
 *       are every wire enum and {@link OpenWireValue} type of the api plus {@link ErrorCode}.
 * </ol>
 */
class ArtifactContractDocTest {

  /**
   * The codec of each documented artifact and message (independent of the doc's own "codec" rows).
   */
  static final Map<String, JsonCodec<?>> CODECS =
      Map.ofEntries(
          Map.entry("OPS/heartbeat.json", Codecs.HEARTBEAT_STATE),
          Map.entry("OPS/telemetry/heartbeat.jsonl", Codecs.HEARTBEAT_OBSERVATION),
          Map.entry("OPS/sequence-state.json", Codecs.SEQUENCE_STATE),
          Map.entry("OPS/telemetry/sequence.jsonl", Codecs.SEQUENCE_OBSERVATION),
          Map.entry("OPS/health.json", Codecs.HEALTH),
          Map.entry("OPS/state.json", Json.RAW),
          Map.entry("OPS/cursor.json", Codecs.CURSOR_STATE),
          Map.entry("OPS/telemetry/transport-health.json", Codecs.TRANSPORT_HEALTH),
          Map.entry("OPS/alert-dispatch-state.json", Codecs.ALERT_DISPATCH_STATE),
          Map.entry("OPS/intents.jsonl", Codecs.INTENT_ROW),
          Map.entry("OPS/telemetry/control.jsonl", Codecs.CONTROL_ROW),
          Map.entry("OPS/telemetry/control-invocations.jsonl", Codecs.CONTROL_INVOCATION),
          Map.entry("OPS/telemetry/control-invocations.inflight.jsonl", Codecs.IN_FLIGHT_ROW),
          Map.entry("OPS/escalations.jsonl", Codecs.ESCALATION_ROW),
          Map.entry("OPS/telemetry/reconcile.jsonl", Codecs.RECONCILE_ROW),
          Map.entry("OPS/telemetry/alerts.jsonl", Codecs.ALERT_ROW),
          Map.entry("RT/heartbeat.v1.json", Json.RAW),
          Map.entry("RT/events.jsonl", Json.RAW),
          Map.entry("wire:loop_run_snapshot", Codecs.SNAPSHOT_ENVELOPE),
          Map.entry("wire:loop_run_event", Codecs.EVENT_ENVELOPE),
          Map.entry("wire:events_answer", Codecs.EVENTS_ANSWER),
          Map.entry("wire:control_answer", AnswerCodecs.CONTROL_ANSWER),
          Map.entry("wire:error_answer", AnswerCodecs.ERROR_ANSWER),
          Map.entry("wire:status_visibility", Codecs.VISIBILITY_SUMMARY));

  /** Messages and files of one document (one line), as opposed to logs and streams. */
  static final Set<String> SINGLE_DOCUMENT =
      Set.of(
          "RT/heartbeat.v1.json",
          "wire:loop_run_snapshot",
          "wire:events_answer",
          "wire:control_answer",
          "wire:error_answer",
          "wire:status_visibility");

  /**
   * Codec constants that are parts of a documented artifact rather than artifacts of their own:
   * nested objects, value sets, the three escalation variants of {@code ESCALATION}, and {@code
   * EVENTS_ANSWER_SEQUENCES}, a reading of the events answer that keeps only sequence values.
   */
  static final Set<String> PARTS =
      Set.of(
          "Codecs.HEARTBEAT_THRESHOLDS",
          "Codecs.HEARTBEAT_OBSERVATION_STATUS",
          "Codecs.ENVELOPE_SOURCE",
          "Codecs.ENVELOPE_CURSOR",
          "Codecs.ARTIFACT_REF",
          "Codecs.EVENTS_CURSOR",
          "AnswerCodecs.SERVICE_ERROR",
          "Codecs.EVENTS_ANSWER_SEQUENCES",
          "Codecs.HEALTH_STATUS",
          "Codecs.SEVERITY",
          "Codecs.INGEST_STATUS",
          "Codecs.FAILURE_CODE",
          "Codecs.HEALTH_REASON",
          "Codecs.HEALTH_METRICS",
          "Codecs.HEALTH_THRESHOLDS",
          "Codecs.HEALTH_TRANSPORT",
          "Codecs.HEALTH_EVIDENCE",
          "Codecs.INTENT",
          "Codecs.CONFIRMATION_STATUS",
          "Codecs.OUTCOME_STATUS",
          "Codecs.EXECUTION_STATUS",
          "Codecs.INVOCATION_PHASE",
          "Codecs.CONTROL_REQUEST",
          "Codecs.CONTROL_EXECUTION",
          "Codecs.CONTROL_CONFIRMATION",
          "Codecs.CONTROL_OUTCOME",
          "Codecs.RECONCILE_SEQUENCE_STATUS",
          "Codecs.ALERT_STATUS",
          "Codecs.ALERT_DISPATCH_STATUS",
          "Codecs.ORDERING_DRIFT_ESCALATION",
          "Codecs.HEALTH_ESCALATION",
          "Codecs.OTHER_ESCALATION",
          "Codecs.VIOLATION_CODE",
          "Codecs.SEQUENCE_STATUS",
          "Codecs.SNAPSHOT_DIAGNOSTICS",
          "Codecs.EVENT_DIAGNOSTICS",
          "Codecs.SEQUENCE_TRANSITION",
          "Codecs.HEARTBEAT_OBSERVATION_SURFACE",
          "Codecs.HEARTBEAT_SURFACE",
          "Codecs.SEQUENCE_SURFACE",
          "Codecs.INVOCATION_AUDIT_SURFACE",
          "Codecs.TRACE_SURFACE");

  /** Records whose unknown fields legitimately hold data: the raw rest of another writer's row. */
  static final Set<Class<?>> RAW_REST = Set.of(AlertRow.class, OtherEscalation.class);

  /** The value sets the doc documents: every wire value type of the api and {@link ErrorCode}. */
  static final List<Class<?>> VALUE_SETS =
      List.of(
          Transport.class,
          FreshnessStatus.class,
          HeartbeatObservationStatus.class,
          SequenceStatus.class,
          ViolationCode.class,
          ReconcileSequenceStatus.class,
          HealthStatus.class,
          Severity.class,
          IngestStatus.class,
          FailureCode.class,
          Intent.class,
          OutcomeStatus.class,
          ExecutionStatus.class,
          ConfirmationStatus.class,
          InvocationPhase.class,
          AlertDispatchStatus.class,
          AlertStatus.class,
          EnvelopeType.class,
          ServiceErrorCode.class,
          ReasonCode.class,
          ErrorCode.class);

  /** Generated values per field table: enough that every optional field shows at least once. */
  static final int FIELD_SAMPLES = 400;

  private final ContractDoc doc = ContractDoc.load();

  // ------------------------------------------------------------------ 1. examples

  @TestFactory
  Stream<DynamicTest> everyExampleDecodesAndReencodesToTheSameBytes() {
    assertFalse(doc.examples.isEmpty(), "no examples found in " + doc.file);
    return doc.examples.stream().map(e -> DynamicTest.dynamicTest(e.name(), () -> checkExample(e)));
  }

  static void checkExample(ContractDoc.Example e) {
    JsonCodec<?> codec = CODECS.get(e.id());
    if (codec == null) {
      fail(e + ": no codec is known for artifact " + e.id());
    }
    if (isSingleDocument(e.id())) {
      assertEquals(1, e.lines().size(), e + ": a single-document artifact has a one-line example");
    }
    for (String line : e.lines()) {
      Object value = roundTrip(codec, line, e.toString());
      assertNoUnknownFields(value, e + " " + e.id());
    }
  }

  /** Decodes {@code line}, re-encodes, and requires the same bytes; returns the decoded value. */
  static <T> Object roundTrip(JsonCodec<T> codec, String line, String where) {
    T value;
    try {
      value = Json.DEFAULT.decode(codec, line);
    } catch (RuntimeException ex) {
      throw new AssertionError(where + ": does not decode: " + ex.getMessage(), ex);
    }
    assertEquals(line, Json.DEFAULT.encode(codec, value), where + ": re-encodes to other bytes");
    byte[] utf8 = line.getBytes(StandardCharsets.UTF_8);
    assertEquals(
        line,
        new String(
            Json.DEFAULT.encodeUtf8(codec, Json.DEFAULT.decode(codec, utf8), false),
            StandardCharsets.UTF_8),
        where + ": the UTF-8 path re-encodes to other bytes");
    return value;
  }

  static boolean isSingleDocument(String id) {
    if (SINGLE_DOCUMENT.contains(id)) {
      return true;
    }
    for (LoopArtifact a : LoopArtifact.values()) {
      if (id.equals("OPS/" + a.defaultPath())) {
        return a.kind() == LoopArtifact.Kind.STATE;
      }
    }
    return false;
  }

  /**
   * Requires that no typed level of {@code value} holds unknown fields: a misspelt field in an
   * example would otherwise round-trip silently as an unknown one.
   */
  static void assertNoUnknownFields(Object value, String path) {
    if (value instanceof Optional<?> o) {
      o.ifPresent(v -> assertNoUnknownFields(v, path));
      return;
    }
    if (value instanceof Collection<?> c) {
      int i = 0;
      for (Object v : c) {
        assertNoUnknownFields(v, path + "[" + i++ + "]");
      }
      return;
    }
    Class<?> type = apiType(value.getClass());
    if (type == null) {
      return;
    }
    for (Method m : type.getMethods()) {
      if (m.getParameterCount() != 0
          || Modifier.isStatic(m.getModifiers())
          || !m.getDeclaringClass().getPackageName().startsWith("io.superloop.visibility.api")) {
        continue;
      }
      Object v = invoke(m, value);
      if (m.getName().equals("unknownFields")) {
        if (!RAW_REST.contains(type)) {
          assertEquals(Map.of(), v, path + ": fields the codec does not know (misspelt?)");
        }
      } else if (!m.getName().equals("keyOrder")
          && !m.getName().equals("memberOrder")
          && v != null) {
        assertNoUnknownFields(v, path + "." + m.getName());
      }
    }
  }

  /**
   * The public record type of the api that {@code c} implements (its Immutables class's parent).
   */
  static Class<?> apiType(Class<?> c) {
    for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
      if (Modifier.isPublic(k.getModifiers())
          && Modifier.isAbstract(k.getModifiers())
          && k.getPackageName().startsWith("io.superloop.visibility.api")) {
        try {
          k.getMethod("unknownFields");
          return k;
        } catch (NoSuchMethodException ex) {
          return null;
        }
      }
    }
    return null;
  }

  private static Object invoke(Method m, Object target) {
    try {
      return m.invoke(target);
    } catch (IllegalAccessException ex) {
      throw new IllegalStateException(m + ": " + ex.getMessage(), ex);
    } catch (InvocationTargetException ex) {
      throw new AssertionError(m + " threw " + ex.getCause(), ex.getCause());
    }
  }

  /**
   * {@code state.json}: the merged {@code health} and {@code sequence} are those records, byte for
   * byte.
   */
  @Test
  void stateJsonExampleHoldsAHealthAndASequenceState() {
    for (ContractDoc.Example e : examplesOf("OPS/state.json")) {
      JsonObject state = assertInstanceOf(JsonObject.class, Json.parse(e.lines().get(0)));
      JsonValue health = state.members().get("health");
      JsonValue sequence = state.members().get("sequence");
      JsonValue trace = state.members().get("trace");
      assertTrue(
          health != null && sequence != null && trace != null, e + ": health, trace and sequence");
      assertNoUnknownFields(
          roundTrip(Codecs.HEALTH, health.toJson(), e + " health"), e + " health");
      assertNoUnknownFields(
          roundTrip(Codecs.SEQUENCE_STATE, sequence.toJson(), e + " sequence"), e + " sequence");
      assertEquals(
          ((JsonObject) health).get("traceId").orElseThrow(),
          ((JsonObject) trace).get("reconcileTraceId").orElseThrow(),
          e + ": trace.reconcileTraceId is the health's trace");
    }
  }

  /** {@code RT/events.jsonl}: every example line is an event to the local source. */
  @Test
  void runtimeEventsExampleIsReadAsEvents(@TempDir Path dir) throws IOException {
    for (ContractDoc.Example e : examplesOf("RT/events.jsonl")) {
      Path log = dir.resolve("events.jsonl");
      Files.writeString(log, String.join("\n", e.lines()) + "\n", StandardCharsets.UTF_8);
      List<LineKind> kinds = new ArrayList<>();
      ScanResult r =
          new LocalEventSource()
              .scan(log, ScanStart.FROM_START, (n, kind, buf, off, len) -> kinds.add(kind));
      assertEquals(e.lines().size(), kinds.size(), e + ": one reported line per example line");
      assertTrue(
          kinds.stream().allMatch(k -> k == LineKind.EVENT),
          e + ": every line is an event: " + kinds);
      assertEquals(e.lines().size(), r.newlineCount(), e + ": newline count");
    }
  }

  /**
   * {@code cursor.json} (local) after reading the {@code RT/events.jsonl} example to its end: line
   * offset and count are its line count, the byte offset its length, the CRC-32 that of its last
   * 256 bytes (computed here with {@link CRC32}, independently of the library's scan).
   */
  @Test
  void cursorExampleMatchesTheRuntimeEventsExample() {
    List<ContractDoc.Example> logs = examplesOf("RT/events.jsonl");
    List<ContractDoc.Example> cursors = examplesOf("OPS/cursor.json");
    assertEquals(1, logs.size(), "one RT/events.jsonl example");
    assertEquals(1, cursors.size(), "one OPS/cursor.json example");
    byte[] bytes = (String.join("\n", logs.get(0).lines()) + "\n").getBytes(StandardCharsets.UTF_8);
    CRC32 crc = new CRC32();
    int from = Math.max(0, bytes.length - 256);
    crc.update(bytes, from, bytes.length - from);
    JsonObject cursor = (JsonObject) Json.parse(cursors.get(0).lines().get(0));
    long lines = logs.get(0).lines().size();
    assertEquals(
        Optional.of(JsonValue.of(lines)), cursor.get("eventLineOffset"), "eventLineOffset");
    assertEquals(Optional.of(JsonValue.of(lines)), cursor.get("eventLineCount"), "eventLineCount");
    assertEquals(
        Optional.of(JsonValue.of((long) bytes.length)),
        cursor.get("eventByteOffset"),
        "eventByteOffset");
    assertEquals(
        Optional.of(JsonValue.of(crc.getValue())), cursor.get("eventTailCrc32"), "eventTailCrc32");
  }

  /** {@code RT/heartbeat.v1.json}: the example's timestamp parses under both presets' syntaxes. */
  @Test
  void runtimeHeartbeatExampleHasAV1Timestamp() {
    for (ContractDoc.Example e : examplesOf("RT/heartbeat.v1.json")) {
      JsonObject hb = assertInstanceOf(JsonObject.class, Json.parse(e.lines().get(0)));
      JsonString ts = assertInstanceOf(JsonString.class, hb.members().get("timestamp"));
      for (TimestampSyntax s : TimestampSyntax.values()) {
        assertTrue(
            Timestamps.parseEpochMillis(ts.value(), s).isPresent(), e + ": timestamp under " + s);
      }
    }
  }

  /** {@code escalations.jsonl}: one example of each of the three row variants. */
  @Test
  void escalationExamplesCoverEveryVariant() {
    Set<Class<?>> seen = new LinkedHashSet<>();
    for (ContractDoc.Example e : examplesOf("OPS/escalations.jsonl")) {
      for (String line : e.lines()) {
        seen.add(apiType(Codecs.ESCALATION_ROW.decode(line).getClass()));
      }
    }
    assertEquals(
        Set.of(OrderingDriftEscalation.class, HealthEscalation.class, OtherEscalation.class), seen);
  }

  /**
   * The examples of artifact {@code id}; a section without one fails (a check must not pass empty).
   */
  private List<ContractDoc.Example> examplesOf(String id) {
    List<ContractDoc.Example> found =
        doc.examples.stream().filter(e -> e.id().equals(id)).collect(Collectors.toList());
    assertFalse(found.isEmpty(), "no example of " + id + " in " + doc.file);
    return found;
  }

  // ------------------------------------------------------------------ 2. sections and coverage

  @Test
  void everySectionHasAnExampleAndEveryExampleStandsInItsSection() {
    Set<String> withExamples = new TreeSet<>();
    for (ContractDoc.Example e : doc.examples) {
      assertEquals(e.id(), e.section(), e + " stands in the section of " + e.section());
      withExamples.add(e.id());
    }
    assertEquals(
        new TreeSet<>(doc.sections), withExamples, "artifact sections vs artifacts with examples");
    assertEquals(
        new TreeSet<>(CODECS.keySet()),
        new TreeSet<>(doc.sections),
        "artifact sections vs known codecs");
  }

  /**
   * The documented files are exactly the loop artifacts of {@link LoopArtifact} at their {@link
   * LoopLayout} paths and the runtime files of {@link LoopLayout}.
   */
  @Test
  void theFilesDocumentedAreTheFilesOfTheLayout() {
    LoopLayout layout = LoopLayout.of(Paths.get("/repo"), "loop");
    Set<String> expected = new TreeSet<>();
    for (LoopArtifact a : LoopArtifact.values()) {
      expected.add("OPS/" + slashes(layout.opsDir().relativize(layout.path(a))));
    }
    expected.add("RT/" + slashes(layout.runtimeDir().relativize(layout.runtimeHeartbeatFile())));
    expected.add("RT/" + slashes(layout.runtimeDir().relativize(layout.runtimeEventsFile())));
    Set<String> documented =
        doc.sections.stream()
            .filter(s -> !s.startsWith("wire:"))
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(expected, documented, "files of the layout vs file sections of the doc");

    // the lock file is not JSON: it is listed in the table of files that are not JSON
    String lock = "`OPS/" + slashes(layout.opsDir().relativize(layout.lockFile())) + "`";
    assertTrue(doc.text.contains("| " + lock + " |"), "the doc lists " + lock);

    // a new file method of LoopLayout must be documented (and added here)
    Set<String> pathMethods = new TreeSet<>();
    for (Method m : LoopLayout.class.getMethods()) {
      if (m.getParameterCount() == 0 && m.getReturnType() == Path.class) {
        pathMethods.add(m.getName());
      }
    }
    assertEquals(
        new TreeSet<>(
            List.of(
                "repoRoot",
                "opsDir",
                "telemetryDir",
                "runtimeDir",
                "lockFile",
                "runtimeHeartbeatFile",
                "runtimeEventsFile")),
        pathMethods,
        "LoopLayout's paths: a new file needs a section in the doc");
  }

  private static String slashes(Path p) {
    return p.toString().replace('\\', '/');
  }

  /**
   * Every codec constant of the api is the codec of a documented artifact or a known part of one.
   */
  @Test
  void everyTopLevelCodecHasAnExample() {
    Map<String, JsonCodec<?>> constants = AllCodecs.codecFields();
    Set<String> used = new TreeSet<>();
    for (String id : doc.sections) {
      JsonCodec<?> c = CODECS.get(id);
      constants.forEach(
          (name, codec) -> {
            if (codec == c) {
              used.add(name);
            }
          });
    }
    Set<String> unexplained = new TreeSet<>(constants.keySet());
    unexplained.removeAll(used);
    unexplained.removeAll(PARTS);
    assertEquals(
        Set.of(),
        unexplained,
        "codec constants that are neither a documented artifact nor a part of one");
    Set<String> stale = new TreeSet<>(PARTS);
    stale.removeAll(constants.keySet());
    assertEquals(Set.of(), stale, "PARTS names codecs that do not exist");
  }

  /**
   * Each codec declares the {@code schemaVersion} rule the doc's index gives its artifact (contract
   * 1.0): {@code v1} (also "per row", "per envelope") is {@link ObjectCodec.SchemaVersion#V1},
   * {@code none} is {@link ObjectCodec.SchemaVersion#NONE}; a file read raw ({@code not checked},
   * or project-state's own {@code v1}) has no object codec. The escalation log is checked through
   * its three row codecs.
   */
  @Test
  void everyCodecDeclaresTheSchemaVersionRuleOfTheIndex() {
    Map<String, String> wireRows =
        Map.of(
            "`loop_run_snapshot`", "wire:loop_run_snapshot",
            "`loop_run_event`", "wire:loop_run_event",
            "events answer", "wire:events_answer",
            "control answer", "wire:control_answer",
            "error answer", "wire:error_answer",
            "status `visibility` object", "wire:status_visibility");
    Pattern row = Pattern.compile("^\\| \\[([^\\]]+)\\]\\(#[^)]*\\) \\| [^|]+ \\| ([^|]+) \\|.*$");
    String index =
        doc.text.substring(
            doc.text.indexOf("## Index"), doc.text.indexOf("### Files that are not JSON"));
    Set<String> checked = new TreeSet<>();
    for (String line : index.split("\n")) {
      Matcher m = row.matcher(line);
      if (!m.matches()) {
        continue;
      }
      String label = m.group(1);
      String id =
          label.matches("`(OPS|RT)/[^`]+`")
              ? label.substring(1, label.length() - 1)
              : wireRows.get(label);
      assertTrue(
          id != null && CODECS.containsKey(id), "index row " + label + " names a known artifact");
      String cell = m.group(2).trim();
      List<JsonCodec<?>> codecs =
          id.equals("OPS/escalations.jsonl")
              ? List.of(
                  Codecs.ORDERING_DRIFT_ESCALATION,
                  Codecs.HEALTH_ESCALATION,
                  Codecs.OTHER_ESCALATION)
              : List.of(CODECS.get(id));
      for (JsonCodec<?> codec : codecs) {
        if (codec instanceof ObjectCodec<?, ?> o) {
          ObjectCodec.SchemaVersion expected =
              cell.startsWith("`v1`")
                  ? ObjectCodec.SchemaVersion.V1
                  : cell.equals("none") ? ObjectCodec.SchemaVersion.NONE : null;
          assertEquals(expected, o.schemaVersion(), id + ": index says " + cell);
        } else {
          assertEquals(Json.RAW, codec, id + ": neither an object codec nor read raw");
          assertTrue(
              cell.equals("not checked") || cell.equals("none") || cell.contains("project-state"),
              id + ": read raw, index says " + cell);
        }
      }
      checked.add(id);
    }
    assertEquals(new TreeSet<>(CODECS.keySet()), checked, "every artifact has an index row");
  }

  // ------------------------------------------------------------------ 3. field tables

  @TestFactory
  Stream<DynamicTest> everyFieldTableListsExactlyTheFieldsItsCodecWrites() {
    assertFalse(doc.fieldTables.isEmpty(), "no field tables found");
    return doc.fieldTables.stream()
        .map(
            t ->
                DynamicTest.dynamicTest(
                    t.key() + " (line " + t.docLine() + ")", () -> checkFieldTable(t)));
  }

  static void checkFieldTable(ContractDoc.Table t) {
    AllCodecs.Entry<?> entry =
        AllCodecs.ALL.stream()
            .filter(x -> x.name().equals(t.key()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("line " + t.docLine() + ": no codec " + t.key()));
    Written written = written(entry);
    assertEquals(
        new TreeSet<>(written.fields()),
        new TreeSet<>(t.firstColumn()),
        "line " + t.docLine() + ": fields " + t.key() + " writes vs the fields the doc lists");
    for (List<String> order : written.orders()) {
      List<String> docOrder =
          t.firstColumn().stream().filter(order::contains).collect(Collectors.toList());
      assertEquals(
          order,
          docOrder,
          "line " + t.docLine() + ": the doc lists the fields of " + t.key() + " in written order");
    }
  }

  /** The known fields a codec wrote over generated values, and each value's order of them. */
  record Written(Set<String> fields, List<List<String>> orders) {}

  /**
   * The known fields {@code entry}'s codec writes over generated values: every key of the encoded
   * object that is not one of the value's unknown fields. Values that carry a read key order (rows
   * and envelopes of other writers keep theirs) give no order.
   */
  static <T> Written written(AllCodecs.Entry<T> entry) {
    Set<String> fields = new TreeSet<>();
    List<List<String>> orders = new ArrayList<>();
    for (T value : entry.gen().samples(20260301L, FIELD_SAMPLES)) {
      JsonValue v = Json.parse(entry.codec().encode(value));
      if (!(v instanceof JsonObject o)) {
        throw new AssertionError(entry.name() + " does not write an object");
      }
      Set<String> unknown = unknownKeys(value);
      List<String> order = new ArrayList<>();
      for (String k : o.members().keySet()) {
        if (!unknown.contains(k)) {
          order.add(k);
        }
      }
      fields.addAll(order);
      if (!hasReadOrder(value)) {
        orders.add(order);
      }
    }
    return new Written(fields, orders);
  }

  private static boolean hasReadOrder(Object value) {
    Class<?> type = apiType(value.getClass());
    for (String name : List.of("keyOrder", "memberOrder")) {
      try {
        if (type != null && !((List<?>) type.getMethod(name).invoke(value)).isEmpty()) {
          return true;
        }
      } catch (NoSuchMethodException ex) {
        // no read order on this record
      } catch (ReflectiveOperationException ex) {
        throw new IllegalStateException(ex);
      }
    }
    return false;
  }

  private static Set<String> unknownKeys(Object value) {
    Class<?> type = apiType(value.getClass());
    if (type == null) {
      return Set.of();
    }
    try {
      Object m = type.getMethod("unknownFields").invoke(value);
      return ((Map<?, ?>) m).keySet().stream().map(String::valueOf).collect(Collectors.toSet());
    } catch (ReflectiveOperationException ex) {
      throw new IllegalStateException(ex);
    }
  }

  /** Every artifact with a typed codec has a field table of that codec. */
  @Test
  void everyTypedArtifactHasAFieldTable() {
    Set<String> tables =
        doc.fieldTables.stream().map(ContractDoc.Table::key).collect(Collectors.toSet());
    Map<String, JsonCodec<?>> constants = AllCodecs.codecFields();
    Set<String> missing = new TreeSet<>();
    for (String id : doc.sections) {
      JsonCodec<?> c = CODECS.get(id);
      if (c == Json.RAW) {
        continue;
      }
      constants.forEach(
          (name, codec) -> {
            if (codec == c && !tables.contains(name) && !name.equals("Codecs.ESCALATION_ROW")) {
              missing.add(id + " (" + name + ")");
            }
          });
    }
    assertEquals(Set.of(), missing, "artifacts without a field table of their codec");
  }

  // ------------------------------------------------------------------ 4. value sets

  @Test
  void everyValueSetTableListsExactlyTheCodesWireValues() {
    Map<String, Set<String>> documented = new TreeMap<>();
    doc.codeTables.forEach((k, t) -> documented.put(k, new TreeSet<>(t.firstColumn())));
    Map<String, Set<String>> defined = new TreeMap<>();
    for (Class<?> c : VALUE_SETS) {
      defined.put(c.getSimpleName(), new TreeSet<>(wireValues(c)));
    }
    assertEquals(
        defined.keySet(),
        documented.keySet(),
        "value sets the code defines vs value sets the doc lists");
    Map<String, String> mismatches = new TreeMap<>();
    for (String set : defined.keySet()) {
      Set<String> notDocumented = new TreeSet<>(defined.get(set));
      notDocumented.removeAll(documented.get(set));
      Set<String> notDefined = new TreeSet<>(documented.get(set));
      notDefined.removeAll(defined.get(set));
      if (!notDocumented.isEmpty() || !notDefined.isEmpty()) {
        mismatches.put(
            set,
            "defined but not in the doc "
                + notDocumented
                + ", in the doc but not defined "
                + notDefined);
      }
    }
    assertEquals(Map.of(), mismatches, "value sets whose doc table differs from the code");
  }

  /** The documented sequence violation codes and the two codes the brief singles out are there. */
  @Test
  void theValueSetsHoldTheStandingCodes() {
    Set<String> reasons = new TreeSet<>(doc.codeTables.get("ReasonCode").firstColumn());
    assertTrue(
        reasons.containsAll(Set.of("runtime_heartbeat_stale", "ordering_drift_detected")),
        reasons.toString());
    assertEquals(
        List.of(
            "event_sequence_missing",
            "event_sequence_non_monotonic",
            "event_sequence_regression",
            "snapshot_sequence_missing",
            "snapshot_sequence_regression"),
        doc.codeTables.get("ViolationCode").firstColumn(),
        "the five violation codes, in their canonical (byte) order");
  }

  /**
   * The wire strings of one value set: enum constants' {@code wire()}, or an open set's {@code
   * known()}.
   */
  static List<String> wireValues(Class<?> type) {
    List<String> out = new ArrayList<>();
    try {
      if (type.isEnum()) {
        Method wire = type.getMethod("wire");
        for (Object constant : type.getEnumConstants()) {
          out.add((String) wire.invoke(constant));
        }
      } else {
        for (Object v : (Collection<?>) type.getMethod("known").invoke(null)) {
          out.add(((OpenWireValue) v).wire());
        }
      }
    } catch (ReflectiveOperationException ex) {
      throw new IllegalStateException(type + ": " + ex, ex);
    }
    return out;
  }

  /**
   * {@link #VALUE_SETS} is every value-set type of the api: every subclass of {@link OpenWireValue}
   * (the open sets) and every enum with a {@code wire()} method (the closed ones), found by
   * scanning the api's compiled classes (a directory or a jar).
   */
  @Test
  void theValueSetsAreEveryWireValueTypeOfTheApi() throws IOException {
    Set<String> found = new TreeSet<>();
    for (String name : apiClassNames()) {
      Class<?> c;
      try {
        c = Class.forName(name, false, OpenWireValue.class.getClassLoader());
      } catch (ClassNotFoundException | LinkageError ex) {
        throw new AssertionError("cannot load " + name, ex);
      }
      if (c == OpenWireValue.class || c.isInterface() || Modifier.isAbstract(c.getModifiers())) {
        continue;
      }
      boolean wireEnum = c.isEnum() && hasWireMethod(c);
      if (OpenWireValue.class.isAssignableFrom(c) || wireEnum) {
        found.add(c.getName());
      }
    }
    Set<String> listed =
        VALUE_SETS.stream().map(Class::getName).collect(Collectors.toCollection(TreeSet::new));
    assertTrue(found.size() >= 20, "the scan found the api's value sets: " + found);
    assertEquals(found, listed, "wire value types of the api vs VALUE_SETS");
  }

  private static boolean hasWireMethod(Class<?> c) {
    try {
      return c.getMethod("wire").getReturnType() == String.class;
    } catch (NoSuchMethodException ex) {
      return false;
    }
  }

  /** The binary names of every class of the api module. */
  static List<String> apiClassNames() throws IOException {
    Path root;
    try {
      root =
          Paths.get(
              OpenWireValue.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException ex) {
      throw new IllegalStateException(ex);
    }
    if (Files.isDirectory(root)) {
      return classNames(root);
    }
    try (FileSystem jar = FileSystems.newFileSystem(root)) {
      return classNames(jar.getPath("/"));
    }
  }

  private static List<String> classNames(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.toString().endsWith(".class"))
          .map(p -> slashes(root.relativize(p)))
          .filter(n -> !n.endsWith("module-info.class") && !n.startsWith("META-INF/"))
          .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
          .sorted()
          .collect(Collectors.toList());
    }
  }
}
