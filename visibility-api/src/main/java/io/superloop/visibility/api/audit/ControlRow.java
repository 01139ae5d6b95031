package io.superloop.visibility.api.audit;

import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.audit.internal.ImmutableControlRow;
import io.superloop.visibility.api.internal.Checks;
import io.superloop.visibility.api.internal.VisibilityStyle;
import io.superloop.visibility.api.json.JsonValue;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One row of {@code OPS/telemetry/control.jsonl}, the control attempt telemetry (contract 1.8).
 * Null-filtered; no {@code schemaVersion}. Its {@code timestamp} and {@code startedAt} equal those
 * of the invocation row of the same run. Build with {@link #builder()}.
 */
@Value.Immutable
@VisibilityStyle
public abstract class ControlRow {

  /**
   * {@return a new builder} Its {@code build()} throws {@link IllegalStateException} when a
   * required attribute is unset, and {@link io.superloop.visibility.api.VisibilityException}
   * ({@link io.superloop.visibility.api.ErrorCode#INVALID_LOOP_ID} or {@link
   * io.superloop.visibility.api.ErrorCode#INVALID_FIELD_VALUE}) when a value breaks the record's
   * contract checks.
   */
  public static ImmutableControlRow.Builder builder() {
    return ImmutableControlRow.builder();
  }

  /** {@return the completion time, as written} */
  public abstract String timestamp();

  /** {@return the start time, as written} */
  public abstract String startedAt();

  /** {@return the loop id; a valid loop id} */
  public abstract String loopId();

  /** {@return the intent} */
  public abstract Intent intent();

  /** {@return the control trace; omitted when absent (never in practice)} */
  public abstract Optional<TraceId> traceId();

  /** {@return the transport the control call used} */
  public abstract Transport transport();

  /** {@return the same status as the invocation row's {@code outcome.status}} */
  public abstract OutcomeStatus status();

  /**
   * {@return the reason code: {@code control_ambiguous} or {@code control_failed_command}; empty
   * (omitted) otherwise}
   */
  public abstract Optional<ReasonCode> reasonCode();

  /** {@return the idempotency key; always present} */
  public abstract String idempotencyKey();

  /** {@return who asked} */
  public abstract String requestedBy();

  /** {@return the command's (or service response's) exit code} */
  public abstract long exitCode();

  /** {@return the confirm exit code} */
  public abstract long confirmExitCode();

  /** {@return whether the effect was confirmed} */
  public abstract boolean confirmed();

  /** {@return whole seconds from start to completion, {@code >= 0}} */
  public abstract long durationSeconds();

  /** {@return service call attempts of the request, {@code >= 0}} */
  public abstract long retryAttempts();

  /** {@return the backoff of the request in seconds, {@code >= 0}} */
  public abstract long retryBackoffSeconds();

  /**
   * {@return fields of a newer writer this version does not know, kept in order and written back}
   */
  public abstract Map<String, JsonValue> unknownFields();

  /** Checks the contract rules of this record; called by the generated implementation. */
  @Value.Check
  protected void check() {
    Checks.loopId(loopId());
    Checks.nonBlank("idempotencyKey", idempotencyKey());
    Checks.nonNegative("durationSeconds", durationSeconds());
    Checks.nonNegative("retryAttempts", retryAttempts());
    Checks.nonNegative("retryBackoffSeconds", retryBackoffSeconds());
  }
}
