package io.superloop.visibility.core.time;

import static java.time.temporal.ChronoField.DAY_OF_MONTH;
import static java.time.temporal.ChronoField.HOUR_OF_DAY;
import static java.time.temporal.ChronoField.MINUTE_OF_HOUR;
import static java.time.temporal.ChronoField.MONTH_OF_YEAR;
import static java.time.temporal.ChronoField.NANO_OF_SECOND;
import static java.time.temporal.ChronoField.OFFSET_SECONDS;
import static java.time.temporal.ChronoField.SECOND_OF_MINUTE;
import static java.time.temporal.ChronoField.YEAR;

import java.text.ParsePosition;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * Parses and formats the plane's timestamps with {@code java.time}: one {@link DateTimeFormatter}
 * per syntax reads the fields, {@link LocalDate} and {@link LocalTime} judge them.
 *
 * <ul>
 *   <li>{@link TimestampSyntax#V1_STRICT}: exactly {@code YYYY-MM-DDTHH:MM:SSZ}, zero-padded, a
 *       valid calendar date and time of day (seconds 00-59), not before 1970-01-01T00:00:00Z (the
 *       reference rejects negative epochs; contract 2.2 step 5 and C10).
 *   <li>{@link TimestampSyntax#RFC_3339}: {@code full-date "T" full-time} of RFC 3339: {@code T} or
 *       {@code t} (or one space, as RFC 3339 5.6 allows), an optional fraction of any length
 *       (truncated to milliseconds), {@code Z}/{@code z} or a {@code +hh:mm}/{@code -hh:mm} offset
 *       (hours 00-23); years 0000-9999. A leap second, {@code :60}, parses where RFC 3339 5.7 puts
 *       it: in the last minute of a month in UTC (at another local time when an offset is given),
 *       and counts as the next second ({@code 2016-12-31T23:59:60Z} is {@code
 *       2017-01-01T00:00:00Z}), as the reference's {@code jq fromdateiso8601} counts it.
 * </ul>
 */
public final class Timestamps {

  /** The most fraction digits {@code java.time} reads (nanoseconds). */
  private static final int MAX_FRACTION_DIGITS = 9;

  /** Where {@code T} stands in {@code YYYY-MM-DDTHH:MM:SS}. */
  private static final int SEPARATOR_AT = 10;

  /** Where the fraction's dot stands, if there is one. */
  private static final int FRACTION_AT = 19;

  /** The digits of {@code YYYY-MM-DDTHH:MM:SS}, the part both syntaxes share. */
  private static DateTimeFormatterBuilder dateAndTime(DateTimeFormatterBuilder b) {
    return b.appendValue(YEAR, 4)
        .appendLiteral('-')
        .appendValue(MONTH_OF_YEAR, 2)
        .appendLiteral('-')
        .appendValue(DAY_OF_MONTH, 2)
        .appendLiteral('T')
        .appendValue(HOUR_OF_DAY, 2)
        .appendLiteral(':')
        .appendValue(MINUTE_OF_HOUR, 2)
        .appendLiteral(':')
        .appendValue(SECOND_OF_MINUTE, 2);
  }

  /**
   * {@code YYYY-MM-DDTHH:MM:SSZ}, case-sensitive: what the plane writes and the reference reads.
   */
  private static final DateTimeFormatter V1 =
      dateAndTime(new DateTimeFormatterBuilder())
          .appendLiteral('Z')
          .toFormatter(Locale.ROOT)
          .withResolverStyle(ResolverStyle.STRICT);

  /** RFC 3339 {@code date-time} with a {@code T} (a space is made one first), case-insensitive. */
  private static final DateTimeFormatter RFC_3339 =
      dateAndTime(new DateTimeFormatterBuilder().parseCaseInsensitive())
          .optionalStart()
          .appendFraction(NANO_OF_SECOND, 1, MAX_FRACTION_DIGITS, true)
          .optionalEnd()
          .appendOffset("+HH:MM", "Z")
          .toFormatter(Locale.ROOT)
          .withResolverStyle(ResolverStyle.STRICT);

  private Timestamps() {}

  /**
   * Parses a timestamp.
   *
   * @param s the text, not trimmed
   * @param syntax which forms parse
   * @return epoch milliseconds, empty when {@code s} does not parse
   */
  public static OptionalLong parseEpochMillis(CharSequence s, TimestampSyntax syntax) {
    return syntax == TimestampSyntax.V1_STRICT ? parseV1(s) : parseRfc3339(s);
  }

  /**
   * Parses a timestamp.
   *
   * @param s the text, not trimmed
   * @param syntax which forms parse
   * @return the instant (millisecond precision), empty when {@code s} does not parse
   */
  public static Optional<Instant> parse(CharSequence s, TimestampSyntax syntax) {
    OptionalLong ms = parseEpochMillis(s, syntax);
    return ms.isPresent() ? Optional.of(Instant.ofEpochMilli(ms.getAsLong())) : Optional.empty();
  }

  private static OptionalLong parseV1(CharSequence s) {
    TemporalAccessor f = fields(V1, s);
    if (f == null || f.getLong(YEAR) < 1970) {
      return OptionalLong.empty();
    }
    return epochMillis(f, 0, false);
  }

  private static OptionalLong parseRfc3339(CharSequence s) {
    TemporalAccessor f = fields(RFC_3339, asJavaTimeReads(s));
    if (f == null) {
      return OptionalLong.empty();
    }
    long nanos = f.isSupported(NANO_OF_SECOND) ? f.getLong(NANO_OF_SECOND) : 0;
    return epochMillis(f, nanos / 1_000_000, true);
  }

  /**
   * {@code s} with what RFC 3339 allows and {@code java.time} does not read made readable: a space
   * for the {@code T} (RFC 3339 5.6) becomes a {@code T}, fraction digits past the ninth are
   * dropped (RFC 3339 puts no bound on them; milliseconds are kept). Most timestamps need neither
   * and are returned as they are.
   */
  private static CharSequence asJavaTimeReads(CharSequence s) {
    boolean space = s.length() > SEPARATOR_AT && s.charAt(SEPARATOR_AT) == ' ';
    int digitsEnd = FRACTION_AT + 1;
    if (s.length() > FRACTION_AT && s.charAt(FRACTION_AT) == '.') {
      while (digitsEnd < s.length() && isDigit(s.charAt(digitsEnd))) {
        digitsEnd++;
      }
    }
    int extraDigits = digitsEnd - (FRACTION_AT + 1) - MAX_FRACTION_DIGITS;
    if (!space && extraDigits <= 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s);
    if (extraDigits > 0) {
      b.delete(digitsEnd - extraDigits, digitsEnd);
    }
    if (space) {
      b.setCharAt(SEPARATOR_AT, 'T');
    }
    return b;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The fields {@code format} reads from the whole of {@code s}, or null. */
  private static @Nullable TemporalAccessor fields(DateTimeFormatter format, CharSequence s) {
    ParsePosition at = new ParsePosition(0);
    TemporalAccessor f;
    try {
      f = format.parseUnresolved(s, at);
    } catch (DateTimeException e) {
      return null; // an offset beyond 23:59
    }
    return f == null || at.getErrorIndex() >= 0 || at.getIndex() != s.length() ? null : f;
  }

  /**
   * The instant the fields name, judged by {@code java.time}: a valid calendar date and time of
   * day; second 60 only when {@code leapSecondAllowed} and in the last minute of a UTC month, then
   * counted as the next second.
   */
  private static OptionalLong epochMillis(
      TemporalAccessor f, long millis, boolean leapSecondAllowed) {
    int second = (int) f.getLong(SECOND_OF_MINUTE);
    boolean leap = second == 60;
    if (leap && !leapSecondAllowed) {
      return OptionalLong.empty();
    }
    long epochSecond;
    try {
      LocalDateTime local =
          LocalDateTime.of(
              LocalDate.of(
                  (int) f.getLong(YEAR),
                  (int) f.getLong(MONTH_OF_YEAR),
                  (int) f.getLong(DAY_OF_MONTH)),
              LocalTime.of(
                  (int) f.getLong(HOUR_OF_DAY),
                  (int) f.getLong(MINUTE_OF_HOUR),
                  leap ? 59 : second));
      long offset = f.isSupported(OFFSET_SECONDS) ? f.getLong(OFFSET_SECONDS) : 0; // V1: Z
      epochSecond = local.toEpochSecond(ZoneOffset.UTC) - offset;
    } catch (DateTimeException e) {
      return OptionalLong.empty();
    }
    if (leap) {
      if (!lastSecondOfUtcMonth(epochSecond)) {
        return OptionalLong.empty();
      }
      epochSecond++;
    }
    return OptionalLong.of(epochSecond * 1000L + millis);
  }

  /** Whether {@code epochSecond} is {@code 23:59:59} UTC of the last day of its month. */
  private static boolean lastSecondOfUtcMonth(long epochSecond) {
    LocalDateTime utc = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
    return utc.toLocalTime().equals(LocalTime.of(23, 59, 59))
        && utc.toLocalDate().equals(utc.toLocalDate().with(TemporalAdjusters.lastDayOfMonth()));
  }

  /**
   * Formats an instant as the plane writes timestamps.
   *
   * @param instant the instant, within years 0000-9999
   * @return {@code YYYY-MM-DDTHH:MM:SSZ}, truncated to the second
   * @throws DateTimeException when the year is outside 0000-9999
   */
  public static String format(Instant instant) {
    return formatEpochSecond(instant.getEpochSecond());
  }

  /**
   * Formats an epoch second.
   *
   * @param epochSecond seconds since 1970-01-01T00:00:00Z, within years 0000-9999
   * @return {@code YYYY-MM-DDTHH:MM:SSZ}
   * @throws DateTimeException when the year is outside 0000-9999
   */
  public static String formatEpochSecond(long epochSecond) {
    return V1.format(LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC));
  }
}
