package io.superloop.visibility.api.heartbeat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.heartbeat.internal.ImmutableHeartbeatObservation;
import io.superloop.visibility.api.json.Json;
import org.junit.jupiter.api.Test;

/** Expected rows are written from contract 1.4 (variants a, b, c), hardening H9 and H18. */
class HeartbeatObservationCodecTest {

  private static final String HB =
      "{\"schemaVersion\":\"v1\",\"timestamp\":\"2026-03-01T11:58:00Z\",\"source\":\"runtime\",\"status\":\"running\",\"stage\":\"iteration\"}";

  private static final String PREFIX_NO_TRACE =
      "{\"timestamp\":\"2026-03-01T12:00:00Z\",\"loopId\":\"demo-loop\",\"transport\":\"local\",\"category\":\"runtime_heartbeat\",";

  private static final String PREFIX_TRACE =
      "{\"timestamp\":\"2026-03-01T12:00:00Z\",\"loopId\":\"demo-loop\",\"traceId\":\"trace-1\",\"transport\":\"local\",\"category\":\"runtime_heartbeat\",";

  private static final String PREFIX_NULL_TRACE =
      "{\"timestamp\":\"2026-03-01T12:00:00Z\",\"loopId\":\"demo-loop\",\"traceId\":null,\"transport\":\"local\",\"category\":\"runtime_heartbeat\",";

  private static void assertRoundTrip(String json, HeartbeatObservation built) {
    HeartbeatObservation decoded = Codecs.HEARTBEAT_OBSERVATION.decode(json);
    assertEquals(json, Codecs.HEARTBEAT_OBSERVATION.encode(decoded));
    assertEquals(built, decoded);
    assertEquals(json, Codecs.HEARTBEAT_OBSERVATION.encode(built));
  }

  private static ImmutableHeartbeatObservation.Builder row() {
    return HeartbeatObservation.builder()
        .timestamp("2026-03-01T12:00:00Z")
        .loopId("demo-loop")
        .transport(Transport.LOCAL);
  }

  @Test
  void variantADegradedWithTrace() {
    String json =
        PREFIX_TRACE
            + "\"status\":\"degraded\",\"reasonCode\":\"runtime_heartbeat_stale\",\"heartbeatAt\":\"2026-03-01T11:58:00Z\","
            + "\"heartbeatLagSeconds\":120,\"heartbeat\":"
            + HB
            + "}";
    assertRoundTrip(
        json,
        row()
            .traceId(TraceId.of("trace-1"))
            .status(HeartbeatObservationStatus.DEGRADED)
            .reasonCode(ReasonCode.RUNTIME_HEARTBEAT_STALE)
            .heartbeatAt("2026-03-01T11:58:00Z")
            .heartbeatLagSeconds(120)
            .heartbeat(Json.DEFAULT.parseValue(HB))
            .build());
  }

  @Test
  void variantAFreshIsNullFilteredAndDropsAnEmptyTraceIdAndReasonCode() {
    String json =
        PREFIX_NO_TRACE
            + "\"status\":\"fresh\",\"heartbeatAt\":\"2026-03-01T11:58:00Z\",\"heartbeatLagSeconds\":0,\"heartbeat\":"
            + HB
            + "}";
    assertRoundTrip(
        json,
        row()
            .status(HeartbeatObservationStatus.FRESH)
            .heartbeatAt("2026-03-01T11:58:00Z")
            .heartbeatLagSeconds(0)
            .heartbeat(Json.DEFAULT.parseValue(HB))
            .build());
  }

  @Test
  void variantAWithClockSkewWritesItLast() {
    String json =
        PREFIX_TRACE
            + "\"status\":\"fresh\",\"heartbeatAt\":\"2026-03-01T12:05:00Z\",\"heartbeatLagSeconds\":0,\"heartbeat\":{},\"clockSkewSeconds\":300}";
    assertRoundTrip(
        json,
        row()
            .traceId(TraceId.of("trace-1"))
            .status(HeartbeatObservationStatus.FRESH)
            .heartbeatAt("2026-03-01T12:05:00Z")
            .heartbeatLagSeconds(0)
            .heartbeat(Json.DEFAULT.parseValue("{}"))
            .clockSkewSeconds(300)
            .build());
  }

