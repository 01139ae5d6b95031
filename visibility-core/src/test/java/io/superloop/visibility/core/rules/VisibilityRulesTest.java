package io.superloop.visibility.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The rules' switches as a user reaches them: through the exported {@link VisibilityRules} alone.
 * Every switch has one wither declared on the exported type that changes that switch and nothing
 * else (checked by reflection over the accessors, so a switch added without its wither, or a wither
 * that sets another switch, fails here).
 */
class VisibilityRulesTest {

  /** The switches: the public instance accessors of VisibilityRules other than its name. */
  private static List<Method> switches() {
    List<Method> out = new ArrayList<>();
    for (Method m : VisibilityRules.class.getDeclaredMethods()) {
      int mod = m.getModifiers();
      if (Modifier.isPublic(mod)
          && !Modifier.isStatic(mod)
          && m.getParameterCount() == 0
          && !m.getName().equals("name")) {
        out.add(m);
      }
    }
    return out;
  }

  private static Object call(Method m, Object target, Object... args) throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** A value other than {@code old}, of the switch's type. */
  private static Object another(Object old) {
    if (old instanceof Boolean b) {
      return !b;
    }
    if (old instanceof Long l) {
      return l + 7;
    }
    if (old instanceof TelemetryRetention r) {
      return r.equals(TelemetryRetention.OFF)
          ? new TelemetryRetention(1234, 3)
          : TelemetryRetention.OFF;
    }
    throw new AssertionError("a switch of an unexpected type: " + old.getClass());
  }

  @Test
  void theSwitchesAreTheOnesHardeningNames() {
    Set<String> names = new java.util.TreeSet<>();
    switches().forEach(m -> names.add(m.getName()));
    assertEquals(
        new java.util.TreeSet<>(
            Set.of(
                "writeInFlightAuditRows",
                "collisionFreeIds",
                "rfc3339Timestamps",
                "detectClockSkew",
                "clockSkewToleranceSeconds",
                "evaluateFreshnessAtEvaluationTime",
                "requireHeartbeat",
                "blankTimestampFallsBack",
                "integerLiteralSequenceValues",
                "replayAwareSequencing",
                "explicitStatusSurface",
                "escalateDriftRecovery",
                "restartTruncatedEventLog",
                "telemetryRetention")),
        names);
  }

  @Test
  void eachWitherChangesItsSwitchAndNothingElse() throws Throwable {
    List<Method> switches = switches();
    for (VisibilityRules preset :
        List.of(VisibilityRules.hardened(), VisibilityRules.reference())) {
      for (Method s : switches) {
        String wither =
            "with" + Character.toUpperCase(s.getName().charAt(0)) + s.getName().substring(1);
        Method w = VisibilityRules.class.getDeclaredMethod(wither, s.getReturnType());
        assertEquals(VisibilityRules.class, w.getReturnType(), wither);
        assertTrue(Modifier.isPublic(w.getModifiers()), wither);
        Object old = call(s, preset);
        Object changed = another(old);
        VisibilityRules after = (VisibilityRules) call(w, preset, changed);
        assertEquals(changed, call(s, after), preset.name() + "." + wither);
        assertEquals(preset.name(), after.name(), preset.name() + "." + wither + " keeps the name");
        for (Method other : switches) {
          if (!other.equals(s)) {
            assertEquals(
                call(other, preset),
                call(other, after),
                preset.name() + "." + wither + " changed " + other.getName());
          }
        }
        assertNotEquals(preset, after, wither);
        // the preset itself is immutable
        assertEquals(old, call(s, preset), wither + " changed the preset");
      }
    }
  }

  @Test
  void presetsDifferInEverySwitchButTheDocumentedOnes() throws Throwable {
    // hardening.md: requireHeartbeat is off in both presets and the clock skew tolerance is 30 s in
    // both; every other switch is a decision where the presets differ.
    for (Method s : switches()) {
      Object hard = call(s, VisibilityRules.hardened());
      Object ref = call(s, VisibilityRules.reference());
      if (s.getName().equals("requireHeartbeat")) {
        assertEquals(false, hard);
        assertEquals(false, ref);
      } else if (s.getName().equals("clockSkewToleranceSeconds")) {
        assertEquals(30L, hard);
        assertEquals(30L, ref);
      } else {
        assertNotEquals(hard, ref, s.getName());
      }
    }
    assertTrue(VisibilityRules.hardened().collisionFreeIds());
    assertFalse(VisibilityRules.reference().rfc3339Timestamps());
    assertTrue(VisibilityRules.hardened().integerLiteralSequenceValues());
  }

  @Test
  void aNegativeClockSkewToleranceIsRefused() {
    VisibilityException e =
        assertThrows(
            VisibilityException.class,
            () -> VisibilityRules.hardened().withClockSkewToleranceSeconds(-1));
    assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
  }
}
