package io.superloop.visibility.core.plane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.health.Health;
import io.superloop.visibility.api.health.HealthReason;
import io.superloop.visibility.core.rules.VisibilityRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The health sources other components write reach the health of a step taken through {@link
 * VisibilityPlane} (contract 2.6 sources 1-3, 4.6, 1.10 metrics): the last {@code intents.jsonl}
 * status, {@code state.json .divergence.any}, {@code .projection.lastEventAt} lag against the
 * default ingest thresholds (300/900 s), and the lifecycle state.
 */
class HealthSourcesTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final String LOOP = "demo-loop";

  @TempDir Path repo;

  private VisibilityPlane plane(VisibilityRules rules) throws IOException {
    Path rt = repo.resolve(".superloop/loops/" + LOOP);
    Files.createDirectories(rt);
    Files.writeString(
        rt.resolve("events.jsonl"),
        "{\"timestamp\":\"2026-03-01T11:59:00Z\",\"event\":\"loop_start\"}\n",
        StandardCharsets.UTF_8);
    return VisibilityPlane.builder(repo, LOOP)
        .rules(rules)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .build();
  }

  private Path ops() throws IOException {
    Path ops = repo.resolve(".superloop/ops-manager/" + LOOP);
    Files.createDirectories(ops);
    return ops;
  }

  private static String intent(String status) {
    return "{\"timestamp\":\"2026-03-01T11:58:00Z\",\"loopId\":\"demo-loop\",\"intent\":\"cancel\","
        + "\"traceId\":\"t-1\",\"requestedBy\":\"ops\",\"transport\":\"local\",\"status\":\""
        + status
        + "\","
        + "\"command\":\"superloop.sh cancel\",\"idempotencyKey\":\"k-1\",\"exitCode\":0}\n";
  }

  private static List<String> codes(Health h) {
    return h.reasons().stream()
        .map(r -> r.code().wire() + ":" + r.severity().wire())
        .sorted()
        .toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"reference", "hardened"})
  void lastIntentStatusReachesHealth(String preset) throws IOException {
    VisibilityPlane plane = plane(VisibilityRules.named(preset));
    Files.writeString(
        ops().resolve("intents.jsonl"),
        intent("confirmed") + intent("ambiguous"),
        StandardCharsets.UTF_8);
    Health h = plane.reconcileLocal(StepOptions.defaults()).health();
    assertTrue(codes(h).contains("control_ambiguous:degraded"), codes(h).toString());
    assertEquals(Optional.of("ambiguous"), h.metrics().lastControlStatus());

    Files.writeString(
        ops().resolve("intents.jsonl"),
        intent("failed_command"),
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    h = plane.reconcileLocal(StepOptions.defaults()).health();
    assertTrue(codes(h).contains("control_failed_command:degraded"), codes(h).toString());
    assertFalse(codes(h).contains("control_ambiguous:degraded"), codes(h).toString());

    Files.writeString(
        ops().resolve("intents.jsonl"),
        intent("confirmed"),
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    h = plane.reconcileLocal(StepOptions.defaults()).health();
    assertEquals(List.of(), codes(h).stream().filter(c -> c.startsWith("control_")).toList());
    assertEquals(Optional.of("confirmed"), h.metrics().lastControlStatus());
  }

  @ParameterizedTest
  @ValueSource(strings = {"reference", "hardened"})
  void stateJsonSourcesReachHealth(String preset) throws IOException {
    VisibilityPlane plane = plane(VisibilityRules.named(preset));
    // 1000 s behind: past the critical ingest threshold (900)
    Files.writeString(
        ops().resolve("state.json"),
        "{\"schemaVersion\":\"v1\",\"divergence\":{\"any\":true},"
            + "\"projection\":{\"status\":\"running\",\"lastEventAt\":\"2026-03-01T11:43:20Z\"},"
            + "\"transition\":{\"currentState\":\"iterating\"}}\n",
        StandardCharsets.UTF_8);
    Health h = plane.reconcileLocal(StepOptions.defaults()).health();
    assertTrue(codes(h).contains("divergence_detected:degraded"), codes(h).toString());
    assertTrue(codes(h).contains("ingest_stale:critical"), codes(h).toString());
    HealthReason stale =
        h.reasons().stream()
            .filter(r -> r.code().wire().equals("ingest_stale"))
            .findFirst()
            .orElseThrow();
    assertEquals(Optional.of("1000"), stale.observed());
    assertEquals(Optional.of("900"), stale.threshold());
    assertEquals("iterating", h.metrics().lifecycleState());
    assertEquals(Optional.of("2026-03-01T11:43:20Z"), h.evidence().lastEventAt());

    // 400 s behind: degraded (300); no divergence; lifecycle from projection.status
    Files.writeString(
        ops().resolve("state.json"),
        "{\"schemaVersion\":\"v1\",\"divergence\":{\"any\":false},"
            + "\"projection\":{\"status\":\"running\",\"lastEventAt\":\"2026-03-01T11:53:20Z\"}}\n",
        StandardCharsets.UTF_8);
    h = plane.reconcileLocal(StepOptions.defaults()).health();
    assertFalse(codes(h).contains("divergence_detected:degraded"), codes(h).toString());
    assertTrue(codes(h).contains("ingest_stale:degraded"), codes(h).toString());
    assertEquals("running", h.metrics().lifecycleState());
    assertEquals(OptionalLong.of(400), h.metrics().ingestLagSeconds());
  }

  @ParameterizedTest
  @ValueSource(strings = {"reference", "hardened"})
  void withoutStateJsonNothingIsInvented(String preset) throws IOException {
    VisibilityPlane plane = plane(VisibilityRules.named(preset));
    Health h = plane.reconcileLocal(StepOptions.defaults()).health();
    assertEquals("unknown", h.metrics().lifecycleState());
    assertTrue(h.metrics().ingestLagSeconds().isEmpty());
    assertTrue(h.metrics().lastControlStatus().isEmpty());
    assertFalse(
        codes(h).stream()
            .anyMatch(c -> c.startsWith("divergence") || c.startsWith("ingest_stale")));
  }
}
