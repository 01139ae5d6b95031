package io.superloop.visibility.core.reconcile;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.health.FailureCode;
import io.superloop.visibility.api.health.Health;
import io.superloop.visibility.api.health.HealthReason;
import io.superloop.visibility.api.health.HealthStatus;
import io.superloop.visibility.api.health.IngestStatus;
import io.superloop.visibility.api.health.TransportHealth;
import io.superloop.visibility.api.heartbeat.HeartbeatObservation;
import io.superloop.visibility.api.internal.json.JsonArray;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.api.reconcile.EscalationRow;
import io.superloop.visibility.api.reconcile.HealthEscalation;
import io.superloop.visibility.api.reconcile.OrderingDriftEscalation;
import io.superloop.visibility.api.reconcile.ReconcileRow;
import io.superloop.visibility.api.reconcile.ReconcileSequenceStatus;
import io.superloop.visibility.api.sequence.SequenceObservation;
import io.superloop.visibility.api.sequence.SequenceState;
import io.superloop.visibility.api.sequence.ViolationCode;
import io.superloop.visibility.core.health.HealthFold;
import io.superloop.visibility.core.health.HealthInputs;
import io.superloop.visibility.core.heartbeat.FreshnessCalculator;
import io.superloop.visibility.core.heartbeat.HeartbeatEvaluation;
import io.superloop.visibility.core.heartbeat.HeartbeatInput;
import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.core.sequence.SequenceValidator;
import io.superloop.visibility.core.sequence.SequenceVerdict;
import io.superloop.visibility.core.time.Timestamps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One reconcile step of the visibility plane (contract 2.2, 3, 2.5-2.7, 1.12-1.14): heartbeat
 * freshness, then sequence diagnostics (only when the ingest succeeded), transport health, the
 * health fold, the escalation decisions and the reconcile row, all stamped with the step's trace.
 * Pure and thread-safe: the same input gives the same result.
 */
public final class ReconcileStep {
  private final VisibilityRules rules;
  private final FreshnessCalculator freshness;
  private final SequenceValidator validator;

  /**
   * A step under {@code rules}.
   *
   * @param rules the rules of every decision
   */
  public ReconcileStep(VisibilityRules rules) {
    this.rules = rules;
    this.freshness = new FreshnessCalculator(rules);
    this.validator = new SequenceValidator(rules);
  }

  /** {@return the rules in force} */
  public VisibilityRules rules() {
    return rules;
  }

