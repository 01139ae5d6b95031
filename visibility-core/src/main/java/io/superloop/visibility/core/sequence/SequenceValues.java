package io.superloop.visibility.core.sequence;

import io.superloop.visibility.api.internal.json.JsonNumber;
import io.superloop.visibility.api.internal.json.JsonString;
import io.superloop.visibility.api.json.JsonValue;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * Judges envelope sequence values (hardening H12, contract C1). A valid value is returned as a
 * {@code long} from 0 to 2^63-1, exactly; anything else is {@link #MISSING}.
 */
final class SequenceValues {
  /** The judgement of a value that is not valid ({@link SequenceValidator#MISSING}). */
  static final long MISSING = SequenceValidator.MISSING;

  private SequenceValues() {}

  /**
   * The valid value of {@code value} under {@code syntax}, or {@link #MISSING}.
   *
   * @param value the raw {@code sequence.value}, or null when absent
   * @param syntax which values are valid
   * @return the value, 0 to 2^63-1, or {@link #MISSING}
   */
  static long judge(@Nullable JsonValue value, SequenceValueSyntax syntax) {
    if (value instanceof JsonNumber n) {
      return judgeNumberLiteral(n.literal(), syntax);
    }
    if (value instanceof JsonString s && syntax == SequenceValueSyntax.WHOLE_VALUE) {
      return judgeDigits(s.value());
    }
    return MISSING;
  }

  /**
   * Judges a JSON number literal.
   *
   * @param literal the literal as jackson-core reports its text
   * @param syntax which values are valid
   * @return the value, 0 to 2^63-1, or {@link #MISSING} (negatives and {@code -0} included)
   */
  static long judgeNumberLiteral(String literal, SequenceValueSyntax syntax) {
    if (literal.isEmpty() || literal.charAt(0) == '-') {
      return MISSING; // negatives, and -0 (jq renders "-0", which fails ^[0-9]+$)
    }
    JsonNumber n = new JsonNumber(literal);
    if (syntax == SequenceValueSyntax.INTEGER_LITERAL) {
      return n.isIntegerLiteral() ? judgeDigits(literal) : MISSING;
    }
    OptionalLong v = n.wholeLongValue();
    return v.isPresent() && v.getAsLong() >= 0 ? v.getAsLong() : MISSING;
  }

  /**
   * Reads a string of ASCII digits as decimal (leading zeros allowed).
   *
   * @param s the characters
   * @return the value, 0 to 2^63-1, or {@link #MISSING} when empty, not all digits or too large
   */
  static long judgeDigits(CharSequence s) {
    int n = s.length();
    if (n == 0) {
      return MISSING;
    }
    long v = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return MISSING;
      }
      int d = c - '0';
      if (v > (Long.MAX_VALUE - d) / 10) {
        return MISSING;
      }
      v = v * 10 + d;
    }
    return v;
  }
}
