package io.superloop.visibility.api.internal.json;

import io.superloop.visibility.api.json.JsonValue;
import java.util.Optional;

/** {@code true} or {@code false}: {@link JsonValue#of(boolean)}. */
public enum JsonBoolean implements JsonValue {
  /** {@code true}. */
  TRUE,
  /** {@code false}. */
  FALSE;

  private static final Optional<Boolean> PRESENT_TRUE = Optional.of(Boolean.TRUE);
  private static final Optional<Boolean> PRESENT_FALSE = Optional.of(Boolean.FALSE);

  /** {@return the Java boolean} */
  public boolean value() {
    return this == TRUE;
  }

  /** {@return {@code true}} */
  @Override
  public boolean isBoolean() {
    return true;
  }

  /** {@return the Java boolean, one instance per value} */
  @Override
  public Optional<Boolean> booleanValue() {
    return this == TRUE ? PRESENT_TRUE : PRESENT_FALSE;
  }
}
