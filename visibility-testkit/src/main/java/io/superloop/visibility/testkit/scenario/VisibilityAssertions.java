package io.superloop.visibility.testkit.scenario;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.heartbeat.FreshnessStatus;
import io.superloop.visibility.api.heartbeat.HeartbeatState;
import io.superloop.visibility.api.sequence.SequenceState;
import io.superloop.visibility.api.sequence.SequenceStatus;
import io.superloop.visibility.api.sequence.ViolationCode;
import io.superloop.visibility.api.status.HeartbeatSurface;
import io.superloop.visibility.api.status.SequenceSurface;
import io.superloop.visibility.api.status.VisibilitySummary;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * Assertions over what the visibility plane reports: the {@code visibility} status object ({@link
 * VisibilitySummary}), a loop's sequence diagnostics ({@link SequenceState}) and heartbeat
 * freshness ({@link HeartbeatState}). Each throws an {@link AssertionError} that says what was
 * expected, what was found, and the whole value as the library writes it, for example:
 *
 * <pre>
 * visibility.heartbeat: expected freshnessStatus fresh, was critical (lag 600 s,
 * reason runtime_heartbeat_stale, last heartbeat 2026-03-01T11:50:00Z)
 *   in {"heartbeat":{"freshnessStatus":"critical",...}}
 * </pre>
 *
 * <p>Framework-neutral: JUnit 5, AssertJ or plain {@code main} code can call them.
 */
public final class VisibilityAssertions {
  private VisibilityAssertions() {}

  /**
   * The status reports the heartbeat with this freshness.
   *
   * @param status the status
   * @param expected the freshness
   * @throws AssertionError when there is no heartbeat section or it reports another freshness
   */
  public static void assertHeartbeat(VisibilitySummary status, FreshnessStatus expected) {
    HeartbeatSurface h =
        status
            .heartbeat()
            .orElseThrow(
                () ->
                    fail(
                        "visibility.heartbeat: expected "
                            + expected.wire()
                            + ", there is no heartbeat section",
                        status));
    Optional<FreshnessStatus> actual = h.freshnessStatus();
    if (actual.isEmpty() || actual.get() != expected) {
      throw fail(
          "visibility.heartbeat: expected freshnessStatus "
              + expected.wire()
              + ", was "
              + actual.map(FreshnessStatus::wire).orElse("absent")
              + details(
                  h.heartbeatLagSeconds(), h.reasonCode().map(r -> r.wire()), h.lastHeartbeatAt()),
          status);
    }
  }

  /**
   * The status reports the sequence in order: status {@code ok}, no violation, no active drift.
   *
   * @param status the status
   * @throws AssertionError when there is no sequence section or it reports drift or a violation
   */
  public static void assertSequenceInOrder(VisibilitySummary status) {
    SequenceSurface s = sequence(status, "in order");
    List<String> violations = s.violations().orElse(List.of());
    if (!s.status().equals(Optional.of(SequenceStatus.OK.wire()))
        || !violations.isEmpty()
        || s.driftActive().orElse(false)) {
      throw fail(
          "visibility.sequence: expected status ok without violations, was "
              + s.status().orElse("absent")
              + " with violations "
              + violations
              + (s.driftActive().orElse(false) ? " (drift active)" : ""),
          status);
    }
  }

  /**
   * The status reports ordering drift with exactly these violations.
   *
   * @param status the status
   * @param expected the violations, in any order; at least one
   * @throws AssertionError when there is no sequence section, or its status or violations differ
   */
  public static void assertSequenceDrift(VisibilitySummary status, ViolationCode... expected) {
    SequenceSurface s = sequence(status, "drift");
    TreeSet<String> want = new TreeSet<>(Arrays.stream(expected).map(ViolationCode::wire).toList());
    TreeSet<String> got = new TreeSet<>(s.violations().orElse(List.of()));
    if (!s.status().equals(Optional.of(SequenceStatus.ORDERING_DRIFT_DETECTED.wire()))
        || !want.equals(got)) {
      throw fail(
          "visibility.sequence: expected status ordering_drift_detected with violations "
              + want
              + ", was "
              + s.status().orElse("absent")
              + " with violations "
              + got,
          status);
    }
  }