  /**
   * Runs the step. Pure: nothing is read or written; a feed that throws a {@link
   * io.superloop.visibility.api.VisibilityException} is a failed ingest with the feed's failure
   * code, not an exception of this method.
   *
   * @param in the previous states, the ingest and the step's identity
   * @return every record the step produced, for the store to persist
   */
  public StepResult run(StepInput in) {
    String now = Timestamps.format(in.now());
    Set<ReasonCode> warnings = new LinkedHashSet<>(in.loadWarnings());
    HeartbeatEvaluation heartbeat;
    Optional<SequenceState> sequenceState;
    Optional<SequenceObservation> sequenceRow = Optional.empty();
    Optional<SequenceVerdict> verdict = Optional.empty();
    long ingested = 0;
    long cursorAfter = in.cursorOffsetBefore();
    boolean fromStart = false;
    Optional<FailureCode> failureCode = Optional.empty();
    Optional<String> failureMessage = Optional.empty();
    Ingest ingest = in.ingest();
    SequenceVerdict fed = null;
    long fedCount = 0;
    if (ingest instanceof Ingest.Succeeded s) {
      try {
        SequenceValidator.Batch batch = validator.begin(in.previousSequence(), s.declaredReplay());
        s.envelopes().feed(validator, batch, warnings::add);
        fed = batch.finish();
        fedCount = batch.ingestedCount();
      } catch (VisibilityException e) {
        // the envelopes could not be read: the whole ingest failed (nothing of the batch is kept)
        ingest =
            new Ingest.Failed(
                Optional.of(s.envelopes().failureCode()), Optional.of(e.getMessage()));
      }
    }
    boolean failed = ingest instanceof Ingest.Failed;

    if (ingest instanceof Ingest.Succeeded s && fed != null) {
      heartbeat = evaluateHeartbeat(in, s.heartbeat());
      heartbeat
          .observation()
          .flatMap(HeartbeatObservation::reasonCode)
          .filter(
              c ->
                  c.equals(ReasonCode.INVALID_HEARTBEAT_PAYLOAD)
                      || c.equals(ReasonCode.HEARTBEAT_PAYLOAD_TOO_LARGE))
          .ifPresent(warnings::add);
      SequenceVerdict v = fed;
      verdict = Optional.of(v);
      ingested = fedCount;
      cursorAfter = s.envelopes().cursorOffsetAfter();
      fromStart = s.declaredReplay();
      SequenceState state = v.toState(now, in.loopId(), in.traceId(), in.transport());
      sequenceState = Optional.of(state);
      sequenceRow = Optional.of(SequenceObservation.of(state, now));
    } else {
      Ingest.Failed f = (Ingest.Failed) ingest;
      failureCode = f.failureCode();
      failureMessage = f.failureMessage().filter(m -> !m.isEmpty());
      // Nothing arrived: the heartbeat state is kept (re-evaluated under H10), the sequence state
      // stays and keeps degrading health (contract 3.6).
      heartbeat = evaluateHeartbeat(in, HeartbeatInput.ABSENT);
      sequenceState = in.previousSequence();
    }

    TransportHealth transportHealth = transportHealth(in, now, failed, failureCode);
    Health health =
        HealthFold.fold(
            HealthInputs.builder()
                .updatedAt(now)
                .traceId(in.traceId())
                .transport(in.transport())
                .thresholds(in.thresholds())
                .divergence(in.divergence())
                .lastControlStatus(in.lastControlStatus())
                .ingestLagSeconds(in.ingestLagSeconds())
                .heartbeatState(heartbeat.state())
                .heartbeatReasons(heartbeat.healthReasons())
                .transportFailureStreak(transportHealth.failureStreak())
                .sequenceState(sequenceState)
                .ingestFailed(failed)
                .failureCode(failureCode)
                .lastFailureCode(transportHealth.lastFailureCode())
                .lifecycleState(in.lifecycleState())
                .lastEventAt(in.lastEventAt())
                .build());

    List<EscalationRow> escalations = new ArrayList<>(3);
    if (verdict.isPresent() && sequenceState.isPresent()) {
      SequenceState s = sequenceState.get();
      if (verdict.get().transition().transitionedToDrift()) {
        escalations.add(
            driftEscalation(
                in,
                now,
                s,
                ReasonCode.ORDERING_DRIFT_DETECTED,
                s.reasonCode().orElse(ReasonCode.ORDERING_DRIFT_DETECTED)));
      } else if (verdict.get().transition().recoveredFromDrift() && rules.escalateDriftRecovery()) {
        escalations.add(
            driftEscalation(
                in,
                now,
                s,
                ReasonCode.ORDERING_DRIFT_RECOVERED,
                ReasonCode.ORDERING_DRIFT_RECOVERED));
      }
    }
    healthEscalation(
            in.loopId(),
            in.traceId(),
            in.transport(),
            in.paths(),
            now,
            health,
            in.previousHealth(),
            failed,
            failureCode)
        .ifPresent(escalations::add);

    ReconcileRow row =
        ReconcileRow.builder()
            .timestamp(now)
            .startedAt(Timestamps.format(in.startedAt()))
            .loopId(in.loopId())
            .traceId(in.traceId())
            .transport(in.transport())
            .status(failed ? IngestStatus.FAILED : IngestStatus.SUCCESS)
            .failureCode(failureCode)
            .failureMessage(failureMessage)
            .cursorOffsetBefore(in.cursorOffsetBefore())
            .cursorOffsetAfter(cursorAfter)
            .eventsIngested(ingested)
            .maxEvents(in.maxEvents())
            .fromStart(fromStart)
            .retryAttempts(in.retryAttempts())
            .retryBackoffSeconds(in.retryBackoffSeconds())
            .thresholdProfile(in.thresholds().profile())
            .durationSeconds(
                Math.max(0, in.now().getEpochSecond() - in.startedAt().getEpochSecond()))
            .transportFailureStreak(transportHealth.failureStreak())
            .sequenceStatus(
                verdict.isEmpty()
                    ? ReconcileSequenceStatus.SKIPPED_INGEST_FAILED
                    : verdict.get().driftActive()
                        ? ReconcileSequenceStatus.ORDERING_DRIFT_DETECTED
                        : ReconcileSequenceStatus.OK)
            .sequenceReasonCode(verdict.flatMap(SequenceVerdict::reasonCode))
            .healthStatus(health.status())
            .healthReasonCodes(health.reasonCodes())
            .warnings(warnings)
            .build();
    return new StepResult(
        heartbeat,
        sequenceState.filter(x -> !failed),
        sequenceRow,
        transportHealth,
        health,
        escalations,
        row,
        new ArrayList<>(warnings));
  }

