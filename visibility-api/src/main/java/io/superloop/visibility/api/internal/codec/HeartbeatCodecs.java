package io.superloop.visibility.api.internal.codec;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.heartbeat.FreshnessStatus;
import io.superloop.visibility.api.heartbeat.HeartbeatObservation;
import io.superloop.visibility.api.heartbeat.HeartbeatObservationStatus;
import io.superloop.visibility.api.heartbeat.HeartbeatState;
import io.superloop.visibility.api.heartbeat.HeartbeatThresholds;
import io.superloop.visibility.api.heartbeat.internal.ImmutableHeartbeatObservation;
import io.superloop.visibility.api.heartbeat.internal.ImmutableHeartbeatState;
import io.superloop.visibility.api.heartbeat.internal.ImmutableHeartbeatThresholds;
import io.superloop.visibility.api.internal.ObjectCodec;
import io.superloop.visibility.api.internal.ObjectCodec.Absence;
import io.superloop.visibility.api.internal.ObjectCodec.SchemaVersion;
import io.superloop.visibility.api.internal.Values;
import io.superloop.visibility.api.json.JsonCodec;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;

/** Codecs of the heartbeat records, in the reference's key order and null rules. */
public final class HeartbeatCodecs {
  private HeartbeatCodecs() {}

  /**
   * {@code thresholds} of heartbeat state: {@code {degradedHeartbeatLagSeconds,
   * criticalHeartbeatLagSeconds}}.
   */
  public static final JsonCodec<HeartbeatThresholds> THRESHOLDS =
      ObjectCodec.<HeartbeatThresholds, ImmutableHeartbeatThresholds.Builder>builder(
              "heartbeat thresholds",
              ImmutableHeartbeatThresholds::builder,
              ImmutableHeartbeatThresholds.Builder::build)
          .schemaVersion(SchemaVersion.NONE)
          .requiredLong(
              "degradedHeartbeatLagSeconds",
              HeartbeatThresholds::degradedHeartbeatLagSeconds,
              ImmutableHeartbeatThresholds.Builder::degradedHeartbeatLagSeconds)
          .requiredLong(
              "criticalHeartbeatLagSeconds",
              HeartbeatThresholds::criticalHeartbeatLagSeconds,
              ImmutableHeartbeatThresholds.Builder::criticalHeartbeatLagSeconds)
          .unknownFields(
              HeartbeatThresholds::unknownFields,
              ImmutableHeartbeatThresholds.Builder::putAllUnknownFields)
          .build();

  /** {@code OPS/heartbeat.json} (contract 1.3; additive {@code clockSkewSeconds}, H9). */
  public static final JsonCodec<HeartbeatState> STATE =
      ObjectCodec.<HeartbeatState, ImmutableHeartbeatState.Builder>builder(
              "heartbeat state",
              ImmutableHeartbeatState::builder,
              ImmutableHeartbeatState.Builder::build)
          .schemaVersion(SchemaVersion.V1)
          .required(
              "updatedAt",
              Values.STRING,
              HeartbeatState::updatedAt,
              ImmutableHeartbeatState.Builder::updatedAt)
          .required(
              "loopId",
              Values.STRING,
              HeartbeatState::loopId,
              ImmutableHeartbeatState.Builder::loopId)
          .optional(
              "traceId",
              Values.TRACE_ID,
              HeartbeatState::traceId,
              ImmutableHeartbeatState.Builder::traceId,
              Absence.OMIT)
          .required(
              "transport",
              Values.TRANSPORT,
              HeartbeatState::transport,
              ImmutableHeartbeatState.Builder::transport)
          .required(
              "lastHeartbeatAt",
              Values.STRING,
              HeartbeatState::lastHeartbeatAt,
              ImmutableHeartbeatState.Builder::lastHeartbeatAt)
          .requiredLong(
              "heartbeatLagSeconds",
              HeartbeatState::heartbeatLagSeconds,
              ImmutableHeartbeatState.Builder::heartbeatLagSeconds)
          .required(
              "freshnessStatus",
              Values.wireEnum(FreshnessStatus.class, FreshnessStatus::wire),
              HeartbeatState::freshnessStatus,
              ImmutableHeartbeatState.Builder::freshnessStatus)
          .optional(
              "reasonCode",
              Values.REASON_CODE,
              HeartbeatState::reasonCode,
              ImmutableHeartbeatState.Builder::reasonCode,
              Absence.OMIT)
          .required(
              "thresholds",
              THRESHOLDS,
              HeartbeatState::thresholds,
              ImmutableHeartbeatState.Builder::thresholds)
          .required(
              "heartbeat",
              Values.RAW,
              HeartbeatState::heartbeat,
              ImmutableHeartbeatState.Builder::heartbeat)
          .optionalLong(
              "clockSkewSeconds",
              HeartbeatState::clockSkewSeconds,
              ImmutableHeartbeatState.Builder::clockSkewSeconds,
              Absence.OMIT)
          .unknownFields(
              HeartbeatState::unknownFields, ImmutableHeartbeatState.Builder::putAllUnknownFields)
          .build();

