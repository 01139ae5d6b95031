package io.superloop.visibility.core.time;

import io.superloop.visibility.core.rules.VisibilityRules;

/**
 * Which heartbeat timestamps parse (hardening H8): the rules' {@link
 * VisibilityRules#rfc3339Timestamps()} switch, as the parser takes it.
 */
public enum TimestampSyntax {
  /**
   * Exactly {@code YYYY-MM-DDTHH:MM:SSZ}, zero-padded, a valid calendar date, not before 1970
   * (contract 2.2 step 5 and C10).
   */
  V1_STRICT,
  /**
   * Full RFC 3339: fractions, {@code +hh:mm} offsets, {@code t}/{@code z} in either case, and a
   * leap second {@code :60} in the last minute of a UTC month, counted as the next second.
   */
  RFC_3339;

  /**
   * The syntax a plane under {@code rules} parses.
   *
   * @param rules the rules
   * @return {@link #RFC_3339} when {@link VisibilityRules#rfc3339Timestamps()}, else {@link
   *     #V1_STRICT}
   */
  public static TimestampSyntax of(VisibilityRules rules) {
    return rules.rfc3339Timestamps() ? RFC_3339 : V1_STRICT;
  }
}
