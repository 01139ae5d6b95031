package io.superloop.visibility.api.envelope;

import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.internal.json.JsonObject;
import io.superloop.visibility.api.json.JsonCodec;
import io.superloop.visibility.api.json.JsonValue;
import java.util.Optional;

/** Helpers of this package. */
final class Envelopes {
  private Envelopes() {}

  /** The member {@code key} of {@code value} when it is an object. */
  static Optional<JsonValue> member(Optional<JsonValue> value, String key) {
    if (value.isPresent() && value.get() instanceof JsonObject o) {
      return o.get(key);
    }
    return Optional.empty();
  }

  /** Decodes {@code value} with {@code codec}; errors are located under {@code prefix}. */
  static <T> T decodeValue(JsonCodec<T> codec, JsonValue value, String prefix) {
    try {
      return codec.decode(value.toJson());
    } catch (VisibilityException e) {
      throw e.withPath(prefix + e.path().orElse(""));
    }
  }
}