  @Test
  void variantBKeepsANullTraceIdAndHasNoHeartbeatAtKey() {
    String json =
        PREFIX_NULL_TRACE
            + "\"status\":\"failed\",\"reasonCode\":\"missing_heartbeat_timestamp\",\"heartbeat\":{\"source\":\"runtime\"}}";
    HeartbeatObservation built =
        row()
            .status(HeartbeatObservationStatus.FAILED)
            .reasonCode(ReasonCode.MISSING_HEARTBEAT_TIMESTAMP)
            .heartbeat(Json.DEFAULT.parseValue("{\"source\":\"runtime\"}"))
            .build();
    assertRoundTrip(json, built);
    assertFalse(Codecs.HEARTBEAT_OBSERVATION.encode(built).contains("heartbeatAt"));
  }

  @Test
  void variantCKeepsTheRawTimestampAsText() {
    String json =
        PREFIX_TRACE
            + "\"status\":\"failed\",\"reasonCode\":\"invalid_heartbeat_timestamp\",\"heartbeatAt\":\"1700000000\",\"heartbeat\":{\"timestamp\":1700000000}}";
    assertRoundTrip(
        json,
        row()
            .traceId(TraceId.of("trace-1"))
            .status(HeartbeatObservationStatus.FAILED)
            .reasonCode(ReasonCode.INVALID_HEARTBEAT_TIMESTAMP)
            .heartbeatAt("1700000000")
            .heartbeat(Json.DEFAULT.parseValue("{\"timestamp\":1700000000}"))
            .build());
  }

  @Test
  void variantCWithoutTraceWritesNull() {
    String json =
        PREFIX_NULL_TRACE
            + "\"status\":\"failed\",\"reasonCode\":\"invalid_heartbeat_timestamp\",\"heartbeatAt\":\"2026-03-01T12:00:00.123Z\",\"heartbeat\":{}}";
    HeartbeatObservation r = Codecs.HEARTBEAT_OBSERVATION.decode(json);
    assertTrue(r.traceId().isEmpty());
    assertEquals(json, Codecs.HEARTBEAT_OBSERVATION.encode(r));
  }

  @Test
  void invalidPayloadKeepsANonObjectHeartbeatRaw() {
    String json =
        PREFIX_TRACE
            + "\"status\":\"failed\",\"reasonCode\":\"invalid_heartbeat_payload\",\"heartbeat\":[1,\"x\"]}";
    assertRoundTrip(
        json,
        row()
            .traceId(TraceId.of("trace-1"))
            .status(HeartbeatObservationStatus.FAILED)
            .reasonCode(ReasonCode.INVALID_HEARTBEAT_PAYLOAD)
            .heartbeat(Json.DEFAULT.parseValue("[1,\"x\"]"))
            .build());
  }

  @Test
  void invalidPayloadThatIsNotJsonWritesANullHeartbeat() {
    String json =
        PREFIX_TRACE
            + "\"status\":\"failed\",\"reasonCode\":\"invalid_heartbeat_payload\",\"heartbeat\":null}";
    assertRoundTrip(
        json,
        row()
            .traceId(TraceId.of("trace-1"))
            .status(HeartbeatObservationStatus.FAILED)
            .reasonCode(ReasonCode.INVALID_HEARTBEAT_PAYLOAD)
            .build());
  }

  @Test
  void unknownFieldsAndUnknownFailureCodesSurvive() {
    String json =
        PREFIX_NULL_TRACE
            + "\"status\":\"failed\",\"reasonCode\":\"some_newer_code\",\"heartbeat\":{},\"zz\":[true]}";
    HeartbeatObservation r = Codecs.HEARTBEAT_OBSERVATION.decode(json);
    assertFalse(r.reasonCode().orElseThrow().isKnown());
    assertEquals(json, Codecs.HEARTBEAT_OBSERVATION.encode(r));
  }

  @Test
  void statusOfFreshness() {
    assertEquals(
        HeartbeatObservationStatus.FRESH, HeartbeatObservationStatus.of(FreshnessStatus.FRESH));
    assertEquals(
        HeartbeatObservationStatus.DEGRADED,
        HeartbeatObservationStatus.of(FreshnessStatus.DEGRADED));
    assertEquals(
        HeartbeatObservationStatus.CRITICAL,
        HeartbeatObservationStatus.of(FreshnessStatus.CRITICAL));
  }

  // --- checks ---------------------------------------------------------------------------------

  private static void assertRejected(ErrorCode code, String json) {
    VisibilityException e =
        assertThrows(VisibilityException.class, () -> Codecs.HEARTBEAT_OBSERVATION.decode(json));
    assertEquals(code, e.code(), e.getMessage());
  }

