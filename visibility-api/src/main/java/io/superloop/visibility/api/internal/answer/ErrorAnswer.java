package io.superloop.visibility.api.internal.answer;

import io.superloop.visibility.api.internal.VisibilityStyle;
import io.superloop.visibility.api.internal.answer.internal.ImmutableErrorAnswer;
import io.superloop.visibility.api.json.JsonValue;
import java.util.Map;
import org.immutables.value.Value;

/**
 * An error body of the sprite service (contract 1.18): {@code {ok:false, error:{code, message}}}
 * (401 {@code unauthorized}, 400 {@code invalid_request}/{@code invalid_json}, 502 {@code
 * runtime_error}, 404 {@code not_found}).
 *
 * <p>Internal: the plane never reads this answer (see the package).
 */
@Value.Immutable
@VisibilityStyle
public abstract class ErrorAnswer {

  /**
   * {@return a new builder} Its {@code build()} throws {@link IllegalStateException} when a
   * required attribute is unset.
   */
  public static ImmutableErrorAnswer.Builder builder() {
    return ImmutableErrorAnswer.builder();
  }

  /**
   * An error answer.
   *
   * @param error the error
   * @return the answer, {@code ok} false
   */
  public static ErrorAnswer of(ServiceError error) {
    return builder().error(error).build();
  }

  /** {@return {@code false} in every error answer (the default)} */
  @Value.Default
  public boolean ok() {
    return false;
  }

  /** {@return the error} */
  public abstract ServiceError error();

  /**
   * {@return fields of a newer writer this version does not know, kept in order and written back}
   */
  public abstract Map<String, JsonValue> unknownFields();
}