  /**
   * The status reports the last event sequence value the manager ingested.
   *
   * @param status the status
   * @param expected the value ({@code eventsLast}: the line number of the last event read)
   * @throws AssertionError when there is no sequence section or its {@code eventsLast} differs
   */
  public static void assertEventsLast(VisibilitySummary status, long expected) {
    SequenceSurface s = sequence(status, "eventsLast " + expected);
    if (s.eventsLast().isEmpty() || s.eventsLast().getAsLong() != expected) {
      throw fail(
          "visibility.sequence: expected eventsLast " + expected + ", was " + show(s.eventsLast()),
          status);
    }
  }

  /**
   * Every file behind the status could be read (the additive {@code unreadable} is empty).
   *
   * @param status the status
   * @throws AssertionError naming each unreadable file and its error code
   */
  public static void assertReadable(VisibilitySummary status) {
    if (!status.unreadable().isEmpty()) {
      throw fail("visibility.unreadable: expected none, was " + status.unreadable(), status);
    }
  }

  /**
   * The sequence state is in order: status {@code ok}, no violation, no active drift.
   *
   * @param state the loop's {@code sequence-state.json}
   * @throws AssertionError naming the violations and the diagnostics
   */
  public static void assertInOrder(SequenceState state) {
    if (state.status() != SequenceStatus.OK
        || !state.violations().isEmpty()
        || state.driftActive()) {
      throw new AssertionError(
          "sequence state: expected status ok without violations, was "
              + state.status().wire()
              + " with violations "
              + state.violations().stream().map(ViolationCode::wire).toList()
              + "\n  in "
              + Codecs.SEQUENCE_STATE.encode(state));
    }
  }

  /**
   * The sequence state holds exactly these violations (none: in order).
   *
   * @param state the loop's {@code sequence-state.json}
   * @param expected the violations, in any order
   * @throws AssertionError naming the violations found and the diagnostics
   */
  public static void assertViolations(SequenceState state, ViolationCode... expected) {
    TreeSet<String> want = new TreeSet<>(Arrays.stream(expected).map(ViolationCode::wire).toList());
    TreeSet<String> got =
        new TreeSet<>(state.violations().stream().map(ViolationCode::wire).toList());
    if (!want.equals(got)) {
      throw new AssertionError(
          "sequence state: expected violations "
              + want
              + ", was "
              + got
              + "\n  in "
              + Codecs.SEQUENCE_STATE.encode(state));
    }
  }

  /**
   * The heartbeat state has this freshness.
   *
   * @param state the loop's {@code heartbeat.json}
   * @param expected the freshness
   * @throws AssertionError naming the freshness found, the lag and the thresholds
   */
  public static void assertFreshness(HeartbeatState state, FreshnessStatus expected) {
    if (state.freshnessStatus() != expected) {
      throw new AssertionError(
          "heartbeat state: expected freshnessStatus "
              + expected.wire()
              + ", was "
              + state.freshnessStatus().wire()
              + " (lag "
              + state.heartbeatLagSeconds()
              + " s; degraded from "
              + state.thresholds().degradedHeartbeatLagSeconds()
              + " s, critical from "
              + state.thresholds().criticalHeartbeatLagSeconds()
              + " s; last heartbeat "
              + state.lastHeartbeatAt()
              + ")"
              + "\n  in "
              + Codecs.HEARTBEAT_STATE.encode(state));
    }
  }

  private static SequenceSurface sequence(VisibilitySummary status, String expected) {
    return status
        .sequence()
        .orElseThrow(
            () ->
                fail(
                    "visibility.sequence: expected " + expected + ", there is no sequence section",
                    status));
  }

  private static String details(OptionalLong lag, Optional<String> reason, Optional<String> last) {
    return " (lag "
        + show(lag)
        + " s, reason "
        + reason.orElse("none")
        + ", last heartbeat "
        + last.orElse("none")
        + ")";
  }

  private static String show(OptionalLong v) {
    return v.isPresent() ? Long.toString(v.getAsLong()) : "absent";
  }

  private static AssertionError fail(String message, VisibilitySummary status) {
    return new AssertionError(message + "\n  in " + Codecs.VISIBILITY_SUMMARY.encode(status));
  }
}