  @Test
  void parsedRowNeedsHeartbeatAtLagAndHeartbeat() {
    assertRejected(
        ErrorCode.MISSING_FIELD,
        PREFIX_TRACE + "\"status\":\"fresh\",\"heartbeatLagSeconds\":0,\"heartbeat\":{}}");
    assertRejected(
        ErrorCode.MISSING_FIELD,
        PREFIX_TRACE + "\"status\":\"fresh\",\"heartbeatAt\":\"x\",\"heartbeat\":{}}");
    assertRejected(
        ErrorCode.MISSING_FIELD,
        PREFIX_TRACE + "\"status\":\"fresh\",\"heartbeatAt\":\"x\",\"heartbeatLagSeconds\":0}");
  }

  @Test
  void parsedRowReasonCodeMustMatchItsStatus() {
    assertRejected(
        ErrorCode.INVALID_FIELD_VALUE,
        PREFIX_TRACE
            + "\"status\":\"fresh\",\"reasonCode\":\"runtime_heartbeat_stale\",\"heartbeatAt\":\"x\",\"heartbeatLagSeconds\":0,\"heartbeat\":{}}");
    assertRejected(
        ErrorCode.INVALID_FIELD_VALUE,
        PREFIX_TRACE
            + "\"status\":\"critical\",\"heartbeatAt\":\"x\",\"heartbeatLagSeconds\":900,\"heartbeat\":{}}");
  }

  @Test
  void negativeLagAndNonPositiveSkewAreRejected() {
    assertRejected(
        ErrorCode.INVALID_FIELD_VALUE,
        PREFIX_TRACE
            + "\"status\":\"fresh\",\"heartbeatAt\":\"x\",\"heartbeatLagSeconds\":-1,\"heartbeat\":{}}");
    assertRejected(
        ErrorCode.INVALID_FIELD_VALUE,
        PREFIX_TRACE
            + "\"status\":\"fresh\",\"heartbeatAt\":\"x\",\"heartbeatLagSeconds\":0,\"heartbeat\":{},\"clockSkewSeconds\":0}");
  }

  @Test
  void failedRowsFollowTheirVariant() {
    assertRejected(
        ErrorCode.MISSING_FIELD, PREFIX_TRACE + "\"status\":\"failed\",\"heartbeat\":{}}");
    assertRejected(
        ErrorCode.INVALID_FIELD_VALUE,
        PREFIX_TRACE
            + "\"status\":\"failed\",\"reasonCode\":\"missing_heartbeat_timestamp\",\"heartbeatAt\":\"\",\"heartbeat\":{}}");
    assertRejected(
        ErrorCode.MISSING_FIELD,
        PREFIX_TRACE
            + "\"status\":\"failed\",\"reasonCode\":\"invalid_heartbeat_timestamp\",\"heartbeat\":{}}");
    assertRejected(
        ErrorCode.INVALID_FIELD_VALUE,
        PREFIX_TRACE
            + "\"status\":\"failed\",\"reasonCode\":\"invalid_heartbeat_timestamp\",\"heartbeatAt\":\"x\",\"heartbeatLagSeconds\":3,\"heartbeat\":{}}");
    assertRejected(
        ErrorCode.INVALID_FIELD_VALUE,
        PREFIX_TRACE
            + "\"status\":\"failed\",\"reasonCode\":\"runtime_heartbeat_stale\",\"heartbeat\":{}}");
    assertRejected(
        ErrorCode.MISSING_FIELD,
        PREFIX_TRACE
            + "\"status\":\"failed\",\"reasonCode\":\"missing_heartbeat_timestamp\",\"heartbeat\":null}");
  }

  @Test
  void wrongCategoryAndInvalidLoopIdAreRejected() {
    assertRejected(
        ErrorCode.INVALID_FIELD_VALUE,
        PREFIX_TRACE.replace("runtime_heartbeat", "envelope_sequence")
            + "\"status\":\"failed\",\"reasonCode\":\"missing_heartbeat_timestamp\",\"heartbeat\":{}}");
    assertRejected(
        ErrorCode.INVALID_LOOP_ID,
        PREFIX_TRACE.replace("demo-loop", "a/b")
            + "\"status\":\"failed\",\"reasonCode\":\"missing_heartbeat_timestamp\",\"heartbeat\":{}}");
  }
}
