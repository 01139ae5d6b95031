package io.superloop.visibility.api.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.envelope.internal.ImmutableEventEnvelope;
import io.superloop.visibility.api.internal.json.JsonObject;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonValue;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The envelope rules of contract 1.1 and 3.1, with inputs written from the spec text. */
class EnvelopeRulesTest {

  private static final String EVENT_HEAD =
      "{\"schemaVersion\":\"v1\",\"envelopeType\":\"loop_run_event\",\"emittedAt\":\"2026-03-01T12:00:00Z\","
          + "\"source\":{\"repoPath\":\"/srv/demo-repo\",\"loopId\":\"demo-loop\"},"
          + "\"cursor\":{\"eventLineOffset\":5,\"eventLineCount\":5}";

  private static String event(String sequenceMember) {
    return EVENT_HEAD + sequenceMember + "}";
  }

  private static EventEnvelope roundTrip(String in) {
    EventEnvelope e = Codecs.EVENT_ENVELOPE.decode(in);
    assertEquals(in, Codecs.EVENT_ENVELOPE.encode(e));
    return e;
  }

  @Test
  void absentSequenceStaysAbsent() {
    EventEnvelope e = roundTrip(event(""));
    assertTrue(e.sequence().isEmpty());
    assertTrue(e.sequenceValue().isEmpty());
  }

  @Test
  void nullSequenceIsKeptAsNull() {
    EventEnvelope e = roundTrip(event(",\"sequence\":null"));
    assertEquals(Optional.of(JsonValue.nullValue()), e.sequence());
    assertTrue(e.sequenceValue().isEmpty());
  }

