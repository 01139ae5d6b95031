package io.superloop.visibility.core.health;

import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.health.FailureCode;
import io.superloop.visibility.api.health.HealthReason;
import io.superloop.visibility.api.health.HealthThresholds;
import io.superloop.visibility.api.heartbeat.HeartbeatState;
import io.superloop.visibility.api.internal.VisibilityStyle;
import io.superloop.visibility.api.sequence.SequenceState;
import io.superloop.visibility.core.health.internal.ImmutableHealthInputs;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * Everything the health fold reads, one field per reason source of contract 2.6 plus the metrics
 * and evidence of {@code health.json}. Build with {@link #builder()}.
 */
@Value.Immutable
@VisibilityStyle
public abstract class HealthInputs {

  /**
   * {@return a new builder} Its {@code build()} throws {@link IllegalStateException} when a
   * required attribute is unset.
   */
  public static ImmutableHealthInputs.Builder builder() {
    return ImmutableHealthInputs.builder();
  }

  /** {@return the evaluation time, {@code YYYY-MM-DDTHH:MM:SSZ} ({@code updatedAt})} */
  public abstract String updatedAt();

  /** {@return the step's trace} */
  public abstract Optional<TraceId> traceId();

  /** {@return the step's transport ({@code transport.mode})} */
  public abstract Transport transport();

  /** {@return the thresholds (heartbeat ones included)} */
  public abstract HealthThresholds thresholds();

  /** {@return whether {@code state.divergence.any == true}: reason source 1; default false} */
  @Value.Default
  public boolean divergence() {
    return false;
  }

  /** {@return the last {@code intents.jsonl} row's {@code status}: reason source 2} */
  public abstract Optional<String> lastControlStatus();

  /**
   * {@return the ingest lag in seconds from {@code state.projection.lastEventAt}, when known:
   * reason source 3}
   */
  public abstract OptionalLong ingestLagSeconds();

  /**
   * {@return the heartbeat state the loop holds after the step (metrics and evidence): reason
   * source 4}
   */
  public abstract Optional<HeartbeatState> heartbeatState();

  /** {@return the heartbeat's reasons, from the freshness calculator: reason source 4} */
  public abstract List<HealthReason> heartbeatReasons();

  /** {@return {@code transport-health.failureStreak}: reason source 5; default 0} */
  @Value.Default
  public long transportFailureStreak() {
    return 0;
  }

  /**
   * {@return the sequence state the loop holds (read even when this step's ingest failed): reason
   * source 6}
   */
  public abstract Optional<SequenceState> sequenceState();

  /** {@return whether this step's ingest failed: reason source 7; default false} */
  @Value.Default
  public boolean ingestFailed() {
    return false;
  }

  /**
   * {@return the failure code of a failed ingest (none: {@code reconcile_failed}): reason source 7}
   */
  public abstract Optional<FailureCode> failureCode();

  /** {@return {@code transport.lastFailureCode} (from transport health)} */
  public abstract Optional<FailureCode> lastFailureCode();

  /** {@return {@code metrics.lifecycleState}; default {@code "unknown"}} */
  @Value.Default
  public String lifecycleState() {
    return "unknown";
  }

  /** {@return {@code evidence.lastEventAt}, as written} */
  public abstract Optional<String> lastEventAt();
}
