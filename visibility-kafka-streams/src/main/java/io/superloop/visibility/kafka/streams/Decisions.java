package io.superloop.visibility.kafka.streams;

import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.envelope.EnvelopeCursor;
import io.superloop.visibility.api.envelope.SnapshotEnvelope;
import io.superloop.visibility.api.health.FailureCode;
import io.superloop.visibility.api.health.Health;
import io.superloop.visibility.api.health.HealthThresholds;
import io.superloop.visibility.api.health.IngestStatus;
import io.superloop.visibility.api.health.TransportHealth;
import io.superloop.visibility.api.heartbeat.HeartbeatObservation;
import io.superloop.visibility.api.heartbeat.HeartbeatState;
import io.superloop.visibility.api.heartbeat.HeartbeatThresholds;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.api.reconcile.EscalationRow;
import io.superloop.visibility.api.sequence.SequenceObservation;
import io.superloop.visibility.api.status.VisibilitySummary;
import io.superloop.visibility.core.health.HealthFold;
import io.superloop.visibility.core.health.HealthInputs;
import io.superloop.visibility.core.heartbeat.FreshnessCalculator;
import io.superloop.visibility.core.heartbeat.HeartbeatEvaluation;
import io.superloop.visibility.core.heartbeat.HeartbeatInput;
import io.superloop.visibility.core.reconcile.ArtifactPaths;
import io.superloop.visibility.core.reconcile.EnvelopeFeed;
import io.superloop.visibility.core.reconcile.Ingest;
import io.superloop.visibility.core.reconcile.ReconcileStep;
import io.superloop.visibility.core.reconcile.StepInput;
import io.superloop.visibility.core.reconcile.StepResult;
import io.superloop.visibility.core.rules.ReadLimits;
import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.core.sequence.SequenceValidator;
import io.superloop.visibility.core.source.LocalRuntime;
import io.superloop.visibility.core.status.StatusInputs;
import io.superloop.visibility.core.status.StatusProjector;
import io.superloop.visibility.core.time.Timestamps;
import io.superloop.visibility.core.trace.IdStyle;
import io.superloop.visibility.core.trace.TraceIds;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Every decision the topology takes, on the pure entry points of {@code visibility-core}: one
 * reconcile step ({@link ReconcileStep}) per snapshot, and, between steps, the heartbeat
 * re-evaluation of a heartbeat record or of the wall-clock punctuation (freshness, the health fold
 * and the health escalation of contract 2.7, with the sequence state left as the last step left
 * it). This is the only class of the module that names core's decision types, so a later move of
 * those packages is an edit here. Not thread-safe only through {@code random} (one instance per
 * stream task).
 */
final class Decisions {
  /** The transport the records name: the envelopes are the sprite_service poll adapter's. */
  static final Transport TRANSPORT = Transport.SPRITE_SERVICE;

  private final VisibilityRules rules;
  private final HealthThresholds thresholds;
  private final HeartbeatThresholds heartbeatThresholds;
  private final ReadLimits limits;
  private final ArtifactPaths paths;
  private final RandomGenerator random;
  private final ReconcileStep step;
  private final FreshnessCalculator freshness;
  private final SequenceValidator validator;
  private final StatusProjector projector;

  private Decisions(
      VisibilityRules rules,
      HealthThresholds thresholds,
      ReadLimits limits,
      ArtifactPaths paths,
      RandomGenerator random) {
    this.rules = rules;
    this.thresholds = thresholds;
    this.heartbeatThresholds =
        HeartbeatThresholds.of(
            thresholds.degradedHeartbeatLagSeconds(), thresholds.criticalHeartbeatLagSeconds());
    this.limits = limits;
    this.paths = paths;
    this.random = random;
    this.step = new ReconcileStep(rules);
    this.freshness = new FreshnessCalculator(rules);
    this.validator = new SequenceValidator(rules);
    this.projector = new StatusProjector(rules);
  }

  /**
   * The decisions of a topology's settings, escalation rows naming the loop store and the topics
   * ({@link #paths}), trace ids from a new {@link SecureRandom}.
   */
  static Decisions of(VisibilityTopology.Settings settings) {
    return new Decisions(
        settings.rules(),
        settings.thresholds(),
        settings.limits(),
        paths(VisibilityTopology.LOOP_STORE, settings.topics()),
        new SecureRandom());
  }

  /** The default thresholds of {@code health.json} (heartbeat 120/300 s). */
  static HealthThresholds defaultThresholds() {
    return StepInput.DEFAULT_THRESHOLDS;
  }

