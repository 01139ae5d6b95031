package io.superloop.visibility.api.reconcile;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.internal.Checks;
import io.superloop.visibility.api.internal.VisibilityStyle;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.api.reconcile.internal.ImmutableOrderingDriftEscalation;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An escalation row of category {@code ordering_drift_detected} (contract 1.14) or {@code
 * ordering_drift_recovered} (hardening H19, same fields): {@code timestamp, loopId, traceId,
 * category, transport, reasonCode, stateFile, sequenceStateFile, sequenceTelemetryFile, sequence}.
 * Null-filtered.
 */
@Value.Immutable
@VisibilityStyle
public abstract non-sealed class OrderingDriftEscalation implements EscalationRow {

  /**
   * {@return a new builder} Its {@code build()} throws {@link IllegalStateException} when a
   * required attribute is unset, and {@link VisibilityException} ({@link ErrorCode#INVALID_LOOP_ID}
   * or {@link ErrorCode#INVALID_FIELD_VALUE}) when a value breaks the record's contract checks
   * ({@link ErrorCode#INVALID_FIELD_TYPE} when the sequence is not an object).
   */
  public static ImmutableOrderingDriftEscalation.Builder builder() {
    return ImmutableOrderingDriftEscalation.builder();
  }

  @Override
  public abstract String timestamp();

  @Override
  public abstract String loopId();

  @Override
  public abstract Optional<TraceId> traceId();

  /** {@code ordering_drift_detected} or {@code ordering_drift_recovered}. */
  @Override
  public abstract ReasonCode category();

  @Override
  public abstract Transport transport();

  /**
   * {@return the sequence state's reason code ({@code sequence.reasonCode //
   * "ordering_drift_detected"})}
   */
  public abstract ReasonCode reasonCode();

  /** {@return the path of {@code state.json}} */
  public abstract String stateFile();

  /** {@return the path of {@code sequence-state.json}} */
  public abstract String sequenceStateFile();

  /** {@return the path of {@code telemetry/sequence.jsonl}} */
  public abstract String sequenceTelemetryFile();

  /**
   * {@return {@code {status, driftActive, violations, snapshot, events}} of the sequence state (no
   * {@code transition}), raw: a JSON object}
   */
  public abstract JsonValue sequence();

  @Override
  public abstract Map<String, JsonValue> unknownFields();

  /** Checks the contract rules of this record; called by the generated implementation. */
  @Value.Check
  protected void check() {
    Checks.loopId(loopId());
    if (!sequence().isObject()) {
      throw new VisibilityException(
          ErrorCode.INVALID_FIELD_TYPE,
          "an ordering drift escalation's sequence is an object, not " + sequence().toJson());
    }
    if (!category().equals(ReasonCode.ORDERING_DRIFT_DETECTED)
        && !category().equals(ReasonCode.ORDERING_DRIFT_RECOVERED)) {
      throw new VisibilityException(
          ErrorCode.INVALID_FIELD_VALUE,
          "an ordering drift escalation has category ordering_drift_detected or"
              + " ordering_drift_recovered, not "
              + category());
    }
  }
}
