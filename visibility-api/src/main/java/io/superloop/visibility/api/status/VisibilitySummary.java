package io.superloop.visibility.api.status;

import io.superloop.visibility.api.internal.VisibilityStyle;
import io.superloop.visibility.api.json.JsonValue;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The {@code visibility} object of the status surface (contract 6.2): {@code heartbeat},
 * {@code sequence} and {@code invocationAudit}, each omitted when empty, and {@code trace}, always
 * present (possibly {@code {}}).
 */
@Value.Immutable
@VisibilityStyle
public abstract class VisibilitySummary {

  /**
   * {@return a new builder} Its {@code build()} throws {@link IllegalStateException} when a
   * required attribute is unset.
   */
  public static ImmutableVisibilitySummary.Builder builder() {
    return ImmutableVisibilitySummary.builder();
  }

  /** {@return the heartbeat surface; empty when neither heartbeat state nor row exists} */
  public abstract Optional<HeartbeatSurface> heartbeat();

  /** {@return the sequence surface; empty when neither sequence state nor row exists} */
  public abstract Optional<SequenceSurface> sequence();

  /** {@return the invocation audit surface; empty when no control-invocation row exists} */
  public abstract Optional<InvocationAuditSurface> invocationAudit();

  /** {@return the trace surface (default {@link TraceSurface#EMPTY})} */
  @Value.Default
  public TraceSurface trace() {
    return TraceSurface.EMPTY;
  }

  /**
   * {@return fields of a newer writer this version does not know, kept in order and written back}
   */
  public abstract Map<String, JsonValue> unknownFields();
}