  /** The file names escalation rows carry, naming where the topology keeps each record instead. */
  private static ArtifactPaths paths(String loopStore, VisibilityTopics topics) {
    String store = "store:" + loopStore;
    return new ArtifactPaths(
        store,
        "topic:" + topics.envelopes(),
        "topic:" + topics.health(),
        store,
        "topic:" + topics.sequenceRows());
  }

  /** {@return the judged value a missing or invalid sequence value gets} */
  static long missing() {
    return SequenceValidator.MISSING;
  }

  /**
   * Judges an event envelope's raw {@code sequence.value} ({@link EnvelopeFeed#sequenceValueOf}'s
   * reading: null when the envelope has none) under the rules' syntax (H12).
   */
  long judge(@Nullable JsonValue sequenceValue) {
    return validator.judge(sequenceValue);
  }

  /** A heartbeat record's bytes, read as the file transport reads {@code heartbeat.v1.json}. */
  HeartbeatInput heartbeatOf(byte[] bytes) {
    return LocalRuntime.heartbeatOf(bytes, limits);
  }

  /**
   * What one decision produced: the loop's state after it and the records to publish.
   *
   * @param state the loop's state after the decision
   * @param heartbeatRow the heartbeat row, if the evaluation wrote one
   * @param sequenceRow the sequence row (steps whose ingest succeeded)
   * @param health the health after the decision
   * @param escalations the escalation rows, in order
   */
  record Outcome(
      LoopState state,
      Optional<HeartbeatObservation> heartbeatRow,
      Optional<SequenceObservation> sequenceRow,
      Health health,
      List<EscalationRow> escalations) {}

  /**
   * One reconcile step for a snapshot that closes a batch.
   *
   * @param loopId the loop
   * @param prev the loop's state before
   * @param snapshot the snapshot envelope
   * @param events the judged values of the batch's events, in order
   * @param overflow events of the batch beyond the pending limit, each a missing value
   * @param declaredReplay the producer declares the batch a replay from line 1 (H15)
   * @param now the manager clock
   */
  Outcome snapshotStep(
      String loopId,
      LoopState prev,
      SnapshotEnvelope snapshot,
      long[] events,
      long overflow,
      boolean declaredReplay,
      Instant now) {
    // the snapshot's runtime.heartbeat when it carries one, else the heartbeats topic's document
    HeartbeatInput heartbeat =
        snapshot
            .runtimeHeartbeat()
            .filter(v -> !v.isNull())
            .map(HeartbeatInput::of)
            .orElse(prev.fileHeartbeat());
    @Nullable JsonValue snapshotValue = snapshot.sequenceValue().orElse(null);
    long cursorAfter = snapshot.cursor().map(EnvelopeCursor::eventLineOffset).orElse(0L);
    EnvelopeFeed feed =
        new EnvelopeFeed() {
          @Override
          public void feed(
              SequenceValidator v, SequenceValidator.Batch batch, Consumer<ReasonCode> warnings) {
            batch.snapshot(v.judge(snapshotValue));
            for (long e : events) {
              batch.event(e);
            }
            for (long i = 0; i < overflow; i++) {
              batch.event(SequenceValidator.MISSING);
            }
          }

          @Override
          public long cursorOffsetAfter() {
            return cursorAfter;
          }

          @Override
          public FailureCode failureCode() {
            return FailureCode.SERVICE_RESPONSE_INVALID;
          }
        };
    TraceId trace =
        TraceIds.resolve(
            snapshot.traceId().map(TraceId::value), Optional.empty(), IdStyle.of(rules), random);
    // the punctuation evaluates this heartbeat again until the next record brings another
    return run(
        loopId,
        prev.withLastHeartbeat(heartbeat),
        trace,
        now,
        new Ingest.Succeeded(heartbeat, feed, declaredReplay));
  }

  /**
   * One reconcile step for a snapshot that is not a valid v1 snapshot: a failed ingest ({@code
   * service_response_invalid}), as the sprite_service transport records an invalid answer. The
   * batch's events stay pending for the next snapshot, as the service's cursor would not move.
   */
  Outcome failedStep(String loopId, LoopState prev, String message, Instant now) {
    Ingest failed =
        new Ingest.Failed(Optional.of(FailureCode.SERVICE_RESPONSE_INVALID), Optional.of(message));
    return run(loopId, prev, TraceIds.generate(IdStyle.of(rules), random), now, failed);
  }

