package io.superloop.visibility.testkit.core;

import static io.superloop.visibility.testkit.gen.Gen.weighted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.heartbeat.HeartbeatObservation;
import io.superloop.visibility.api.heartbeat.HeartbeatThresholds;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.core.heartbeat.FreshnessCalculator;
import io.superloop.visibility.core.heartbeat.HeartbeatEvaluation;
import io.superloop.visibility.core.heartbeat.HeartbeatInput;
import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.testkit.gen.Gen;
import io.superloop.visibility.testkit.gen.internal.Zip;
import io.superloop.visibility.testkit.property.Property;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Heartbeat freshness (contract 2.2-2.4, C10; hardening H8, H9, H11) against expectations computed
 * with java.time: the lag from epoch seconds, the classification from 2.2 step 7, timestamp
 * validity from a strict ISO parser.
 */
class FreshnessPropertiesTest {
  /** 9999-12-31T23:59:59Z. */
  static final long MAX_EPOCH = 253402300799L;

  static final DateTimeFormatter V1 =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  /** RFC 3339 via java.time: ISO offset date-time, strict, T and Z in either case. */
  static final DateTimeFormatter RFC3339_MODEL =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
          .toFormatter()
          .withResolverStyle(ResolverStyle.STRICT)
          .withChronology(IsoChronology.INSTANCE);

  /** The RFC 3339 date-time grammar (section 5.6): shape only, java.time checks the values. */
  static final Pattern RFC3339_SHAPE =
      Pattern.compile(
          "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})");

  static final List<VisibilityRules> PRESETS =
      List.of(VisibilityRules.reference(), VisibilityRules.hardened());

  static HeartbeatEvaluation evaluate(
      VisibilityRules rules, JsonValue heartbeat, Instant now, HeartbeatThresholds t) {
    return new FreshnessCalculator(rules)
        .evaluate(
            HeartbeatInput.of(heartbeat),
            Optional.empty(),
            now,
            t,
            "loop-a",
            TraceId.of("trace-1"),
            Transport.LOCAL);
  }

  static JsonValue heartbeat(String timestamp) {
    Map<String, JsonValue> m = new LinkedHashMap<>();
    m.put("schemaVersion", JsonValue.of("v1"));
    m.put("timestamp", JsonValue.of(timestamp));
    m.put("source", JsonValue.of("runtime"));
    return JsonValue.object(m);
  }

  /** Contract 2.2 step 7. */
  static String classify(long lag, long degraded, long critical) {
    if (lag >= critical) {
      return "critical";
    }
    return lag >= degraded ? "degraded" : "fresh";
  }

  static int rank(String status) {
    return List.of("fresh", "degraded", "critical").indexOf(status);
  }

  static HeartbeatObservation row(HeartbeatEvaluation e) {
    return e.observation().orElseThrow(() -> new AssertionError("no heartbeat row"));
  }

  // ------------------------------------------------------------ classification and lag

  /**
   * A heartbeat second, thresholds, and two clock readings now1 <= now2 (millisecond precision).
   */
  record Timeline(long heartbeat, long degraded, long critical, long now1Millis, long now2Millis) {}

  static Gen<Long> heartbeatSeconds() {
    return Gen.frequency(
        weighted(3, Gen.longs(1_700_000_000L, 1_800_000_000L)),
        weighted(1, Gen.longs(0, MAX_EPOCH - 10_000_000L)),
        weighted(1, Gen.constant(0L)));
  }

  static Gen<Timeline> timelines() {
    Gen<Long> offsetMillis =
        Gen.frequency(
            weighted(3, Gen.longs(-120_000, 400_000)),
            weighted(1, Gen.longs(-5_000_000_000L, 5_000_000_000L)),
            weighted(1, Gen.longs(-2_000, 2_000)));
    return Zip.zip(
        Zip.zip(
            heartbeatSeconds(),
            Gen.longs(0, 400),
            Gen.longs(0, 400),
            (h, d, c) -> new long[] {h, d, d + c}),
        offsetMillis,
        Gen.longs(0, 600_000),
        Gen.constant(0),
        (hdc, off, more, unused) -> {
          long h = hdc[0];
          long now1 = Math.max(0, h * 1000 + off);
          return new Timeline(h, hdc[1], hdc[2], now1, now1 + more);
        });
  }

