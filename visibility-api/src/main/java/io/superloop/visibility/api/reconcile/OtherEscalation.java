package io.superloop.visibility.api.reconcile;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.internal.Checks;
import io.superloop.visibility.api.internal.VisibilityStyle;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.api.reconcile.internal.ImmutableOtherEscalation;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An escalation row of any category other than ordering drift and health (contract 1.14): {@code
 * divergence_detected} ({@code + stateFile, cursorFile, divergenceFlags, state}), {@code
 * profile_drift_detected} ({@code + stateFile, driftStateFile, driftHistoryFile, reasonCode,
 * drift}) and categories of newer writers. The fields after the common ones are kept raw, in order,
 * in {@link #unknownFields()}. A {@code divergence_detected} row is not null-filtered (an absent
 * trace id is written as {@code null}); other rows are.
 */
@Value.Immutable
@VisibilityStyle
public abstract non-sealed class OtherEscalation implements EscalationRow {

  /**
   * {@return a new builder} Its {@code build()} throws {@link IllegalStateException} when a
   * required attribute is unset, and {@link VisibilityException} ({@link ErrorCode#INVALID_LOOP_ID}
   * or {@link ErrorCode#INVALID_FIELD_VALUE}) when a value breaks the record's contract checks.
   */
  public static ImmutableOtherEscalation.Builder builder() {
    return ImmutableOtherEscalation.builder();
  }

  @Override
  public abstract String timestamp();

  @Override
  public abstract String loopId();

  @Override
  public abstract Optional<TraceId> traceId();

  /** Any category but the four of {@link OrderingDriftEscalation} and {@link HealthEscalation}. */
  @Override
  public abstract ReasonCode category();

  @Override
  public abstract Transport transport();

  /** The category's own fields, raw and in order, and fields of newer writers. */
  @Override
  public abstract Map<String, JsonValue> unknownFields();

  /** {@return whether the row is null-filtered (every category but {@code divergence_detected})} */
  public final boolean nullFiltered() {
    return !category().equals(ReasonCode.DIVERGENCE_DETECTED);
  }

  /** Checks the contract rules of this record; called by the generated implementation. */
  @Value.Check
  protected void check() {
    Checks.loopId(loopId());
    if (category().equals(ReasonCode.ORDERING_DRIFT_DETECTED)
        || category().equals(ReasonCode.ORDERING_DRIFT_RECOVERED)
        || category().equals(ReasonCode.HEALTH_DEGRADED)
        || category().equals(ReasonCode.HEALTH_CRITICAL)) {
      throw new VisibilityException(
          ErrorCode.INVALID_FIELD_VALUE,
          "category " + category() + " is an OrderingDriftEscalation or a HealthEscalation");
    }
  }
}
