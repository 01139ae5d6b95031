package io.superloop.visibility.core.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-02-22T12:10:00Z",
        "1970-01-01T00:00:00Z",
        "2020-02-29T23:59:59Z",
        "2099-12-31T00:00:00Z"
      })
  void strictAcceptsTheV1Form(String s) {
    assertEquals(
        OptionalLong.of(Instant.parse(s).toEpochMilli()),
        Timestamps.parseEpochMillis(s, TimestampSyntax.V1_STRICT));
    assertEquals(
        OptionalLong.of(Instant.parse(s).toEpochMilli()),
        Timestamps.parseEpochMillis(s, TimestampSyntax.RFC_3339));
  }

  // contract 2.2 step 5 [verified] rejections, and C10 (unpadded rejected by the library)
  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-02-22T12:10:00.123Z",
        "2026-02-22T12:10:00+00:00",
        "2026-02-22T12:10:00",
        "2026-02-22 12:10:00Z",
        "1700000000",
        "1969-12-31T23:59:59Z",
        "2020-1-1T0:0:0Z",
        "2021-02-29T00:00:00Z",
        "2026-13-01T00:00:00Z",
        "2026-01-01T24:00:00Z",
        "2026-01-01T00:60:00Z",
        "2026-01-01T00:00:60Z",
        "2026-01-01t00:00:00Z",
        "2026-01-01T00:00:00z",
        "",
        " 2026-01-01T00:00:00Z"
      })
  void strictRejects(String s) {
    assertEquals(OptionalLong.empty(), Timestamps.parseEpochMillis(s, TimestampSyntax.V1_STRICT));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-02-22T12:10:00",
        "2026-02-22T12:10:00.Z",
        "2026-02-22T12:10:00+0000",
        "1700000000",
        "2026-02-22T12:10:00+24:00",
        "2026-02-30T00:00:00Z",
        "2026-02-22T12:10:00Zjunk",
        "2026-02-22  12:10:00Z",
        "2026-02-22T12:10:00.5 Z",
        "+2026-02-22T12:10:00Z",
        "20260-02-22T12:10:00Z",
        "2026-02-22T12:10:00+00:60",
        "2026-02-22T12:10:00+05",
        "2026-02-22T24:00:00Z",
        "2026-02-22T12:10:0Z",
        "2026-02-22T12:10:00.-1Z"
      })
  void rfc3339Rejects(String s) {
    assertEquals(OptionalLong.empty(), Timestamps.parseEpochMillis(s, TimestampSyntax.RFC_3339));
  }

  /**
   * Each input with the same instant written as {@code java.time} reads it (upper-case {@code T}
   * and {@code Z}, at most nine fraction digits), the oracle of the expected epoch milliseconds.
   * RFC 3339 5.6: {@code t}/{@code z} may be lower case, a space may stand for the T, the fraction
   * has no length bound (milliseconds kept). None of them is the v1 form.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-02-22T12:10:00.123Z|2026-02-22T12:10:00.123Z",
        "2026-02-22T12:10:00+00:00|2026-02-22T12:10:00+00:00",
        "2026-02-22T12:10:00-05:30|2026-02-22T12:10:00-05:30",
        "2026-02-22t12:10:00z|2026-02-22T12:10:00Z",
        "1969-12-31T23:59:59Z|1969-12-31T23:59:59Z",
        "2026-02-22T12:10:00.123456789+14:00|2026-02-22T12:10:00.123456789+14:00",
        "2026-02-22 12:10:00Z|2026-02-22T12:10:00Z",
        "2026-02-22 12:10:00.5-05:30|2026-02-22T12:10:00.5-05:30",
        "2026-02-22T12:10:00.1239999999999999999999Z|2026-02-22T12:10:00.123Z",
        "2026-02-22 12:10:00.9999999999+01:00|2026-02-22T12:10:00.999+01:00",
        "2026-02-22T12:10:00-00:00|2026-02-22T12:10:00Z"
      })
  void rfc3339AcceptsWhatJavaTimeReadsAsTheSameInstant(String pair) {
    String s = pair.substring(0, pair.indexOf('|'));
    long expected =
        OffsetDateTime.parse(pair.substring(pair.indexOf('|') + 1)).toInstant().toEpochMilli();
    assertEquals(
        OptionalLong.of(expected), Timestamps.parseEpochMillis(s, TimestampSyntax.RFC_3339), s);
    assertEquals(
        OptionalLong.empty(), Timestamps.parseEpochMillis(s, TimestampSyntax.V1_STRICT), s);
  }

  @Test
  void agreesWithJavaTimeOnRandomInstants() {
    SplittableRandom r = new SplittableRandom(42);
    for (int i = 0; i < 20_000; i++) {
      long sec = r.nextLong(0, 253402300799L); // up to 9999-12-31T23:59:59Z
      Instant instant = Instant.ofEpochSecond(sec);
      String text = Timestamps.format(instant);
      assertEquals(instant.toString(), text);
      assertEquals(
          OptionalLong.of(sec * 1000),
          Timestamps.parseEpochMillis(text, TimestampSyntax.V1_STRICT));
      int offMin = r.nextInt(-18 * 60, 18 * 60 + 1);
      String off =
          OffsetDateTime.ofInstant(instant, java.time.ZoneOffset.ofTotalSeconds(offMin * 60))
              .format(java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX"));
      try {
        assertEquals(
            OptionalLong.of(OffsetDateTime.parse(off).toInstant().toEpochMilli()),
            Timestamps.parseEpochMillis(off, TimestampSyntax.RFC_3339),
            off);
      } catch (DateTimeParseException e) {
        throw new AssertionError(off, e);
      }
    }
  }

  /**
   * RFC 3339 5.7 and appendix D: the leap seconds inserted to date, all at 23:59:60 UTC of the last
   * day of June or December (IERS Bulletin C).
   */
  private static final String[] LEAP_SECOND_DAYS = {
    "1972-06-30", "1972-12-31", "1973-12-31", "1974-12-31", "1975-12-31", "1976-12-31",
        "1977-12-31",
    "1978-12-31", "1979-12-31", "1981-06-30", "1982-06-30", "1983-06-30", "1985-06-30",
        "1987-12-31",
    "1989-12-31", "1990-12-31", "1992-06-30", "1993-06-30", "1994-06-30", "1995-12-31",
        "1997-06-30",
    "1998-12-31", "2005-12-31", "2008-12-31", "2012-06-30", "2015-06-30", "2016-12-31"
  };

  /** The reference's jq 1.6 {@code "2016-12-31T23:59:60Z" | fromdateiso8601} is 1483228800. */
  @Test
  void aLeapSecondParsesUnderRfc3339AsTheNextSecondAndNotUnderTheV1Syntax() {
    assertEquals(
        OptionalLong.of(1_483_228_800_000L),
        Timestamps.parseEpochMillis("2016-12-31T23:59:60Z", TimestampSyntax.RFC_3339));
    assertEquals(
        OptionalLong.of(1_483_228_800_500L),
        Timestamps.parseEpochMillis("2016-12-31T23:59:60.5Z", TimestampSyntax.RFC_3339));
    assertEquals(
        OptionalLong.empty(),
        Timestamps.parseEpochMillis("2016-12-31T23:59:60Z", TimestampSyntax.V1_STRICT));
  }

  @Test
  void everyLeapSecondToDateParsesInEveryOffsetAsTheSecondAfterIt() {
    for (String day : LEAP_SECOND_DAYS) {
      Instant last = Instant.parse(day + "T23:59:59Z");
      for (int offsetMinutes : new int[] {0, -8 * 60, 5 * 60 + 30, -(23 * 60 + 59), 23 * 60 + 59}) {
        // the same leap second written at the local time of the offset (RFC 3339 5.7's PST example)
        LocalDateTime local =
            LocalDateTime.ofEpochSecond(
                last.getEpochSecond() + offsetMinutes * 60L, 0, ZoneOffset.UTC);
        String text =
            local.toLocalDate()
                + "T"
                + String.format("%02d:%02d:60", local.getHour(), local.getMinute())
                + (offsetMinutes == 0
                    ? "Z"
                    : String.format(
                        "%s%02d:%02d",
                        offsetMinutes < 0 ? "-" : "+",
                        Math.abs(offsetMinutes) / 60,
                        Math.abs(offsetMinutes) % 60));
        assertEquals(
            OptionalLong.of(last.plusSeconds(1).toEpochMilli()),
            Timestamps.parseEpochMillis(text, TimestampSyntax.RFC_3339),
            text);
        assertEquals(
            OptionalLong.empty(),
            Timestamps.parseEpochMillis(text, TimestampSyntax.V1_STRICT),
            text);
      }
    }
    assertEquals(
        OptionalLong.of(Instant.parse("1991-01-01T00:00:00Z").toEpochMilli()),
        Timestamps.parseEpochMillis("1990-12-31T15:59:60-08:00", TimestampSyntax.RFC_3339),
        "RFC 3339 5.8's example of the leap second in Pacific Standard Time");
  }

  // second 60 elsewhere than the last minute of a UTC month (RFC 3339 5.7)
  @ParameterizedTest
  @ValueSource(
      strings = {
        "2016-12-30T23:59:60Z",
        "2016-12-31T23:58:60Z",
        "2016-12-31T22:59:60Z",
        "2016-12-31T12:34:60Z",
        "2016-12-31T23:59:60+01:00",
        "2016-12-31T23:59:60-01:00",
        "2016-12-31T23:59:61Z",
        "2016-11-31T23:59:60Z"
      })
  void secondSixtyOutsideTheLastMinuteOfAUtcMonthIsRejected(String s) {
    assertEquals(OptionalLong.empty(), Timestamps.parseEpochMillis(s, TimestampSyntax.RFC_3339));
  }
}
