package io.superloop.visibility.core.plane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.internal.json.JsonObject;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.api.status.VisibilitySummary;
import io.superloop.visibility.core.rules.Durability;
import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.core.store.LoopArtifact;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Status degrades by section (issue 14, item 5): a file of the status surface that cannot be read
 * leaves out only the section it feeds (contract 6.1: H and h feed {@code heartbeat}, S and s
 * {@code sequence}, I {@code invocationAudit}), names the file in the additive {@code unreadable}
 * field, and {@link VisibilityPlane#status()} returns. The oracle is the status of the same loop
 * before the file was damaged: every other section is unchanged.
 */
class StatusBySectionTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final String LOOP = "demo-loop";

  /** From the contract's example rows (docs/artifact-contract.md). */
  private static final String INVOCATION =
      "{\"schemaVersion\":\"v1\",\"timestamp\":\"2026-03-01T12:00:00Z\",\"startedAt\":\"2026-03-01T11:59:58Z\","
          + "\"loopId\":\"demo-loop\",\"intent\":\"cancel\",\"traceId\":\"0af7651916cd43dd8448eb211c80319c\","
          + "\"transport\":\"local\",\"requestedBy\":\"ops-user\",\"idempotencyKey\":\"cancel-1\","
          + "\"request\":{\"doConfirm\":true,\"timeoutSeconds\":30,\"intervalSeconds\":2,\"retryAttempts\":3,"
          + "\"retryBackoffSeconds\":1},\"execution\":{\"status\":\"succeeded\",\"exitCode\":0,"
          + "\"command\":\"superloop.sh cancel\",\"output\":\"ok\",\"replayed\":false},"
          + "\"confirmation\":{\"attempted\":true,\"status\":\"confirmed\",\"exitCode\":0},"
          + "\"outcome\":{\"status\":\"confirmed\",\"confirmed\":true,\"durationSeconds\":2}}\n";

  @TempDir Path repo;

  static Stream<Arguments> damages() {
    List<Arguments> out = new java.util.ArrayList<>();
    for (String preset : List.of("reference", "hardened")) {
      out.add(Arguments.of(preset, "heartbeat.json", "heartbeat", "{\"loopId\":", "invalid_json"));
      out.add(Arguments.of(preset, "sequence-state.json", "sequence", "{}", "missing_field"));
      out.add(
          Arguments.of(
              preset,
              "sequence-state.json",
              "sequence",
              "{\"a\":" + "[".repeat(100),
              "limit_exceeded"));
      out.add(
          Arguments.of(preset, "telemetry/heartbeat.jsonl", "heartbeat", null, "not_regular_file"));
      out.add(
          Arguments.of(preset, "telemetry/sequence.jsonl", "sequence", null, "not_regular_file"));
      out.add(
          Arguments.of(
              preset,
              "telemetry/control-invocations.jsonl",
              "invocationAudit",
              null,
              "not_regular_file"));
      out.add(Arguments.of(preset, "telemetry/reconcile.jsonl", "trace", null, "not_regular_file"));
      out.add(Arguments.of(preset, "alert-dispatch-state.json", "trace", "\u0000", "invalid_json"));
    }
    return out.stream();
  }

  private VisibilityPlane plane(String preset) {
    return VisibilityPlane.builder(repo, LOOP)
        .rules(VisibilityRules.named(preset))
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .durability(Durability.NONE)
        .build();
  }

  private static Map<String, JsonValue> members(VisibilitySummary s) {
    return new LinkedHashMap<>(
        ((JsonObject) Json.parse(Codecs.VISIBILITY_SUMMARY.encode(s))).members());
  }

  /** A damaged file: its content, or (null) a directory in its place. */
  @ParameterizedTest(name = "{0}: {1} {4}")
  @MethodSource("damages")
  void anUnreadableFileLeavesOutOnlyItsSection(
      String preset, String file, String section, String content, String code) throws IOException {
    Path rt = Files.createDirectories(repo.resolve(".superloop/loops/" + LOOP));
    Files.writeString(
        rt.resolve("events.jsonl"), "{\"timestamp\":\"2026-03-01T11:59:00Z\",\"event\":\"a\"}\n");
    Files.writeString(rt.resolve("heartbeat.v1.json"), "{\"timestamp\":\"2026-03-01T11:59:30Z\"}");
    VisibilityPlane plane = plane(preset);
    plane.reconcileLocal(StepOptions.defaults());
    Path ops = repo.resolve(".superloop/ops-manager/" + LOOP);
    Files.writeString(ops.resolve("telemetry/control-invocations.jsonl"), INVOCATION);
    Files.writeString(
        ops.resolve("alert-dispatch-state.json"),
        "{\"schemaVersion\":\"v1\",\"updatedAt\":\"2026-03-01T12:00:01Z\",\"loopId\":\"demo-loop\","
            + "\"traceId\":\"t-alert\",\"escalationsFile\":\"/srv/e.jsonl\",\"dispatchTelemetryFile\":\"/srv/a.jsonl\","
            + "\"status\":\"success\",\"processedCount\":2,\"dispatchedCount\":2,\"skippedCount\":0,"
            + "\"failedCount\":0,\"failureReasonCodes\":[],\"escalationsLineOffset\":12,\"escalationsLineCount\":12}\n");
    Map<String, JsonValue> before = members(plane.status());
    assertEquals(
        Set.of("heartbeat", "sequence", "invocationAudit", "trace"),
        before.keySet(),
        before.toString());
    assertTrue(String.valueOf(before.get("trace")).contains("t-alert"), before.toString());

    Path damaged = ops.resolve(file);
    Files.delete(damaged);
    if (content == null) {
      Files.createDirectory(damaged);
    } else {
      Files.writeString(damaged, content, StandardCharsets.UTF_8);
    }
    VisibilitySummary after = plane.status();
    assertEquals(Map.of(file, code), after.unreadable());
    Map<String, JsonValue> got = members(after);
    assertEquals(Json.parse("{\"" + file + "\":\"" + code + "\"}"), got.remove("unreadable"));
    for (String s : List.of("heartbeat", "sequence", "invocationAudit")) {
      if (s.equals(section)) {
        assertFalse(got.containsKey(s), s + " is left out");
      } else {
        assertEquals(before.get(s), got.get(s), s + " is unchanged");
      }
    }
    assertTrue(got.containsKey("trace"));
    // the encoded object reads back, and the known file names are those of the loop's artifacts
    assertEquals(after, Codecs.VISIBILITY_SUMMARY.decode(Codecs.VISIBILITY_SUMMARY.encode(after)));
    assertTrue(Stream.of(LoopArtifact.values()).anyMatch(a -> a.defaultPath().equals(file)), file);
  }
}
