package io.superloop.visibility.api.status;

import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.internal.Checks;
import io.superloop.visibility.api.internal.VisibilityStyle;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.api.status.internal.ImmutableTraceSurface;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * {@code visibility.trace} (contract 6.4), null-filtered and always present (possibly {@code {}}):
 * {@code controlTraceId, controlInvocationTraceId, reconcileTraceId, heartbeatTraceId,
 * sequenceTraceId, alertTraceId, sharedTraceId}, then the additive {@code distinctTraceIds} (H16).
 */
@Value.Immutable
@VisibilityStyle
public abstract class TraceSurface {

  /** The empty trace surface, {@code {}}. */
  public static final TraceSurface EMPTY = builder().build();

  /**
   * {@return a new builder} Its {@code build()} throws {@link IllegalStateException} when a
   * required attribute is unset, and {@link io.superloop.visibility.api.VisibilityException}
   * ({@link io.superloop.visibility.api.ErrorCode#INVALID_FIELD_VALUE}) when a value breaks the
   * record's contract checks.
   */
  public static ImmutableTraceSurface.Builder builder() {
    return ImmutableTraceSurface.builder();
  }

  /** {@return the last intents row's trace, else the last control row's} */
  public abstract Optional<TraceId> controlTraceId();

  /** {@return the last control-invocation row's trace} */
  public abstract Optional<TraceId> controlInvocationTraceId();

  /** {@return the last reconcile row's trace} */
  public abstract Optional<TraceId> reconcileTraceId();

  /** {@return the heartbeat state's trace, else the last heartbeat row's} */
  public abstract Optional<TraceId> heartbeatTraceId();

  /** {@return the sequence state's trace, else the last sequence row's} */
  public abstract Optional<TraceId> sequenceTraceId();

  /** {@return the last alert row's trace, else the dispatch state's (H16: the newer of the two)} */
  public abstract Optional<TraceId> alertTraceId();

  /**
   * {@return the one trace id shared by every present surface among control, reconcile, alert,
   * heartbeat and sequence; omitted when they differ or none is present}
   */
  public abstract Optional<TraceId> sharedTraceId();

  /**
   * {@return the number of distinct non-null trace ids among the surfaces ({@code >= 0}); empty
   * when not counted} Additive (H16).
   */
  public abstract OptionalLong distinctTraceIds();

  /**
   * {@return fields of a newer writer this version does not know, kept in order and written back}
   */
  public abstract Map<String, JsonValue> unknownFields();

  /** Checks the contract rules of this record; called by the generated implementation. */
  @Value.Check
  protected void check() {
    if (distinctTraceIds().isPresent()) {
      Checks.nonNegative("distinctTraceIds", distinctTraceIds().getAsLong());
    }
  }
}
