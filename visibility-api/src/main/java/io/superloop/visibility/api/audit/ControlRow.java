package io.superloop.visibility.api.audit;

import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.Transport;
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

  /** A new builder. */
  public static ImmutableControlRow.Builder builder() {
    return ImmutableControlRow.builder();
  }

  /** Completion time, as written. */
  public abstract String timestamp();

  /** Start time, as written. */
  public abstract String startedAt();

  /** The loop id; a valid loop id. */
  public abstract String loopId();

  /** The intent. */
  public abstract Intent intent();

  /** The control trace; omitted when absent (never in practice). */
  public abstract Optional<TraceId> traceId();

  /** The transport the control call used. */
  public abstract Transport transport();

  /** Same as the invocation row's {@code outcome.status}. */
  public abstract OutcomeStatus status();

  /** {@code control_ambiguous} or {@code control_failed_command}; omitted otherwise. */
  public abstract Optional<ReasonCode> reasonCode();

  /** The idempotency key; always present. */
  public abstract String idempotencyKey();

  /** Who asked. */
  public abstract String requestedBy();

  /** The command's (or service response's) exit code. */
  public abstract long exitCode();

  /** The confirm exit code. */
  public abstract long confirmExitCode();

  /** Whether the effect was confirmed. */
  public abstract boolean confirmed();

  /** Whole seconds from start to completion, {@code >= 0}. */
  public abstract long durationSeconds();

  /** Service call attempts of the request, {@code >= 0}. */
  public abstract long retryAttempts();

  /** Backoff of the request in seconds, {@code >= 0}. */
  public abstract long retryBackoffSeconds();

  /** Fields of a newer writer this version does not know, kept in order and written back. */
  public abstract Map<String, JsonValue> unknownFields();

  @Value.Check
  void check() {
    Checks.loopId(loopId());
    Checks.nonBlank("idempotencyKey", idempotencyKey());
    Checks.nonNegative("durationSeconds", durationSeconds());
    Checks.nonNegative("retryAttempts", retryAttempts());
    Checks.nonNegative("retryBackoffSeconds", retryBackoffSeconds());
  }
}
