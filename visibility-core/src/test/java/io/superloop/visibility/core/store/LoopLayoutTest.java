package io.superloop.visibility.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Paths of contract section 0 / 1.0 and hardening H4, H5. */
class LoopLayoutTest {
  private static final Path REPO = Path.of("/srv/repo");

  @Test
  void defaultPathsFollowTheContractInventory() {
    LoopLayout l = LoopLayout.of(REPO, "loop-1");
    Path ops = Path.of("/srv/repo/.superloop/ops-manager/loop-1");
    assertEquals(ops, l.opsDir());
    assertEquals(ops.resolve("telemetry"), l.telemetryDir());
    assertEquals(ops.resolve(".lock"), l.lockFile());
    assertEquals(Path.of("/srv/repo/.superloop/loops/loop-1"), l.runtimeDir());
    assertEquals(
        Path.of("/srv/repo/.superloop/loops/loop-1/heartbeat.v1.json"), l.runtimeHeartbeatFile());
    assertEquals(".superloop/loops/loop-1/events.jsonl", l.cursorEventsFile());
    Map<LoopArtifact, String> expected =
        Map.ofEntries(
            Map.entry(LoopArtifact.HEARTBEAT_STATE, "heartbeat.json"),
            Map.entry(LoopArtifact.SEQUENCE_STATE, "sequence-state.json"),
            Map.entry(LoopArtifact.HEALTH, "health.json"),
            Map.entry(LoopArtifact.STATE, "state.json"),
            Map.entry(LoopArtifact.CURSOR, "cursor.json"),
            Map.entry(LoopArtifact.TRANSPORT_HEALTH, "telemetry/transport-health.json"),
            Map.entry(LoopArtifact.ALERT_DISPATCH_STATE, "alert-dispatch-state.json"),
            Map.entry(LoopArtifact.INTENTS, "intents.jsonl"),
            Map.entry(LoopArtifact.ESCALATIONS, "escalations.jsonl"),
            Map.entry(LoopArtifact.RECONCILE_TELEMETRY, "telemetry/reconcile.jsonl"),
            Map.entry(LoopArtifact.CONTROL_TELEMETRY, "telemetry/control.jsonl"),
            Map.entry(LoopArtifact.CONTROL_INVOCATIONS, "telemetry/control-invocations.jsonl"),
            Map.entry(
                LoopArtifact.CONTROL_INVOCATIONS_INFLIGHT,
                "telemetry/control-invocations.inflight.jsonl"),
            Map.entry(LoopArtifact.HEARTBEAT_TELEMETRY, "telemetry/heartbeat.jsonl"),
            Map.entry(LoopArtifact.SEQUENCE_TELEMETRY, "telemetry/sequence.jsonl"),
            Map.entry(LoopArtifact.ALERTS_TELEMETRY, "telemetry/alerts.jsonl"));
    assertEquals(LoopArtifact.values().length, expected.size());
    expected.forEach((a, p) -> assertEquals(ops.resolve(p), l.path(a), a.name()));
    for (LoopArtifact a : LoopArtifact.values()) {
      assertEquals(a.defaultPath().endsWith(".jsonl"), a.kind() == LoopArtifact.Kind.LOG, a.name());
    }
  }

  @Test
  void overridesAreResolvedAgainstTheRepoRoot() {
    LoopLayout l =
        LoopLayout.of(REPO, "loop-1")
            .withPath(LoopArtifact.CURSOR, Path.of("custom/cursor.json"))
            .withPath(LoopArtifact.HEALTH, Path.of("/elsewhere/h.json"));
    assertEquals(Path.of("/srv/repo/custom/cursor.json"), l.path(LoopArtifact.CURSOR));
    assertEquals(Path.of("/elsewhere/h.json"), l.path(LoopArtifact.HEALTH));
    assertTrue(l.isOverridden(LoopArtifact.CURSOR));
    assertFalse(l.isOverridden(LoopArtifact.STATE));
    assertEquals(
        l,
        LoopLayout.of(REPO, "loop-1")
            .withPath(LoopArtifact.CURSOR, Path.of("custom/cursor.json"))
            .withPath(LoopArtifact.HEALTH, Path.of("/elsewhere/h.json")));
  }

  @Test
  void loopIdsThatAreNotOneSafeSegmentAreRejected() {
    for (String bad :
        new String[] {"", " ", ".", "..", "a/b", "a\\b", "../x", "a\u0000b", "a\nb", "x\u007f"}) {
      VisibilityException e =
          assertThrows(VisibilityException.class, () -> LoopLayout.of(REPO, bad), bad);
      assertEquals(ErrorCode.INVALID_LOOP_ID, e.code());
    }
    assertEquals("loop.v2_ü", LoopLayout.of(REPO, "loop.v2_ü").loopId());
  }

  @Test
  void kindIsChecked() {
    LoopLayout l = LoopLayout.of(REPO, "loop-1");
    VisibilityException e =
        assertThrows(
            VisibilityException.class, () -> l.stateFile(LoopArtifact.INTENTS, TestRow.CODEC));
    assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
  }
}
