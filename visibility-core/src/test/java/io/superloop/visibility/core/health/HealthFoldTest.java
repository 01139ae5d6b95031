package io.superloop.visibility.core.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.health.FailureCode;
import io.superloop.visibility.api.health.Health;
import io.superloop.visibility.api.health.HealthReason;
import io.superloop.visibility.api.health.HealthStatus;
import io.superloop.visibility.api.health.HealthThresholds;
import io.superloop.visibility.api.health.IngestStatus;
import io.superloop.visibility.api.health.Severity;
import io.superloop.visibility.api.sequence.SequenceState;
import io.superloop.visibility.core.health.internal.ImmutableHealthInputs;
import io.superloop.visibility.core.reconcile.StepInput;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Health (contract 2.6): each reason source, the threshold edges of the ingest lag and the
 * transport failure streak (inclusive, as 2.2 step 7), the ingest-failure mapping, the {@code
 * code:severity} dedup and jq's sorted {@code reasonCodes}. The reasons' metric, observed and
 * threshold texts are those of docs/artifact-contract.md's reason table.
 */
class HealthFoldTest {
  /**
   * The defaults of contract 2.3 / 2.6: ingest 300/900, heartbeat 120/300, transport streak 2/4.
   */
  private static final HealthThresholds T = StepInput.DEFAULT_THRESHOLDS;

  /** docs/artifact-contract.md's sequence-state example: drift, reason ordering_drift_detected. */
  private static final String DRIFT =
      "{\"schemaVersion\":\"v1\",\"updatedAt\":\"2026-03-01T12:00:00Z\",\"loopId\":\"demo-loop\",\"traceId\":\"t\","
          + "\"transport\":\"sprite_service\",\"status\":\"ordering_drift_detected\",\"reasonCode\":\"ordering_drift_detected\","
          + "\"driftActive\":true,\"violations\":[\"event_sequence_missing\"],\"snapshot\":{\"previous\":5,\"current\":7,"
          + "\"monotonic\":true,\"regressed\":false,\"missing\":false},\"events\":{\"ingestedCount\":3,\"previousLast\":5,"
          + "\"first\":4,\"last\":7,\"monotonicWithinBatch\":true,\"monotonicAcrossBatches\":true,\"regressed\":false,"
          + "\"missing\":true},\"transition\":{\"previousDriftActive\":false,\"transitionedToDrift\":true,\"recoveredFromDrift\":false}}";

  private static Severity severity(String wire) {
    return wire.equals("critical") ? Severity.CRITICAL : Severity.DEGRADED;
  }

  private static ImmutableHealthInputs.Builder inputs() {
    return HealthInputs.builder()
        .updatedAt("2026-03-01T12:00:00Z")
        .traceId(TraceId.of("trace-h"))
        .transport(Transport.LOCAL)
        .thresholds(T);
  }

  private static HealthReason reason(
      String code, Severity severity, String metric, String observed, String threshold) {
    return HealthReason.builder()
        .code(ReasonCode.of(code))
        .severity(severity)
        .metric(metric)
        .observed(observed)
        .threshold(threshold)
        .build();
  }

  @Test
  void nothingToReportIsHealthyWithTheDefaultsOfTheInputs() {
    Health h = HealthFold.fold(inputs().build());
    assertEquals(HealthStatus.HEALTHY, h.status());
    assertEquals(List.of(), h.reasons());
    assertEquals(List.of(), h.reasonCodes());
    assertEquals("unknown", h.metrics().lifecycleState());
    assertEquals(0, h.metrics().transportFailureStreak());
    assertEquals(IngestStatus.SUCCESS, h.transport().ingestStatus());
    assertEquals(Optional.empty(), h.transport().failureCode());
    assertEquals(Optional.empty(), h.metrics().sequenceStatus());
    assertEquals(OptionalLong.empty(), h.metrics().heartbeatLagSeconds());
  }

  /**
   * Columns: lag or streak; the expected severity (empty: no reason) and the threshold it names.
   */
  @ParameterizedTest(name = "ingest lag {0}")
  @CsvSource({
    "299,,",
    "300,degraded,300",
    "301,degraded,300",
    "899,degraded,300",
    "900,critical,900",
    "901,critical,900"
  })
  void ingestLagAtTheEdges(long lag, String severity, String threshold) {
    Health h = HealthFold.fold(inputs().ingestLagSeconds(lag).build());
    List<HealthReason> want =
        severity == null
            ? List.of()
            : List.of(
                reason(
                    "ingest_stale",
                    severity(severity),
                    "ingestLagSeconds",
                    Long.toString(lag),
                    threshold));
    assertEquals(want, h.reasons());
    assertEquals(OptionalLong.of(lag), h.metrics().ingestLagSeconds());
  }

  @ParameterizedTest(name = "failure streak {0}")
  @CsvSource({"1,,", "2,degraded,2", "3,degraded,2", "4,critical,4", "5,critical,4"})
  void transportFailureStreakAtTheEdges(long streak, String severity, String threshold) {
    Health h = HealthFold.fold(inputs().transportFailureStreak(streak).build());
    List<HealthReason> want =
        severity == null
            ? List.of()
            : List.of(
                reason(
                    "transport_unreachable",
                    severity(severity),
                    "transportFailureStreak",
                    Long.toString(streak),
                    threshold));
    assertEquals(want, h.reasons());
    assertEquals(severity == null ? "healthy" : severity, h.status().wire());
  }

