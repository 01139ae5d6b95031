package io.superloop.visibility.api.internal.answer;

import io.superloop.visibility.api.internal.VisibilityStyle;
import io.superloop.visibility.api.internal.answer.internal.ImmutableServiceError;
import io.superloop.visibility.api.json.JsonValue;
import java.util.Map;
import org.immutables.value.Value;

/**
 * The {@code error} object of a sprite service error answer: {@code {code, message}}.
 *
 * <p>Internal: the plane never reads this answer (see the package).
 */
@Value.Immutable
@VisibilityStyle
public abstract class ServiceError {

  /**
   * {@return a new builder} Its {@code build()} throws {@link IllegalStateException} when a
   * required attribute is unset.
   */
  public static ImmutableServiceError.Builder builder() {
    return ImmutableServiceError.builder();
  }

  /**
   * An error of the service.
   *
   * @param code the error code
   * @param message the human-readable message
   * @return the error
   */
  public static ServiceError of(ServiceErrorCode code, String message) {
    return builder().code(code).message(message).build();
  }

  /** {@return the error code} */
  public abstract ServiceErrorCode code();

  /** {@return the human-readable message} */
  public abstract String message();

  /**
   * {@return fields of a newer writer this version does not know, kept in order and written back}
   */
  public abstract Map<String, JsonValue> unknownFields();
}
