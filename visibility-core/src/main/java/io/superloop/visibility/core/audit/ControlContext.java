package io.superloop.visibility.core.audit;

import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.audit.ControlRequest;
import io.superloop.visibility.api.audit.Intent;
import io.superloop.visibility.api.internal.VisibilityStyle;
import io.superloop.visibility.core.audit.internal.ImmutableControlContext;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The identity and settings of one control action, fixed before it runs: what the audit rows carry
 * besides the outcome. Build with {@link #builder()}.
 */
@Value.Immutable
@VisibilityStyle
public abstract class ControlContext {

  /**
   * {@return a new builder} Its {@code build()} throws {@link IllegalStateException} when a
   * required attribute is unset.
   */
  public static ImmutableControlContext.Builder builder() {
    return ImmutableControlContext.builder();
  }

  /** {@return the loop} */
  public abstract String loopId();

  /** {@return the intent} */
  public abstract Intent intent();

  /** {@return the control trace} */
  public abstract TraceId traceId();

  /** {@return the transport used} */
  public abstract Transport transport();

  /** {@return who asked ({@code --by}, default {@code $USER} or {@code unknown})} */
  public abstract String requestedBy();

  /** {@return the operator's note (omitted from rows when empty)} */
  public abstract Optional<String> note();

  /** {@return the resolved idempotency key ({@link IdempotencyKeys#resolve})} */
  public abstract String idempotencyKey();

  /** {@return confirmation and retry settings} */
  @Value.Default
  public ControlRequest request() {
    return ControlRequest.DEFAULT;
  }

  /** {@return when the action started} */
  public abstract Instant startedAt();
}
