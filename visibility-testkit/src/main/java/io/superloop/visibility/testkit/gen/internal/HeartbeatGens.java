package io.superloop.visibility.testkit.gen.internal;

import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.heartbeat.FreshnessStatus;
import io.superloop.visibility.api.heartbeat.HeartbeatObservation;
import io.superloop.visibility.api.heartbeat.HeartbeatObservationStatus;
import io.superloop.visibility.api.heartbeat.HeartbeatState;
import io.superloop.visibility.api.heartbeat.HeartbeatThresholds;
import io.superloop.visibility.api.heartbeat.internal.ImmutableHeartbeatObservation;
import io.superloop.visibility.api.heartbeat.internal.ImmutableHeartbeatState;
import io.superloop.visibility.api.heartbeat.internal.ImmutableHeartbeatThresholds;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.testkit.gen.Gen;
import java.util.Optional;
import java.util.OptionalLong;

/** Generators of the records of {@code api.heartbeat}, valid by construction. */
public final class HeartbeatGens {
  private HeartbeatGens() {}

  /**
   * Freshness statuses.
   *
   * @return the generator
   */
  public static Gen<FreshnessStatus> freshnessStatuses() {
    return Gen.elements(FreshnessStatus.values());
  }

  /**
   * Heartbeat row statuses.
   *
   * @return the generator
   */
  public static Gen<HeartbeatObservationStatus> observationStatuses() {
    return Gen.elements(HeartbeatObservationStatus.values());
  }

  /**
   * Heartbeat thresholds: both {@code >= 0} (0 and {@link Long#MAX_VALUE} included), critical
   * {@code >=} degraded (equal ones included), with unknown fields.
   *
   * @return the generator
   */
  public static Gen<HeartbeatThresholds> thresholds() {
    Gen<long[]> pair =
        Gen.zip(
            ValueGens.nonNegativeLongs(),
            ValueGens.nonNegativeLongs(),
            (a, b) -> new long[] {Math.min(a, b), Math.max(a, b)});
    return BuilderGen.of(
            HeartbeatThresholds.class,
            ImmutableHeartbeatThresholds::builder,
            ImmutableHeartbeatThresholds.Builder::build)
        .with(pair, (b, p) -> b.degradedHeartbeatLagSeconds(p[0]).criticalHeartbeatLagSeconds(p[1]))
        .with(ValueGens.unknownFields(), ImmutableHeartbeatThresholds.Builder::putAllUnknownFields)
        .gen();
  }

  /**
   * {@code heartbeat.json} states: any freshness with its reason code ({@code
   * runtime_heartbeat_stale} unless fresh), a raw heartbeat (never {@code null}: the field is
   * required), optional positive clock skew, unknown fields.
   *
   * @return the generator
   */
  public static Gen<HeartbeatState> states() {
    Gen<FreshnessStatus> freshness = freshnessStatuses();
    return BuilderGen.of(
            HeartbeatState.class,
            ImmutableHeartbeatState::builder,
            ImmutableHeartbeatState.Builder::build)
        .with(ValueGens.timestamps(), ImmutableHeartbeatState.Builder::updatedAt)
        .with(ValueGens.loopIds(), ImmutableHeartbeatState.Builder::loopId)
        .with(ValueGens.optionalTraceIds(), ImmutableHeartbeatState.Builder::traceId)
        .with(ValueGens.transports(), ImmutableHeartbeatState.Builder::transport)
        .with(ValueGens.timestamps(), ImmutableHeartbeatState.Builder::lastHeartbeatAt)
        .with(ValueGens.nonNegativeLongs(), ImmutableHeartbeatState.Builder::heartbeatLagSeconds)
        .with(
            freshness,
            (b, f) ->
                b.freshnessStatus(f)
                    .reasonCode(
                        f == FreshnessStatus.FRESH
                            ? Optional.empty()
                            : Optional.of(ReasonCode.RUNTIME_HEARTBEAT_STALE)))
        .with(thresholds(), ImmutableHeartbeatState.Builder::thresholds)
        .with(ValueGens.nonNullJsonValues(), ImmutableHeartbeatState.Builder::heartbeat)
        .with(
            ValueGens.optionalLongs(ValueGens.positiveLongs()),
            ImmutableHeartbeatState.Builder::clockSkewSeconds)
        .with(ValueGens.unknownFields(), ImmutableHeartbeatState.Builder::putAllUnknownFields)
        .gen();
  }

