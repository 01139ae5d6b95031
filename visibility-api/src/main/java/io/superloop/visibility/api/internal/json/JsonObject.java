package io.superloop.visibility.api.internal.json;

import io.superloop.visibility.api.json.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON object; member order is the order read or inserted.
 *
 * @param members the members in order, unmodifiable
 */
public record JsonObject(Map<String, JsonValue> members) implements JsonValue {
  /**
   * Copies {@code members} (order kept) into an unmodifiable map.
   *
   * @param members the members in order; no {@code null} keys or values
   */
  public JsonObject {
    members =
        members instanceof ReadMembers read
            ? Collections.unmodifiableMap(read)
            : Collections.unmodifiableMap(new LinkedHashMap<>(members));
  }

  /**
   * Looks a member up.
   *
   * @param key the member's name
   * @return the member named {@code key} ({@link JsonValue#nullValue() JSON null} when written as
   *     {@code null}); empty when there is no such key
   */
  @Override
  public Optional<JsonValue> get(String key) {
    return Optional.ofNullable(members.get(key));
  }

  /** {@return {@code true}} */
  @Override
  public boolean isObject() {
    return true;
  }
}
