package io.superloop.visibility.api.health;

import io.superloop.visibility.api.health.internal.ImmutableHealthMetrics;
import io.superloop.visibility.api.internal.Checks;
import io.superloop.visibility.api.internal.VisibilityStyle;
import io.superloop.visibility.api.json.JsonValue;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * {@code health.json.metrics} (contract 1.10). Not null-filtered: every empty optional is written
 * as an explicit {@code null}. {@link #heartbeatLagSeconds()} and {@link #transportFailureStreak()}
 * are {@code >= 0} ({@code invalid_field_value} otherwise).
 */
@Value.Immutable
@VisibilityStyle
public abstract class HealthMetrics {

  /** Only the generated implementation extends this class (its package is not exported). */
  protected HealthMetrics() {}

  /**
   * {@return a new builder} Its {@code build()} throws {@link IllegalStateException} when a
   * required attribute is unset, and {@link io.superloop.visibility.api.VisibilityException}
   * ({@link io.superloop.visibility.api.ErrorCode#INVALID_FIELD_VALUE}) when a value breaks the
   * record's contract checks.
   */
  public static ImmutableHealthMetrics.Builder builder() {
    return ImmutableHealthMetrics.builder();
  }

  /** {@return seconds since {@code state.projection.lastEventAt}; {@code null} when unknown} */
  public abstract OptionalLong ingestLagSeconds();

  /** {@return the heartbeat lag judged; {@code null} when there is no heartbeat state} */
  public abstract OptionalLong heartbeatLagSeconds();

  /** {@return the transport failure streak ({@code 0} when none)} */
  public abstract long transportFailureStreak();

  /** {@return the {@code status} of the last {@code intents.jsonl} row; {@code null} when none} */
  public abstract Optional<String> lastControlStatus();

  /** {@return the {@code status} of {@code sequence-state.json}; {@code null} when none} */
  public abstract Optional<String> sequenceStatus();

  /**
   * {@return the lifecycle state: {@code state.transition.currentState}, else {@code
   * state.projection.status}, else {@code "unknown"}}
   */
  public abstract String lifecycleState();

  /**
   * {@return fields of a newer writer this version does not know, kept in order and written back}
   */
  public abstract Map<String, JsonValue> unknownFields();

  /** Checks the contract rules of this record; called by the generated implementation. */
  @Value.Check
  protected void check() {
    if (heartbeatLagSeconds().isPresent()) {
      Checks.nonNegative("metrics.heartbeatLagSeconds", heartbeatLagSeconds().getAsLong());
    }
    Checks.nonNegative("metrics.transportFailureStreak", transportFailureStreak());
  }
}
