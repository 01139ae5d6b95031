package io.superloop.visibility.core.health;

import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.health.FailureCode;
import io.superloop.visibility.api.health.HealthReason;
import io.superloop.visibility.api.health.HealthThresholds;
import io.superloop.visibility.api.heartbeat.HeartbeatState;
import io.superloop.visibility.api.internal.VisibilityStyle;
import io.superloop.visibility.api.sequence.SequenceState;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * Everything the health fold reads, one field per reason source of contract 2.6 plus the metrics and
 * evidence of {@code health.json}. Build with {@link #builder()}.
 */
@Value.Immutable
@VisibilityStyle
public abstract class HealthInputs {

  /** {@return a new builder} */
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

  /** Source 1: {@code state.divergence.any == true}. */
  @Value.Default
  public boolean divergence() {
    return false;
  }

  /** Source 2: the last {@code intents.jsonl} row's {@code status}. */
  public abstract Optional<String> lastControlStatus();

  /** Source 3: ingest lag from {@code state.projection.lastEventAt}, when known. */
  public abstract OptionalLong ingestLagSeconds();

  /** Source 4: the heartbeat state the loop holds after the step (metrics and evidence). */
  public abstract Optional<HeartbeatState> heartbeatState();

  /** Source 4: the heartbeat's reasons, from the freshness calculator. */
  public abstract List<HealthReason> heartbeatReasons();

  /** Source 5: {@code transport-health.failureStreak}. */
  @Value.Default
  public long transportFailureStreak() {
    return 0;
  }

  /** Source 6: the sequence state the loop holds (read even when this step's ingest failed). */
  public abstract Optional<SequenceState> sequenceState();

  /** Source 7: whether this step's ingest failed. */
  @Value.Default
  public boolean ingestFailed() {
    return false;
  }

  /** Source 7: the failure code of a failed ingest (none: {@code reconcile_failed}). */
  public abstract Optional<FailureCode> failureCode();

  /** {@code transport.lastFailureCode} (from transport health). */
  public abstract Optional<FailureCode> lastFailureCode();

  /** {@code metrics.lifecycleState} ({@code "unknown"} when none). */
  @Value.Default
  public String lifecycleState() {
    return "unknown";
  }

  /** {@code evidence.lastEventAt}. */
  public abstract Optional<String> lastEventAt();
}
