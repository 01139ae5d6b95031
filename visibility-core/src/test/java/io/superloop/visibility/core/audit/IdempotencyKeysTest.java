package io.superloop.visibility.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.audit.Intent;
import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.core.trace.IdStyle;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Idempotency keys: contract 4.2 and hardening H6. */
class IdempotencyKeysTest {
  private static final Instant NOW = Instant.parse("2026-11-24T10:15:30.123Z");
  private static final SecureRandom RANDOM = new SecureRandom();

  @Test
  void referenceKeyIsIntentEpochSecondsPid() {
    assertFalse(VisibilityRules.reference().collisionFreeIds());
    // 4.2: <intent>-<unix epoch seconds>-<pid>, e.g. cancel-1795518143-623
    assertEquals(
        "cancel-1795518143-623",
        IdempotencyKeys.resolve(
            Optional.empty(),
            Intent.CANCEL,
            Instant.ofEpochSecond(1795518143),
            623,
            IdStyle.REFERENCE,
            RANDOM));
    assertEquals(
        "approve-" + NOW.getEpochSecond() + "-42",
        IdempotencyKeys.resolve(
            Optional.of(""), Intent.APPROVE, NOW, 42, IdStyle.REFERENCE, RANDOM));
  }

  @Test
  void hardenedKeyIsIntentEpochMillisSixteenHex() {
    assertTrue(VisibilityRules.hardened().collisionFreeIds());
    Pattern p = Pattern.compile("reject-" + NOW.toEpochMilli() + "-[0-9a-f]{16}");
    for (int i = 0; i < 1000; i++) {
      String key =
          IdempotencyKeys.resolve(
              Optional.empty(), Intent.REJECT, NOW, 623, IdStyle.COLLISION_FREE, RANDOM);
      assertTrue(p.matcher(key).matches(), key);
    }
  }

  @Test
  void callerKeyIsKeptAsGiven() {
    for (IdStyle style : IdStyle.values()) {
      assertEquals(
          "vis-parity-cancel-1",
          IdempotencyKeys.resolve(
              Optional.of("vis-parity-cancel-1"), Intent.CANCEL, NOW, 1, style, RANDOM));
      assertEquals(
          " Odd Key/1 ",
          IdempotencyKeys.resolve(
              Optional.of(" Odd Key/1 "), Intent.CANCEL, NOW, 1, style, RANDOM));
    }
  }

  @Test
  void tenThousandHardenedKeysInOneMillisecondAreDistinct() {
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      keys.add(
          IdempotencyKeys.resolve(
              Optional.empty(), Intent.CANCEL, NOW, 623, IdStyle.COLLISION_FREE, RANDOM));
    }
    assertEquals(10_000, keys.size());
    // The reference form collides within one second of one process (the weakness H6 fixes).
    Set<String> ref = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      ref.add(
          IdempotencyKeys.resolve(
              Optional.empty(), Intent.CANCEL, NOW, 623, IdStyle.REFERENCE, RANDOM));
    }
    assertEquals(1, ref.size());
  }

  // ---- fleet handoff keys (4.2) -----------------------------------------------------------------

  @Test
  void slugLowercasesReplacesCollapsesAndTrims() {
    assertEquals("trace-fleet-1", IdempotencyKeys.slug("Trace Fleet/1"));
    assertEquals("a.b_c-d", IdempotencyKeys.slug("a.b_c-d"));
    assertEquals("a-b", IdempotencyKeys.slug("a   ///  b"));
    assertEquals("a-b", IdempotencyKeys.slug("a--b"));
    assertEquals("x", IdempotencyKeys.slug("--x--"));
    assertEquals("x", IdempotencyKeys.slug("  ¡x!  "));
    assertEquals("", IdempotencyKeys.slug("***"));
    assertEquals("caf", IdempotencyKeys.slug("CAFÉ"));
    // the edges of [a-z0-9]: kept; the characters just outside them: replaced
    assertEquals("az09", IdempotencyKeys.slug("az09"));
    assertEquals("a-z-0-9", IdempotencyKeys.slug("a`z{0/9:"));
  }

  @Test
  void fleetHandoffKeyJoinsSlugsDroppingEmptyParts() {
    assertEquals(
        "fleet-handoff-trace-fleet-handoff-autonomous-parity-1-loop-target-reconcile_failed-cancel",
        IdempotencyKeys.fleetHandoff(
            "",
            "trace-fleet-handoff-autonomous-parity-1",
            "loop-target",
            "reconcile_failed",
            "cancel"));
    assertEquals(
        "my-prefix-loop-red-health_critical-approve",
        IdempotencyKeys.fleetHandoff("My Prefix!", "", "Loop-Red", "health_critical", "approve"));
    assertEquals(
        "fleet-handoff-loop-red-cancel",
        IdempotencyKeys.fleetHandoff("", "%%%", "loop-red", "", "cancel"));
    assertEquals(
        "fleet-handoff-loop-red-cancel",
        IdempotencyKeys.fleetHandoffFallback("", "loop-red", "cancel"));
    assertEquals(
        "pfx-loop-red-cancel", IdempotencyKeys.fleetHandoffFallback("pfx", "loop-red", "cancel"));
  }
}
