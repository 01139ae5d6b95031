package io.superloop.visibility.api.internal.json;

import io.superloop.visibility.api.json.JsonValue;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A JSON number, kept as its literal text ({@code 7}, {@code 3.0}, {@code 1e2} stay distinct and
 * are written back as read).
 *
 * @param literal the number's literal text, written back as is
 */
public record JsonNumber(String literal) implements JsonValue {
  /**
   * Requires a non-null literal; the literal is not checked to be a valid JSON number (the reader
   * has checked it; {@link JsonValue#number(String)} checks a user's).
   *
   * @param literal the number's literal text, written back as is
   */
  public JsonNumber {
    Objects.requireNonNull(literal, "literal");
  }

  /** {@return {@code true}} */
  @Override
  public boolean isNumber() {
    return true;
  }

  /** {@return the literal} */
  @Override
  public Optional<String> numberLiteral() {
    return Optional.of(literal);
  }

  /**
   * {@return the exact decimal value of the literal; empty when its exponent is beyond what {@link
   * BigDecimal} holds (a scale outside the {@code int} range)}
   */
  @Override
  public Optional<BigDecimal> decimalValue() {
    try {
      return Optional.of(new BigDecimal(literal));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * {@return the value as a {@code long} when it is whole and in range, whatever its literal form
   * ({@code 3.0} and {@code 1e2} are whole); empty for fractions and out-of-range values} Safe on
   * absurd exponents.
   */
  @Override
  public OptionalLong wholeLongValue() {
    return Numbers.wholeLong(literal);
  }

  /** {@return whether the literal is a plain integer literal (no fraction, no exponent)} */
  @Override
  public boolean isIntegerLiteral() {
    return Numbers.isIntegerLiteral(literal);
  }
}
