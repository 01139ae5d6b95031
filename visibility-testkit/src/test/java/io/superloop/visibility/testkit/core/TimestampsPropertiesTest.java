package io.superloop.visibility.testkit.core;

import static io.superloop.visibility.testkit.gen.Gen.weighted;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.superloop.visibility.core.time.TimestampSyntax;
import io.superloop.visibility.core.time.Timestamps;
import io.superloop.visibility.testkit.gen.Gen;
import io.superloop.visibility.testkit.gen.internal.Zip;
import io.superloop.visibility.testkit.property.Property;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Timestamps.format / parse against java.time over the years 1970-9999 (and 0000-1969 for RFC
 * 3339).
 */
class TimestampsPropertiesTest {
  static final long MAX_EPOCH = 253402300799L; // 9999-12-31T23:59:59Z
  static final long MIN_EPOCH_YEAR_0 = -62167219200L; // 0000-01-01T00:00:00Z
  static final DateTimeFormatter V1 =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  /** Epoch seconds with a bias to month ends, leap days and year boundaries. */
  static Gen<Long> epochSeconds(int fromYear) {
    Gen<Long> uniform = Gen.longs(LocalDate.of(fromYear, 1, 1).toEpochDay() * 86400, MAX_EPOCH);
    Gen<Long> monthEnds =
        Zip.zip(
            Gen.ints(fromYear, 9999),
            Gen.ints(1, 12),
            Gen.longs(-2, 1),
            (y, m, delta) -> {
              long endOfMonth =
                  YearMonth.of(y, m)
                      .atEndOfMonth()
                      .atTime(23, 59, 59)
                      .toEpochSecond(ZoneOffset.UTC);
              return Math.max(
                  LocalDate.of(fromYear, 1, 1).toEpochDay() * 86400,
                  Math.min(MAX_EPOCH, endOfMonth + delta));
            });
    return Gen.frequency(weighted(3, uniform), weighted(2, monthEnds));
  }

  @Test
  void formatAndParseRoundTripAgainstJavaTime() {
    Property.forAll(
            Gen.zip(
                epochSeconds(1970),
                Gen.ints(0, 999_999_999),
                (s, n) -> Instant.ofEpochSecond(s, n)))
        .named(
            "timestamps: format == java.time, parse(format(t)) == t truncated to seconds, 1970-9999")
        .tries(Math.max(Property.defaultTries(), 20_000))
        .check(
            t -> {
              String expected = V1.format(t);
              assertEquals(expected, Timestamps.format(t));
              assertEquals(expected, Timestamps.formatEpochSecond(t.getEpochSecond()));
              long ms = t.getEpochSecond() * 1000;
              assertEquals(
                  OptionalLong.of(ms),
                  Timestamps.parseEpochMillis(expected, TimestampSyntax.V1_STRICT),
                  expected);
              assertEquals(
                  OptionalLong.of(ms),
                  Timestamps.parseEpochMillis(expected, TimestampSyntax.RFC_3339),
                  expected);
              assertEquals(
                  Optional.of(Instant.ofEpochSecond(t.getEpochSecond())),
                  Timestamps.parse(expected, TimestampSyntax.V1_STRICT));
            });
  }

  @Test
  void before1970OnlyTheRfc3339SyntaxParses() {
    Property.forAll(epochSeconds(0).filter(s -> s < 0))
        .named(
            "timestamps: years 0000-1969 parse as java.time under RFC 3339, never under v1-strict")
        .check(
            s -> {
              String text = V1.format(Instant.ofEpochSecond(s));
              assertEquals(text, Timestamps.formatEpochSecond(s));
              assertEquals(
                  OptionalLong.of(s * 1000),
                  Timestamps.parseEpochMillis(text, TimestampSyntax.RFC_3339),
                  text);
              assertEquals(
                  OptionalLong.empty(),
                  Timestamps.parseEpochMillis(text, TimestampSyntax.V1_STRICT),
                  text);
            });
  }

  /**
   * Calendar fields, some of them out of range (day 31 of a 30-day month, Feb 29, hour 24, second
   * 60, ...).
   */
  record Fields(int year, int month, int day, int hour, int minute, int second) {
    String text() {
      return String.format(
          "%04d-%02d-%02dT%02d:%02d:%02dZ", year, month, day, hour, minute, second);
    }

    Optional<Long> javaEpoch() {
      try {
        return Optional.of(
            LocalDateTime.of(year, month, day, hour, minute, second).toEpochSecond(ZoneOffset.UTC));
      } catch (DateTimeException e) {
        return Optional.empty();
      }
    }

    /**
     * As {@link #javaEpoch()}, and RFC 3339 5.7's leap second: {@code 23:59:60} of the last day of
     * a month is the second after {@code 23:59:59}.
     */
    Optional<Long> rfc3339Epoch() {
      boolean leap =
          second == 60
              && hour == 23
              && minute == 59
              && month >= 1
              && month <= 12
              && day == YearMonth.of(year, month).lengthOfMonth();
      return leap
          ? new Fields(year, month, day, 23, 59, 59).javaEpoch().map(s -> s + 1)
          : javaEpoch();
    }
  }

  @Test
  void calendarValidityMatchesJavaTime() {
    Gen<Fields> fields =
        Zip.zip(
            Zip.zip(
                Gen.frequency(
                    weighted(4, Gen.ints(1970, 9999)),
                    weighted(1, Gen.ints(0, 1969)),
                    weighted(1, Gen.elements(1900, 2000, 2100, 2400, 1972, 2023, 2024))),
                Gen.ints(0, 13),
                Gen.frequency(
                    weighted(3, Gen.ints(1, 28)),
                    weighted(3, Gen.ints(28, 32)),
                    weighted(1, Gen.constant(0))),
                (y, m, d) -> new int[] {y, m, d}),
            Gen.frequency(weighted(4, Gen.ints(0, 24)), weighted(1, Gen.constant(23))),
            Gen.frequency(weighted(4, Gen.ints(0, 60)), weighted(1, Gen.constant(59))),
            Gen.frequency(weighted(4, Gen.ints(0, 60)), weighted(1, Gen.constant(60))),
            (ymd, h, mi, s) -> new Fields(ymd[0], ymd[1], ymd[2], h, mi, s));
    Property.forAll(fields)
        .named("timestamps: a YYYY-MM-DDTHH:MM:SSZ text parses iff java.time accepts its fields")
        .tries(Math.max(Property.defaultTries(), 20_000))
        .check(
            f -> {
              OptionalLong rfc =
                  f.rfc3339Epoch().map(s -> OptionalLong.of(s * 1000)).orElse(OptionalLong.empty());
              OptionalLong strict =
                  f.javaEpoch()
                      .filter(s -> s >= 0)
                      .map(s -> OptionalLong.of(s * 1000))
                      .orElse(OptionalLong.empty());
              assertEquals(
                  rfc, Timestamps.parseEpochMillis(f.text(), TimestampSyntax.RFC_3339), f.text());
              assertEquals(
                  strict,
                  Timestamps.parseEpochMillis(f.text(), TimestampSyntax.V1_STRICT),
                  f.text());
            });
  }
}
