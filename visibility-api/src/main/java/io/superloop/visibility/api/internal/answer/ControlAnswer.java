package io.superloop.visibility.api.internal.answer;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.internal.VisibilityStyle;
import io.superloop.visibility.api.internal.answer.internal.ImmutableControlAnswer;
import io.superloop.visibility.api.json.JsonValue;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * The body of the sprite service's {@code POST /ops/control} answer (contract 1.18), null-filtered:
 * {@code {ok, exitCode, result, stderr, replayed, traceId}}. A replay returns the stored answer of
 * the first call with {@code replayed:true} and that call's trace id. HTTP 200 when the exit code
 * is 0 (and on replays), 409 when 2, 500 otherwise.
 *
 * <p>Internal: the plane never reads this answer (see the package).
 */
@Value.Immutable
@VisibilityStyle
public abstract class ControlAnswer {

  /**
   * {@return a new builder} Its {@code build()} throws {@link IllegalStateException} when a
   * required attribute is unset, and {@link VisibilityException} ({@link
   * ErrorCode#INVALID_FIELD_TYPE}) when the result is not a JSON object.
   */
  public static ImmutableControlAnswer.Builder builder() {
    return ImmutableControlAnswer.builder();
  }

  /** {@return whether the server-side control command exited with 0} */
  public abstract boolean ok();

  /** {@return the server-side control command's exit code} */
  public abstract OptionalLong exitCode();

  /**
   * {@return the last JSON-object line of the command's stdout (the server-side intents row), raw:
   * a JSON object}
   */
  public abstract Optional<JsonValue> result();

  /** {@return the last 40 lines of the command's stderr} */
  public abstract Optional<String> stderr();

  /**
   * {@return whether this is a stored answer replayed for a known idempotency key; empty when the
   * service did not say}
   */
  public abstract Optional<Boolean> replayed();

  /** {@return the call's trace id (the original call's on a replay)} */
  public abstract Optional<TraceId> traceId();

  /**
   * {@return fields of a newer writer this version does not know, kept in order and written back}
   */
  public abstract Map<String, JsonValue> unknownFields();

  /** Checks that the result is an object; called by the generated implementation. */
  @Value.Check
  protected void check() {
    if (result().isPresent() && !result().get().isObject()) {
      throw new VisibilityException(
          ErrorCode.INVALID_FIELD_TYPE,
          "a control answer's result is an object, not " + result().get().toJson());
    }
  }
}