  @Test
  void lagAndStatusFollowTheClock() {
    Property.forAll(timelines())
        .named(
            "freshness: lag = now - ts in whole seconds, clamped; status per 2.2; monotone in now")
        .tries(Math.max(Property.defaultTries(), 5000))
        .check(
            tl -> {
              String ts = V1.format(Instant.ofEpochSecond(tl.heartbeat()));
              HeartbeatThresholds t = HeartbeatThresholds.of(tl.degraded(), tl.critical());
              for (VisibilityRules rules : PRESETS) {
                String previous = "fresh";
                for (long nowMillis : new long[] {tl.now1Millis(), tl.now2Millis()}) {
                  Instant now = Instant.ofEpochMilli(nowMillis);
                  long lag = Math.max(0, Math.floorDiv(nowMillis, 1000) - tl.heartbeat());
                  String expected = classify(lag, tl.degraded(), tl.critical());
                  HeartbeatEvaluation e = evaluate(rules, heartbeat(ts), now, t);
                  HeartbeatObservation r = row(e);
                  assertEquals(expected, r.status().wire(), rules.name() + " status");
                  assertEquals(lag, r.heartbeatLagSeconds().orElseThrow(), rules.name() + " lag");
                  assertEquals(Optional.of(ts), r.heartbeatAt());
                  assertEquals(
                      expected.equals("fresh")
                          ? Optional.empty()
                          : Optional.of("runtime_heartbeat_stale"),
                      r.reasonCode().map(c -> c.wire()));
                  assertEquals(expected, e.state().orElseThrow().freshnessStatus().wire());
                  assertEquals(lag, e.state().orElseThrow().heartbeatLagSeconds());
                  assertEquals(
                      V1.format(Instant.ofEpochSecond(Math.floorDiv(nowMillis, 1000))),
                      r.timestamp());
                  assertTrue(rank(expected) >= rank(previous), "a later now is never fresher");
                  previous = r.status().wire();
                  // H9: skew reported only under hardened, only beyond 30 s ahead
                  long aheadMillis = tl.heartbeat() * 1000 - nowMillis;
                  boolean skew = rules.detectClockSkew() && aheadMillis > 30_000;
                  assertEquals(skew, r.clockSkewSeconds().isPresent(), rules.name() + " skew");
                  if (skew) {
                    long s = r.clockSkewSeconds().getAsLong();
                    assertTrue(
                        s * 1000 >= aheadMillis && (s - 1) * 1000 < aheadMillis,
                        "skew = ahead, rounded up");
                  }
                }
              }
            });
  }

  @Test
  void thresholdsAreExactAtTheirBoundaries() {
    Property.forAll(
            Zip.zip(
                heartbeatSeconds(),
                Gen.longs(1, 1000),
                Gen.longs(0, 1000),
                (h, d, c) -> new long[] {h, d, d + c}))
        .named(
            "freshness: lag == degraded -> degraded, == critical -> critical, == degraded-1 -> fresh")
        .check(
            hdc -> {
              long h = hdc[0];
              long d = hdc[1];
              long c = hdc[2];
              String ts = V1.format(Instant.ofEpochSecond(h));
              HeartbeatThresholds t = HeartbeatThresholds.of(d, c);
              for (VisibilityRules rules : PRESETS) {
                assertEquals("fresh", status(rules, ts, h + d - 1, t));
                assertEquals(d == c ? "critical" : "degraded", status(rules, ts, h + d, t));
                assertEquals("critical", status(rules, ts, h + c, t));
                if (c - 1 >= d) {
                  assertEquals("degraded", status(rules, ts, h + c - 1, t));
                }
                // a future heartbeat: lag clamped to 0 (fresh unless the degraded threshold is 0)
                assertEquals("fresh", status(rules, ts, h - 1 - (d % 7), t));
                assertEquals("degraded", status(rules, ts, h - 5, HeartbeatThresholds.of(0, c)));
                assertEquals("critical", status(rules, ts, h - 5, HeartbeatThresholds.of(0, 0)));
              }
            });
  }

  private static String status(
      VisibilityRules rules, String ts, long nowSecond, HeartbeatThresholds t) {
    HeartbeatObservation r =
        row(evaluate(rules, heartbeat(ts), Instant.ofEpochSecond(nowSecond, 999_000_000), t));
    if (nowSecond < Instant.parse(ts).getEpochSecond()) {
      assertEquals(0, r.heartbeatLagSeconds().orElseThrow(), "clamped at 0");
    }
    return r.status().wire();
  }

