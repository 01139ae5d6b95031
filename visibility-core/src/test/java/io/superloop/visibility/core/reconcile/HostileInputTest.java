package io.superloop.visibility.core.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.heartbeat.HeartbeatObservation;
import io.superloop.visibility.api.heartbeat.HeartbeatObservationStatus;
import io.superloop.visibility.api.heartbeat.HeartbeatThresholds;
import io.superloop.visibility.api.internal.json.JsonNumber;
import io.superloop.visibility.api.internal.json.JsonString;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.api.sequence.SequenceState;
import io.superloop.visibility.api.sequence.ViolationCode;
import io.superloop.visibility.core.heartbeat.FreshnessCalculator;
import io.superloop.visibility.core.heartbeat.HeartbeatEvaluation;
import io.superloop.visibility.core.heartbeat.HeartbeatInput;
import io.superloop.visibility.core.rules.VisibilityRules;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Malformed envelopes, absurd numbers and bad timestamps give reason-coded results or a {@link
 * VisibilityException}, never another exception (contract 9.15, 9.16; C1, C9, C10; H8, H12).
 * Several hundred inputs go through {@link ReconcileStep} via {@link EnvelopeFeed#ofEnvelopes} and
 * through {@link FreshnessCalculator}; the expected judgement of each value comes from the spec's
 * rule, restated here independently (C1: "every whole value from 0 to 2^63-1 is valid ... larger
 * values are missing"; H12 hardened: "only a JSON integer literal from 0 to 2^63-1 is valid"; C10:
 * "exactly YYYY-MM-DDTHH:MM:SSZ with zero-padded fields and a valid calendar date", 2.2 step 5:
 * "any pre-1970 date" rejected).
 */
class HostileInputTest {
  private static final VisibilityRules REF = VisibilityRules.reference();
  private static final VisibilityRules HARD = VisibilityRules.hardened();
  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  private static final List<String> ABSURD_LITERALS =
      List.of(
          "1e999999",
          "-1e999999",
          "1e-999999",
          "0e999999",
          "0e-999999",
          "0e+2741764644", // the value zero, exponent beyond int range (found by
          // randomNumberLiterals)
          "0.0e-99999999999",
          "-0e99999999999",
          "1E2",
          "100e-2",
          "9223372036854775807",
          "9223372036854775808",
          "-9223372036854775808",
          "18446744073709551616",
          "9223372036854775807.0",
          "9223372036854775807.5",
          "92233720368547758070e-1",
          "1e18",
          "1e19",
          "-0",
          "-0.0",
          "0.0",
          "-0e0",
          "1.0000000000000000000001",
          "1e2147483647",
          "1e-2147483648",
          "123456789012345678901234567890123456789012345678901234567890123",
          "0.000000000000000000000000000000000000000000000000000000000001");

  // ----------------------------------------------------------------------------------------
  // the spec's rules, restated

  /**
   * C1 / H12 reference: a number whose value is whole and in [0, 2^63-1]; "-0" and negatives
   * missing.
   */
  private static long referenceNumber(String literal) {
    if (literal.startsWith("-")) {
      return -1;
    }
    String mantissa = literal.split("[eE]", 2)[0];
    if (mantissa.matches("[0.]*")) {
      return 0; // the value zero, whatever its exponent
    }
    BigDecimal d;
    try {
      d = new BigDecimal(literal);
    } catch (NumberFormatException e) {
      return -1; // an exponent beyond int range: astronomically large or a non-zero fraction
    }
    if (d.compareTo(BigDecimal.ONE) < 0 || d.compareTo(LONG_MAX) > 0) {
      return -1;
    }
    BigDecimal s = d.stripTrailingZeros();
    return s.scale() <= 0 ? s.longValueExact() : -1;
  }

  /** H12 hardened: only an integer literal (digits, no fraction, no exponent) in [0, 2^63-1]. */
  private static long hardenedNumber(String literal) {
    if (!literal.matches("(0|[1-9][0-9]*)")) {
      return -1;
    }
    BigDecimal d = new BigDecimal(literal);
    return d.compareTo(LONG_MAX) > 0 ? -1 : d.longValueExact();
  }

  /** C1 reference: a string of ASCII digits read as decimal, in range. */
  private static long referenceDigits(String s) {
    if (!s.matches("[0-9]+")) {
      return -1;
    }
    BigDecimal d = new BigDecimal(s);
    return d.compareTo(LONG_MAX) > 0 ? -1 : d.longValueExact();
  }

  private static long expected(VisibilityRules rules, @Nullable JsonValue v) {
    if (v instanceof JsonNumber n) {
      return rules == REF ? referenceNumber(n.literal()) : hardenedNumber(n.literal());
    }
    if (v instanceof JsonString s && rules == REF) {
      return referenceDigits(s.value());
    }
    return -1;
  }

  // ----------------------------------------------------------------------------------------
  // envelopes

  private static StepResult run(
      VisibilityRules rules, @Nullable JsonValue snapshotValue, List<JsonValue> events) {
    return new ReconcileStep(rules)
        .run(
            StepInput.builder()
                .loopId("demo-loop")
                .traceId(TraceId.of("trace-hostile"))
                .transport(Transport.SPRITE_SERVICE)
                .now(NOW)
                .ingest(
                    new Ingest.Succeeded(
                        HeartbeatInput.ABSENT,
                        EnvelopeFeed.ofEnvelopes(snapshotValue, events, 0),
                        false))
                .paths(Section8ScenariosTest.PATHS)
                .build());
  }

  /** Checks one sequence value as snapshot value and as the value of a one-event batch. */
  private static void checkValue(@Nullable JsonValue value) {
    List<JsonValue> events = new ArrayList<>();
    events.add(
        value == null
            ? Json.parse("{\"sequence\":{\"source\":\"cursor_event_line_offset\"}}")
            : JsonValue.object(
                java.util.Map.of(
                    "sequence",
                    JsonValue.object(
                        java.util.Map.of(
                            "source", JsonValue.of("cursor_event_line_offset"), "value", value)))));
    for (VisibilityRules rules : List.of(REF, HARD)) {
      String what = (value == null ? "absent" : abbreviate(value.toJson())) + " " + rules.name();
      StepResult r;
      try {
        r = run(rules, value, events);
      } catch (VisibilityException e) {
        continue; // a reason-coded failure is acceptable
      } catch (RuntimeException e) {
        throw new AssertionError("not a VisibilityException for " + what, e);
      }
      long want = expected(rules, value);
      SequenceState s = r.sequenceState().orElseThrow();
      assertEquals(
          want < 0 ? OptionalLong.empty() : OptionalLong.of(want), s.snapshot().current(), what);
      assertEquals(
          want < 0 ? OptionalLong.empty() : OptionalLong.of(want), s.events().last(), what);
      assertEquals(
          want < 0, s.violations().contains(ViolationCode.SNAPSHOT_SEQUENCE_MISSING), what);
      assertEquals(want < 0, s.violations().contains(ViolationCode.EVENT_SEQUENCE_MISSING), what);
      assertEquals(1, s.events().ingestedCount());
      // the records encode (no exception escapes the codecs either)
      io.superloop.visibility.api.Codecs.SEQUENCE_STATE.encode(s);
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "...(" + s.length() + ")" : s;
  }

  @Test
  void absurdNumbersAsSequenceValues() {
    for (String lit : ABSURD_LITERALS) {
      checkValue(new JsonNumber(lit));
      checkValue(JsonValue.of(lit)); // the same text as a JSON string
      try {
        checkValue(Json.parse(lit)); // through the parser: limits may reject it, with a reason
      } catch (VisibilityException e) {
        assertTrue(lit.length() > 64, lit + ": " + e.code());
      }
    }
    checkValue(null);
    checkValue(JsonValue.nullValue());
    checkValue(JsonValue.of(true));
    checkValue(JsonValue.of(false));
    checkValue(JsonValue.of(""));
    checkValue(JsonValue.of(" 7"));
    checkValue(JsonValue.of("7 "));
    checkValue(JsonValue.of("08"));
    checkValue(JsonValue.of("\u0667")); // ARABIC-INDIC DIGIT SEVEN: not an ASCII digit
    checkValue(JsonValue.of("1".repeat(100_000)));
    checkValue(new JsonNumber("9".repeat(100_000)));
    checkValue(new JsonNumber("1" + "0".repeat(5000) + "e-5000"));
    checkValue(Json.parse("[1]"));
    checkValue(Json.parse("{\"value\":1}"));
  }

  /** Random JSON number literals (valid JSON grammar, absurd sizes and exponents). */
  @Test
  void randomNumberLiterals() {
    SplittableRandom rnd = new SplittableRandom(20261124);
    for (int i = 0; i < 300; i++) {
      StringBuilder sb = new StringBuilder();
      if (rnd.nextInt(4) == 0) {
        sb.append('-');
      }
      int digits = rnd.nextInt(5) == 0 ? 1 + rnd.nextInt(400) : 1 + rnd.nextInt(22);
      sb.append(rnd.nextInt(6) == 0 ? '0' : (char) ('1' + rnd.nextInt(9)));
      if (sb.charAt(sb.length() - 1) != '0') {
        for (int d = 1; d < digits; d++) {
          sb.append((char) ('0' + rnd.nextInt(10)));
        }
      }
      if (rnd.nextInt(3) == 0) {
        sb.append('.');
        int frac = 1 + rnd.nextInt(rnd.nextInt(4) == 0 ? 300 : 4);
        for (int d = 0; d < frac; d++) {
          sb.append(rnd.nextInt(3) == 0 ? (char) ('0' + rnd.nextInt(10)) : '0');
        }
      }
      if (rnd.nextInt(3) == 0) {
        sb.append(rnd.nextBoolean() ? 'e' : 'E');
        int kind = rnd.nextInt(3);
        if (kind == 0) {
          sb.append('-');
        } else if (kind == 1) {
          sb.append('+');
        }
        sb.append(
            rnd.nextInt(4) == 0
                ? Long.toString(rnd.nextLong(1, 3_000_000_000L))
                : Integer.toString(rnd.nextInt(25)));
      }
      checkValue(new JsonNumber(sb.toString()));
    }
  }

  /** Malformed event envelopes: each is one ingested envelope with a missing value (C9). */
  @Test
  void malformedEnvelopes() {
    List<String> bad =
        List.of(
            "null",
            "true",
            "0",
            "\"loop_run_event\"",
            "[]",
            "[{\"sequence\":{\"value\":1}}]",
            "{}",
            "{\"sequence\":null}",
            "{\"sequence\":[]}",
            "{\"sequence\":\"5\"}",
            "{\"sequence\":5}",
            "{\"sequence\":{}}",
            "{\"sequence\":{\"value\":null}}",
            "{\"sequence\":{\"value\":{}}}",
            "{\"sequence\":{\"value\":[5]}}",
            "{\"sequence\":{\"value\":-5}}",
            "{\"sequence\":{\"value\":5.5}}",
            "{\"sequence\":{\"value\":\"five\"}}",
            "{\"Sequence\":{\"value\":5}}",
            "{\"sequence\":{\"Value\":5}}",
            "{\"envelope\":{\"sequence\":{\"value\":5}}}");
    for (VisibilityRules rules : List.of(REF, HARD)) {
      List<JsonValue> events = new ArrayList<>();
      events.add(
          Json.parse("{\"sequence\":{\"source\":\"cursor_event_line_offset\",\"value\":1}}"));
      for (String b : bad) {
        events.add(Json.parse(b));
      }
      events.add(
          Json.parse("{\"sequence\":{\"source\":\"cursor_event_line_offset\",\"value\":2}}"));
      StepResult r = run(rules, JsonValue.of(2), events);
      SequenceState s = r.sequenceState().orElseThrow();
      assertEquals(bad.size() + 2, s.events().ingestedCount(), rules.name());
      assertEquals(List.of(ViolationCode.EVENT_SEQUENCE_MISSING), s.violations());
      assertEquals(OptionalLong.of(1), s.events().first());
      assertEquals(OptionalLong.of(2), s.events().last());
      assertFalse(s.events().regressed(), "3.3: a missing row does not reset the baseline");
    }
  }

  /** Malformed documents never become envelopes: the parser answers with a VisibilityException. */
  @Test
  void unparseableDocumentsAreVisibilityExceptions() {
    List<String> texts =
        List.of(
            "",
            "{",
            "{\"sequence\":",
            "{\"a\":1,\"a\":2}",
            "[".repeat(10_000),
            "{\"v\":1e99999999999999999999999999999999999999999999999999999999999999999}",
            "{\"v\":" + "1".repeat(1000) + "}",
            "\u0000",
            "{\"v\":NaN}",
            "{\"v\":Infinity}",
            "{\"v\":0x10}",
            "{\"v\":01}",
            "{\"v\":.5}",
            "{\"v\":+1}",
            "{'v':1}",
            "{\"v\":1}{\"v\":2}");
    for (String t : texts) {
      try {
        Json.parse(t);
        fail("parsed: " + abbreviate(t));
      } catch (VisibilityException expected) {
        // reason-coded
      } catch (RuntimeException e) {
        throw new AssertionError("not a VisibilityException for " + abbreviate(t), e);
      }
    }
  }

  // ----------------------------------------------------------------------------------------
  // timestamps

  private static final DateTimeFormatter STRICT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
          .withResolverStyle(ResolverStyle.STRICT);

  /** C10 / 2.2 step 5: the reference preset's accepted form. */
  private static boolean referenceParses(String s) {
    if (!s.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")) {
      return false;
    }
    try {
      return LocalDateTime.parse(s, STRICT).getYear() >= 1970;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static HeartbeatEvaluation evaluate(VisibilityRules rules, JsonValue heartbeat) {
    try {
      return new FreshnessCalculator(rules)
          .evaluate(
              HeartbeatInput.of(heartbeat),
              Optional.empty(),
              NOW,
              HeartbeatThresholds.DEFAULT,
              "demo-loop",
              TraceId.of("trace-hostile"),
              Transport.LOCAL);
    } catch (RuntimeException e) {
      throw new AssertionError("exception for heartbeat " + abbreviate(heartbeat.toJson()), e);
    }
  }

  /** Checks one heartbeat timestamp value under both presets. */
  private static void checkTimestamp(JsonValue ts) {
    JsonValue hb = JsonValue.object(java.util.Map.of("timestamp", ts));
    for (VisibilityRules rules : List.of(REF, HARD)) {
      HeartbeatEvaluation e = evaluate(rules, hb);
      String what = abbreviate(ts.toJson()) + " " + rules.name();
      HeartbeatObservation row = e.observation().orElseThrow();
      // 2.2 step 4: empty is missing; H11 (hardened): a blank timestamp falls back to updatedAt
      // (absent)
      boolean emptyString =
          ts instanceof JsonString s
              && (s.value().isEmpty() || (rules == HARD && s.value().isBlank()));
      boolean valid = e.state().isPresent();
      if (valid) {
        assertTrue(ts instanceof JsonString, what);
        assertTrue(row.status() != HeartbeatObservationStatus.FAILED, what);
        assertTrue(e.state().get().heartbeatLagSeconds() >= 0, what);
        io.superloop.visibility.api.Codecs.HEARTBEAT_STATE.encode(e.state().get());
      } else {
        assertEquals(HeartbeatObservationStatus.FAILED, row.status(), what);
        assertEquals(
            Optional.of(
                emptyString
                    ? ReasonCode.MISSING_HEARTBEAT_TIMESTAMP
                    : ReasonCode.INVALID_HEARTBEAT_TIMESTAMP),
            row.reasonCode(),
            what);
      }
      io.superloop.visibility.api.Codecs.HEARTBEAT_OBSERVATION.encode(row);
      if (rules == REF) {
        assertEquals(ts instanceof JsonString s && referenceParses(s.value()), valid, what);
      }
    }
  }

  @Test
  void badHeartbeatTimestamps() {
    // contract 2.2 step 5 "Rejected [verified]": fractional seconds, numeric offsets, missing Z,
    // space
    // separator, numbers (epoch), pre-1970; C10: unpadded forms
    List<String> strings =
        List.of(
            "2026-02-22T12:10:00.123Z",
            "2026-02-22T12:10:00+00:00",
            "2026-02-22T12:10:00",
            "2026-02-22 12:10:00Z",
            "1700000000",
            "1969-12-31T23:59:59Z",
            "1900-01-01T00:00:00Z",
            "2020-1-1T0:0:0Z",
            "2020-01-01T0:00:00Z",
            "",
            " ",
            "9999-99-99T99:99:99Z",
            "0000-00-00T00:00:00Z",
            "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59Z",
            "+275760-09-13T00:00:00Z",
            "-000001-01-01T00:00:00Z",
            "2020-02-30T00:00:00Z",
            "2021-02-29T00:00:00Z",
            "2020-02-29T00:00:00Z",
            "2026-02-22T24:00:00Z",
            "2026-02-22T23:59:60Z",
            "2026-02-22T12:10:00ZZ",
            "2026-02-22T12:10:00.Z",
            "2026-02-22T12:10:00." + "9".repeat(10_000) + "Z",
            "2026-02-22T12:10:00+24:00",
            "2026-02-22T12:10:00+23:59",
            "2026-02-22T12:10:00-23:59",
            "2026-02-22T12:10:00+0000",
            "2026-02-22T12:10:00+00",
            "2026-02-22t12:10:00z",
            "\uff12\uff10\uff12\uff16-02-22T12:10:00Z",
            "2026\u201102-22T12:10:00Z",
            "2026-02-22T12:10:00Z\u0000",
            "x".repeat(100_000),
            "2026-02-22T12:10:00Z\n",
            "2026-W08-7T12:10:00Z",
            "2026-053T12:10:00Z",
            "-0",
            "null");
    for (String s : strings) {
      checkTimestamp(JsonValue.of(s));
    }
    for (String lit : ABSURD_LITERALS) {
      checkTimestamp(new JsonNumber(lit));
    }
    checkTimestamp(JsonValue.of(true));
    checkTimestamp(Json.parse("[\"2026-02-22T12:10:00Z\"]"));
    checkTimestamp(Json.parse("{\"timestamp\":\"2026-02-22T12:10:00Z\"}"));
  }

  /** Random mutations of a valid timestamp, judged against C10 for the reference preset. */
  @Test
  void randomTimestampMutations() {
    SplittableRandom rnd = new SplittableRandom(7);
    String base = "2026-02-22T12:10:00Z";
    String alphabet = "0123456789-:TZtz.+ 9\u00e9\uff10";
    for (int i = 0; i < 400; i++) {
      StringBuilder sb = new StringBuilder(base);
      int edits = 1 + rnd.nextInt(3);
      for (int k = 0; k < edits; k++) {
        int op = rnd.nextInt(3);
        int at = rnd.nextInt(sb.length() + 1);
        char c = alphabet.charAt(rnd.nextInt(alphabet.length()));
        if (op == 0 && at < sb.length()) {
          sb.setCharAt(at, c);
        } else if (op == 1) {
          sb.insert(at, c);
        } else if (at < sb.length()) {
          sb.deleteCharAt(at);
        }
      }
      checkTimestamp(JsonValue.of(sb.toString()));
    }
  }
}
