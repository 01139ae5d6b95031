package io.superloop.visibility.core.time;

import io.superloop.visibility.core.rules.TimestampSyntax;
import java.time.Instant;
import java.util.Optional;

/**
 * Parses and formats the plane's timestamps. Parsing is hand-written (no regex, no allocation) and
 * returns epoch milliseconds, or {@link #INVALID}.
 *
 * <ul>
 *   <li>{@link TimestampSyntax#V1_STRICT}: exactly {@code YYYY-MM-DDTHH:MM:SSZ}, zero-padded, a valid
 *       calendar date and time of day, not before 1970-01-01T00:00:00Z (the reference rejects
 *       negative epochs).
 *   <li>{@link TimestampSyntax#RFC_3339}: {@code full-date "T" full-time} of RFC 3339: {@code T} or
 *       {@code t} (or one space), optional fraction of any length (truncated to milliseconds), {@code
 *       Z}/{@code z} or a {@code +hh:mm}/{@code -hh:mm} offset; years 0000-9999.
 * </ul>
 */
public final class Timestamps {

  /** Returned by the parsers for a timestamp that does not parse. */
  public static final long INVALID = Long.MIN_VALUE;

  private Timestamps() {}

  /**
   * Parses a timestamp.
   *
   * @param s the text, not trimmed
   * @param syntax which forms parse
   * @return epoch milliseconds, or {@link #INVALID} when {@code s} does not parse
   */
  public static long parseEpochMillis(CharSequence s, TimestampSyntax syntax) {
    return syntax == TimestampSyntax.V1_STRICT ? parseStrict(s) : parseRfc3339(s);
  }

  /**
   * Parses a timestamp.
   *
   * @param s the text, not trimmed
   * @param syntax which forms parse
   * @return the instant (millisecond precision), empty when {@code s} does not parse
   */
  public static Optional<Instant> parse(CharSequence s, TimestampSyntax syntax) {
    long ms = parseEpochMillis(s, syntax);
    return ms == INVALID ? Optional.empty() : Optional.of(Instant.ofEpochMilli(ms));
  }

  private static long parseStrict(CharSequence s) {
    if (s.length() != 20
        || s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || s.charAt(10) != 'T'
        || s.charAt(13) != ':'
        || s.charAt(16) != ':'
        || s.charAt(19) != 'Z') {
      return INVALID;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if (year < 1970 || !validDateTime(year, month, day, hour, minute, second)) {
      return INVALID;
    }
    return epochSecond(year, month, day, hour, minute, second) * 1000L;
  }

  private static long parseRfc3339(CharSequence s) {
    int n = s.length();
    if (n < 20
        || s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return INVALID;
    }
    char t = s.charAt(10);
    if (t != 'T' && t != 't' && t != ' ') {
      return INVALID;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if (!validDateTime(year, month, day, hour, minute, second)) {
      return INVALID;
    }
    int i = 19;
    int millis = 0;
    if (i < n && s.charAt(i) == '.') {
      i++;
      int start = i;
      int scale = 100;
      while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        millis += (s.charAt(i) - '0') * scale;
        scale /= 10;
        i++;
      }
      if (i == start) {
        return INVALID;
      }
    }
    if (i >= n) {
      return INVALID;
    }
    char z = s.charAt(i);
    long offsetSeconds;
    if ((z == 'Z' || z == 'z') && i + 1 == n) {
      offsetSeconds = 0;
    } else if ((z == '+' || z == '-') && i + 6 == n && s.charAt(i + 3) == ':') {
      int oh = digits(s, i + 1, 2);
      int om = digits(s, i + 4, 2);
      if (oh < 0 || oh > 23 || om < 0 || om > 59) {
        return INVALID;
      }
      offsetSeconds = (oh * 3600L + om * 60L) * (z == '+' ? 1 : -1);
    } else {
      return INVALID;
    }
    return (epochSecond(year, month, day, hour, minute, second) - offsetSeconds) * 1000L + millis;
  }

  private static boolean validDateTime(int year, int month, int day, int hour, int minute, int second) {
    return year >= 0
        && month >= 1
        && month <= 12
        && day >= 1
        && day <= daysInMonth(year, month)
        && hour >= 0
        && hour <= 23
        && minute >= 0
        && minute <= 59
        && second >= 0
        && second <= 59;
  }

  private static int daysInMonth(int year, int month) {
    switch (month) {
      case 2:
        return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }

  /** {@code count} ASCII digits at {@code from} as a number, or -1. */
  private static int digits(CharSequence s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /** Days from civil (proleptic Gregorian), after H. Hinnant's algorithm. */
  private static long epochSecond(int year, int month, int day, int hour, int minute, int second) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long mp = (month + 9) % 12;
    long doy = (153 * mp + 2) / 5 + day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    long days = era * 146097 + doe - 719468;
    return days * 86400 + hour * 3600L + minute * 60L + second;
  }

  /**
   * Formats an instant as the plane writes timestamps.
   *
   * @param instant the instant
   * @return {@code YYYY-MM-DDTHH:MM:SSZ}, truncated to the second
   */
  public static String format(Instant instant) {
    return formatEpochSecond(instant.getEpochSecond());
  }

  /**
   * Formats an epoch second.
   *
   * @param epochSecond seconds since 1970-01-01T00:00:00Z, within years 0000-9999
   * @return {@code YYYY-MM-DDTHH:MM:SSZ}
   */
  public static String formatEpochSecond(long epochSecond) {
    long days = Math.floorDiv(epochSecond, 86400);
    long secs = Math.floorMod(epochSecond, 86400);
    long z = days + 719468;
    long era = Math.floorDiv(z, 146097);
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp < 10 ? mp + 3 : mp - 9;
    long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    char[] out = new char[20];
    put(out, 0, y, 4);
    out[4] = '-';
    put(out, 5, m, 2);
    out[7] = '-';
    put(out, 8, d, 2);
    out[10] = 'T';
    put(out, 11, secs / 3600, 2);
    out[13] = ':';
    put(out, 14, (secs / 60) % 60, 2);
    out[16] = ':';
    put(out, 17, secs % 60, 2);
    out[19] = 'Z';
    return new String(out);
  }

  private static void put(char[] out, int at, long value, int width) {
    long v = value;
    for (int i = at + width - 1; i >= at; i--) {
      out[i] = (char) ('0' + (v % 10));
      v /= 10;
    }
  }
}