  // ------------------------------------------------------------ timestamp forms

  enum Form {
    V1,
    FRACTION,
    OFFSET,
    FRACTION_OFFSET,
    NO_ZONE,
    SPACE,
    LOWER_T,
    LOWER_Z,
    PRE_1970,
    UNPADDED,
    BAD_DATE
  }

  /** A timestamp text of the given form, built from calendar fields with java.time. */
  record Stamp(Form form, String text) {}

  static Gen<Stamp> stamps() {
    Gen<int[]> fields =
        Zip.zip(
            Zip.zip(
                Gen.ints(1970, 9998),
                Gen.ints(1, 12),
                Gen.ints(1, 28),
                (y, m, d) -> new int[] {y, m, d}),
            Zip.zip(
                Gen.ints(0, 23),
                Gen.ints(0, 59),
                Gen.ints(0, 59),
                (h, mi, s) -> new int[] {h, mi, s}),
            Gen.ints(0, 1969),
            Gen.ints(0, 5),
            (ymd, hms, old, which) ->
                new int[] {ymd[0], ymd[1], ymd[2], hms[0], hms[1], hms[2], old, which});
    Gen<String> fraction = Gen.strings("0123456789", 1, 9);
    Gen<String> offset =
        Zip.zip(
            Gen.elements("+", "-"),
            Gen.frequency(weighted(8, Gen.ints(0, 17)), weighted(1, Gen.constant(18))),
            Gen.ints(0, 59),
            (s, h, m) -> String.format("%s%02d:%02d", s, h, h == 18 ? 0 : m));
    return Zip.zip(
        Gen.zip(Gen.elements(Form.values()), fields, (f, fs) -> new Object[] {f, fs}),
        fraction,
        offset,
        Gen.constant(0),
        (ff, frac, off, unused) -> {
          Form form = (Form) ff[0];
          int[] f = (int[]) ff[1];
          LocalDateTime ldt = LocalDateTime.of(f[0], f[1], f[2], f[3], f[4], f[5]);
          String base = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").format(ldt);
          switch (form) {
            case V1:
              return new Stamp(form, base + "Z");
            case FRACTION:
              return new Stamp(form, base + "." + frac + "Z");
            case OFFSET:
              return new Stamp(form, base + off);
            case FRACTION_OFFSET:
              return new Stamp(form, base + "." + frac + off);
            case NO_ZONE:
              return new Stamp(form, base);
            case SPACE:
              return new Stamp(form, base.replace('T', ' ') + "Z");
            case LOWER_T:
              return new Stamp(form, base.replace('T', 't') + "Z");
            case LOWER_Z:
              return new Stamp(form, base + "z");
            case PRE_1970:
              return new Stamp(
                  form,
                  DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
                      .format(ldt.withYear(f[6])));
            case UNPADDED:
              {
                int[] v = {f[0], f[1], f[2], f[3], f[4], f[5]};
                int which = 1 + f[7] % 5; // month, day, hour, minute or second
                v[which] = v[which] % 10;
                String[] p = new String[6];
                p[0] = String.format("%04d", v[0]);
                for (int i = 1; i < 6; i++) {
                  p[i] = i == which ? Integer.toString(v[i]) : String.format("%02d", v[i]);
                }
                if (which == 1 && v[1] == 0) {
                  p[1] = "1";
                }
                if (which == 2 && v[2] == 0) {
                  p[2] = "1";
                }
                return new Stamp(
                    form,
                    p[0] + "-" + p[1] + "-" + p[2] + "T" + p[3] + ":" + p[4] + ":" + p[5] + "Z");
              }
            case BAD_DATE:
            default:
              // day 29..31 of the month: valid or not by the calendar
              return new Stamp(
                  form,
                  String.format(
                      "%04d-%02d-%02dT%02d:%02d:%02dZ",
                      f[0], f[1], 29 + f[7] % 3, f[3], f[4], f[5]));
          }
        });
  }

  /** A stamp and where the clock stands relative to it. */
  record StampAt(Stamp stamp, long nowOffsetMillis) {}

