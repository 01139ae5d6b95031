package io.superloop.visibility.api.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.health.FailureCode;
import io.superloop.visibility.api.health.HealthStatus;
import io.superloop.visibility.api.health.IngestStatus;
import io.superloop.visibility.api.internal.json.JsonArray;
import io.superloop.visibility.api.internal.json.JsonObject;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonCodec;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.api.reconcile.internal.ImmutableAlertRow;
import io.superloop.visibility.api.reconcile.internal.ImmutableHealthEscalation;
import io.superloop.visibility.api.reconcile.internal.ImmutableOrderingDriftEscalation;
import io.superloop.visibility.api.reconcile.internal.ImmutableOtherEscalation;
import io.superloop.visibility.api.reconcile.internal.ImmutableReconcileRow;
import io.superloop.visibility.api.testing.ExampleRows;
import io.superloop.visibility.api.testing.ExampleRows.Example;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ReconcileCodecsTest {

  static final List<Example> RECONCILE_ROWS =
      ExampleRows.load(ReconcileCodecsTest.class, "reconcile-rows.jsonl");
  static final List<Example> ESCALATIONS =
      ExampleRows.load(ReconcileCodecsTest.class, "escalation-rows.jsonl");
  static final List<Example> DISPATCH_STATES =
      ExampleRows.load(ReconcileCodecsTest.class, "alert-dispatch-states.jsonl");
  static final List<Example> ALERT_ROWS =
      ExampleRows.load(ReconcileCodecsTest.class, "alert-rows.jsonl");

  static final String OPS = "/repo/.superloop/ops-manager/demo-loop/";

  @Test
  void examplesAreInJqCompactForm() {
    for (List<Example> set : List.of(RECONCILE_ROWS, ESCALATIONS, DISPATCH_STATES, ALERT_ROWS)) {
      List<String> texts = set.stream().map(Example::json).collect(Collectors.toList());
      assertEquals(texts, ExampleRows.jqCompactEach(texts));
    }
  }

  @TestFactory
  Stream<DynamicTest> examplesRoundTripByteExact() {
    return Stream.of(
            ExampleRows.roundTrips("reconcile row", RECONCILE_ROWS, Codecs.RECONCILE_ROW),
            ExampleRows.roundTrips("escalation", ESCALATIONS, Codecs.ESCALATION_ROW),
            ExampleRows.roundTrips(
                "alert dispatch state", DISPATCH_STATES, Codecs.ALERT_DISPATCH_STATE),
            ExampleRows.roundTrips("alert row", ALERT_ROWS, Codecs.ALERT_ROW))
        .flatMap(s -> s);
  }

  // ---------------------------------------------------------------- reconcile rows

  @Test
  void builtReconcileRowsEqualTheExamples() {
    ReconcileRow ok =
        ReconcileRow.builder()
            .timestamp("2026-03-01T12:00:01Z")
            .startedAt("2026-03-01T12:00:00Z")
            .loopId("demo-loop")
            .traceId(TraceId.of("trace-oracle-monotonic-ok"))
            .transport(Transport.SPRITE_SERVICE)
            .status(IngestStatus.SUCCESS)
            .failureMessage("")
            .cursorOffsetBefore(0)
            .cursorOffsetAfter(3)
            .eventsIngested(3)
            .maxEvents(0)
            .fromStart(false)
            .retryAttempts(3)
            .retryBackoffSeconds(1)
            .durationSeconds(1)
            .transportFailureStreak(0)
            .sequenceStatus(ReconcileSequenceStatus.OK)
            .healthStatus(HealthStatus.HEALTHY)
            .build();
    assertEquals(RECONCILE_ROWS.get(0).json(), Codecs.RECONCILE_ROW.encode(ok));

    ReconcileRow drift =
        ImmutableReconcileRow.copyOf(ok)
            .withTimestamp("2026-03-01T12:00:00Z")
            .withTraceId(TraceId.of("trace-r-0002"))
            .withTransport(Transport.LOCAL)
            .withCursorOffsetBefore(5)
            .withCursorOffsetAfter(8)
            .withFromStart(true)
            .withThresholdProfile("strict")
            .withDurationSeconds(0)
            .withSequenceStatus(ReconcileSequenceStatus.ORDERING_DRIFT_DETECTED)
            .withSequenceReasonCode(ReasonCode.ORDERING_DRIFT_DETECTED)
            .withHealthStatus(HealthStatus.DEGRADED)
            .withHealthReasonCodes(ReasonCode.ORDERING_DRIFT_DETECTED)
            .withWarnings(ReasonCode.EVENT_LINE_MALFORMED, ReasonCode.PREVIOUS_STATE_UNREADABLE);
    assertEquals(RECONCILE_ROWS.get(1).json(), Codecs.RECONCILE_ROW.encode(drift));
  }

  @Test
  void reconcileRowOmitsNullsEmptyMessageAndEmptyWarningsButKeepsEmptyReasonCodes() {
    String base = RECONCILE_ROWS.get(0).json();
    String variant =
        base.replace(
                "\"status\":\"success\",",
                "\"status\":\"success\",\"failureCode\":null,\"failureMessage\":\"\",")
            .replace("\"fromStart\":false,", "\"fromStart\":false,\"thresholdProfile\":null,")
            .replace(
                "\"sequenceStatus\":\"ok\",",
                "\"sequenceStatus\":\"ok\",\"sequenceReasonCode\":null,")
            .replace("\"healthReasonCodes\":[]}", "\"healthReasonCodes\":[],\"warnings\":[]}");
    assertEquals(base, Codecs.RECONCILE_ROW.encode(Codecs.RECONCILE_ROW.decode(variant)));
    String noReasonCodes = base.replace(",\"healthReasonCodes\":[]", "");
    assertEquals(base, Codecs.RECONCILE_ROW.encode(Codecs.RECONCILE_ROW.decode(noReasonCodes)));
  }

  @Test
  void reconcileRowRules() {
    String base = RECONCILE_ROWS.get(2).json();
    ReconcileRow failed = Codecs.RECONCILE_ROW.decode(base);
    assertSame(FailureCode.SERVICE_REQUEST_FAILED, failed.failureCode().orElseThrow());
    assertSame(ReconcileSequenceStatus.SKIPPED_INGEST_FAILED, failed.sequenceStatus());
    String newerCode = base.replace("service_request_failed", "service_timeout");
    assertEquals(newerCode, Codecs.RECONCILE_ROW.encode(Codecs.RECONCILE_ROW.decode(newerCode)));
    for (String field :
        List.of(
            "cursorOffsetBefore",
            "cursorOffsetAfter",
            "eventsIngested",
            "maxEvents",
            "retryAttempts",
            "retryBackoffSeconds",
            "durationSeconds",
            "transportFailureStreak")) {
      String bad = base.replaceFirst("\"" + field + "\":\\d+", "\"" + field + "\":-1");
      VisibilityException e =
          assertThrows(VisibilityException.class, () -> Codecs.RECONCILE_ROW.decode(bad), field);
      assertEquals(ErrorCode.INVALID_FIELD_VALUE, e.code(), field);
    }
    assertEquals(
        ErrorCode.INVALID_FIELD_VALUE,
        fails(Codecs.RECONCILE_ROW, base.replace("\"skipped_ingest_failed\"", "\"not_evaluated\""))
            .code());
    assertEquals(
        ErrorCode.INVALID_FIELD_VALUE,
        fails(
                Codecs.RECONCILE_ROW,
                base.replace("\"healthStatus\":\"critical\"", "\"healthStatus\":\"fine\""))
            .code());
    assertEquals(
        ErrorCode.INVALID_LOOP_ID,
        fails(Codecs.RECONCILE_ROW, base.replace("\"demo-loop\"", "\"a\\\\b\"")).code());
    assertEquals(
        ErrorCode.INVALID_TRACE_ID,
        fails(Codecs.RECONCILE_ROW, base.replace("trace-r-0003", "tr\\u00e9")).code());
    VisibilityException w =
        fails(
            Codecs.RECONCILE_ROW,
            RECONCILE_ROWS.get(1).json().replace("\"event_line_malformed\"", "null"));
    assertEquals(ErrorCode.INVALID_FIELD_TYPE, w.code());
  }

  // ---------------------------------------------------------------- escalations

  @Test
  void escalationsDecodeIntoTheirVariants() {
    List<EscalationRow> rows =
        ESCALATIONS.stream()
            .map(e -> Codecs.ESCALATION_ROW.decode(e.json()))
            .collect(Collectors.toList());
    assertInstanceOf(OtherEscalation.class, rows.get(0));
    assertInstanceOf(OtherEscalation.class, rows.get(1));
    OrderingDriftEscalation drift = assertInstanceOf(OrderingDriftEscalation.class, rows.get(2));
    assertEquals(ReasonCode.ORDERING_DRIFT_DETECTED, drift.reasonCode());
    assertEquals(Optional.of(JsonValue.of(true)), drift.sequence().get("driftActive"));
    assertEquals(
        ReasonCode.ORDERING_DRIFT_RECOVERED,
        assertInstanceOf(OrderingDriftEscalation.class, rows.get(3)).category());
    HealthEscalation degraded = assertInstanceOf(HealthEscalation.class, rows.get(4));
    assertTrue(degraded.failureCode().isEmpty());
    assertEquals(List.of(ReasonCode.RUNTIME_HEARTBEAT_STALE), degraded.reasonCodes());
    HealthEscalation critical = assertInstanceOf(HealthEscalation.class, rows.get(5));
    assertEquals(Optional.of(FailureCode.SERVICE_REQUEST_FAILED), critical.failureCode());
    assertSame(HealthStatus.CRITICAL, critical.healthStatus());
    OtherEscalation profile = assertInstanceOf(OtherEscalation.class, rows.get(6));
    assertEquals(
        List.of("stateFile", "driftStateFile", "driftHistoryFile", "reasonCode", "drift"),
        List.copyOf(profile.unknownFields().keySet()));
    OtherEscalation divergence = (OtherEscalation) rows.get(0);
    assertEquals(
        List.of("stateFile", "cursorFile", "divergenceFlags", "state"),
        List.copyOf(divergence.unknownFields().keySet()));
    assertFalse(divergence.nullFiltered());
    assertTrue(profile.nullFiltered());
    assertTrue(rows.get(1).traceId().isEmpty());
  }

  @Test
  void builtEscalationsEqualTheExamples() {
    OrderingDriftEscalation drift =
        OrderingDriftEscalation.builder()
            .timestamp("2026-03-01T12:00:00Z")
            .loopId("demo-loop")
            .traceId(TraceId.of("trace-r-0002"))
            .category(ReasonCode.ORDERING_DRIFT_DETECTED)
            .transport(Transport.SPRITE_SERVICE)
            .reasonCode(ReasonCode.ORDERING_DRIFT_DETECTED)
            .stateFile(OPS + "state.json")
            .sequenceStateFile(OPS + "sequence-state.json")
            .sequenceTelemetryFile(OPS + "telemetry/sequence.jsonl")
            .sequence(
                (JsonObject)
                    Json.parse(
                        "{\"status\":\"ordering_drift_detected\",\"driftActive\":true,\"violations\":[\"event_sequence_non_monotonic\",\"event_sequence_regression\"],"
                            + "\"snapshot\":{\"previous\":9,\"current\":9,\"monotonic\":true,\"regressed\":false,\"missing\":false},"
                            + "\"events\":{\"ingestedCount\":8,\"previousLast\":null,\"first\":6,\"last\":6,\"monotonicWithinBatch\":false,"
                            + "\"monotonicAcrossBatches\":true,\"regressed\":true,\"missing\":false}}"))
            .build();
    assertEquals(ESCALATIONS.get(2).json(), Codecs.ESCALATION_ROW.encode(drift));
    assertEquals(ESCALATIONS.get(2).json(), Codecs.ORDERING_DRIFT_ESCALATION.encode(drift));

    HealthEscalation health =
        HealthEscalation.builder()
            .timestamp("2026-03-01T12:00:00Z")
            .loopId("demo-loop")
            .traceId(TraceId.of("trace-r-0004"))
            .category(ReasonCode.HEALTH_DEGRADED)
            .transport(Transport.LOCAL)
            .ingestStatus(IngestStatus.SUCCESS)
            .stateFile(OPS + "state.json")
            .cursorFile(OPS + "cursor.json")
            .healthFile(OPS + "health.json")
            .healthStatus(HealthStatus.DEGRADED)
            .addReasonCodes(ReasonCode.RUNTIME_HEARTBEAT_STALE)
            .reasons(
                (JsonArray)
                    Json.parse(
                        "[{\"code\":\"runtime_heartbeat_stale\",\"severity\":\"degraded\",\"metric\":\"heartbeatLagSeconds\",\"observed\":\"150\",\"threshold\":\"120\"}]"))
            .build();
    assertEquals(ESCALATIONS.get(4).json(), Codecs.ESCALATION_ROW.encode(health));
  }

  @Test
  void divergenceIsNotFilteredOtherCategoriesAre() {
    OtherEscalation divergence =
        OtherEscalation.builder()
            .timestamp("t")
            .loopId("demo-loop")
            .category(ReasonCode.DIVERGENCE_DETECTED)
            .transport(Transport.LOCAL)
            .putUnknownField("stateFile", JsonValue.of("s"))
            .build();
    assertEquals(
        "{\"timestamp\":\"t\",\"loopId\":\"demo-loop\",\"traceId\":null,\"category\":\"divergence_detected\",\"transport\":\"local\",\"stateFile\":\"s\"}",
        Codecs.ESCALATION_ROW.encode(divergence));
    OtherEscalation profile =
        ImmutableOtherEscalation.copyOf(divergence).withCategory(ReasonCode.PROFILE_DRIFT_DETECTED);
    assertEquals(
        "{\"timestamp\":\"t\",\"loopId\":\"demo-loop\",\"category\":\"profile_drift_detected\",\"transport\":\"local\",\"stateFile\":\"s\"}",
        Codecs.ESCALATION_ROW.encode(profile));
    String driftWithNulls =
        ESCALATIONS.get(2).json().replace("\"traceId\":\"trace-r-0002\"", "\"traceId\":null");
    assertEquals(
        ESCALATIONS.get(2).json().replace("\"traceId\":\"trace-r-0002\",", ""),
        Codecs.ESCALATION_ROW.encode(Codecs.ESCALATION_ROW.decode(driftWithNulls)));
    String healthWithNullCode =
        ESCALATIONS
            .get(4)
            .json()
            .replace(
                "\"ingestStatus\":\"success\",",
                "\"ingestStatus\":\"success\",\"failureCode\":null,");
    assertEquals(
        ESCALATIONS.get(4).json(),
        Codecs.ESCALATION_ROW.encode(Codecs.ESCALATION_ROW.decode(healthWithNullCode)));
  }

  @Test
  void escalationVariantsGuardTheirCategories() {
    assertThrows(
        VisibilityException.class,
        () ->
            OtherEscalation.builder()
                .timestamp("t")
                .loopId("l")
                .category(ReasonCode.HEALTH_CRITICAL)
                .transport(Transport.LOCAL)
                .build());
    String driftAsHealth =
        ESCALATIONS
            .get(2)
            .json()
            .replace(
                "\"category\":\"ordering_drift_detected\"", "\"category\":\"health_degraded\"");
    VisibilityException e = fails(Codecs.ESCALATION_ROW, driftAsHealth);
    assertEquals(ErrorCode.MISSING_FIELD, e.code());
    VisibilityException noCategory =
        fails(
            Codecs.ESCALATION_ROW,
            "{\"timestamp\":\"t\",\"loopId\":\"l\",\"transport\":\"local\"}");
    assertEquals(ErrorCode.MISSING_FIELD, noCategory.code());
    assertEquals(Optional.of("/category"), noCategory.path());
    assertEquals(
        ErrorCode.INVALID_FIELD_TYPE, fails(Codecs.ESCALATION_ROW, "{\"category\":7}").code());
    assertEquals(ErrorCode.INVALID_FIELD_TYPE, fails(Codecs.ESCALATION_ROW, "[]").code());
    VisibilityException seq =
        fails(
            Codecs.ESCALATION_ROW,
            ESCALATIONS
                .get(3)
                .json()
                .replaceFirst("\"sequence\":\\{.*\\}\\}$", "\"sequence\":[]}"));
    assertEquals(ErrorCode.INVALID_FIELD_TYPE, seq.code());
    assertEquals(Optional.of("/sequence"), seq.path());
    VisibilityException reasons =
        fails(
            Codecs.ESCALATION_ROW,
            ESCALATIONS.get(4).json().replaceFirst("\"reasons\":\\[.*\\]\\}$", "\"reasons\":{}}"));
    assertEquals(ErrorCode.INVALID_FIELD_TYPE, reasons.code());
    // a built row keeps the same rule: sequence is an object, reasons an array (JsonValue since
    // issue 15)
    OrderingDriftEscalation drift =
        (OrderingDriftEscalation) Codecs.ESCALATION_ROW.decode(ESCALATIONS.get(2).json());
    assertEquals(
        ErrorCode.INVALID_FIELD_TYPE,
        assertThrows(
                VisibilityException.class,
                () ->
                    ImmutableOrderingDriftEscalation.copyOf(drift)
                        .withSequence(JsonValue.array(List.of())))
            .code());
    HealthEscalation health =
        (HealthEscalation) Codecs.ESCALATION_ROW.decode(ESCALATIONS.get(4).json());
    assertEquals(
        ErrorCode.INVALID_FIELD_TYPE,
        assertThrows(
                VisibilityException.class,
                () ->
                    ImmutableHealthEscalation.copyOf(health)
                        .withReasons(JsonValue.object(Map.of())))
            .code());
    assertEquals(
        ErrorCode.INVALID_LOOP_ID,
        fails(Codecs.ESCALATION_ROW, ESCALATIONS.get(0).json().replace("\"demo-loop\"", "\"\""))
            .code());
    assertEquals(
        ErrorCode.INVALID_TRACE_ID,
        fails(
                Codecs.ESCALATION_ROW,
                ESCALATIONS.get(5).json().replace("trace-r-0003", "with space"))
            .code());
  }

  // ---------------------------------------------------------------- alert artifacts

  @Test
  void alertDispatchStateIsNotFiltered() {
    AlertDispatchState s = Codecs.ALERT_DISPATCH_STATE.decode(DISPATCH_STATES.get(2).json());
    assertTrue(s.traceId().isEmpty());
    AlertDispatchState built =
        AlertDispatchState.builder()
            .updatedAt("2026-03-01T12:00:00Z")
            .loopId("demo-loop")
            .status(AlertDispatchStatus.NO_SOURCE)
            .processedCount(0)
            .dispatchedCount(0)
            .skippedCount(0)
            .failedCount(0)
            .escalationsLineOffset(0)
            .escalationsLineCount(0)
            .build();
    assertEquals(
        "{\"schemaVersion\":\"v1\",\"updatedAt\":\"2026-03-01T12:00:00Z\",\"loopId\":\"demo-loop\",\"traceId\":null,"
            + "\"escalationsFile\":null,\"dispatchTelemetryFile\":null,\"status\":\"no_source\",\"processedCount\":0,"
            + "\"dispatchedCount\":0,\"skippedCount\":0,\"failedCount\":0,\"failureReasonCodes\":[],"
            + "\"escalationsLineOffset\":0,\"escalationsLineCount\":0}",
        Codecs.ALERT_DISPATCH_STATE.encode(built));
    assertEquals(
        ErrorCode.INVALID_FIELD_VALUE,
        fails(
                Codecs.ALERT_DISPATCH_STATE,
                DISPATCH_STATES.get(1).json().replace("\"failedCount\":1", "\"failedCount\":-1"))
            .code());
    assertEquals(
        ErrorCode.UNSUPPORTED_SCHEMA_VERSION,
        fails(
                Codecs.ALERT_DISPATCH_STATE,
                DISPATCH_STATES.get(1).json().replace("\"v1\"", "\"v0\""))
            .code());
    AlertDispatchState partial = Codecs.ALERT_DISPATCH_STATE.decode(DISPATCH_STATES.get(1).json());
    assertSame(AlertDispatchStatus.PARTIAL, partial.status());
    assertEquals(List.of(ReasonCode.of("sink_request_failed")), partial.failureReasonCodes());
  }

  @Test
  void alertRowsKeepTheirTraceFieldsAndEverythingElseRaw() {
    AlertRow outcome = Codecs.ALERT_ROW.decode(ALERT_ROWS.get(0).json());
    assertEquals(TraceId.of("trace-dispatch-0002"), outcome.traceId());
    assertEquals(Optional.of(TraceId.of("trace-r-0003")), outcome.escalationTraceId());
    assertSame(AlertStatus.DISPATCHED, outcome.status());
    assertTrue(outcome.unknownFields().containsKey("escalationCategory"));
    AlertRow unparsed = Codecs.ALERT_ROW.decode(ALERT_ROWS.get(2).json());
    assertTrue(unparsed.escalationTraceId().isEmpty());
    AlertRow crash = Codecs.ALERT_ROW.decode(ALERT_ROWS.get(3).json());
    assertSame(AlertStatus.FAILED_COMMAND, crash.status());
    assertEquals(Optional.of(ReasonCode.ALERT_DISPATCH_FAILED), crash.reasonCode());
    assertEquals(
        Optional.of(JsonValue.of("alert dispatch exited with status 1")),
        Optional.ofNullable(crash.unknownFields().get("message")));

    AlertRow built =
        AlertRow.builder()
            .timestamp("2026-03-01T12:00:00Z")
            .loopId("demo-loop")
            .traceId(TraceId.of("trace-r-0001"))
            .category("alert_dispatch")
            .status(AlertStatus.FAILED_COMMAND)
            .reasonCode(ReasonCode.ALERT_DISPATCH_FAILED)
            .build();
    assertEquals(ALERT_ROWS.get(4).json(), Codecs.ALERT_ROW.encode(built));
    assertEquals(
        ALERT_ROWS.get(3).json(),
        Codecs.ALERT_ROW.encode(
            ImmutableAlertRow.copyOf(built).withUnknownFields(crash.unknownFields())));
    String nullReason = ALERT_ROWS.get(4).json().replace("\"alert_dispatch_failed\"", "null");
    assertEquals(
        ALERT_ROWS.get(4).json().replace(",\"reasonCode\":\"alert_dispatch_failed\"", ""),
        Codecs.ALERT_ROW.encode(Codecs.ALERT_ROW.decode(nullReason)));
    assertEquals(
        ErrorCode.MISSING_FIELD,
        fails(
                Codecs.ALERT_ROW,
                ALERT_ROWS.get(4).json().replace("\"traceId\":\"trace-r-0001\",", ""))
            .code());
    assertEquals(
        ErrorCode.INVALID_TRACE_ID,
        fails(Codecs.ALERT_ROW, ALERT_ROWS.get(0).json().replace("trace-r-0003", "")).code());
  }

  @Test
  void alertRowReorderedByAnotherWriterRoundTrips() {
    String reordered =
        "{\"status\":\"skipped\",\"traceId\":\"t1\",\"x\":[null],\"category\":\"alert_dispatch\",\"timestamp\":\"ts\"}";
    assertEquals(reordered, Codecs.ALERT_ROW.encode(Codecs.ALERT_ROW.decode(reordered)));
  }

  private static VisibilityException fails(JsonCodec<?> codec, String json) {
    return assertThrows(VisibilityException.class, () -> codec.decode(json));
  }
}
