package io.superloop.visibility.api.internal.json;

import io.superloop.visibility.api.json.JsonValue;
import java.util.LinkedHashMap;

/**
 * The members of an object being read: {@link JsonObject} wraps an instance of this class without
 * copying it. Only the reader ({@code Json}) creates one (public for that reader in another
 * package, not for other code), fills it, hands it to the record and drops it, so no one else holds
 * a reference that could change the value.
 */
public final class ReadMembers extends LinkedHashMap<String, JsonValue> {
  private static final long serialVersionUID = 1L;
}
