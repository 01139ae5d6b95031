package io.superloop.visibility.api.json;

/** {@code true} or {@code false}: {@link JsonValue#of(boolean)}. */
enum JsonBoolean implements JsonValue {
  /** {@code true}. */
  TRUE,
  /** {@code false}. */
  FALSE;

  /** {@return the Java boolean} */
  boolean value() {
    return this == TRUE;
  }
}
