package io.superloop.visibility.api.internal.json;

import java.math.BigDecimal;
import java.util.OptionalLong;

/** Number-literal helpers that stay safe on hostile literals (huge exponents). */
final class Numbers {
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);

  private Numbers() {}

  static boolean isIntegerLiteral(String literal) {
    int n = literal.length();
    if (n == 0) {
      return false;
    }
    int i = literal.charAt(0) == '-' ? 1 : 0;
    if (i == n) {
      return false;
    }
    for (; i < n; i++) {
      char c = literal.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the literal is a zero mantissa with an exponent ({@code 0e9}, {@code
   * -0.00E-99999999999}).
   */
  private static boolean zeroMantissa(String literal) {
    int i = !literal.isEmpty() && (literal.charAt(0) == '-' || literal.charAt(0) == '+') ? 1 : 0;
    boolean digit = false;
    for (; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (c == 'e' || c == 'E') {
        return digit && literal.substring(i + 1).matches("[+-]?[0-9]+");
      }
      if (c == '0') {
        digit = true;
      } else if (c != '.') {
        return false;
      }
    }
    return false; // no exponent: BigDecimal would have parsed it
  }

  static OptionalLong wholeLong(String literal) {
    if (isIntegerLiteral(literal) && literal.length() <= 18) {
      return OptionalLong.of(Long.parseLong(literal));
    }
    BigDecimal d;
    try {
      d = new BigDecimal(literal);
    } catch (NumberFormatException | ArithmeticException e) {
      // an exponent beyond BigDecimal's int range: the value is still zero when the mantissa is
      // (0e2741764644 is 0); otherwise it is too large or a non-zero fraction
      return zeroMantissa(literal) ? OptionalLong.of(0) : OptionalLong.empty();
    }
    if (d.signum() == 0) {
      return OptionalLong.of(0);
    }
    // precision - scale = number of digits before the decimal point; bound it before any scaling
    long intDigits = (long) d.precision() - d.scale();
    if (intDigits > 19) {
      return OptionalLong.empty();
    }
    if (intDigits < 1) {
      return OptionalLong.empty(); // |d| < 1 and not zero: a fraction
    }
    if (d.compareTo(LONG_MAX) > 0 || d.compareTo(LONG_MIN) < 0) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(d.longValueExact());
    } catch (ArithmeticException e) {
      return OptionalLong.empty();
    }
  }
}
