package io.superloop.visibility.core.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.superloop.visibility.core.rules.TimestampSyntax;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
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
    assertEquals(Instant.parse(s).toEpochMilli(), Timestamps.parseEpochMillis(s, TimestampSyntax.V1_STRICT));
    assertEquals(Instant.parse(s).toEpochMilli(), Timestamps.parseEpochMillis(s, TimestampSyntax.RFC_3339));
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
    assertEquals(Timestamps.INVALID, Timestamps.parseEpochMillis(s, TimestampSyntax.V1_STRICT));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-02-22T12:10:00.123Z",
        "2026-02-22T12:10:00+00:00",
        "2026-02-22T12:10:00-05:30",
        "2026-02-22t12:10:00z",
        "1969-12-31T23:59:59Z",
        "2026-02-22T12:10:00.123456789+14:00"
      })
  void rfc3339AcceptsWhatJavaTimeAccepts(String s) {
    long expected = OffsetDateTime.parse(s.replace('t', 'T').replace('z', 'Z')).toInstant().toEpochMilli();
    assertEquals(expected, Timestamps.parseEpochMillis(s, TimestampSyntax.RFC_3339));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"2026-02-22T12:10:00", "2026-02-22T12:10:00.Z", "2026-02-22T12:10:00+0000", "1700000000",
        "2026-02-22T12:10:00+24:00", "2026-02-30T00:00:00Z", "2026-02-22T12:10:00Zjunk"})
  void rfc3339Rejects(String s) {
    assertEquals(Timestamps.INVALID, Timestamps.parseEpochMillis(s, TimestampSyntax.RFC_3339));
  }

  @Test
  void agreesWithJavaTimeOnRandomInstants() {
    SplittableRandom r = new SplittableRandom(42);
    for (int i = 0; i < 20_000; i++) {
      long sec = r.nextLong(0, 253402300799L); // up to 9999-12-31T23:59:59Z
      Instant instant = Instant.ofEpochSecond(sec);
      String text = Timestamps.format(instant);
      assertEquals(instant.toString(), text);
      assertEquals(sec * 1000, Timestamps.parseEpochMillis(text, TimestampSyntax.V1_STRICT));
      int offMin = r.nextInt(-18 * 60, 18 * 60 + 1);
      String off =
          OffsetDateTime.ofInstant(instant, java.time.ZoneOffset.ofTotalSeconds(offMin * 60))
              .format(java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX"));
      try {
        assertEquals(OffsetDateTime.parse(off).toInstant().toEpochMilli(), Timestamps.parseEpochMillis(off, TimestampSyntax.RFC_3339), off);
      } catch (DateTimeParseException e) {
        throw new AssertionError(off, e);
      }
    }
  }
}
