package io.superloop.visibility.core.health;

import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.health.FailureCode;
import io.superloop.visibility.api.health.Health;
import io.superloop.visibility.api.health.HealthEvidence;
import io.superloop.visibility.api.health.HealthMetrics;
import io.superloop.visibility.api.health.HealthReason;
import io.superloop.visibility.api.health.HealthStatus;
import io.superloop.visibility.api.health.HealthThresholds;
import io.superloop.visibility.api.health.HealthTransport;
import io.superloop.visibility.api.health.IngestStatus;
import io.superloop.visibility.api.health.Severity;
import io.superloop.visibility.api.heartbeat.HeartbeatState;
import io.superloop.visibility.api.sequence.SequenceState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Folds the reason sources into {@code health.json} (contract 2.6, C7): reasons are gathered in the
 * reference's order (divergence, control, ingest lag, heartbeat, transport streak, sequence drift,
 * ingest failure), de-duplicated by {@code code:severity} keeping the first, sorted by that string;
 * {@code reasonCodes} are the unique codes sorted; the status is critical if any reason is
 * critical, else degraded if any reason exists, else healthy. Numbers in reasons are strings.
 */
public final class HealthFold {
  private HealthFold() {}

  /**
   * Folds the reason sources.
   *
   * @param in the sources, metrics and evidence of one step
   * @return the {@code health.json} of the step
   */
  public static Health fold(HealthInputs in) {
    List<HealthReason> gathered = new ArrayList<>();
    HealthThresholds t = in.thresholds();
    if (in.divergence()) {
      gathered.add(
          reason(
              ReasonCode.DIVERGENCE_DETECTED,
              Severity.DEGRADED,
              "divergence.any",
              "true",
              "false"));
    }
    in.lastControlStatus()
        .ifPresent(
            s -> {
              if (s.equals("ambiguous")) {
                gathered.add(
                    reason(
                        ReasonCode.CONTROL_AMBIGUOUS,
                        Severity.DEGRADED,
                        "control.status",
                        s,
                        "confirmed"));
              } else if (s.equals("failed_command")) {
                gathered.add(
                    reason(
                        ReasonCode.CONTROL_FAILED_COMMAND,
                        Severity.DEGRADED,
                        "control.status",
                        s,
                        "confirmed"));
              }
            });
    if (in.ingestLagSeconds().isPresent()) {
      threshold(
          gathered,
          ReasonCode.INGEST_STALE,
          "ingestLagSeconds",
          in.ingestLagSeconds().getAsLong(),
          t.degradedIngestLagSeconds(),
          t.criticalIngestLagSeconds());
    }
    gathered.addAll(in.heartbeatReasons());
    threshold(
        gathered,
        ReasonCode.TRANSPORT_UNREACHABLE,
        "transportFailureStreak",
        in.transportFailureStreak(),
        t.degradedTransportFailureStreak(),
        t.criticalTransportFailureStreak());
    in.sequenceState()
        .filter(SequenceState::driftActive)
        .ifPresent(
            s ->
                gathered.add(
                    reason(
                        s.reasonCode().orElse(ReasonCode.ORDERING_DRIFT_DETECTED),
                        Severity.DEGRADED,
                        "sequence.status",
                        s.status().wire(),
                        "ok")));
    if (in.ingestFailed()) {
      gathered.add(
          reason(
              ingestFailureReason(in.failureCode()),
              Severity.DEGRADED,
              "ingestStatus",
              "failed",
              "success"));
    }

    Map<String, HealthReason> unique = new LinkedHashMap<>();
    for (HealthReason r : gathered) {
      unique.putIfAbsent(r.key(), r);
    }
    List<HealthReason> reasons = new ArrayList<>(unique.values());
    reasons.sort(Comparator.comparing(HealthReason::key, Health::compareCodePoints));
    TreeSet<String> codes = new TreeSet<>(Health::compareCodePoints);
    for (HealthReason r : reasons) {
      codes.add(r.code().wire());
    }
    List<ReasonCode> reasonCodes = new ArrayList<>();
    for (String c : codes) {
      reasonCodes.add(ReasonCode.of(c));
    }

    Optional<HeartbeatState> hb = in.heartbeatState();
    Optional<SequenceState> seq = in.sequenceState();
    return Health.builder()
        .updatedAt(in.updatedAt())
        .traceId(in.traceId())
        .status(statusOf(reasons))
        .reasonCodes(reasonCodes)
        .reasons(reasons)
        .metrics(
            HealthMetrics.builder()
                .ingestLagSeconds(in.ingestLagSeconds())
                .heartbeatLagSeconds(
                    hb.isPresent()
                        ? java.util.OptionalLong.of(hb.get().heartbeatLagSeconds())
                        : java.util.OptionalLong.empty())
                .transportFailureStreak(in.transportFailureStreak())
                .lastControlStatus(in.lastControlStatus())
                .sequenceStatus(seq.map(s -> s.status().wire()))
                .lifecycleState(in.lifecycleState())
                .build())
        .thresholds(t)
        .transport(
            HealthTransport.builder()
                .mode(in.transport())
                .ingestStatus(in.ingestFailed() ? IngestStatus.FAILED : IngestStatus.SUCCESS)
                .failureCode(in.ingestFailed() ? in.failureCode() : Optional.empty())
                .lastFailureCode(in.lastFailureCode())
                .build())
        .evidence(
            HealthEvidence.builder()
                .lastEventAt(in.lastEventAt())
                .lastHeartbeatAt(hb.map(HeartbeatState::lastHeartbeatAt))
                .sequenceUpdatedAt(seq.map(SequenceState::updatedAt))
                .build())
        .build();
  }

