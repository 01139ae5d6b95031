package io.superloop.visibility.api.audit;

import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.audit.internal.ImmutableControlInvocation;
import io.superloop.visibility.api.internal.Checks;
import io.superloop.visibility.api.internal.VisibilityStyle;
import io.superloop.visibility.api.json.JsonValue;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One row of {@code OPS/telemetry/control-invocations.jsonl}, the control invocation audit
 * (contract 1.7, section 4). Each row starts with {@code "schemaVersion":"v1"}. The top level and
 * the {@code execution}, {@code confirmation} and {@code outcome} parts are null-filtered; {@code
 * request} is not (it never holds a null). Build with {@link #builder()}.
 */
@Value.Immutable
@VisibilityStyle
public abstract class ControlInvocation {

  /**
   * {@return a new builder} Its {@code build()} throws {@link IllegalStateException} when a
   * required attribute is unset, and {@link io.superloop.visibility.api.VisibilityException}
   * ({@link io.superloop.visibility.api.ErrorCode#INVALID_LOOP_ID} or {@link
   * io.superloop.visibility.api.ErrorCode#INVALID_FIELD_VALUE}) when a value breaks the record's
   * contract checks.
   */
  public static ImmutableControlInvocation.Builder builder() {
    return ImmutableControlInvocation.builder();
  }

  /** {@return the completion time ({@code YYYY-MM-DDTHH:MM:SSZ}), as written} */
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

  /** {@return who asked ({@code --by}, default {@code $USER} or {@code unknown})} */
  public abstract String requestedBy();

  /** {@return the operator's note; omitted when empty (an empty string is normalised to absent)} */
  public abstract Optional<String> note();

  /**
   * {@return the idempotency key, given or generated (contract 4.2, hardening H6); always present}
   */
  public abstract String idempotencyKey();

  /** {@return the options of the call} */
  public abstract ControlRequest request();

  /** {@return how the command or service call ended} */
  public abstract ControlExecution execution();

  /** {@return whether and how the effect was confirmed} */
  public abstract ControlConfirmation confirmation();

  /** {@return the verdict} */
  public abstract ControlOutcome outcome();

  /**
   * {@return fields of a newer writer this version does not know, kept in order and written back}
   */
  public abstract Map<String, JsonValue> unknownFields();

  /** {@return this record, normalised; called by the generated implementation} */
  @Value.Check
  protected ControlInvocation normalize() {
    Checks.loopId(loopId());
    Checks.nonBlank("idempotencyKey", idempotencyKey());
    if (note().isPresent() && note().get().isEmpty()) {
      return ImmutableControlInvocation.copyOf(this).withNote(Optional.empty());
    }
    return this;
  }
}
