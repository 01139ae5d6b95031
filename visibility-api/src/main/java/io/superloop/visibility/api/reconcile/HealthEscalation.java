package io.superloop.visibility.api.reconcile;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.health.FailureCode;
import io.superloop.visibility.api.health.HealthStatus;
import io.superloop.visibility.api.health.IngestStatus;
import io.superloop.visibility.api.internal.Checks;
import io.superloop.visibility.api.internal.VisibilityStyle;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.api.reconcile.internal.ImmutableHealthEscalation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An escalation row of category {@code health_degraded} or {@code health_critical} (contract 1.14):
 * {@code timestamp, loopId, traceId, category, transport, ingestStatus, failureCode?, stateFile,
 * cursorFile, healthFile, healthStatus, reasonCodes, reasons}. Null-filtered; {@code reasonCodes}
 * is always written.
 */
@Value.Immutable
@VisibilityStyle
public abstract non-sealed class HealthEscalation implements EscalationRow {

  /**
   * {@return a new builder} Its {@code build()} throws {@link IllegalStateException} when a
   * required attribute is unset, and {@link VisibilityException} ({@link ErrorCode#INVALID_LOOP_ID}
   * or {@link ErrorCode#INVALID_FIELD_VALUE}) when a value breaks the record's contract checks
   * ({@link ErrorCode#INVALID_FIELD_TYPE} when the reasons are not an array).
   */
  public static ImmutableHealthEscalation.Builder builder() {
    return ImmutableHealthEscalation.builder();
  }

  @Override
  public abstract String timestamp();

  @Override
  public abstract String loopId();

  @Override
  public abstract Optional<TraceId> traceId();

  /** {@code health_degraded} or {@code health_critical}. */
  @Override
  public abstract ReasonCode category();

  @Override
  public abstract Transport transport();

  /** {@return whether the step's ingest succeeded} */
  public abstract IngestStatus ingestStatus();

  /** {@return the ingest failure code; omitted when none} */
  public abstract Optional<FailureCode> failureCode();

  /** {@return the path of {@code state.json}} */
  public abstract String stateFile();

  /** {@return the path of {@code cursor.json}} */
  public abstract String cursorFile();

  /** {@return the path of {@code health.json}} */
  public abstract String healthFile();

  /** {@return the new health status} */
  public abstract HealthStatus healthStatus();

  /** {@return the health reason codes (always written)} */
  public abstract List<ReasonCode> reasonCodes();

  /**
   * {@return the health reasons ({@code [{code, severity, metric, observed, threshold}]}), raw: a
   * JSON array}
   */
  public abstract JsonValue reasons();

  @Override
  public abstract Map<String, JsonValue> unknownFields();

  /** Checks the contract rules of this record; called by the generated implementation. */
  @Value.Check
  protected void check() {
    Checks.loopId(loopId());
    if (!reasons().isArray()) {
      throw new VisibilityException(
          ErrorCode.INVALID_FIELD_TYPE,
          "a health escalation's reasons is an array, not " + reasons().toJson());
    }
    if (!category().equals(ReasonCode.HEALTH_DEGRADED)
        && !category().equals(ReasonCode.HEALTH_CRITICAL)) {
      throw new VisibilityException(
          ErrorCode.INVALID_FIELD_VALUE,
          "a health escalation has category health_degraded or health_critical, not " + category());
    }
  }
}
