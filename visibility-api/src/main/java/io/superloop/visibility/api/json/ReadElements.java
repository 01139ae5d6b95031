package io.superloop.visibility.api.json;

import java.util.ArrayList;

/**
 * The elements of an array being read: {@link JsonValue.JsonArray} wraps an instance of this class
 * without copying it. Only the reader creates one, fills it, hands it to the record and drops it,
 * so no one else holds a reference that could change the value.
 */
final class ReadElements extends ArrayList<JsonValue> {
  private static final long serialVersionUID = 1L;
}
