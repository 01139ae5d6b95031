package io.superloop.visibility.core.rules;

/** Which heartbeat timestamps parse (hardening H8). */
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
  RFC_3339
}