  /** Contract 2.6 item 7. */
  static ReasonCode ingestFailureReason(Optional<FailureCode> code) {
    if (code.isEmpty() || code.get().wire().isEmpty()) {
      return ReasonCode.RECONCILE_FAILED;
    }
    FailureCode c = code.get();
    if (c.equals(FailureCode.SNAPSHOT_UNAVAILABLE)
        || c.equals(FailureCode.EVENTS_UNAVAILABLE)
        || c.equals(FailureCode.SERVICE_REQUEST_FAILED)) {
      return ReasonCode.TRANSPORT_UNREACHABLE;
    }
    if (c.equals(FailureCode.SERVICE_RESPONSE_INVALID)) {
      return ReasonCode.INVALID_TRANSPORT_PAYLOAD;
    }
    if (c.equals(FailureCode.PROJECTION_FAILED)) {
      return ReasonCode.PROJECTION_FAILED;
    }
    return ReasonCode.of(c.wire());
  }

  private static HealthStatus statusOf(List<HealthReason> reasons) {
    if (reasons.isEmpty()) {
      return HealthStatus.HEALTHY;
    }
    for (HealthReason r : reasons) {
      if (r.severity() == Severity.CRITICAL) {
        return HealthStatus.CRITICAL;
      }
    }
    return HealthStatus.DEGRADED;
  }

  private static void threshold(
      List<HealthReason> out,
      ReasonCode code,
      String metric,
      long observed,
      long degraded,
      long critical) {
    if (observed >= critical) {
      out.add(
          reason(
              code, Severity.CRITICAL, metric, Long.toString(observed), Long.toString(critical)));
    } else if (observed >= degraded) {
      out.add(
          reason(
              code, Severity.DEGRADED, metric, Long.toString(observed), Long.toString(degraded)));
    }
  }

  private static HealthReason reason(
      ReasonCode code, Severity severity, String metric, String observed, String threshold) {
    return HealthReason.builder()
        .code(code)
        .severity(severity)
        .metric(metric)
        .observed(observed)
        .threshold(threshold)
        .build();
  }
}