  private HeartbeatEvaluation evaluateHeartbeat(StepInput in, HeartbeatInput input) {
    return freshness.evaluate(
        input,
        in.previousHeartbeat(),
        in.now(),
        in.heartbeatThresholds(),
        in.loopId(),
        in.traceId(),
        in.transport());
  }

  private TransportHealth transportHealth(
      StepInput in, String now, boolean failed, Optional<FailureCode> failureCode) {
    Optional<TransportHealth> prev = in.previousTransportHealth();
    var b =
        TransportHealth.builder()
            .updatedAt(now)
            .traceId(in.traceId())
            .transport(in.transport())
            .lastResult(failed ? IngestStatus.FAILED : IngestStatus.SUCCESS);
    if (failed) {
      b.failureStreak(prev.map(TransportHealth::failureStreak).orElse(0L) + 1)
          .lastFailureCode(
              failureCode.isPresent()
                  ? failureCode
                  : prev.flatMap(TransportHealth::lastFailureCode))
          .lastSuccessAt(prev.flatMap(TransportHealth::lastSuccessAt))
          .lastFailureAt(now);
    } else {
      b.failureStreak(0)
          .lastFailureCode(prev.flatMap(TransportHealth::lastFailureCode))
          .lastSuccessAt(now)
          .lastFailureAt(prev.flatMap(TransportHealth::lastFailureAt));
    }
    return b.build();
  }

  private OrderingDriftEscalation driftEscalation(
      StepInput in, String now, SequenceState s, ReasonCode category, ReasonCode reasonCode) {
    Map<String, JsonValue> seq = new LinkedHashMap<>();
    seq.put("status", JsonValue.of(s.status().wire()));
    seq.put("driftActive", JsonValue.of(s.driftActive()));
    List<JsonValue> violations = new ArrayList<>();
    for (ViolationCode v : s.violations()) {
      violations.add(JsonValue.of(v.wire()));
    }
    seq.put("violations", JsonValue.array(violations));
    seq.put("snapshot", Json.parse(Codecs.SNAPSHOT_DIAGNOSTICS.encode(s.snapshot())));
    seq.put("events", Json.parse(Codecs.EVENT_DIAGNOSTICS.encode(s.events())));
    return OrderingDriftEscalation.builder()
        .timestamp(now)
        .loopId(in.loopId())
        .traceId(in.traceId())
        .category(category)
        .transport(in.transport())
        .reasonCode(reasonCode)
        .stateFile(in.paths().stateFile())
        .sequenceStateFile(in.paths().sequenceStateFile())
        .sequenceTelemetryFile(in.paths().sequenceTelemetryFile())
        .sequence(JsonValue.object(seq))
        .build();
  }

  /**
   * The health escalation of contract 2.7: a row when the health is not healthy and its status or
   * its sorted reason codes differ from the previous health's. A step's own; public for a
   * re-evaluation of the heartbeat between steps (the Kafka Streams topology's), which escalates by
   * the same rule.
   *
   * @param loopId the loop
   * @param traceId the trace of the step or re-evaluation
   * @param transport the transport
   * @param paths the file names the row names
   * @param now the manager clock, formatted ({@code timestamp} of the row)
   * @param health the health just folded
   * @param prev the previous health, if any
   * @param failed whether the ingest the health reflects failed
   * @param failureCode the failure code of that ingest, if any
   * @return the escalation row, or empty when the rule does not escalate
   */
  public static Optional<EscalationRow> healthEscalation(
      String loopId,
      TraceId traceId,
      Transport transport,
      ArtifactPaths paths,
      String now,
      Health health,
      Optional<Health> prev,
      boolean failed,
      Optional<FailureCode> failureCode) {
    if (health.status() == HealthStatus.HEALTHY) {
      return Optional.empty();
    }
    if (prev.isPresent()
        && prev.get().status() == health.status()
        && prev.get().reasonCodes().equals(health.reasonCodes())) {
      return Optional.empty();
    }
    List<JsonValue> reasons = new ArrayList<>();
    for (HealthReason r : health.reasons()) {
      reasons.add(Json.parse(Codecs.HEALTH_REASON.encode(r)));
    }
    return Optional.of(
        HealthEscalation.builder()
            .timestamp(now)
            .loopId(loopId)
            .traceId(traceId)
            .category(ReasonCode.of("health_" + health.status().wire()))
            .transport(transport)
            .ingestStatus(failed ? IngestStatus.FAILED : IngestStatus.SUCCESS)
            .failureCode(failureCode)
            .stateFile(paths.stateFile())
            .cursorFile(paths.cursorFile())
            .healthFile(paths.healthFile())
            .healthStatus(health.status())
            .reasonCodes(health.reasonCodes())
            .reasons((JsonArray) JsonValue.array(reasons))
            .build());
  }
}
