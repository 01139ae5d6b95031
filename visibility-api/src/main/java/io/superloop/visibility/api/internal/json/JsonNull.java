package io.superloop.visibility.api.internal.json;

import io.superloop.visibility.api.json.JsonValue;

/** {@code null}: {@link JsonValue#nullValue()}. */
public enum JsonNull implements JsonValue {
  /** The only instance. */
  INSTANCE;

  /** {@return {@code true}} */
  @Override
  public boolean isNull() {
    return true;
  }
}