  @Test
  void sequenceWithoutValueIsKept() {
    EventEnvelope e = roundTrip(event(",\"sequence\":{\"source\":\"cursor_event_line_offset\"}"));
    assertInstanceOf(JsonObject.class, e.sequence().orElseThrow());
    assertTrue(e.sequenceValue().isEmpty());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "-4",
        "true",
        "\"seq-8\"",
        "\"1\"",
        "\"08\"",
        "3.0",
        "1e2",
        "0.0",
        "-0",
        "8.5",
        "null",
        "9223372036854775808",
        "{\"n\":1}",
        "[1]",
        "1E+2"
      })
  void anySequenceValueIsKeptExactlyAsWritten(String literal) {
    EventEnvelope e =
        roundTrip(
            event(
                ",\"sequence\":{\"source\":\"cursor_event_line_offset\",\"value\":"
                    + literal
                    + "}"));
    assertEquals(literal, e.sequenceValue().orElseThrow().toJson());
  }

  @Test
  void sequenceThatIsNotAnObjectIsKept() {
    EventEnvelope e = roundTrip(event(",\"sequence\":7"));
    assertEquals(Optional.of(JsonValue.of(7)), e.sequence());
    assertTrue(e.sequenceValue().isEmpty());
  }

  @Test
  void traceIdAbsentNullAndPresentAreEachKept() {
    assertTrue(roundTrip(event("")).traceId().isEmpty());
    String withNull = EVENT_HEAD.replace(",\"source\"", ",\"traceId\":null,\"source\"") + "}";
    assertTrue(roundTrip(withNull).traceId().isEmpty());
    String with =
        EVENT_HEAD.replace(
                ",\"source\"", ",\"traceId\":\"trace-20260301120000-42-0007\",\"source\"")
            + "}";
    assertEquals(
        Optional.of(TraceId.of("trace-20260301120000-42-0007")), roundTrip(with).traceId());
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"\"", "\"a b\"", "\"tab\\there\"", "\"\\u00e9t\\u00e9\"", "7", "{}"})
  void invalidTraceIdIsRejected(String literal) {
    String in = EVENT_HEAD.replace(",\"source\"", ",\"traceId\":" + literal + ",\"source\"") + "}";
    VisibilityException e =
        assertThrows(VisibilityException.class, () -> Codecs.EVENT_ENVELOPE.decode(in));
    assertEquals(
        literal.startsWith("\"") ? ErrorCode.INVALID_TRACE_ID : ErrorCode.INVALID_FIELD_TYPE,
        e.code());
    assertEquals(Optional.of("/traceId"), e.path());
  }

  @Test
  void otherSchemaVersionIsUnsupported() {
    for (String v : new String[] {"\"v2\"", "null", "1", "\"V1\""}) {
      VisibilityException e =
          assertThrows(
              VisibilityException.class,
              () ->
                  Codecs.EVENT_ENVELOPE.decode(
                      event("").replace("\"schemaVersion\":\"v1\"", "\"schemaVersion\":" + v)));
      assertEquals(ErrorCode.UNSUPPORTED_SCHEMA_VERSION, e.code(), v);
      assertEquals(Optional.of("/schemaVersion"), e.path());
    }
  }

  @Test
  void wrongEnvelopeTypeIsUnknownEnvelopeType() {
    for (String v : new String[] {"\"loop_run_snapshot\"", "\"other\"", "null", "3"}) {
      VisibilityException e =
          assertThrows(
              VisibilityException.class,
              () -> Codecs.EVENT_ENVELOPE.decode(event("").replace("\"loop_run_event\"", v)));
      assertEquals(ErrorCode.UNKNOWN_ENVELOPE_TYPE, e.code(), v);
      assertEquals(Optional.of("/envelopeType"), e.path());
    }
    VisibilityException e =
        assertThrows(VisibilityException.class, () -> Codecs.SNAPSHOT_ENVELOPE.decode(event("")));
    assertEquals(ErrorCode.UNKNOWN_ENVELOPE_TYPE, e.code());
  }

  @Test
  void missingSchemaVersionOrEnvelopeTypeIsMissingField() {
    VisibilityException noType =
        assertThrows(
            VisibilityException.class,
            () ->
                Codecs.EVENT_ENVELOPE.decode(
                    event("").replace("\"envelopeType\":\"loop_run_event\",", "")));
    assertEquals(ErrorCode.MISSING_FIELD, noType.code());
    assertEquals(Optional.of("/envelopeType"), noType.path());
    VisibilityException noVersion =
        assertThrows(
            VisibilityException.class,
            () -> Codecs.EVENT_ENVELOPE.decode(event("").replace("\"schemaVersion\":\"v1\",", "")));
    assertEquals(ErrorCode.MISSING_FIELD, noVersion.code());
    assertEquals(Optional.of("/schemaVersion"), noVersion.path());
  }

  @Test
  void notAnObjectIsInvalidFieldType() {
    for (String in : new String[] {"[]", "\"x\"", "1", "null"}) {
      VisibilityException e =
          assertThrows(VisibilityException.class, () -> Codecs.EVENT_ENVELOPE.decode(in));
      assertEquals(ErrorCode.INVALID_FIELD_TYPE, e.code(), in);
    }
  }

  @Test
  void onlyTheTwoHeaderMembersAreRequired() {
    EventEnvelope e = roundTrip("{\"schemaVersion\":\"v1\",\"envelopeType\":\"loop_run_event\"}");
    assertTrue(
        e.source().isEmpty()
            && e.cursor().isEmpty()
            && e.emittedAt().isEmpty()
            && e.event().isEmpty());
    SnapshotEnvelope s =
        Codecs.SNAPSHOT_ENVELOPE.decode(
            "{\"envelopeType\":\"loop_run_snapshot\",\"schemaVersion\":\"v1\"}");
    assertEquals(
        "{\"envelopeType\":\"loop_run_snapshot\",\"schemaVersion\":\"v1\"}",
        Codecs.SNAPSHOT_ENVELOPE.encode(s));
  }

  @Test
  void typedMembersWrittenAsNullStayNull() {
    roundTrip(
        "{\"schemaVersion\":\"v1\",\"envelopeType\":\"loop_run_event\",\"emittedAt\":null,\"traceId\":null,"
            + "\"source\":null,\"sequence\":null,\"cursor\":null,\"run\":null,\"event\":null}");
  }

  @Test
  void unknownMembersKeepTheirPlace() {
    EventEnvelope e =
        roundTrip(
            "{\"x\":1,\"schemaVersion\":\"v1\",\"y\":{\"b\":null,\"a\":[]},\"envelopeType\":\"loop_run_event\","
                + "\"run\":{\"iteration\":2,\"runId\":\"r\"},\"z\":\"last\"}");
    assertEquals(3, e.unknownFields().size());
    assertEquals(Json.parse("{\"iteration\":2,\"runId\":\"r\"}"), e.run().orElseThrow());
  }

  @Test
  void invalidTypedSubObjectsAreRejectedAtTheirPath() {
    VisibilityException cursor =
        assertThrows(
            VisibilityException.class,
            () ->
                Codecs.EVENT_ENVELOPE.decode(
                    EVENT_HEAD.replace("\"eventLineCount\":5", "\"eventLineCount\":\"5\"") + "}"));
    assertEquals(ErrorCode.INVALID_FIELD_TYPE, cursor.code());
    assertEquals(Optional.of("/cursor/eventLineCount"), cursor.path());
    VisibilityException source =
        assertThrows(
            VisibilityException.class,
            () ->
                Codecs.EVENT_ENVELOPE.decode(
                    EVENT_HEAD.replace(",\"loopId\":\"demo-loop\"", "") + "}"));
    assertEquals(ErrorCode.MISSING_FIELD, source.code());
    assertEquals(Optional.of("/source/loopId"), source.path());
  }

  @Test
  void builtEventIsWrittenInContractOrderWithNullTraceId() {
    // contract 1.1: schemaVersion, envelopeType, emittedAt, traceId, source, sequence, cursor, run,
    // event
    EventEnvelope e =
        EventEnvelope.builder()
            .event(Json.parse("{\"timestamp\":\"2026-03-01T11:59:00Z\",\"name\":\"loop_start\"}"))
            .run(Json.parse("{\"runId\":\"run-123\",\"iteration\":2}"))
            .cursor(EnvelopeCursor.of(1, 5))
            .sequence(Json.parse("{\"source\":\"cursor_event_line_offset\",\"value\":1}"))
            .source(EnvelopeSource.of("/srv/demo-repo", "demo-loop"))
            .emittedAt("2026-03-01T12:00:00Z")
            .build();
    assertEquals(
        "{\"schemaVersion\":\"v1\",\"envelopeType\":\"loop_run_event\",\"emittedAt\":\"2026-03-01T12:00:00Z\","
            + "\"traceId\":null,\"source\":{\"repoPath\":\"/srv/demo-repo\",\"loopId\":\"demo-loop\"},"
            + "\"sequence\":{\"source\":\"cursor_event_line_offset\",\"value\":1},"
            + "\"cursor\":{\"eventLineOffset\":1,\"eventLineCount\":5},\"run\":{\"runId\":\"run-123\",\"iteration\":2},"
            + "\"event\":{\"timestamp\":\"2026-03-01T11:59:00Z\",\"name\":\"loop_start\"}}",
        Codecs.EVENT_ENVELOPE.encode(e));
    assertEquals(e, Codecs.EVENT_ENVELOPE.decode(Codecs.EVENT_ENVELOPE.encode(e)));
    assertTrue(
        Codecs.EVENT_ENVELOPE
            .encode(ImmutableEventEnvelope.copyOf(e).withTraceId(TraceId.of("t-1")))
            .contains(",\"traceId\":\"t-1\",\"source\""));
  }

  @Test
  void builtSnapshotIsWrittenInContractOrder() {
    // contract 1.1: schemaVersion, envelopeType, emittedAt, traceId, source, run, runtime,
    // artifacts,
    // sequence, cursor, health
    String heartbeatRef =
        "{\"path\":\".superloop/loops/demo-loop/heartbeat.v1.json\",\"exists\":false,\"sizeBytes\":0,"
            + "\"lineCount\":0,\"sha256\":null,\"mtimeEpoch\":null}";
    SnapshotEnvelope s =
        SnapshotEnvelope.builder()
            .health(Json.parse("{\"eventCount\":0}"))
            .cursor(EnvelopeCursor.of(0, 0))
            .sequence(Json.parse("{\"source\":\"cursor_event_line_offset\",\"value\":0}"))
            .artifacts(Json.parse("{\"heartbeat\":" + heartbeatRef + "}"))
            .runtime(
                Json.parse(
                    "{\"superloopState\":null,\"activeRun\":null,\"approval\":null,\"heartbeat\":null}"))
            .run(Json.parse("{\"runId\":null}"))
            .source(EnvelopeSource.of("/r", "demo-loop"))
            .emittedAt("2026-03-01T12:00:00Z")
            .build();
    String expected =
        "{\"schemaVersion\":\"v1\",\"envelopeType\":\"loop_run_snapshot\",\"emittedAt\":\"2026-03-01T12:00:00Z\","
            + "\"traceId\":null,\"source\":{\"repoPath\":\"/r\",\"loopId\":\"demo-loop\"},\"run\":{\"runId\":null},"
            + "\"runtime\":{\"superloopState\":null,\"activeRun\":null,\"approval\":null,\"heartbeat\":null},"
            + "\"artifacts\":{\"heartbeat\":"
            + heartbeatRef
            + "},"
            + "\"sequence\":{\"source\":\"cursor_event_line_offset\",\"value\":0},"
            + "\"cursor\":{\"eventLineOffset\":0,\"eventLineCount\":0},\"health\":{\"eventCount\":0}}";
    assertEquals(expected, Codecs.SNAPSHOT_ENVELOPE.encode(s));
    assertEquals(Optional.of(JsonValue.nullValue()), s.runtimeHeartbeat());
    ArtifactRef ref = s.heartbeatArtifact().orElseThrow();
    assertTrue(!ref.exists() && ref.sha256().isEmpty() && ref.mtimeEpoch().isEmpty());
    assertEquals(heartbeatRef, Codecs.ARTIFACT_REF.encode(ref));
  }

  @Test
  void nonObjectRuntimeHeartbeatIsKeptRaw() {
    // hardening H18: a heartbeat that is not an object is kept, judged later
    for (String hb : new String[] {"[1,2]", "\"running\"", "42", "true"}) {
      String in =
          "{\"schemaVersion\":\"v1\",\"envelopeType\":\"loop_run_snapshot\",\"runtime\":{\"heartbeat\":"
              + hb
              + "}}";
      SnapshotEnvelope s = Codecs.SNAPSHOT_ENVELOPE.decode(in);
      assertEquals(in, Codecs.SNAPSHOT_ENVELOPE.encode(s));
      assertEquals(hb, s.runtimeHeartbeat().orElseThrow().toJson());
    }
  }

  @Test
  void malformedHeartbeatArtifactIsRejected() {
    String notObject =
        "{\"schemaVersion\":\"v1\",\"envelopeType\":\"loop_run_snapshot\",\"artifacts\":{\"heartbeat\":\"x\"}}";
    VisibilityException e =
        assertThrows(VisibilityException.class, () -> Codecs.SNAPSHOT_ENVELOPE.decode(notObject));
    assertEquals(ErrorCode.INVALID_FIELD_TYPE, e.code());
    assertEquals(Optional.of("/artifacts/heartbeat"), e.path());
    String missingPath =
        "{\"schemaVersion\":\"v1\",\"envelopeType\":\"loop_run_snapshot\",\"artifacts\":{\"heartbeat\":"
            + "{\"exists\":false,\"sizeBytes\":0,\"lineCount\":0,\"sha256\":null,\"mtimeEpoch\":null}}}";
    VisibilityException m =
        assertThrows(VisibilityException.class, () -> Codecs.SNAPSHOT_ENVELOPE.decode(missingPath));
    assertEquals(ErrorCode.MISSING_FIELD, m.code());
    assertEquals(Optional.of("/artifacts/heartbeat/path"), m.path());
    String nullRef =
        "{\"schemaVersion\":\"v1\",\"envelopeType\":\"loop_run_snapshot\",\"artifacts\":{\"heartbeat\":null}}";
    assertTrue(Codecs.SNAPSHOT_ENVELOPE.decode(nullRef).heartbeatArtifact().isEmpty());
  }

  @Test
  void memberOrderIsNotPartOfEquality() {
    EventEnvelope a = Codecs.EVENT_ENVELOPE.decode(event(",\"sequence\":{\"value\":1}"));
    EventEnvelope b =
        Codecs.EVENT_ENVELOPE.decode(
            "{\"envelopeType\":\"loop_run_event\",\"schemaVersion\":\"v1\",\"sequence\":{\"value\":1},"
                + "\"cursor\":{\"eventLineOffset\":5,\"eventLineCount\":5},"
                + "\"source\":{\"repoPath\":\"/srv/demo-repo\",\"loopId\":\"demo-loop\"},\"emittedAt\":\"2026-03-01T12:00:00Z\"}");
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
  }

  @Test
  void editedDecodedEnvelopeAppendsNewMembers() {
    EventEnvelope e = Codecs.EVENT_ENVELOPE.decode(event(""));
    String out =
        Codecs.EVENT_ENVELOPE.encode(
            ImmutableEventEnvelope.copyOf(e)
                .withTraceId(TraceId.of("t-9"))
                .withUnknownFields(Map.of("n", JsonValue.of(1))));
    assertEquals(event("").replace("}}", "}") + ",\"traceId\":\"t-9\",\"n\":1}", out);
  }
}