  /**
   * {@code telemetry/heartbeat.jsonl} rows of every variant: parsed (fresh, degraded, critical) and
   * failed with {@code missing_heartbeat_timestamp}, {@code invalid_heartbeat_timestamp}, {@code
   * invalid_heartbeat_payload}, {@code heartbeat_payload_too_large} or an unknown reason code, each
   * with exactly the fields its variant allows. A present raw heartbeat is never {@code null} (an
   * empty one is what is written {@code null}).
   *
   * @return the generator
   */
  public static Gen<HeartbeatObservation> observations() {
    Gen<Optional<JsonValue>> someHeartbeat = ValueGens.nonNullJsonValues().map(Optional::of);
    Gen<Optional<JsonValue>> anyHeartbeat = Gen.optionals(ValueGens.nonNullJsonValues());
    Gen<Optional<String>> someAt = ValueGens.timestamps().map(Optional::of);
    Gen<Optional<String>> noAt = Gen.constant(Optional.<String>empty());
    Gen<Variant> parsed =
        Zip.zip(
            Gen.elements(
                HeartbeatObservationStatus.FRESH,
                HeartbeatObservationStatus.DEGRADED,
                HeartbeatObservationStatus.CRITICAL),
            Gen.zip(someAt, someHeartbeat, AtAndHeartbeat::new),
            ValueGens.nonNegativeLongs(),
            ValueGens.optionalLongs(ValueGens.positiveLongs()),
            (s, ah, lag, skew) ->
                new Variant(
                    s,
                    s == HeartbeatObservationStatus.FRESH
                        ? Optional.empty()
                        : Optional.of(ReasonCode.RUNTIME_HEARTBEAT_STALE),
                    ah.at(),
                    OptionalLong.of(lag),
                    ah.heartbeat(),
                    skew));
    Gen<Variant> missing =
        someHeartbeat.map(
            hb -> failed(ReasonCode.MISSING_HEARTBEAT_TIMESTAMP, Optional.empty(), hb));
    Gen<Variant> invalid =
        Gen.zip(
            someAt,
            someHeartbeat,
            (at, hb) -> failed(ReasonCode.INVALID_HEARTBEAT_TIMESTAMP, at, hb));
    Gen<Variant> payload =
        Gen.zip(
            noAt, anyHeartbeat, (at, hb) -> failed(ReasonCode.INVALID_HEARTBEAT_PAYLOAD, at, hb));
    Gen<Variant> tooLarge =
        Gen.constant(
            failed(ReasonCode.HEARTBEAT_PAYLOAD_TOO_LARGE, Optional.empty(), Optional.empty()));
    Gen<Variant> unknown =
        Zip.zip(
            ValueGens.reasonCodes()
                .map(c -> c.isKnown() ? ReasonCode.of(c.wire() + "~unknown") : c),
            Gen.optionals(ValueGens.timestamps()),
            anyHeartbeat,
            (c, at, hb) -> failed(c, at, hb));
    Gen<Variant> variants =
        Gen.frequency(
            Gen.weighted(4, parsed),
            Gen.weighted(1, missing),
            Gen.weighted(1, invalid),
            Gen.weighted(1, payload),
            Gen.weighted(1, tooLarge),
            Gen.weighted(1, unknown));
    return BuilderGen.of(
            HeartbeatObservation.class,
            ImmutableHeartbeatObservation::builder,
            ImmutableHeartbeatObservation.Builder::build)
        .with(ValueGens.timestamps(), ImmutableHeartbeatObservation.Builder::timestamp)
        .with(ValueGens.loopIds(), ImmutableHeartbeatObservation.Builder::loopId)
        .with(ValueGens.optionalTraceIds(), ImmutableHeartbeatObservation.Builder::traceId)
        .with(ValueGens.transports(), ImmutableHeartbeatObservation.Builder::transport)
        .with(
            variants,
            (b, v) ->
                b.status(v.status)
                    .reasonCode(v.reasonCode)
                    .heartbeatAt(v.heartbeatAt)
                    .heartbeatLagSeconds(v.lag)
                    .heartbeat(v.heartbeat)
                    .clockSkewSeconds(v.skew))
        .with(ValueGens.unknownFields(), ImmutableHeartbeatObservation.Builder::putAllUnknownFields)
        .gen();
  }

  private static Variant failed(
      ReasonCode code, Optional<String> at, Optional<JsonValue> heartbeat) {
    return new Variant(
        HeartbeatObservationStatus.FAILED,
        Optional.of(code),
        at,
        OptionalLong.empty(),
        heartbeat,
        OptionalLong.empty());
  }

  /** A heartbeat timestamp and raw heartbeat drawn together. */
  private record AtAndHeartbeat(Optional<String> at, Optional<JsonValue> heartbeat) {}

  /** The fields a row variant decides together. */
  private static final class Variant {
    final HeartbeatObservationStatus status;
    final Optional<ReasonCode> reasonCode;
    final Optional<String> heartbeatAt;
    final OptionalLong lag;
    final Optional<JsonValue> heartbeat;
    final OptionalLong skew;

    Variant(
        HeartbeatObservationStatus status,
        Optional<ReasonCode> reasonCode,
        Optional<String> heartbeatAt,
        OptionalLong lag,
        Optional<JsonValue> heartbeat,
        OptionalLong skew) {
      this.status = status;
      this.reasonCode = reasonCode;
      this.heartbeatAt = heartbeatAt;
      this.lag = lag;
      this.heartbeat = heartbeat;
      this.skew = skew;
    }
  }
}
