package io.superloop.visibility.api.heartbeat;

import io.superloop.visibility.api.internal.ObjectCodec;
import io.superloop.visibility.api.internal.ObjectCodec.Absence;
import io.superloop.visibility.api.internal.Values;
import io.superloop.visibility.api.json.JsonCodec;

/** Codecs of the heartbeat records, in the reference's key order and null rules. */
public final class HeartbeatCodecs {
  private HeartbeatCodecs() {}

  /** {@code thresholds} of heartbeat state: {@code {degradedHeartbeatLagSeconds, criticalHeartbeatLagSeconds}}. */
  public static final JsonCodec<HeartbeatThresholds> THRESHOLDS =
      ObjectCodec.<HeartbeatThresholds, ImmutableHeartbeatThresholds.Builder>builder(
              "heartbeat thresholds", ImmutableHeartbeatThresholds::builder, ImmutableHeartbeatThresholds.Builder::build)
          .requiredLong("degradedHeartbeatLagSeconds", HeartbeatThresholds::degradedHeartbeatLagSeconds, ImmutableHeartbeatThresholds.Builder::degradedHeartbeatLagSeconds)
          .requiredLong("criticalHeartbeatLagSeconds", HeartbeatThresholds::criticalHeartbeatLagSeconds, ImmutableHeartbeatThresholds.Builder::criticalHeartbeatLagSeconds)
          .unknownFields(HeartbeatThresholds::unknownFields, ImmutableHeartbeatThresholds.Builder::putAllUnknownFields)
          .build();

  /** {@code OPS/heartbeat.json} (contract 1.3; additive {@code clockSkewSeconds}, H9). */
  public static final JsonCodec<HeartbeatState> STATE =
      ObjectCodec.<HeartbeatState, ImmutableHeartbeatState.Builder>builder(
              "heartbeat state", ImmutableHeartbeatState::builder, ImmutableHeartbeatState.Builder::build)
          .schemaVersion("v1")
          .required("updatedAt", Values.STRING, HeartbeatState::updatedAt, ImmutableHeartbeatState.Builder::updatedAt)
          .required("loopId", Values.STRING, HeartbeatState::loopId, ImmutableHeartbeatState.Builder::loopId)
          .optional("traceId", Values.TRACE_ID, HeartbeatState::traceId, ImmutableHeartbeatState.Builder::traceId, Absence.OMIT)
          .required("transport", Values.TRANSPORT, HeartbeatState::transport, ImmutableHeartbeatState.Builder::transport)
          .required("lastHeartbeatAt", Values.STRING, HeartbeatState::lastHeartbeatAt, ImmutableHeartbeatState.Builder::lastHeartbeatAt)
          .requiredLong("heartbeatLagSeconds", HeartbeatState::heartbeatLagSeconds, ImmutableHeartbeatState.Builder::heartbeatLagSeconds)
          .required("freshnessStatus", Values.wireEnum(FreshnessStatus.class), HeartbeatState::freshnessStatus, ImmutableHeartbeatState.Builder::freshnessStatus)
          .optional("reasonCode", Values.REASON_CODE, HeartbeatState::reasonCode, ImmutableHeartbeatState.Builder::reasonCode, Absence.OMIT)
          .required("thresholds", THRESHOLDS, HeartbeatState::thresholds, ImmutableHeartbeatState.Builder::thresholds)
          .required("heartbeat", Values.RAW, HeartbeatState::heartbeat, ImmutableHeartbeatState.Builder::heartbeat)
          .optionalLong("clockSkewSeconds", HeartbeatState::clockSkewSeconds, ImmutableHeartbeatState.Builder::clockSkewSeconds, Absence.OMIT)
          .unknownFields(HeartbeatState::unknownFields, ImmutableHeartbeatState.Builder::putAllUnknownFields)
          .build();
}
