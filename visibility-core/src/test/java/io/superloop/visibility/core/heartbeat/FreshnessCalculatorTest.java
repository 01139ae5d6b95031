package io.superloop.visibility.core.heartbeat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.health.HealthReason;
import io.superloop.visibility.api.health.Severity;
import io.superloop.visibility.api.heartbeat.FreshnessStatus;
import io.superloop.visibility.api.heartbeat.HeartbeatObservation;
import io.superloop.visibility.api.heartbeat.HeartbeatState;
import io.superloop.visibility.api.heartbeat.HeartbeatThresholds;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.core.rules.VisibilityRules;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The heartbeat thresholds at their edges, lag {@code t-1}, {@code t} and {@code t+1} for the
 * degraded and the critical threshold. Expected values are contract 2.2 step 7 ("integers,
 * inclusive": {@code lag >= critical} is critical, else {@code lag >= degraded} is degraded, else
 * fresh) and 2.5 (the health reason names the threshold it reached), written out per case, not
 * computed.
 */
class FreshnessCalculatorTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final List<VisibilityRules> PRESETS =
      List.of(VisibilityRules.reference(), VisibilityRules.hardened());

  /**
   * {@code degraded, critical, lag, expected status}, then the severity and threshold of the
   * expected {@code runtime_heartbeat_stale} health reason (null, null: none): the edges of both
   * thresholds.
   */
  static Stream<Arguments> edges() {
    return Stream.of(
        // defaults 120 / 300 (contract 2.3)
        Arguments.of(120, 300, 119, FreshnessStatus.FRESH, null, null),
        Arguments.of(120, 300, 120, FreshnessStatus.DEGRADED, Severity.DEGRADED, "120"),
        Arguments.of(120, 300, 121, FreshnessStatus.DEGRADED, Severity.DEGRADED, "120"),
        Arguments.of(120, 300, 299, FreshnessStatus.DEGRADED, Severity.DEGRADED, "120"),
        Arguments.of(120, 300, 300, FreshnessStatus.CRITICAL, Severity.CRITICAL, "300"),
        Arguments.of(120, 300, 301, FreshnessStatus.CRITICAL, Severity.CRITICAL, "300"),
        // custom 10 / 20
        Arguments.of(10, 20, 9, FreshnessStatus.FRESH, null, null),
        Arguments.of(10, 20, 10, FreshnessStatus.DEGRADED, Severity.DEGRADED, "10"),
        Arguments.of(10, 20, 11, FreshnessStatus.DEGRADED, Severity.DEGRADED, "10"),
        Arguments.of(10, 20, 19, FreshnessStatus.DEGRADED, Severity.DEGRADED, "10"),
        Arguments.of(10, 20, 20, FreshnessStatus.CRITICAL, Severity.CRITICAL, "20"),
        Arguments.of(10, 20, 21, FreshnessStatus.CRITICAL, Severity.CRITICAL, "20"),
        // equal thresholds: critical wins at the shared edge
        Arguments.of(45, 45, 44, FreshnessStatus.FRESH, null, null),
        Arguments.of(45, 45, 45, FreshnessStatus.CRITICAL, Severity.CRITICAL, "45"),
        Arguments.of(45, 45, 46, FreshnessStatus.CRITICAL, Severity.CRITICAL, "45"),
        // degraded 0 (2.3: every parsed heartbeat is at least degraded)
        Arguments.of(0, 1, 0, FreshnessStatus.DEGRADED, Severity.DEGRADED, "0"),
        Arguments.of(0, 1, 1, FreshnessStatus.CRITICAL, Severity.CRITICAL, "1"),
        Arguments.of(0, 1, 2, FreshnessStatus.CRITICAL, Severity.CRITICAL, "1"));
  }

  @ParameterizedTest(name = "thresholds {0}/{1}, lag {2}: {3}")
  @MethodSource("edges")
  void classifyAtTheEdges(long degraded, long critical, long lag, FreshnessStatus expected) {
    assertEquals(
        expected, FreshnessCalculator.classify(lag, HeartbeatThresholds.of(degraded, critical)));
  }

  @ParameterizedTest(name = "thresholds {0}/{1}, lag {2}: {3}")
  @MethodSource("edges")
  void aHeartbeatThatOldIsClassifiedAndReasonedAtTheEdges(
      long degraded,
      long critical,
      long lag,
      FreshnessStatus expected,
      @Nullable Severity reasonSeverity,
      @Nullable String reasonThreshold) {
    HeartbeatThresholds t = HeartbeatThresholds.of(degraded, critical);
    String at = NOW.minusSeconds(lag).toString();
    for (VisibilityRules rules : PRESETS) {
      HeartbeatEvaluation e =
          new FreshnessCalculator(rules)
              .evaluate(
                  present(at),
                  Optional.empty(),
                  NOW,
                  t,
                  "loop-a",
                  TraceId.of("trace-1"),
                  Transport.LOCAL);
      HeartbeatObservation row = e.observation().orElseThrow();
      HeartbeatState state = e.state().orElseThrow();
      String what = rules.name() + " lag " + lag;
      assertEquals(lag, state.heartbeatLagSeconds(), what);
      assertEquals(expected, state.freshnessStatus(), what);
      assertEquals(expected.wire(), row.status().wire(), what);
      assertEquals(
          expected == FreshnessStatus.FRESH
              ? Optional.empty()
              : Optional.of(ReasonCode.RUNTIME_HEARTBEAT_STALE),
          row.reasonCode(),
          what);
      assertEquals(staleReasons(lag, reasonSeverity, reasonThreshold), e.healthReasons(), what);
    }
  }

  /**
   * Health judges the lag of the state the loop holds against this step's thresholds (contract
   * 2.5), also when the step read no heartbeat: the reference keeps the previous state (C5).
   */
  @ParameterizedTest(name = "thresholds {0}/{1}, kept lag {2}: {3}")
  @MethodSource("edges")
  void aKeptStateIsReasonedAtTheEdges(
      long degraded,
      long critical,
      long lag,
      FreshnessStatus expected,
      @Nullable Severity reasonSeverity,
      @Nullable String reasonThreshold) {
    HeartbeatThresholds t = HeartbeatThresholds.of(degraded, critical);
    // stored with other thresholds and a status of its own: only the lag and this step's thresholds
    // count
    HeartbeatState kept =
        HeartbeatState.builder()
            .updatedAt("2026-03-01T11:00:00Z")
            .loopId("loop-a")
            .traceId(TraceId.of("trace-0"))
            .transport(Transport.LOCAL)
            .lastHeartbeatAt("2026-03-01T10:59:00Z")
            .heartbeatLagSeconds(lag)
            .freshnessStatus(FreshnessStatus.FRESH)
            .thresholds(HeartbeatThresholds.of(100_000, 200_000))
            .heartbeat(JsonValue.object(Map.of("timestamp", JsonValue.of("2026-03-01T10:59:00Z"))))
            .build();
    HeartbeatEvaluation e =
        new FreshnessCalculator(VisibilityRules.reference())
            .evaluate(
                HeartbeatInput.ABSENT,
                Optional.of(kept),
                NOW,
                t,
                "loop-a",
                TraceId.of("trace-1"),
                Transport.LOCAL);
    assertEquals(Optional.of(kept), e.state());
    assertEquals(staleReasons(lag, reasonSeverity, reasonThreshold), e.healthReasons());
  }

  /**
   * A leap second (issue 14 item 6): under hardened rules {@code 23:59:60Z} counts as the next
   * second, {@code 00:00:00Z} (docs/compatibility.md), so a clock at {@code 00:01:59Z} sees a lag
   * of 119 s (fresh; 120 would be degraded) and a clock at {@code 23:59:59Z} a heartbeat 1 s ahead
   * (lag 0); under reference rules the timestamp is invalid (C10: seconds 00-59).
   */
  @Test
  void aLeapSecondHeartbeatCountsAsTheNextSecond() {
    HeartbeatInput leap = present("2016-12-31T23:59:60Z");
    Object[][] clock = {
      {"2017-01-01T00:01:59Z", 119L, FreshnessStatus.FRESH},
      {"2017-01-01T00:02:00Z", 120L, FreshnessStatus.DEGRADED},
      {"2017-01-01T00:00:00Z", 0L, FreshnessStatus.FRESH},
      {"2016-12-31T23:59:59Z", 0L, FreshnessStatus.FRESH},
      {"2017-01-01T00:05:00Z", 300L, FreshnessStatus.CRITICAL}
    };
    for (Object[] c : clock) {
      HeartbeatEvaluation e =
          new FreshnessCalculator(VisibilityRules.hardened())
              .evaluate(
                  leap,
                  Optional.empty(),
                  Instant.parse((String) c[0]),
                  HeartbeatThresholds.DEFAULT,
                  "loop-a",
                  TraceId.of("trace-1"),
                  Transport.LOCAL);
      HeartbeatState state = e.state().orElseThrow();
      assertEquals(c[1], state.heartbeatLagSeconds(), (String) c[0]);
      assertEquals(c[2], state.freshnessStatus(), (String) c[0]);
      assertEquals(
          Optional.of("2016-12-31T23:59:60Z"), e.observation().orElseThrow().heartbeatAt());
      assertEquals("2016-12-31T23:59:60Z", state.lastHeartbeatAt());
    }
    HeartbeatEvaluation ref =
        new FreshnessCalculator(VisibilityRules.reference())
            .evaluate(
                leap,
                Optional.empty(),
                Instant.parse("2017-01-01T00:01:59Z"),
                HeartbeatThresholds.DEFAULT,
                "loop-a",
                TraceId.of("trace-1"),
                Transport.LOCAL);
    assertEquals(
        Optional.of(ReasonCode.INVALID_HEARTBEAT_TIMESTAMP),
        ref.observation().orElseThrow().reasonCode());
    assertEquals(Optional.empty(), ref.state());
  }

  private static HeartbeatEvaluation evaluate(
      VisibilityRules rules, HeartbeatInput input, Instant now) {
    return new FreshnessCalculator(rules)
        .evaluate(
            input,
            Optional.empty(),
            now,
            HeartbeatThresholds.DEFAULT,
            "loop-a",
            TraceId.of("trace-1"),
            Transport.LOCAL);
  }

  /**
   * Hardened rules read the clock and an RFC 3339 heartbeat to the millisecond: lag = floor(now -
   * heartbeat) (2.2 step 6), so 120.2 s is 120 (degraded); read in whole seconds it would be 119.
   */
  @Test
  void hardenedLagIsTheFlooredExactDifference() {
    HeartbeatState s =
        evaluate(
                VisibilityRules.hardened(),
                present("2026-03-01T11:58:00.500Z"),
                Instant.parse("2026-03-01T12:00:00.700Z"))
            .state()
            .orElseThrow();
    assertEquals(120, s.heartbeatLagSeconds());
    assertEquals(FreshnessStatus.DEGRADED, s.freshnessStatus());
  }

  /**
   * The hardened health reasons of an unusable heartbeat, as docs/artifact-contract.md's reason
   * table gives them: invalid_heartbeat_timestamp (metric heartbeatAt, the raw timestamp, the
   * syntax in force) and invalid_heartbeat_payload (metric heartbeat, the JSON type or
   * invalid_json, "object").
   */
  @Test
  void unusableHeartbeatReasonsNameWhatWasFound() {
    Instant now = Instant.parse("2026-03-01T12:00:00Z");
    VisibilityRules hard = VisibilityRules.hardened();
    assertEquals(
        List.of(
            reason(
                ReasonCode.INVALID_HEARTBEAT_TIMESTAMP,
                Severity.DEGRADED,
                "heartbeatAt",
                "yesterday",
                "RFC 3339")),
        evaluate(hard, present("yesterday"), now).healthReasons());
    VisibilityRules strictSyntax = hard.withRfc3339Timestamps(false);
    assertEquals(
        List.of(
            reason(
                ReasonCode.INVALID_HEARTBEAT_TIMESTAMP,
                Severity.DEGRADED,
                "heartbeatAt",
                "2026-03-01T11:59:00.5Z",
                "YYYY-MM-DDTHH:MM:SSZ")),
        evaluate(strictSyntax, present("2026-03-01T11:59:00.5Z"), now).healthReasons());
    Object[][] payloads = {
      {JsonValue.of("text"), "string"},
      {JsonValue.of(42), "number"},
      {JsonValue.of(true), "boolean"},
      {Json.parse("[1]"), "array"}
    };
    for (Object[] p : payloads) {
      assertEquals(
          List.of(
              reason(
                  ReasonCode.INVALID_HEARTBEAT_PAYLOAD,
                  Severity.DEGRADED,
                  "heartbeat",
                  (String) p[1],
                  "object")),
          evaluate(hard, HeartbeatInput.of((JsonValue) p[0]), now).healthReasons(),
          (String) p[1]);
    }
    assertEquals(
        List.of(
            reason(
                ReasonCode.INVALID_HEARTBEAT_PAYLOAD,
                Severity.DEGRADED,
                "heartbeat",
                "invalid_json",
                "object")),
        evaluate(hard, HeartbeatInput.unparseable("{oops", "not JSON"), now).healthReasons());
    // reference: none of them reaches health (contract 2.4, C5)
    assertEquals(
        List.of(),
        evaluate(VisibilityRules.reference(), present("yesterday"), now).healthReasons());
    assertEquals(
        List.of(),
        evaluate(VisibilityRules.reference(), HeartbeatInput.of(JsonValue.of(42)), now)
            .healthReasons());
  }

  private static HealthReason reason(
      ReasonCode code, Severity severity, String metric, String observed, String threshold) {
    return HealthReason.builder()
        .code(code)
        .severity(severity)
        .metric(metric)
        .observed(observed)
        .threshold(threshold)
        .build();
  }

  /**
   * Contract 2.5's reason, as the edge table gives it: none, or the threshold reached and the lag.
   */
  private static List<HealthReason> staleReasons(
      long lag, @Nullable Severity severity, @Nullable String threshold) {
    return severity == null || threshold == null
        ? List.of()
        : List.of(
            reason(
                ReasonCode.RUNTIME_HEARTBEAT_STALE,
                severity,
                "heartbeatLagSeconds",
                Long.toString(lag),
                threshold));
  }

  private static HeartbeatInput present(String timestamp) {
    return HeartbeatInput.of(JsonValue.object(Map.of("timestamp", JsonValue.of(timestamp))));
  }
}
