package io.superloop.visibility.api.internal.json;

import io.superloop.visibility.api.json.JsonValue;
import java.util.Collections;
import java.util.List;

/**
 * A JSON array.
 *
 * @param elements the elements in order, unmodifiable
 */
public record JsonArray(List<JsonValue> elements) implements JsonValue {
  /**
   * Copies {@code elements} into an unmodifiable list.
   *
   * @param elements the elements in order; no {@code null}s ({@link JsonValue#nullValue()} for JSON
   *     null)
   */
  public JsonArray {
    elements =
        elements instanceof ReadElements read
            ? Collections.unmodifiableList(read)
            : List.copyOf(elements);
  }

  /** {@return {@code true}} */
  @Override
  public boolean isArray() {
    return true;
  }
}