  /** {@code fresh} / {@code degraded} / {@code critical} / {@code failed}. */
  public static final JsonCodec<HeartbeatObservationStatus> OBSERVATION_STATUS =
      Values.wireEnum(HeartbeatObservationStatus.class, HeartbeatObservationStatus::wire);

  /**
   * One {@code telemetry/heartbeat.jsonl} row (contract 1.4; additive {@code clockSkewSeconds},
   * H9): null-filtered when parsed, nulls kept when {@code failed}; {@code heartbeatAt} and {@code
   * heartbeatLagSeconds} are keys only when present.
   */
  public static final JsonCodec<HeartbeatObservation> OBSERVATION =
      ObjectCodec.<HeartbeatObservation, ImmutableHeartbeatObservation.Builder>builder(
              "heartbeat observation",
              ImmutableHeartbeatObservation::builder,
              ImmutableHeartbeatObservation.Builder::build)
          .schemaVersion(SchemaVersion.NONE)
          .nullFiltered(HeartbeatObservation::isNullFiltered)
          .required(
              "timestamp",
              Values.STRING,
              HeartbeatObservation::timestamp,
              ImmutableHeartbeatObservation.Builder::timestamp)
          .required(
              "loopId",
              Values.STRING,
              HeartbeatObservation::loopId,
              ImmutableHeartbeatObservation.Builder::loopId)
          .optional(
              "traceId",
              Values.TRACE_ID,
              HeartbeatObservation::traceId,
              ImmutableHeartbeatObservation.Builder::traceId,
              Absence.LEVEL)
          .required(
              "transport",
              Values.TRANSPORT,
              HeartbeatObservation::transport,
              ImmutableHeartbeatObservation.Builder::transport)
          .required("category", category(), HeartbeatObservation::category, (b, v) -> {})
          .required(
              "status",
              OBSERVATION_STATUS,
              HeartbeatObservation::status,
              ImmutableHeartbeatObservation.Builder::status)
          .optional(
              "reasonCode",
              Values.REASON_CODE,
              HeartbeatObservation::reasonCode,
              ImmutableHeartbeatObservation.Builder::reasonCode,
              Absence.LEVEL)
          .optional(
              "heartbeatAt",
              Values.STRING,
              HeartbeatObservation::heartbeatAt,
              ImmutableHeartbeatObservation.Builder::heartbeatAt,
              Absence.OMIT)
          .optionalLong(
              "heartbeatLagSeconds",
              HeartbeatObservation::heartbeatLagSeconds,
              ImmutableHeartbeatObservation.Builder::heartbeatLagSeconds,
              Absence.OMIT)
          .optional(
              "heartbeat",
              Values.RAW,
              HeartbeatObservation::heartbeat,
              ImmutableHeartbeatObservation.Builder::heartbeat,
              Absence.LEVEL)
          .optionalLong(
              "clockSkewSeconds",
              HeartbeatObservation::clockSkewSeconds,
              ImmutableHeartbeatObservation.Builder::clockSkewSeconds,
              Absence.OMIT)
          .unknownFields(
              HeartbeatObservation::unknownFields,
              ImmutableHeartbeatObservation.Builder::putAllUnknownFields)
          .build();

  /**
   * {@code category}: must be {@value HeartbeatObservation#CATEGORY} ({@code invalid_field_value}
   * otherwise).
   */
  private static JsonCodec<String> category() {
    return new JsonCodec<>() {
      @Override
      public String read(JsonParser p) {
        String s = Values.STRING.read(p);
        if (!s.equals(HeartbeatObservation.CATEGORY)) {
          throw VisibilityException.at(
              ErrorCode.INVALID_FIELD_VALUE,
              Values.path(p),
              "expected \"" + HeartbeatObservation.CATEGORY + "\", found \"" + s + "\"");
        }
        return s;
      }

      @Override
      public void write(String value, JsonGenerator g) {
        g.writeString(value);
      }
    };
  }
}