  /** java.time's reading of a timestamp under the hardened syntax (RFC 3339), or empty. */
  static Optional<Instant> rfc3339(String s) {
    if (!RFC3339_SHAPE.matcher(s).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(s, RFC3339_MODEL).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The reference syntax: exactly YYYY-MM-DDTHH:MM:SSZ, a real date, 1970 or later (C10). */
  static Optional<Instant> v1(String s) {
    if (!s.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z")) {
      return Optional.empty();
    }
    Optional<Instant> i = rfc3339(s);
    return i.isPresent() && i.get().getEpochSecond() >= 0 ? i : Optional.empty();
  }

  @Test
  void timestampFormsAreJudgedPerPreset() {
    Property.forAll(Gen.zip(stamps(), Gen.longs(-1_000_000, 1_000_000), StampAt::new))
        .named("freshness: timestamp forms, reference v1-strict (C10) vs hardened RFC 3339 (H8)")
        .tries(Math.max(Property.defaultTries(), 5000))
        .check(
            sn -> {
              Stamp st = sn.stamp();
              long nowOffsetMillis = sn.nowOffsetMillis();
              String ts = st.text();
              for (VisibilityRules rules : PRESETS) {
                boolean hardened =
                    rules.rfc3339Timestamps() != VisibilityRules.reference().rfc3339Timestamps();
                if (hardened && st.form() == Form.SPACE) {
                  continue; // RFC 3339 5.6 allows a space only as an application's choice: not
                  // judged here
                }
                Optional<Instant> expected = hardened ? rfc3339(ts) : v1(ts);
                Instant anchor = expected.orElse(Instant.ofEpochSecond(1_750_000_000L));
                Instant now =
                    Instant.ofEpochMilli(Math.max(0, anchor.toEpochMilli() + nowOffsetMillis));
                HeartbeatObservation r =
                    row(evaluate(rules, heartbeat(ts), now, HeartbeatThresholds.DEFAULT));
                assertEquals(Optional.of(ts), r.heartbeatAt());
                if (expected.isEmpty()) {
                  assertEquals("failed", r.status().wire(), rules.name() + " " + st);
                  assertEquals(
                      Optional.of("invalid_heartbeat_timestamp"),
                      r.reasonCode().map(c -> c.wire()));
                } else {
                  assertTrue(!r.status().wire().equals("failed"), rules.name() + " accepts " + st);
                  // Duration normalizes to a non-negative nano part: getSeconds() is the floor
                  long exact = Math.max(0, Duration.between(expected.get(), now).getSeconds());
                  if (!hardened) {
                    // reference: the clock is read in whole seconds (2.2 step 2)
                    exact = Math.max(0, now.getEpochSecond() - expected.get().getEpochSecond());
                  }
                  long lag = r.heartbeatLagSeconds().orElseThrow();
                  boolean subMillis = expected.get().getNano() % 1_000_000 != 0;
                  assertTrue(
                      lag == exact || (subMillis && lag == exact + 1),
                      rules.name() + " " + st + ": lag " + lag + ", expected " + exact);
                }
              }
            });
    // numbers are never timestamps (2.2 step 5); a digit string neither
    for (VisibilityRules rules : PRESETS) {
      Map<String, JsonValue> m = new LinkedHashMap<>();
      m.put("timestamp", JsonValue.of(1_700_000_000L));
      HeartbeatObservation r =
          row(
              evaluate(
                  rules,
                  JsonValue.object(m),
                  Instant.ofEpochSecond(1_700_000_100L),
                  HeartbeatThresholds.DEFAULT));
      assertEquals(Optional.of("invalid_heartbeat_timestamp"), r.reasonCode().map(c -> c.wire()));
      assertEquals(Optional.of("1700000000"), r.heartbeatAt());
      r =
          row(
              evaluate(
                  rules,
                  heartbeat("1700000000"),
                  Instant.ofEpochSecond(1_700_000_100L),
                  HeartbeatThresholds.DEFAULT));
      assertEquals(Optional.of("invalid_heartbeat_timestamp"), r.reasonCode().map(c -> c.wire()));
    }
  }

  // ------------------------------------------------------------ timestamp selection

  enum Slot {
    ABSENT,
    NULL,
    FALSE,
    TRUE,
    EMPTY,
    BLANK,
    VALID,
    INVALID,
    NUMBER
  }

  /** The two candidate fields of a heartbeat object and their key order. */
  record Selection(Slot timestamp, Slot updatedAt, boolean updatedAtFirst) {}

  static final String VALID_TS = "2026-02-22T12:10:00Z";

  static JsonValue slotValue(Slot s) {
    switch (s) {
      case NULL:
        return JsonValue.nullValue();
      case FALSE:
        return JsonValue.of(false);
      case TRUE:
        return JsonValue.of(true);
      case EMPTY:
        return JsonValue.of("");
      case BLANK:
        return JsonValue.of(" \t ");
      case VALID:
        return JsonValue.of(VALID_TS);
      case INVALID:
        return JsonValue.of("yesterday");
      case NUMBER:
        return JsonValue.of(1_700_000_000L);
      case ABSENT:
      default:
        throw new IllegalArgumentException("absent has no value");
    }
  }

  static String rendered(Slot s) {
    switch (s) {
      case TRUE:
        return "true";
      case EMPTY:
        return "";
      case BLANK:
        return " \t ";
      case VALID:
        return VALID_TS;
      case INVALID:
        return "yesterday";
      case NUMBER:
        return "1700000000";
      default:
        throw new IllegalArgumentException(s.name());
    }
  }

  @Test
  void timestampSelectionFollowsJqAlternativeAndH11() {
    // all 162 combinations, then random draws through the property runner (for its reporting)
    for (Slot ts : Slot.values()) {
      for (Slot ua : Slot.values()) {
        checkSelection(new Selection(ts, ua, false));
        checkSelection(new Selection(ts, ua, true));
      }
    }
    Property.forAll(
            Zip.zip(
                Gen.elements(Slot.values()),
                Gen.elements(Slot.values()),
                Gen.booleans(),
                Selection::new))
        .named(
            "freshness: timestamp // updatedAt; \"\" is missing (reference); blank falls back (H11)")
        .tries(500)
        .check(FreshnessPropertiesTest::checkSelection);
  }

  private static void checkSelection(Selection x) {
    {
      Slot ts = x.timestamp();
      Slot ua = x.updatedAt();
      boolean updatedAtFirst = x.updatedAtFirst();
      Map<String, JsonValue> m = new LinkedHashMap<>();
      if (updatedAtFirst && ua != Slot.ABSENT) {
        m.put("updatedAt", slotValue(ua));
      }
      if (ts != Slot.ABSENT) {
        m.put("timestamp", slotValue(ts));
      }
      if (!updatedAtFirst && ua != Slot.ABSENT) {
        m.put("updatedAt", slotValue(ua));
      }
      for (VisibilityRules rules : PRESETS) {
        boolean h11 = rules.blankTimestampFallsBack();
        // jq //: absent, null and false fall through; H11: a blank string too
        boolean through =
            ts == Slot.ABSENT
                || ts == Slot.NULL
                || ts == Slot.FALSE
                || (h11 && (ts == Slot.EMPTY || ts == Slot.BLANK));
        Slot chosen = through ? ua : ts;
        boolean none = chosen == Slot.ABSENT || chosen == Slot.NULL || chosen == Slot.FALSE;
        HeartbeatEvaluation e =
            evaluate(
                rules,
                JsonValue.object(m),
                Instant.parse("2026-02-22T12:11:00Z"),
                HeartbeatThresholds.DEFAULT);
        HeartbeatObservation r = row(e);
        String why = rules.name() + " timestamp=" + ts + " updatedAt=" + ua;
        if (none || chosen == Slot.EMPTY) {
          assertEquals("failed", r.status().wire(), why);
          assertEquals(
              Optional.of("missing_heartbeat_timestamp"), r.reasonCode().map(c -> c.wire()), why);
          assertEquals(Optional.empty(), r.heartbeatAt(), why);
          assertTrue(e.state().isEmpty(), why);
        } else if (chosen == Slot.VALID) {
          assertEquals("fresh", r.status().wire(), why);
          assertEquals(60, r.heartbeatLagSeconds().orElseThrow(), why);
          assertEquals(VALID_TS, e.state().orElseThrow().lastHeartbeatAt(), why);
        } else {
          assertEquals("failed", r.status().wire(), why);
          assertEquals(
              Optional.of("invalid_heartbeat_timestamp"), r.reasonCode().map(c -> c.wire()), why);
          assertEquals(Optional.of(rendered(chosen)), r.heartbeatAt(), why);
          assertTrue(e.state().isEmpty(), why);
        }
      }
    }
  }
}