  private Outcome run(String loopId, LoopState prev, TraceId trace, Instant now, Ingest ingest) {
    StepResult r =
        step.run(
            StepInput.builder()
                .loopId(loopId)
                .traceId(trace)
                .transport(TRANSPORT)
                .now(now)
                .ingest(ingest)
                .thresholds(thresholds)
                .previousSequence(prev.sequence())
                .previousHeartbeat(prev.heartbeat())
                .previousHealth(prev.health())
                .previousTransportHealth(prev.transport())
                .paths(paths)
                .build());
    HeartbeatEvaluation hb = r.heartbeat();
    LoopState next =
        new LoopState(
            r.sequenceState().or(prev::sequence),
            r.sequenceRow().or(prev::sequenceRow),
            hb.state(),
            hb.observation().or(prev::heartbeatRow),
            Optional.of(r.health()),
            Optional.of(r.transportHealth()),
            prev.lastHeartbeat(),
            prev.fileHeartbeat());
    return new Outcome(next, hb.observation(), r.sequenceRow(), r.health(), r.escalations());
  }

  /**
   * The heartbeat evaluated again between steps (a heartbeat record, or the punctuation with the
   * last step's heartbeat at wall-clock time): freshness, then the health fold with the sequence
   * state and transport health the last step left, then the health escalation of contract 2.7
   * ({@link ReconcileStep#healthEscalation}, the step's own rule).
   *
   * @param loopId the loop
   * @param prev the loop's state before
   * @param heartbeat the heartbeat input to evaluate
   * @param now the manager clock
   */
  Outcome refresh(String loopId, LoopState prev, HeartbeatInput heartbeat, Instant now) {
    TraceId trace = TraceIds.generate(IdStyle.of(rules), random);
    HeartbeatEvaluation hb =
        freshness.evaluate(
            heartbeat, prev.heartbeat(), now, heartbeatThresholds, loopId, trace, TRANSPORT);
    Optional<TransportHealth> transport = prev.transport();
    // the last step's failed ingest stays a health source until the next step
    boolean failed = transport.map(t -> t.lastResult() == IngestStatus.FAILED).orElse(false);
    Optional<FailureCode> failureCode =
        failed ? transport.flatMap(TransportHealth::lastFailureCode) : Optional.empty();
    String nowText = Timestamps.format(now);
    Health health =
        HealthFold.fold(
            HealthInputs.builder()
                .updatedAt(nowText)
                .traceId(trace)
                .transport(TRANSPORT)
                .thresholds(thresholds)
                .heartbeatState(hb.state())
                .heartbeatReasons(hb.healthReasons())
                .transportFailureStreak(transport.map(TransportHealth::failureStreak).orElse(0L))
                .sequenceState(prev.sequence())
                .ingestFailed(failed)
                .failureCode(failureCode)
                .lastFailureCode(transport.flatMap(TransportHealth::lastFailureCode))
                .build());
    Optional<EscalationRow> escalation =
        ReconcileStep.healthEscalation(
            loopId, trace, TRANSPORT, paths, nowText, health, prev.health(), failed, failureCode);
    LoopState next =
        new LoopState(
            prev.sequence(),
            prev.sequenceRow(),
            hb.state(),
            hb.observation().or(prev::heartbeatRow),
            Optional.of(health),
            prev.transport(),
            heartbeat,
            prev.fileHeartbeat());
    return new Outcome(
        next, hb.observation(), Optional.empty(), health, escalation.stream().toList());
  }

  /**
   * Whether a re-evaluation changed what the loop shows: its freshness or its health status or
   * reason codes. The punctuation publishes only such changes.
   */
  static boolean changed(LoopState before, LoopState after) {
    return !before
            .heartbeat()
            .map(HeartbeatState::freshnessStatus)
            .equals(after.heartbeat().map(HeartbeatState::freshnessStatus))
        || !before.health().map(Health::status).equals(after.health().map(Health::status))
        || !before
            .health()
            .map(Health::reasonCodes)
            .equals(after.health().map(Health::reasonCodes));
  }

  /**
   * The status surface of a loop's state (contract 6), projected as the plane projects its files.
   */
  VisibilitySummary summary(LoopState s) {
    return projector.project(
        StatusInputs.builder()
            .heartbeatState(s.heartbeat())
            .lastHeartbeatRow(s.heartbeatRow())
            .sequenceState(s.sequence())
            .lastSequenceRow(s.sequenceRow())
            .build());
  }
}
