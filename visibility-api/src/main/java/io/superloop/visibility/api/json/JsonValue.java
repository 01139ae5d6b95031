package io.superloop.visibility.api.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An immutable JSON value, kept exactly as read: object key order, number literals and unknown
 * fields are preserved, so a value the library does not interpret (a runtime heartbeat, an event
 * payload) is written back as it came. Obtain one with {@link Json#parseValue(String)} or the
 * factories below.
 */
public sealed interface JsonValue
    permits JsonValue.JsonObject,
        JsonValue.JsonArray,
        JsonValue.JsonString,
        JsonValue.JsonNumber,
        JsonBoolean,
        JsonNull {

  /** A JSON object; member order is the order read or inserted. */
  record JsonObject(Map<String, JsonValue> members) implements JsonValue {
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
    public Optional<JsonValue> get(String key) {
      return Optional.ofNullable(members.get(key));
    }
  }

  /** A JSON array. */
  record JsonArray(List<JsonValue> elements) implements JsonValue {
    /**
     * Copies {@code elements} into an unmodifiable list.
     *
     * @param elements the elements in order; no {@code null}s ({@link JsonValue#nullValue()} for
     *     JSON null)
     */
    public JsonArray {
      elements =
          elements instanceof ReadElements read
              ? Collections.unmodifiableList(read)
              : List.copyOf(elements);
    }
  }

  /** A JSON string. */
  record JsonString(String value) implements JsonValue {
    /**
     * Requires a non-null value.
     *
     * @param value the string's content, unescaped
     */
    public JsonString {
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * A JSON number, kept as its literal text ({@code 7}, {@code 3.0}, {@code 1e2} stay distinct and
   * are written back as read).
   */
  record JsonNumber(String literal) implements JsonValue {
    /**
     * Requires a non-null literal; the literal is not checked to be a valid JSON number.
     *
     * @param literal the number's literal text, written back as is
     */
    public JsonNumber {
      Objects.requireNonNull(literal, "literal");
    }

    /** {@return the exact decimal value of the literal} */
    public BigDecimal decimalValue() {
      return new BigDecimal(literal);
    }

    /**
     * {@return the value as a {@code long} when it is whole and in range, whatever its literal form
     * ({@code 3.0} and {@code 1e2} are whole); empty for fractions and out-of-range values} Safe on
     * absurd exponents.
     */
    public OptionalLong wholeLongValue() {
      return Numbers.wholeLong(literal);
    }

    /** {@return whether the literal is a plain integer literal (no fraction, no exponent)} */
    public boolean isIntegerLiteral() {
      return Numbers.isIntegerLiteral(literal);
    }
  }

  /**
   * A string value.
   *
   * @param s the content
   * @return a {@link JsonString}
   */
  static JsonValue of(String s) {
    return new JsonString(s);
  }

  /**
   * A number value.
   *
   * @param n the number
   * @return a {@link JsonNumber} with the plain integer literal of {@code n}
   */
  static JsonValue of(long n) {
    return new JsonNumber(Long.toString(n));
  }

  /**
   * A number value of any size.
   *
   * @param n the number
   * @return a {@link JsonNumber} with the exact literal {@link BigInteger#toString()} gives
   */
  static JsonValue of(BigInteger n) {
    return new JsonNumber(n.toString());
  }

  /**
   * A boolean value.
   *
   * @param b the boolean
   * @return the value {@code true} or {@code false}, one instance each
   */
  static JsonValue of(boolean b) {
    return b ? JsonBoolean.TRUE : JsonBoolean.FALSE;
  }

  /** {@return the null value, one instance} */
  static JsonValue nullValue() {
    return JsonNull.INSTANCE;
  }

  /**
   * An object of the given members, in order.
   *
   * @param members the members, copied
   * @return the object
   */
  static JsonObject object(Map<String, JsonValue> members) {
    return new JsonObject(members);
  }

  /**
   * An array of the given elements.
   *
   * @param elements the elements, copied
   * @return the array
   */
  static JsonArray array(List<JsonValue> elements) {
    return new JsonArray(elements);
  }

  /** {@return whether this is {@code null}} */
  default boolean isNull() {
    return this == JsonNull.INSTANCE;
  }

  /** {@return whether this is {@code true} or {@code false}} */
  default boolean isBoolean() {
    return this instanceof JsonBoolean;
  }

  /** {@return the compact JSON text of this value (the rendering {@code jq -c} gives)} */
  default String toJson() {
    return Json.DEFAULT.encodeValue(this);
  }
}
