package io.superloop.visibility.testkit.core;

import static io.superloop.visibility.testkit.gen.Gen.weighted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.core.sequence.SequenceValidator;
import io.superloop.visibility.testkit.gen.Gen;
import io.superloop.visibility.testkit.gen.internal.Zip;
import io.superloop.visibility.testkit.property.Property;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * H12 / C1: sequence values judged against a model built on BigDecimal and BigInteger. Reference:
 * any JSON number whose value is whole and in 0..2^63-1 (whatever the literal form; a minus sign,
 * -0 included, is missing) and any non-empty ASCII digit string in that range. Hardened: only a
 * JSON integer literal in that range.
 */
class SequenceValuePropertiesTest {
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
  private static final String DIGITS = "0123456789";

  /** The model: the valid value, or empty for "missing". */
  static Optional<Long> model(String json, boolean hardened) {
    char c0 = json.charAt(0);
    if (c0 == '"') {
      String s = json.substring(1, json.length() - 1); // generated without escapes
      if (hardened || s.isEmpty()) {
        return Optional.empty();
      }
      for (int i = 0; i < s.length(); i++) {
        if (s.charAt(i) < '0' || s.charAt(i) > '9') {
          return Optional.empty();
        }
      }
      return inRange(new BigInteger(s));
    }
    if (c0 != '-' && (c0 < '0' || c0 > '9')) {
      return Optional.empty(); // true, false, null, arrays, objects
    }
    boolean minus = c0 == '-';
    boolean integerLiteral =
        json.indexOf('.') < 0 && json.indexOf('e') < 0 && json.indexOf('E') < 0;
    if (hardened && !integerLiteral) {
      return Optional.empty();
    }
    BigDecimal d;
    try {
      d = new BigDecimal(json);
    } catch (NumberFormatException tooLarge) {
      // exponent beyond int range: the value is 0 (zero mantissa), huge or a tiny fraction
      int e = json.indexOf('e') >= 0 ? json.indexOf('e') : json.indexOf('E');
      BigDecimal mantissa = new BigDecimal(json.substring(0, e));
      if (mantissa.signum() == 0 && !minus) {
        return Optional.of(0L);
      }
      return Optional.empty();
    }
    if (d.signum() < 0 || (d.signum() == 0 && minus)) {
      return Optional.empty(); // negatives; -0 renders "-0" (C1)
    }
    if (d.compareTo(new BigDecimal(LONG_MAX)) > 0) {
      return Optional.empty(); // above 2^63-1 (checked first: no scaling of huge exponents)
    }
    if (d.signum() != 0 && d.stripTrailingZeros().scale() > 0) {
      return Optional.empty(); // a fraction
    }
    return inRange(d.toBigIntegerExact());
  }

  private static Optional<Long> inRange(BigInteger v) {
    return v.signum() >= 0 && v.compareTo(LONG_MAX) <= 0
        ? Optional.of(v.longValueExact())
        : Optional.empty();
  }

  static Gen<String> digits(int min, int max) {
    return Gen.strings(DIGITS, min, max);
  }

  /** A JSON number literal: sign, integer part, fraction, exponent. */
  static Gen<String> numberLiterals() {
    Gen<String> sign = Gen.frequency(weighted(4, Gen.constant("")), weighted(1, Gen.constant("-")));
    Gen<String> intPart =
        Gen.frequency(
            weighted(1, Gen.constant("0")),
            weighted(4, Gen.zip(Gen.chars("123456789"), digits(0, 22), (a, b) -> a + b)),
            weighted(
                1,
                Gen.elements(
                    "9223372036854775807",
                    "9223372036854775808",
                    "9223372036854775806",
                    "18446744073709551616",
                    "9007199254740993",
                    "10000000000000000")));
    Gen<String> frac =
        Gen.frequency(
            weighted(3, Gen.constant("")),
            weighted(1, digits(1, 6).map(d -> "." + d)),
            weighted(1, Gen.ints(1, 4).map(n -> "." + "0".repeat(n))));
    Gen<String> exp =
        Gen.frequency(
            weighted(4, Gen.constant("")),
            weighted(
                3,
                Zip.zip(
                    Gen.elements("e", "E"),
                    Gen.elements("", "+", "-"),
                    Gen.ints(0, 25),
                    (e, s, n) -> e + s + n)),
            weighted(
                1,
                Zip.zip(
                    Gen.elements("e", "E"),
                    Gen.elements("", "+", "-"),
                    Gen.elements("999999999", "2147483647", "2147483648", "99999999999"),
                    (e, s, n) -> e + s + n)));
    return Zip.zip(sign, intPart, frac, exp, (s, i, f, e) -> s + i + f + e);
  }

  static Gen<String> jsonTexts() {
    Gen<String> digitStrings = digits(0, 25).map(d -> "\"" + d + "\"");
    Gen<String> otherStrings =
        Gen.elements(
                " 7", "7 ", "1e2", "-1", "+1", "0x10", "\u0663", "\uff11", "1.0", "", "-0", "08",
                "007")
            .map(s -> "\"" + s + "\"");
    Gen<String> others =
        Gen.elements(
            "true",
            "false",
            "null",
            "[1]",
            "{\"value\":1}",
            "-0",
            "0.0",
            "-0.0",
            "1e2",
            "3.0",
            "8.5",
            "0e99999999999",
            "1e99999999999",
            "1e-99999999999");
    return Gen.frequency(
        weighted(8, numberLiterals()),
        weighted(3, digitStrings),
        weighted(1, otherStrings),
        weighted(1, others));
  }

  @Test
  void judgedValuesEqualTheBigDecimalModel() {
    SequenceValidator ref = new SequenceValidator(VisibilityRules.reference());
    SequenceValidator hard = new SequenceValidator(VisibilityRules.hardened());
    // the presets' syntaxes: the reference reads whole values, hardened integer literals only (H12)
    assertFalse(ref.rules().integerLiteralSequenceValues());
    assertTrue(hard.rules().integerLiteralSequenceValues());
    Property.forAll(jsonTexts())
        .named("sequence values: H12 judge == BigDecimal model (both presets)")
        .tries(Math.max(Property.defaultTries(), 20_000))
        .check(
            json -> {
              JsonValue v = Json.parse(json);
              long r = model(json, false).orElse(SequenceValidator.MISSING);
              long h = model(json, true).orElse(SequenceValidator.MISSING);
              assertEquals(r, ref.judge(v), "reference validator " + json);
              assertEquals(h, hard.judge(v), "hardened validator " + json);
            });
    assertEquals(SequenceValidator.MISSING, ref.judge(null), "an absent value is missing");
    assertEquals(SequenceValidator.MISSING, hard.judge(null), "an absent value is missing");
  }
}
