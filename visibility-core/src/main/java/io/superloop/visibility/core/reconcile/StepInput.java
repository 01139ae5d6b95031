package io.superloop.visibility.core.reconcile;

import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.health.Health;
import io.superloop.visibility.api.health.HealthThresholds;
import io.superloop.visibility.api.health.TransportHealth;
import io.superloop.visibility.api.heartbeat.HeartbeatState;
import io.superloop.visibility.api.heartbeat.HeartbeatThresholds;
import io.superloop.visibility.api.internal.Checks;
import io.superloop.visibility.api.internal.VisibilityStyle;
import io.superloop.visibility.api.sequence.SequenceState;
import io.superloop.visibility.core.reconcile.internal.ImmutableStepInput;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * Everything one reconcile step decides from: the ingest, the loop's previous states, the clock,
 * the trace, the transport, the thresholds and the other health sources. Build with {@link
 * #builder()}.
 */
@Value.Immutable
@VisibilityStyle
public abstract class StepInput {

  /**
   * The default thresholds of {@code health.json} (ingest 300/900, heartbeat 120/300, transport
   * 2/4).
   */
  public static final HealthThresholds DEFAULT_THRESHOLDS =
      HealthThresholds.builder()
          .degradedIngestLagSeconds(300)
          .criticalIngestLagSeconds(900)
          .degradedHeartbeatLagSeconds(120)
          .criticalHeartbeatLagSeconds(300)
          .degradedTransportFailureStreak(2)
          .criticalTransportFailureStreak(4)
          .build();

  /**
   * {@return a new builder} Its {@code build()} throws {@link IllegalStateException} when a
   * required attribute is unset, and {@link io.superloop.visibility.api.VisibilityException}
   * ({@link io.superloop.visibility.api.ErrorCode#INVALID_LOOP_ID}) when a value breaks the
   * record's contract checks.
   */
  public static ImmutableStepInput.Builder builder() {
    return ImmutableStepInput.builder();
  }

  /** {@return the loop} */
  public abstract String loopId();

  /** {@return the step's trace, stamped on every record the step produces} */
  public abstract TraceId traceId();

  /** {@return the transport of this step} */
  public abstract Transport transport();

  /** {@return the manager clock} */
  public abstract Instant now();

  /** {@return what the ingest gave} */
  public abstract Ingest ingest();

  /** {@return all thresholds (the heartbeat ones are {@link #heartbeatThresholds()})} */
  @Value.Default
  public HealthThresholds thresholds() {
    return DEFAULT_THRESHOLDS;
  }

  /** {@return the heartbeat thresholds within {@link #thresholds()}} */
  @Value.Derived
  public HeartbeatThresholds heartbeatThresholds() {
    return HeartbeatThresholds.of(
        thresholds().degradedHeartbeatLagSeconds(), thresholds().criticalHeartbeatLagSeconds());
  }

  /** {@return the previous {@code sequence-state.json}, if readable} */
  public abstract Optional<SequenceState> previousSequence();

  /** {@return the previous {@code heartbeat.json}, if readable} */
  public abstract Optional<HeartbeatState> previousHeartbeat();

  /** {@return the previous {@code health.json}, if readable (escalation decisions)} */
  public abstract Optional<Health> previousHealth();

  /** {@return the previous {@code telemetry/transport-health.json}, if readable} */
  public abstract Optional<TransportHealth> previousTransportHealth();

  /**
   * {@return warnings found while loading the previous states ({@code previous_state_unreadable})}
   */
  public abstract List<ReasonCode> loadWarnings();

  /** {@return whether snapshot and events diverge: health source 1} */
  @Value.Default
  public boolean divergence() {
    return false;
  }

  /** {@return the last {@code intents.jsonl} row's status: health source 2} */
  public abstract Optional<String> lastControlStatus();

  /** {@return the ingest lag in seconds, when judged: health source 3} */
  public abstract OptionalLong ingestLagSeconds();

  /** {@return {@code metrics.lifecycleState}; default {@code "unknown"}} */
  @Value.Default
  public String lifecycleState() {
    return "unknown";
  }

  /** {@return {@code evidence.lastEventAt}, as written} */
  public abstract Optional<String> lastEventAt();

  /** {@return the file names escalation rows carry} */
  public abstract ArtifactPaths paths();

  /** {@return {@code cursorOffsetBefore} of the reconcile row; default 0} */
  @Value.Default
  public long cursorOffsetBefore() {
    return 0;
  }

  /** {@return {@code maxEvents} of the reconcile row (0, the default: no limit)} */
  @Value.Default
  public long maxEvents() {
    return 0;
  }

  /** {@return {@code retryAttempts} of the reconcile row; default 3} */
  @Value.Default
  public long retryAttempts() {
    return 3;
  }

  /** {@return {@code retryBackoffSeconds} of the reconcile row, in seconds; default 1} */
  @Value.Default
  public long retryBackoffSeconds() {
    return 1;
  }

  /** {@return when the step started (default: {@link #now()})} */
  @Value.Default
  public Instant startedAt() {
    return now();
  }

  /** Checks the contract rules of this record; called by the generated implementation. */
  @Value.Check
  protected void check() {
    Checks.loopId(loopId());
  }
}
