package io.superloop.visibility.core.sequence;

import io.superloop.visibility.core.rules.VisibilityRules;

/**
 * Which envelope sequence values are valid (hardening H12; both keep values exact up to 2^63-1).
 */
enum SequenceValueSyntax {
  /**
   * A JSON number whose value is whole ({@code 7}, {@code 3.0}, {@code 1e2}, {@code 0.0}) or a
   * string of ASCII digits ({@code "08"} is 8), from 0 to 2^63-1; {@code -0}, negatives, fractions,
   * other strings, booleans and null are missing (contract C1).
   */
  WHOLE_VALUE,
  /** Only a JSON integer literal from 0 to 2^63-1. */
  INTEGER_LITERAL;

  static SequenceValueSyntax of(VisibilityRules rules) {
    return rules.integerLiteralSequenceValues() ? INTEGER_LITERAL : WHOLE_VALUE;
  }
}
