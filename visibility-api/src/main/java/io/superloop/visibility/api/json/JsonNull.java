package io.superloop.visibility.api.json;

/** {@code null}: {@link JsonValue#nullValue()}. */
enum JsonNull implements JsonValue {
  /** The only instance. */
  INSTANCE
}
