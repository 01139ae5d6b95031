package io.superloop.visibility.testkit.scenario;

import static io.superloop.visibility.testkit.scenario.VisibilityAssertions.assertEventsLast;
import static io.superloop.visibility.testkit.scenario.VisibilityAssertions.assertFreshness;
import static io.superloop.visibility.testkit.scenario.VisibilityAssertions.assertHeartbeat;
import static io.superloop.visibility.testkit.scenario.VisibilityAssertions.assertInOrder;
import static io.superloop.visibility.testkit.scenario.VisibilityAssertions.assertReadable;
import static io.superloop.visibility.testkit.scenario.VisibilityAssertions.assertSequenceDrift;
import static io.superloop.visibility.testkit.scenario.VisibilityAssertions.assertSequenceInOrder;
import static io.superloop.visibility.testkit.scenario.VisibilityAssertions.assertViolations;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.heartbeat.FreshnessStatus;
import io.superloop.visibility.api.heartbeat.HeartbeatState;
import io.superloop.visibility.api.sequence.SequenceState;
import io.superloop.visibility.api.sequence.ViolationCode;
import io.superloop.visibility.api.status.VisibilitySummary;
import io.superloop.visibility.testkit.docs.DocFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * {@link VisibilityAssertions} against the reference's own outputs of three conformance cases
 * ({@code conformance/expected/<case>/}): a critical heartbeat with the sequence in order, a fresh
 * heartbeat with a non-monotonic batch, and a monotonic case. Each assertion passes on the value
 * that holds what it asserts and fails, with a message naming expected and found, on the others.
 */
class VisibilityAssertionsTest {
  private static final String CRITICAL = "stale-heartbeat-critical";
  private static final String REGRESSION = "event-regression-within-batch";
  private static final String OK = "monotonic-ok";

  private static String expected(String caseName, String file) throws IOException {
    return Files.readString(
            DocFiles.repoRoot().resolve("conformance/expected").resolve(caseName).resolve(file),
            StandardCharsets.UTF_8)
        .replace("<TRACE_ID>", "4bf92f3577b34da6a3ce929d0e0e4736");
  }

  private static VisibilitySummary status(String caseName) throws IOException {
    return Codecs.VISIBILITY_SUMMARY.decode(expected(caseName, "visibility.json"));
  }

  private static SequenceState sequence(String caseName) throws IOException {
    return Codecs.SEQUENCE_STATE.decode(expected(caseName, "sequence-state.json"));
  }

  private static HeartbeatState heartbeat(String caseName) throws IOException {
    return Codecs.HEARTBEAT_STATE.decode(expected(caseName, "heartbeat.json"));
  }

  private static void failsWith(Executable assertion, String... parts) {
    AssertionError e = assertThrows(AssertionError.class, assertion);
    for (String p : parts) {
      String m = String.valueOf(e.getMessage());
      assertTrue(m.contains(p), "message should hold '" + p + "': " + m);
    }
  }

  @Test
  void heartbeatFreshnessOfTheStatus() throws IOException {
    assertHeartbeat(status(CRITICAL), FreshnessStatus.CRITICAL);
    assertHeartbeat(status(REGRESSION), FreshnessStatus.FRESH);
    failsWith(
        () -> assertHeartbeat(status(CRITICAL), FreshnessStatus.FRESH),
        "visibility.heartbeat: expected freshnessStatus fresh, was critical (lag 600 s, reason runtime_heartbeat_stale, last heartbeat 2026-03-01T11:50:00Z)",
        "\"heartbeatLagSeconds\":600");
    failsWith(
        () -> assertHeartbeat(VisibilitySummary.builder().build(), FreshnessStatus.FRESH),
        "there is no heartbeat section");
  }

  @Test
  void sequenceOfTheStatus() throws IOException {
    assertSequenceInOrder(status(CRITICAL));
    assertSequenceDrift(status(REGRESSION), ViolationCode.EVENT_SEQUENCE_NON_MONOTONIC);
    assertEventsLast(status(REGRESSION), 4);
    failsWith(
        () -> assertSequenceInOrder(status(REGRESSION)),
        "expected status ok without violations, was ordering_drift_detected with violations [event_sequence_non_monotonic] (drift active)");
    failsWith(
        () -> assertSequenceDrift(status(REGRESSION), ViolationCode.EVENT_SEQUENCE_REGRESSION),
        "with violations [event_sequence_regression], was ordering_drift_detected with violations [event_sequence_non_monotonic]");
    failsWith(
        () -> assertSequenceDrift(status(CRITICAL), ViolationCode.EVENT_SEQUENCE_NON_MONOTONIC),
        "was ok with violations []");
    failsWith(() -> assertEventsLast(status(REGRESSION), 3), "expected eventsLast 3, was 4");
    failsWith(
        () -> assertSequenceInOrder(VisibilitySummary.builder().build()),
        "there is no sequence section");
  }

  @Test
  void unreadableFilesAreNamed() throws IOException {
    assertReadable(status(OK));
    VisibilitySummary torn =
        VisibilitySummary.builder()
            .from(status(OK))
            .unreadable(Map.of("health.json", "invalid_json"))
            .build();
    failsWith(
        () -> assertReadable(torn),
        "visibility.unreadable: expected none, was {health.json=invalid_json}");
  }

  @Test
  void sequenceStates() throws IOException {
    assertInOrder(sequence(OK));
    assertViolations(sequence(OK));
    assertViolations(sequence(REGRESSION), ViolationCode.EVENT_SEQUENCE_NON_MONOTONIC);
    failsWith(
        () -> assertInOrder(sequence(REGRESSION)),
        "sequence state: expected status ok without violations, was ordering_drift_detected with violations [event_sequence_non_monotonic]",
        "\"monotonicWithinBatch\":false");
    failsWith(
        () -> assertViolations(sequence(OK), ViolationCode.SNAPSHOT_SEQUENCE_MISSING),
        "expected violations [snapshot_sequence_missing], was []");
  }

  @Test
  void heartbeatStates() throws IOException {
    assertFreshness(heartbeat(CRITICAL), FreshnessStatus.CRITICAL);
    assertFreshness(heartbeat(OK), FreshnessStatus.FRESH);
    failsWith(
        () -> assertFreshness(heartbeat(CRITICAL), FreshnessStatus.DEGRADED),
        "heartbeat state: expected freshnessStatus degraded, was critical (lag 600 s; degraded from 60 s, critical from 300 s; last heartbeat 2026-03-01T11:50:00Z)");
  }
}
