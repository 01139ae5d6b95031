package io.superloop.visibility.testkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.api.status.StatusCodecs;
import io.superloop.visibility.api.status.VisibilitySummary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConformanceCommandTest {
  @TempDir Path work;

  private record Run(int status, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        new ConformanceCommand(
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
            .run(List.of(args));
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static Path resource(String name) throws URISyntaxException {
    URL url = Objects.requireNonNull(ConformanceCommandTest.class.getResource("/validate/" + name), name);
    return Paths.get(url.toURI());
  }

  /** Each broken file gives its code (issue: at least one file per validate code). */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "invalid_json", "unsupported_schema_version", "unknown_envelope_type", "missing_field",
        "invalid_field_type", "invalid_sequence_value", "invalid_trace_id", "invalid_timestamp",
        "event_sequence_non_monotonic"
      })
  void validateReportsTheCodeOfEachBrokenFile(String code) throws Exception {
    Path file = resource(code + ".ndjson");
    Run r = run("validate", file.toString());
    assertEquals(1, r.status(), r.out());
    assertTrue(r.out().contains(":" + (code.equals("event_sequence_non_monotonic") ? 2 : 1) + ": " + code + ": "), r.out());
  }

  @Test
  void missingAndInvalidSequenceValuesAlsoGiveTheFileFinding() throws Exception {
    Run r = run("validate", resource("invalid_sequence_value.ndjson").toString());
    assertTrue(r.out().contains(": event_sequence_missing: "), r.out());
  }

  @Test
  void validateAcceptsGoodFilesAndEveryReferenceEnvelopeFixture() throws Exception {
    List<String> args = new ArrayList<>(List.of("validate", resource("good.ndjson").toString()));
    Path fixtures = shared().resolve("fixtures/reference");
    try (Stream<Path> s = Files.walk(fixtures)) {
      for (Path p : s.filter(Files::isRegularFile).sorted().collect(Collectors.toList())) {
        String text = Files.readString(p);
        if ((p.toString().endsWith(".json") || p.toString().endsWith(".ndjson")) && text.contains("\"envelopeType\"")) {
          args.add(p.toString());
        }
      }
    }
    assertTrue(args.size() >= 5, args.toString());
    Run r = run(args.toArray(new String[0]));
    assertEquals(0, r.status(), r.out());
    assertTrue(r.out().endsWith(" 0 finding(s)\n"), r.out());
  }

  @Test
  void demoWritesALoopWithStaleHeartbeatDriftAndAControlAction() throws IOException {
    Run r = run("demo", "--dir", work.resolve("demo").toString());
    assertEquals(0, r.status(), r.err());
    String last = r.out().lines().reduce((a, b) -> b).orElse("");
    VisibilitySummary v = StatusCodecs.VISIBILITY.decode(last);
    assertEquals("runtime_heartbeat_stale", v.heartbeat().orElseThrow().reasonCode().orElseThrow().wire());
    assertEquals("ordering_drift_detected", v.sequence().orElseThrow().status().orElseThrow());
    assertEquals("confirmed", v.invocationAudit().orElseThrow().outcomeStatus().orElseThrow());
    assertTrue(Files.exists(work.resolve("demo/.superloop/ops-manager/demo-loop/health.json")));
  }

  @Test
  void reconcileStepThenStatusReproduceACase() throws IOException {
    Path c = shared().resolve("conformance/cases/stale-heartbeat-critical");
    Run r = run("reconcile-step", c.toString(), work.resolve("out").toString());
    assertEquals(0, r.status(), r.err());
    assertEquals("trace-oracle-stale-heartbeat\n", r.out());
    Run s = run("status", work.resolve("out/repo/.superloop/ops-manager/demo-loop").toString(), "--rules", "reference");
    assertEquals(0, s.status(), s.err());
    JsonValue expected = Json.parse(Files.readString(shared().resolve("conformance/expected/stale-heartbeat-critical/visibility.json")).replace("<TRACE_ID>", "trace-oracle-stale-heartbeat"));
    JsonValue actual = Json.parse(s.out());
    JsonValue.JsonObject e = (JsonValue.JsonObject) expected;
    JsonValue.JsonObject a = (JsonValue.JsonObject) actual;
    assertEquals(e.get("heartbeat"), a.get("heartbeat"));
    assertEquals(e.get("sequence"), a.get("sequence"));
  }

  @Test
  void scanEventsReportsDriftWithStatusOne() throws IOException {
    Path log = work.resolve("events.jsonl");
    Files.writeString(log, "{\"timestamp\":\"2026-03-01T00:00:00Z\",\"event\":\"a\"}\n   \n");
    Run r = run("scan-events", log.toString(), "--rules", "reference");
    assertEquals(1, r.status(), r.out());
    assertTrue(r.out().contains("\"violations\":[\"event_sequence_missing\"]"), r.out());
    Run ok = run("scan-events", log.toString(), "--from-line", "1", "--rules", "hardened");
    assertEquals(1, ok.status());
  }

  @Test
  void usageErrorsAreOneLineWithStatusTwo() {
    for (String[] args :
        List.of(
            new String[] {"bogus"},
            new String[] {"status"},
            new String[] {"status", "/nonexistent/loop"},
            new String[] {"validate", "--rules", "lenient", "x"},
            new String[] {"scan-events", "/nonexistent"},
            new String[] {"reconcile-step", "/nonexistent", "/tmp/x"})) {
      Run r = run(args);
      assertEquals(2, r.status(), String.join(" ", args));
      assertEquals(1, r.err().lines().count(), r.err());
      assertTrue(r.err().startsWith("error: "), r.err());
      assertFalse(r.err().contains("\tat "), r.err());
    }
    assertEquals(0, run("--help").status());
    assertEquals(0, run("validate", "--help").status());
  }

  private static Path shared() {
    return io.superloop.visibility.testkit.docs.DocFiles.repoRoot();
  }
}
