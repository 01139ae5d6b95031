package io.superloop.visibility.core.heartbeat;

import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.health.HealthReason;
import io.superloop.visibility.api.health.Severity;
import io.superloop.visibility.api.heartbeat.FreshnessStatus;
import io.superloop.visibility.api.heartbeat.HeartbeatObservation;
import io.superloop.visibility.api.heartbeat.HeartbeatObservationStatus;
import io.superloop.visibility.api.heartbeat.HeartbeatState;
import io.superloop.visibility.api.heartbeat.HeartbeatThresholds;
import io.superloop.visibility.api.heartbeat.internal.ImmutableHeartbeatObservation;
import io.superloop.visibility.api.heartbeat.internal.ImmutableHeartbeatState;
import io.superloop.visibility.api.internal.json.JsonArray;
import io.superloop.visibility.api.internal.json.JsonNumber;
import io.superloop.visibility.api.internal.json.JsonObject;
import io.superloop.visibility.api.internal.json.JsonString;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.core.time.TimestampSyntax;
import io.superloop.visibility.core.time.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * Heartbeat freshness (contract 2.2-2.5, C5). Pure: the clock, the thresholds and the rules are
 * parameters.
 *
 * <p>The reference algorithm: take {@code timestamp}, else {@code updatedAt} (jq {@code //}: only
 * absent, null and false fall through); an empty value is {@code missing_heartbeat_timestamp}, an
 * unparseable one {@code invalid_heartbeat_timestamp} (both: a failed telemetry row, the previous
 * state kept); otherwise {@code lag = now - heartbeat}, clamped at 0, is {@code critical} when
 * {@code lag >= critical}, else {@code degraded} when {@code lag >= degraded}, else {@code fresh}.
 * Health judges the stored lag of the state the loop holds after the step against this step's
 * thresholds.
 *
 * <p>Always (H18): a heartbeat that is not a JSON object, or not JSON at all, is a failed row with
 * {@code invalid_heartbeat_payload}; one longer than its read limit is a failed row with {@code
 * heartbeat_payload_too_large} that does not carry it; the step goes on. Under hardened rules: RFC
 * 3339 timestamps (H8); clock skew beyond the tolerance is reported (H9); the kept state is
 * re-evaluated at evaluation time and rewritten, and unusable heartbeats reach health (H10); a
 * blank {@code timestamp} falls back to {@code updatedAt} (H11).
 */
public final class FreshnessCalculator {
  private static final String METRIC_LAG = "heartbeatLagSeconds";
  private static final String METRIC_AT = "heartbeatAt";

  private final VisibilityRules rules;

  /**
   * A calculator under {@code rules}.
   *
   * @param rules the rules in force (H8-H11, H18 change the verdict)
   */
  public FreshnessCalculator(VisibilityRules rules) {
    this.rules = rules;
  }

  /**
   * Classifies a lag (contract 2.2 step 7; inclusive thresholds).
   *
   * @param lagSeconds the lag, {@code >= 0}
   * @param thresholds the thresholds
   * @return {@code critical} at or above the critical threshold, else {@code degraded} at or above
   *     the degraded one, else {@code fresh}
   */
  public static FreshnessStatus classify(long lagSeconds, HeartbeatThresholds thresholds) {
    if (lagSeconds >= thresholds.criticalHeartbeatLagSeconds()) {
      return FreshnessStatus.CRITICAL;
    }
    if (lagSeconds >= thresholds.degradedHeartbeatLagSeconds()) {
      return FreshnessStatus.DEGRADED;
    }
    return FreshnessStatus.FRESH;
  }

  /**
   * Whole seconds from a heartbeat to now, floored, clamped at 0 (contract 2.2 step 6).
   *
   * @param nowEpochMillis the clock
   * @param heartbeatEpochMillis the parsed heartbeat timestamp
   * @return the lag in whole seconds, {@code >= 0} (a heartbeat in the future has lag 0)
   */
  public static long lagSeconds(long nowEpochMillis, long heartbeatEpochMillis) {
    long lag = Math.floorDiv(nowEpochMillis - heartbeatEpochMillis, 1000L);
    return lag < 0 ? 0 : lag;
  }

  /** The clock as this calculator reads it: whole seconds under the v1-strict syntax. */
  private long nowMillis(Instant now) {
    return rules.rfc3339Timestamps() ? now.toEpochMilli() : now.getEpochSecond() * 1000L;
  }

  /**
   * Evaluates one step.
   *
   * @param input the snapshot's runtime heartbeat
   * @param previous the loop's {@code heartbeat.json} before the step, if readable
   * @param now the manager clock
   * @param thresholds this step's thresholds
   * @param loopId the loop
   * @param traceId the step's trace
   * @param transport the step's transport
   * @return the state to keep or write, the telemetry row and the health reasons
   */
  public HeartbeatEvaluation evaluate(
      HeartbeatInput input,
      Optional<HeartbeatState> previous,
      Instant now,
      HeartbeatThresholds thresholds,
      String loopId,
      TraceId traceId,
      Transport transport) {
    String nowText = Timestamps.format(now);
    List<HealthReason> extra = new ArrayList<>(2);
    ImmutableHeartbeatObservation.Builder row = null;

    if (input instanceof HeartbeatPresent p && p.value() instanceof JsonObject obj) {
      JsonValue ts = selectTimestamp(obj);
      String text = ts == null ? "" : render(ts);
      if (text.isEmpty()) {
        row =
            failedRow(
                nowText, loopId, traceId, transport, obj, ReasonCode.MISSING_HEARTBEAT_TIMESTAMP);
        if (hardened()) {
          extra.add(
              reason(ReasonCode.MISSING_HEARTBEAT_TIMESTAMP, METRIC_AT, "missing", "present"));
        }
      } else {
        OptionalLong hbMillis =
            ts instanceof JsonString
                ? Timestamps.parseEpochMillis(text, TimestampSyntax.of(rules))
                : OptionalLong.empty();
        if (hbMillis.isEmpty()) {
          row =
              failedRow(
                      nowText,
                      loopId,
                      traceId,
                      transport,
                      obj,
                      ReasonCode.INVALID_HEARTBEAT_TIMESTAMP)
                  .heartbeatAt(text);
          if (hardened()) {
            extra.add(
                reason(ReasonCode.INVALID_HEARTBEAT_TIMESTAMP, METRIC_AT, text, syntaxName()));
          }
        } else {
          HeartbeatState state =
              project(
                  nowText,
                  nowMillis(now),
                  hbMillis.getAsLong(),
                  text,
                  obj,
                  thresholds,
                  loopId,
                  traceId,
                  transport);
          ImmutableHeartbeatObservation.Builder ok =
              HeartbeatObservation.builder()
                  .timestamp(nowText)
                  .loopId(loopId)
                  .traceId(traceId)
                  .transport(transport)
                  .status(HeartbeatObservationStatus.of(state.freshnessStatus()))
                  .reasonCode(state.reasonCode())
                  .heartbeatAt(text)
                  .heartbeatLagSeconds(state.heartbeatLagSeconds())
                  .heartbeat(obj)
                  .clockSkewSeconds(state.clockSkewSeconds());
          return new HeartbeatEvaluation(
              Optional.of(state),
              true,
              Optional.of(ok.build()),
              reasons(Optional.of(state), thresholds, extra));
        }
      }
    } else if (input instanceof HeartbeatPresent p) {
      row =
          failedRow(
              nowText, loopId, traceId, transport, p.value(), ReasonCode.INVALID_HEARTBEAT_PAYLOAD);
      if (hardened()) {
        extra.add(
            reason(
                ReasonCode.INVALID_HEARTBEAT_PAYLOAD, "heartbeat", typeName(p.value()), "object"));
      }
    } else if (input instanceof HeartbeatTooLarge t) {
      // a failed row without the heartbeat: nothing of it was read
      row =
          HeartbeatObservation.builder()
              .timestamp(nowText)
              .loopId(loopId)
              .traceId(traceId)
              .transport(transport)
              .status(HeartbeatObservationStatus.FAILED)
              .reasonCode(ReasonCode.HEARTBEAT_PAYLOAD_TOO_LARGE);
      if (hardened()) {
        extra.add(
            reason(
                ReasonCode.HEARTBEAT_PAYLOAD_TOO_LARGE,
                "heartbeatBytes",
                "more than " + t.limitBytes(),
                Long.toString(t.limitBytes())));
      }
    } else if (input instanceof HeartbeatUnparseable u) {
      row =
          failedRow(
              nowText,
              loopId,
              traceId,
              transport,
              JsonValue.of(u.text()),
              ReasonCode.INVALID_HEARTBEAT_PAYLOAD);
      if (hardened()) {
        extra.add(
            reason(ReasonCode.INVALID_HEARTBEAT_PAYLOAD, "heartbeat", "invalid_json", "object"));
      }
    }

    // No usable heartbeat this step: the previous state is kept (C5), or re-evaluated (H10).
    Optional<HeartbeatState> state = previous;
    boolean written = false;
    if (hardened() && previous.isPresent()) {
      HeartbeatState prev = previous.get();
      OptionalLong hbMillis =
          Timestamps.parseEpochMillis(prev.lastHeartbeatAt(), TimestampSyntax.of(rules));
      if (hbMillis.isPresent()) {
        state =
            Optional.of(
                project(
                    nowText,
                    nowMillis(now),
                    hbMillis.getAsLong(),
                    prev.lastHeartbeatAt(),
                    prev.heartbeat(),
                    thresholds,
                    loopId,
                    traceId,
                    transport));
        written = true;
      }
    }
    if (hardened() && rules.requireHeartbeat() && previous.isEmpty()) {
      extra.add(reason(ReasonCode.RUNTIME_HEARTBEAT_MISSING, METRIC_AT, "missing", "present"));
    }
    return new HeartbeatEvaluation(
        state,
        written,
        row == null ? Optional.empty() : Optional.of(row.build()),
        reasons(state, thresholds, extra));
  }

  private boolean hardened() {
    return rules.evaluateFreshnessAtEvaluationTime();
  }

  private String syntaxName() {
    return rules.rfc3339Timestamps() ? "RFC 3339" : "YYYY-MM-DDTHH:MM:SSZ";
  }

  /** {@code timestamp // updatedAt}; with H11 a blank timestamp string also falls through. */
  private @Nullable JsonValue selectTimestamp(JsonObject obj) {
    JsonValue ts = obj.members().get("timestamp");
    if (fallsThrough(ts)
        || (rules.blankTimestampFallsBack() && ts instanceof JsonString s && s.value().isBlank())) {
      JsonValue updated = obj.members().get("updatedAt");
      return fallsThrough(updated) ? null : updated;
    }
    return ts;
  }

  /** jq's {@code //}: absent, null and false fall through. */
  private static boolean fallsThrough(@Nullable JsonValue v) {
    return v == null || v.isNull() || v.equals(JsonValue.of(false));
  }

  /** The value as text: a string as itself, anything else as its compact JSON. */
  private static String render(JsonValue v) {
    return v instanceof JsonString s ? s.value() : v.toJson();
  }

  private static String typeName(JsonValue v) {
    if (v instanceof JsonArray) {
      return "array";
    }
    if (v instanceof JsonString) {
      return "string";
    }
    if (v instanceof JsonNumber) {
      return "number";
    }
    if (v.isBoolean()) {
      return "boolean";
    }
    return v.isNull() ? "null" : "object";
  }

  private HeartbeatState project(
      String nowText,
      long nowMillis,
      long hbMillis,
      String lastHeartbeatAt,
      JsonValue heartbeat,
      HeartbeatThresholds thresholds,
      String loopId,
      TraceId traceId,
      Transport transport) {
    long lag = lagSeconds(nowMillis, hbMillis);
    FreshnessStatus status = classify(lag, thresholds);
    ImmutableHeartbeatState.Builder b =
        HeartbeatState.builder()
            .updatedAt(nowText)
            .loopId(loopId)
            .traceId(traceId)
            .transport(transport)
            .lastHeartbeatAt(lastHeartbeatAt)
            .heartbeatLagSeconds(lag)
            .freshnessStatus(status)
            .thresholds(thresholds)
            .heartbeat(heartbeat);
    if (status != FreshnessStatus.FRESH) {
      b.reasonCode(ReasonCode.RUNTIME_HEARTBEAT_STALE);
    }
    long ahead = hbMillis - nowMillis;
    if (rules.detectClockSkew() && ahead > rules.clockSkewToleranceSeconds() * 1000L) {
      b.clockSkewSeconds(Math.max(1, -Math.floorDiv(-ahead, 1000L)));
    }
    return b.build();
  }

  private ImmutableHeartbeatObservation.Builder failedRow(
      String nowText,
      String loopId,
      TraceId traceId,
      Transport transport,
      JsonValue heartbeat,
      ReasonCode code) {
    return HeartbeatObservation.builder()
        .timestamp(nowText)
        .loopId(loopId)
        .traceId(traceId)
        .transport(transport)
        .status(HeartbeatObservationStatus.FAILED)
        .reasonCode(code)
        .heartbeat(heartbeat);
  }

  /**
   * Contract 2.5 on the state the loop holds (its stored lag, judged by {@link #classify} against
   * this step's thresholds), plus the hardened extras.
   */
  private List<HealthReason> reasons(
      Optional<HeartbeatState> state, HeartbeatThresholds thresholds, List<HealthReason> extra) {
    List<HealthReason> out = new ArrayList<>(extra.size() + 2);
    if (state.isPresent()) {
      long lag = state.get().heartbeatLagSeconds();
      switch (classify(lag, thresholds)) {
        case CRITICAL ->
            out.add(stale(Severity.CRITICAL, lag, thresholds.criticalHeartbeatLagSeconds()));
        case DEGRADED ->
            out.add(stale(Severity.DEGRADED, lag, thresholds.degradedHeartbeatLagSeconds()));
        case FRESH -> {}
      }
      if (state.get().clockSkewSeconds().isPresent() && rules.detectClockSkew()) {
        out.add(
            reason(
                ReasonCode.RUNTIME_HEARTBEAT_CLOCK_SKEW,
                "clockSkewSeconds",
                Long.toString(state.get().clockSkewSeconds().getAsLong()),
                Long.toString(rules.clockSkewToleranceSeconds())));
      }
    }
    out.addAll(extra);
    return out;
  }

  private static HealthReason stale(Severity severity, long lag, long threshold) {
    return HealthReason.builder()
        .code(ReasonCode.RUNTIME_HEARTBEAT_STALE)
        .severity(severity)
        .metric(METRIC_LAG)
        .observed(Long.toString(lag))
        .threshold(Long.toString(threshold))
        .build();
  }

  private static HealthReason reason(
      ReasonCode code, String metric, String observed, String threshold) {
    return HealthReason.builder()
        .code(code)
        .severity(Severity.DEGRADED)
        .metric(metric)
        .observed(observed)
        .threshold(threshold)
        .build();
  }
}
