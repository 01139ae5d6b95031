package io.superloop.visibility.api.health;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.health.internal.ImmutableTransportHealth;
import io.superloop.visibility.api.internal.Checks;
import io.superloop.visibility.api.internal.VisibilityStyle;
import io.superloop.visibility.api.json.JsonValue;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * {@code OPS/telemetry/transport-health.json} (contract 1.13): the result of the last transport
 * attempt and the failure streak. Null-filtered: empty optionals are omitted. The streak is {@code
 * 0} after a success and {@code >= 1} after a failure ({@link ErrorCode#INVALID_FIELD_VALUE}
 * otherwise).
 */
@Value.Immutable
@VisibilityStyle
public abstract class TransportHealth {

  /** Only the generated implementation extends this class (its package is not exported). */
  protected TransportHealth() {}

  /**
   * {@return a new builder} Its {@code build()} throws {@link IllegalStateException} when a
   * required attribute is unset, and {@link VisibilityException} ({@link
   * ErrorCode#INVALID_FIELD_VALUE}) when a value breaks the record's contract checks.
   */
  public static ImmutableTransportHealth.Builder builder() {
    return ImmutableTransportHealth.builder();
  }

  /** {@return the manager clock at the attempt} */
  public abstract String updatedAt();

  /** {@return the reconcile trace; omitted when absent} */
  public abstract Optional<TraceId> traceId();

  /** {@return the manager-side transport} */
  public abstract Transport transport();

  /** {@return whether the last attempt succeeded} */
  public abstract IngestStatus lastResult();

  /** {@return consecutive failures: reset to 0 on success, +1 on failure} */
  public abstract long failureStreak();

  /** {@return the failure code of the last failure; omitted when none} */
  public abstract Optional<FailureCode> lastFailureCode();

  /** {@return when the last success happened; omitted when unknown} */
  public abstract Optional<String> lastSuccessAt();

  /** {@return when the last failure happened; omitted when unknown} */
  public abstract Optional<String> lastFailureAt();

  /**
   * {@return fields of a newer writer this version does not know, kept in order and written back}
   */
  public abstract Map<String, JsonValue> unknownFields();

  /** Checks the contract rules of this record; called by the generated implementation. */
  @Value.Check
  protected void check() {
    Checks.nonNegative("failureStreak", failureStreak());
    if (lastResult() == IngestStatus.SUCCESS && failureStreak() != 0) {
      throw new VisibilityException(
          ErrorCode.INVALID_FIELD_VALUE,
          "failureStreak must be 0 after a success, got " + failureStreak());
    }
    if (lastResult() == IngestStatus.FAILED && failureStreak() == 0) {
      throw new VisibilityException(
          ErrorCode.INVALID_FIELD_VALUE, "failureStreak must be >= 1 after a failure, got 0");
    }
  }
}
