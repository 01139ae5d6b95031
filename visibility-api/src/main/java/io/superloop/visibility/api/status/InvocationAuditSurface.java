package io.superloop.visibility.api.status;

import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.internal.VisibilityStyle;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.api.status.internal.ImmutableInvocationAuditSurface;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * {@code visibility.invocationAudit} (contract 6.2), null-filtered, from the last
 * control-invocation row: {@code timestamp, intent, transport, idempotencyKey, executionStatus,
 * confirmationStatus, outcomeStatus, replayed, traceId}, then the additive {@code inFlight} (H5,
 * H16). Intent and the three statuses are kept as their wire strings.
 */
@Value.Immutable
@VisibilityStyle
public abstract class InvocationAuditSurface {

  /**
   * {@return a new builder} Its {@code build()} throws {@link IllegalStateException} when a
   * required attribute is unset.
   */
  public static ImmutableInvocationAuditSurface.Builder builder() {
    return ImmutableInvocationAuditSurface.builder();
  }

  /** {@return when the invocation was recorded} */
  public abstract Optional<String> timestamp();

  /** {@return the intent ({@code cancel}, {@code approve}, {@code reject}), as written} */
  public abstract Optional<String> intent();

  /** {@return the transport of the invocation} */
  public abstract Optional<Transport> transport();

  /** {@return the invocation's idempotency key} */
  public abstract Optional<String> idempotencyKey();

  /** {@return {@code execution.status} of the row, as written} */
  public abstract Optional<String> executionStatus();

  /** {@return {@code confirmation.status} of the row, as written} */
  public abstract Optional<String> confirmationStatus();

  /** {@return {@code outcome.status} of the row, as written} */
  public abstract Optional<String> outcomeStatus();

  /**
   * {@return {@code execution.replayed} of the row} The reference renders it only when {@code
   * true}; the hardened rules (H16) always render it. Empty is omitted.
   */
  public abstract Optional<Boolean> replayed();

  /** {@return the invocation's trace id} */
  public abstract Optional<TraceId> traceId();

  /**
   * {@return whether a started invocation has not completed; empty when not judged} Additive (H5).
   */
  public abstract Optional<Boolean> inFlight();

  /**
   * {@return fields of a newer writer this version does not know, kept in order and written back}
   */
  public abstract Map<String, JsonValue> unknownFields();
}