  /** Contract 2.6 item 7: the failure code of a failed ingest and the reason it becomes. */
  @ParameterizedTest(name = "failure code \"{0}\"")
  @CsvSource({
    "snapshot_unavailable,transport_unreachable",
    "events_unavailable,transport_unreachable",
    "service_request_failed,transport_unreachable",
    "service_response_invalid,invalid_transport_payload",
    "projection_failed,projection_failed",
    "lock_timeout,lock_timeout",
    "'',reconcile_failed"
  })
  void aFailedIngestMapsItsFailureCode(String failure, String expected) {
    ImmutableHealthInputs.Builder b = inputs().ingestFailed(true);
    if (!failure.isEmpty()) {
      b.failureCode(FailureCode.of(failure));
    }
    Health h = HealthFold.fold(b.build());
    assertEquals(
        List.of(reason(expected, Severity.DEGRADED, "ingestStatus", "failed", "success")),
        h.reasons());
    assertEquals(IngestStatus.FAILED, h.transport().ingestStatus());
    assertEquals(
        failure.isEmpty() ? Optional.empty() : Optional.of(FailureCode.of(failure)),
        h.transport().failureCode());
    assertEquals(HealthStatus.DEGRADED, h.status());
  }

  @Test
  void aFailureCodeOfASucceededIngestIsNotReported() {
    Health h = HealthFold.fold(inputs().failureCode(FailureCode.EVENTS_UNAVAILABLE).build());
    assertEquals(List.of(), h.reasons());
    assertEquals(Optional.empty(), h.transport().failureCode());
  }

  /**
   * Sources 1, 2 and 6 together: reasons and reason codes sorted by jq's byte order (so {@code
   * control_*} before {@code divergence_*} although divergence is gathered first), the sequence
   * status in the metrics; a {@code code:severity} pair given twice is kept once.
   */
  @Test
  void reasonsAreDedupedAndSortedAsJqSortsThem() {
    SequenceState drift = Codecs.SEQUENCE_STATE.decode(DRIFT);
    HealthReason skew =
        reason("runtime_heartbeat_clock_skew", Severity.DEGRADED, "clockSkewSeconds", "31", "30");
    Health h =
        HealthFold.fold(
            inputs()
                .divergence(true)
                .lastControlStatus("ambiguous")
                .sequenceState(drift)
                .addHeartbeatReasons(skew, skew)
                .lifecycleState("running")
                .build());
    assertEquals(
        List.of(
            reason(
                "control_ambiguous", Severity.DEGRADED, "control.status", "ambiguous", "confirmed"),
            reason("divergence_detected", Severity.DEGRADED, "divergence.any", "true", "false"),
            reason(
                "ordering_drift_detected",
                Severity.DEGRADED,
                "sequence.status",
                "ordering_drift_detected",
                "ok"),
            skew),
        h.reasons());
    assertEquals(
        List.of(
            ReasonCode.CONTROL_AMBIGUOUS,
            ReasonCode.DIVERGENCE_DETECTED,
            ReasonCode.ORDERING_DRIFT_DETECTED,
            ReasonCode.RUNTIME_HEARTBEAT_CLOCK_SKEW),
        h.reasonCodes());
    assertEquals(Optional.of("ordering_drift_detected"), h.metrics().sequenceStatus());
    assertEquals("running", h.metrics().lifecycleState());
    assertEquals(Optional.of("2026-03-01T12:00:00Z"), h.evidence().sequenceUpdatedAt());
  }

  /** One code at two severities is two reasons, one reason code (2.6: dedup by code:severity). */
  @Test
  void oneCodeAtTwoSeveritiesIsTwoReasonsAndOneCode() {
    Health h =
        HealthFold.fold(
            inputs()
                .transportFailureStreak(4)
                .ingestFailed(true)
                .failureCode(FailureCode.EVENTS_UNAVAILABLE)
                .lastControlStatus("failed_command")
                .build());
    assertEquals(
        List.of(
            reason(
                "control_failed_command",
                Severity.DEGRADED,
                "control.status",
                "failed_command",
                "confirmed"),
            reason("transport_unreachable", Severity.CRITICAL, "transportFailureStreak", "4", "4"),
            reason(
                "transport_unreachable", Severity.DEGRADED, "ingestStatus", "failed", "success")),
        h.reasons());
    assertEquals(
        List.of(ReasonCode.CONTROL_FAILED_COMMAND, ReasonCode.TRANSPORT_UNREACHABLE),
        h.reasonCodes());
    assertEquals(HealthStatus.CRITICAL, h.status());
  }

  @Test
  void aControlStatusOtherThanAmbiguousOrFailedIsNoReason() {
    assertEquals(
        List.of(), HealthFold.fold(inputs().lastControlStatus("confirmed").build()).reasons());
    assertEquals(
        Optional.of("confirmed"),
        HealthFold.fold(inputs().lastControlStatus("confirmed").build())
            .metrics()
            .lastControlStatus());
  }

  /**
   * The order the fold sorts reasons and codes by ({@link Health#compareCodePoints}): jq sorts
   * strings by code point, a longer string after its prefix, 'Z' before 'a'.
   */
  @Test
  void theSortOrderIsCodePointOrder() {
    assertEquals(-1, Integer.signum(Health.compareCodePoints("ab", "abc")));
    assertEquals(1, Integer.signum(Health.compareCodePoints("b", "abc")));
    assertEquals(-1, Integer.signum(Health.compareCodePoints("Z", "a")));
    assertEquals(0, Health.compareCodePoints("same", "same"));
    assertEquals(
        1,
        Integer.signum(Health.compareCodePoints("\uD83D\uDE00", "\uFFFF")),
        "a supplementary code point is above U+FFFF");
  }
}
