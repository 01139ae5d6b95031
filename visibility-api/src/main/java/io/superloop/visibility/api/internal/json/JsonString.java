package io.superloop.visibility.api.internal.json;

import io.superloop.visibility.api.json.JsonValue;
import java.util.Objects;
import java.util.Optional;

/**
 * A JSON string.
 *
 * @param value the string's content, unescaped
 */
public record JsonString(String value) implements JsonValue {
  /**
   * Requires a non-null value.
   *
   * @param value the string's content, unescaped
   */
  public JsonString {
    Objects.requireNonNull(value, "value");
  }

  /** {@return {@code true}} */
  @Override
  public boolean isString() {
    return true;
  }

  /** {@return the content} */
  @Override
  public Optional<String> stringValue() {
    return Optional.of(value);
  }
}
