package io.superloop.visibility.api.json;

import java.util.LinkedHashMap;

/**
 * The members of an object being read: {@link JsonValue.JsonObject} wraps an instance of this class
 * without copying it. Only the reader creates one, fills it, hands it to the record and drops it,
 * so no one else holds a reference that could change the value.
 */
final class ReadMembers extends LinkedHashMap<String, JsonValue> {
  private static final long serialVersionUID = 1L;
}
