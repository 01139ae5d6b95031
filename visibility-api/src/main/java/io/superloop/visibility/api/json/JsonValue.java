package io.superloop.visibility.api.json;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.internal.json.JsonArray;
import io.superloop.visibility.api.internal.json.JsonBoolean;
import io.superloop.visibility.api.internal.json.JsonNull;
import io.superloop.visibility.api.internal.json.JsonNumber;
import io.superloop.visibility.api.internal.json.JsonObject;
import io.superloop.visibility.api.internal.json.JsonString;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An immutable JSON value, kept exactly as read: object key order, number literals and unknown
 * fields are preserved, so a value the library does not interpret (a runtime heartbeat, an event
 * payload) is written back as it came. Obtain one with {@link Json#parse(String)} or the factories
 * below.
 *
 * <p>A value is one of six kinds: object, array, string, number, boolean or null; {@link
 * #isObject()}, {@link #isArray()}, {@link #isString()}, {@link #isNumber()}, {@link #isBoolean()}
 * and {@link #isNull()} tell which (exactly one is {@code true}). The accessors of a kind's content
 * follow one rule: <b>a value of that kind returns its content, any other value returns an empty
 * result, never {@code null} and never an exception</b>. For the scalars the empty result is an
 * empty {@link Optional} ({@link #stringValue()}, {@link #booleanValue()}, {@link
 * #numberLiteral()}, {@link #decimalValue()}, {@link #wholeLongValue()}); for the containers it is
 * an empty collection ({@link #members()}, {@link #elements()}), so a caller can iterate without a
 * check and tells an empty object from a non-object with {@link #isObject()}. Lookups chain:
 *
 * <pre>{@code
 * JsonValue heartbeat = Json.parse("{\"pid\": 4242, \"timestamp\": \"2026-03-01T10:59:00Z\"}");
 * OptionalLong pid = heartbeat.get("pid").map(JsonValue::wholeLongValue).orElse(OptionalLong.empty());
 * Optional<String> at = heartbeat.get("timestamp").flatMap(JsonValue::stringValue);
 * }</pre>
 *
 * <p>The implementations are the library's own (the interface is sealed); compare values with
 * {@link Object#equals(Object)}: two values are equal when they are of the same kind with equal
 * content (number literals compared as text: {@code 1.0} is not {@code 1}).
 */
public sealed interface JsonValue
    permits JsonObject, JsonArray, JsonString, JsonNumber, JsonBoolean, JsonNull {

  /**
   * A string value.
   *
   * @param s the content
   * @return a string value
   */
  static JsonValue of(String s) {
    return new JsonString(s);
  }

  /**
   * A number value.
   *
   * @param n the number
   * @return a number value with the plain integer literal of {@code n}
   */
  static JsonValue of(long n) {
    return new JsonNumber(Long.toString(n));
  }

  /**
   * A number value of any size.
   *
   * @param n the number
   * @return a number value with the exact literal {@link BigInteger#toString()} gives
   */
  static JsonValue of(BigInteger n) {
    return new JsonNumber(n.toString());
  }

  /**
   * A number value with an exact literal, written back as given ({@code 3.0}, {@code 1e2} and
   * {@code 3} stay distinct).
   *
   * @param literal a JSON number literal (RFC 8259: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?
   *     [0-9]+)?}, no surrounding whitespace) of at most {@link JsonReadLimits#DEFAULT}'s {@link
   *     JsonReadLimits#maxNumberLength()} characters, so the library's reader reads it back
   * @return a number value with that literal
   * @throws VisibilityException {@link ErrorCode#INVALID_ARGUMENT} when {@code literal} is not such
   *     a literal ({@code +1}, {@code 01}, {@code .5}, {@code 1.}, {@code NaN}, {@code 0x10}, a
   *     blank) or is longer
   */
  static JsonValue number(String literal) {
    int max = JsonReadLimits.DEFAULT.maxNumberLength();
    if (literal.length() > max) {
      throw new VisibilityException(
          ErrorCode.INVALID_ARGUMENT,
          "a number literal of " + literal.length() + " characters is longer than " + max);
    }
    String problem = JsonSyntax.numberLiteralProblem(literal, JsonReadLimits.DEFAULT);
    if (problem != null) {
      throw new VisibilityException(
          ErrorCode.INVALID_ARGUMENT,
          "not a JSON number literal: \"" + literal + "\" (" + problem + ")");
    }
    return new JsonNumber(literal);
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
   * @param members the members, copied (order kept); no {@code null} keys or values ({@link
   *     #nullValue()} for JSON null)
   * @return the object
   */
  static JsonValue object(Map<String, JsonValue> members) {
    return new JsonObject(members);
  }

  /**
   * An array of the given elements.
   *
   * @param elements the elements, copied; no {@code null}s ({@link #nullValue()} for JSON null)
   * @return the array
   */
  static JsonValue array(List<JsonValue> elements) {
    return new JsonArray(elements);
  }

  /** {@return whether this is an object} */
  default boolean isObject() {
    return false;
  }

  /** {@return whether this is an array} */
  default boolean isArray() {
    return false;
  }

  /** {@return whether this is a string} */
  default boolean isString() {
    return false;
  }

  /** {@return whether this is a number} */
  default boolean isNumber() {
    return false;
  }

  /** {@return whether this is {@code true} or {@code false}} */
  default boolean isBoolean() {
    return false;
  }

  /** {@return whether this is {@code null}} */
  default boolean isNull() {
    return false;
  }

  /**
   * {@return an object's members in order, unmodifiable; an empty map for any other kind (an empty
   * object too: {@link #isObject()} tells them apart)}
   */
  default Map<String, JsonValue> members() {
    return Map.of();
  }

  /**
   * Looks a member of an object up.
   *
   * @param key the member's name
   * @return the member named {@code key} ({@link #nullValue() JSON null} when written as {@code
   *     null}); empty when there is no such key or this is not an object
   */
  default Optional<JsonValue> get(String key) {
    return Optional.empty();
  }

  /**
   * {@return an array's elements in order, unmodifiable; an empty list for any other kind (an empty
   * array too: {@link #isArray()} tells them apart)}
   */
  default List<JsonValue> elements() {
    return List.of();
  }

  /** {@return a string's content, unescaped; empty for any other kind} */
  default Optional<String> stringValue() {
    return Optional.empty();
  }

  /** {@return a boolean's value; empty for any other kind} */
  default Optional<Boolean> booleanValue() {
    return Optional.empty();
  }

  /**
   * {@return a number's literal exactly as read or given ({@code 7}, {@code 3.0}, {@code 1e2},
   * {@code -0}); empty for any other kind}
   */
  default Optional<String> numberLiteral() {
    return Optional.empty();
  }

  /**
   * {@return a number's exact decimal value ({@code 3.0} and {@code 3} compare equal with {@link
   * BigDecimal#compareTo(BigDecimal)}); empty for any other kind, and for a number whose exponent
   * {@link BigDecimal} cannot hold (beyond the {@code int} range, such as {@code 1e9999999999})}
   */
  default Optional<BigDecimal> decimalValue() {
    return Optional.empty();
  }

  /**
   * {@return a number's value as a {@code long} when it is whole and in the {@code long} range,
   * whatever its literal form ({@code 7}, {@code 3.0}, {@code 1e2} and {@code -0} are whole); empty
   * for a fraction ({@code 0.5}), a number out of range ({@code 1e400}) and any other kind} Safe on
   * absurd exponents.
   */
  default OptionalLong wholeLongValue() {
    return OptionalLong.empty();
  }

  /**
   * {@return whether this is a number written as a plain integer literal, no fraction and no
   * exponent ({@code 7} and {@code -0} are; {@code 3.0} and {@code 1e2} are not); {@code false} for
   * any other kind}
   */
  default boolean isIntegerLiteral() {
    return false;
  }

  /** {@return the compact JSON text of this value (the rendering {@code jq -c} gives)} */
  default String toJson() {
    return Json.DEFAULT.encodeValue(this);
  }
}
