package io.superloop.visibility.api.health;

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
import io.superloop.visibility.api.health.internal.ImmutableHealth;
import io.superloop.visibility.api.testing.RepoFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class HealthCodecTest {

  // --- the reference's outputs --------------------------------------------------------------

  @TestFactory
  Stream<DynamicTest> everyExpectedHealthJsonReencodesAsJqCompact() {
    return RepoFiles.reencodeExpectedAsJqCompact("health.json", Codecs.HEALTH);
  }

  @Test
  void referenceTransportHealthFixtureRoundTrips() {
    Path f =
        RepoFiles.root().resolve("fixtures/reference/observability/transport-health-critical.json");
    TransportHealth t = Codecs.TRANSPORT_HEALTH.decode(RepoFiles.read(f));
    assertEquals(IngestStatus.FAILED, t.lastResult());
    assertEquals(2, t.failureStreak());
    assertEquals(Optional.of(FailureCode.SERVICE_REQUEST_FAILED), t.lastFailureCode());
    assertTrue(t.traceId().isEmpty());
    assertTrue(t.lastSuccessAt().isEmpty());
    assertEquals(RepoFiles.jqCompact(f), Codecs.TRANSPORT_HEALTH.encode(t));
  }

  // --- omitted-vs-null rules (expected JSON written from contract 1.10 / 1.13 / C7) ------------

  private static final String TAIL =
      "\"metrics\":{\"ingestLagSeconds\":null,\"heartbeatLagSeconds\":null,\"transportFailureStreak\":0,"
          + "\"lastControlStatus\":null,\"sequenceStatus\":null,\"lifecycleState\":\"unknown\"},"
          + "\"thresholds\":{\"profile\":null,\"degradedIngestLagSeconds\":300,\"criticalIngestLagSeconds\":900,"
          + "\"degradedHeartbeatLagSeconds\":120,\"criticalHeartbeatLagSeconds\":300,"
          + "\"degradedTransportFailureStreak\":2,\"criticalTransportFailureStreak\":4},"
          + "\"transport\":{\"mode\":\"local\",\"ingestStatus\":\"success\",\"failureCode\":null,\"lastFailureCode\":null},"
          + "\"evidence\":{\"lastEventAt\":null,\"lastHeartbeatAt\":null,\"sequenceUpdatedAt\":null}}";

  private static final String HEALTHY_NO_TRACE =
      "{\"schemaVersion\":\"v1\",\"updatedAt\":\"2026-03-01T12:00:00Z\",\"traceId\":null,\"status\":\"healthy\","
          + "\"reasonCodes\":[],\"reasons\":[],"
          + TAIL;

  private static final String CRITICAL =
      "{\"schemaVersion\":\"v1\",\"updatedAt\":\"2026-03-01T12:00:00Z\",\"traceId\":\"trace-1\",\"status\":\"critical\","
          + "\"reasonCodes\":[\"ordering_drift_detected\",\"runtime_heartbeat_stale\",\"transport_unreachable\"],"
          + "\"reasons\":["
          + "{\"code\":\"ordering_drift_detected\",\"severity\":\"degraded\",\"metric\":\"sequence.status\",\"observed\":\"ordering_drift_detected\",\"threshold\":\"ok\"},"
          + "{\"code\":\"runtime_heartbeat_stale\",\"severity\":\"critical\",\"metric\":\"heartbeatLagSeconds\",\"observed\":\"301\",\"threshold\":\"300\"},"
          + "{\"code\":\"transport_unreachable\",\"severity\":\"critical\",\"metric\":\"transportFailureStreak\",\"observed\":\"4\",\"threshold\":\"4\"},"
          + "{\"code\":\"transport_unreachable\",\"severity\":\"degraded\",\"metric\":\"ingestStatus\",\"observed\":\"failed\",\"threshold\":\"success\"}"
          + "],"
          + TAIL;

  private static ImmutableHealth.Builder healthy() {
    return Health.builder()
        .updatedAt("2026-03-01T12:00:00Z")
        .status(HealthStatus.HEALTHY)
        .metrics(
            HealthMetrics.builder().transportFailureStreak(0).lifecycleState("unknown").build())
        .thresholds(
            HealthThresholds.builder()
                .degradedIngestLagSeconds(300)
                .criticalIngestLagSeconds(900)
                .degradedHeartbeatLagSeconds(120)
                .criticalHeartbeatLagSeconds(300)
                .degradedTransportFailureStreak(2)
                .criticalTransportFailureStreak(4)
                .build())
        .transport(
            HealthTransport.builder()
                .mode(Transport.LOCAL)
                .ingestStatus(IngestStatus.SUCCESS)
                .build())
        .evidence(HealthEvidence.builder().build());
  }

  @Test
  void healthIsNotNullFilteredAtAnyLevel() {
    Health h = healthy().build();
    assertEquals(HEALTHY_NO_TRACE, Codecs.HEALTH.encode(h));
    assertEquals(h, Codecs.HEALTH.decode(HEALTHY_NO_TRACE));
  }

  @Test
  void absentTraceIdIsReadAsEmptyAndWrittenAsNull() {
    String absent = HEALTHY_NO_TRACE.replace("\"traceId\":null,", "");
    assertEquals(HEALTHY_NO_TRACE, Codecs.HEALTH.encode(Codecs.HEALTH.decode(absent)));
  }

  @Test
  void reasonsKeepTheirOrderAndTheSameCodeWithTwoSeverities() {
    Health h = Codecs.HEALTH.decode(CRITICAL);
    assertEquals(4, h.reasons().size());
    assertEquals(CRITICAL, Codecs.HEALTH.encode(h));
    Health built =
        healthy()
            .traceId(TraceId.of("trace-1"))
            .status(HealthStatus.CRITICAL)
            .addReasonCodes(
                ReasonCode.ORDERING_DRIFT_DETECTED,
                ReasonCode.RUNTIME_HEARTBEAT_STALE,
                ReasonCode.TRANSPORT_UNREACHABLE)
            .addReasons(
                HealthReason.of(
                    ReasonCode.ORDERING_DRIFT_DETECTED,
                    Severity.DEGRADED,
                    "sequence.status",
                    "ordering_drift_detected",
                    "ok"),
                HealthReason.of(
                    ReasonCode.RUNTIME_HEARTBEAT_STALE,
                    Severity.CRITICAL,
                    "heartbeatLagSeconds",
                    "301",
                    "300"),
                HealthReason.of(
                    ReasonCode.TRANSPORT_UNREACHABLE,
                    Severity.CRITICAL,
                    "transportFailureStreak",
                    "4",
                    "4"),
                HealthReason.of(
                    ReasonCode.TRANSPORT_UNREACHABLE,
                    Severity.DEGRADED,
                    "ingestStatus",
                    "failed",
                    "success"))
            .build();
    assertEquals(CRITICAL, Codecs.HEALTH.encode(built));
  }

  @Test
  void emptyReasonStringsAreOmitted() {
    HealthReason r =
        HealthReason.builder()
            .code(ReasonCode.RECONCILE_FAILED)
            .severity(Severity.DEGRADED)
            .build();
    assertEquals(
        "{\"code\":\"reconcile_failed\",\"severity\":\"degraded\"}",
        Codecs.HEALTH_REASON.encode(r));
    HealthReason empty =
        HealthReason.builder()
            .code(ReasonCode.RECONCILE_FAILED)
            .severity(Severity.DEGRADED)
            .metric("")
            .build();
    assertEquals(
        "{\"code\":\"reconcile_failed\",\"severity\":\"degraded\",\"metric\":\"\"}",
        Codecs.HEALTH_REASON.encode(empty),
        "\"\" is a value, never dropped by the null filter");
  }

  @Test
  void failureCodesAreWrittenAndUnknownOnesKept() {
    String json =
        HEALTHY_NO_TRACE
            .replace(
                "\"ingestStatus\":\"success\",\"failureCode\":null,\"lastFailureCode\":null",
                "\"ingestStatus\":\"failed\",\"failureCode\":\"projection_failed\",\"lastFailureCode\":\"brand_new_code\"")
            .replace(
                "\"status\":\"healthy\",\"reasonCodes\":[],\"reasons\":[]",
                "\"status\":\"degraded\",\"reasonCodes\":[\"projection_failed\"],\"reasons\":[{\"code\":\"projection_failed\",\"severity\":\"degraded\",\"metric\":\"ingestStatus\",\"observed\":\"failed\",\"threshold\":\"success\"}]");
    Health h = Codecs.HEALTH.decode(json);
    assertEquals(Optional.of(FailureCode.PROJECTION_FAILED), h.transport().failureCode());
    assertFalse(h.transport().lastFailureCode().orElseThrow().isKnown());
    assertEquals(json, Codecs.HEALTH.encode(h));
  }

  @Test
  void unknownFieldsSurviveAtEveryLevel() {
    String json =
        CRITICAL
            .replace("\"threshold\":\"ok\"}", "\"threshold\":\"ok\",\"zr\":1}")
            .replace(
                "\"lifecycleState\":\"unknown\"}", "\"lifecycleState\":\"unknown\",\"zm\":null}")
            .replace(
                "\"sequenceUpdatedAt\":null}}",
                "\"sequenceUpdatedAt\":null,\"ze\":[]},\"details\":{}}");
    assertEquals(json, Codecs.HEALTH.encode(Codecs.HEALTH.decode(json)));
  }

  @Test
  void transportHealthIsNullFiltered() {
    TransportHealth ok =
        TransportHealth.builder()
            .updatedAt("2026-03-01T12:00:00Z")
            .transport(Transport.LOCAL)
            .lastResult(IngestStatus.SUCCESS)
            .failureStreak(0)
            .lastSuccessAt("2026-03-01T12:00:00Z")
            .build();
    String json =
        "{\"schemaVersion\":\"v1\",\"updatedAt\":\"2026-03-01T12:00:00Z\",\"transport\":\"local\","
            + "\"lastResult\":\"success\",\"failureStreak\":0,\"lastSuccessAt\":\"2026-03-01T12:00:00Z\"}";
    assertEquals(json, Codecs.TRANSPORT_HEALTH.encode(ok));
    assertEquals(ok, Codecs.TRANSPORT_HEALTH.decode(json));
    String full =
        "{\"schemaVersion\":\"v1\",\"updatedAt\":\"u\",\"traceId\":\"t-1\",\"transport\":\"sprite_service\","
            + "\"lastResult\":\"failed\",\"failureStreak\":1,\"lastFailureCode\":\"events_unavailable\","
            + "\"lastSuccessAt\":\"s\",\"lastFailureAt\":\"f\"}";
    assertEquals(full, Codecs.TRANSPORT_HEALTH.encode(Codecs.TRANSPORT_HEALTH.decode(full)));
  }

  @Test
  void failureCodeConstantsAreTheContractsFive() {
    List<String> wires = FailureCode.known().stream().map(FailureCode::wire).toList();
    assertEquals(
        List.of(
            "snapshot_unavailable",
            "events_unavailable",
            "service_request_failed",
            "service_response_invalid",
            "projection_failed"),
        wires);
    assertTrue(FailureCode.of("events_unavailable") == FailureCode.EVENTS_UNAVAILABLE);
  }

  // --- checks ---------------------------------------------------------------------------------

  private static VisibilityException assertRejected(ErrorCode code, String json) {
    VisibilityException e =
        assertThrows(VisibilityException.class, () -> Codecs.HEALTH.decode(json));
    assertEquals(code, e.code(), e.getMessage());
    return e;
  }

  @Test
  void unsortedReasonCodesAreRejected() {
    assertRejected(
        ErrorCode.INVALID_FIELD_VALUE,
        CRITICAL.replace(
            "[\"ordering_drift_detected\",\"runtime_heartbeat_stale\",",
            "[\"runtime_heartbeat_stale\",\"ordering_drift_detected\","));
  }

  @Test
  void duplicateReasonCodesAreRejected() {
    assertRejected(
        ErrorCode.INVALID_FIELD_VALUE,
        CRITICAL.replace(
            "\"transport_unreachable\"],",
            "\"transport_unreachable\",\"transport_unreachable\"],"));
  }

  @Test
  void reasonCodesMustBeTheCodesOfTheReasons() {
    assertRejected(
        ErrorCode.INVALID_FIELD_VALUE, CRITICAL.replace(",\"transport_unreachable\"],", "],"));
  }

  @Test
  void unsortedReasonsAreRejected() {
    String hb =
        "{\"code\":\"runtime_heartbeat_stale\",\"severity\":\"critical\",\"metric\":\"heartbeatLagSeconds\",\"observed\":\"301\",\"threshold\":\"300\"}";
    String od =
        "{\"code\":\"ordering_drift_detected\",\"severity\":\"degraded\",\"metric\":\"sequence.status\",\"observed\":\"ordering_drift_detected\",\"threshold\":\"ok\"}";
    assertTrue(CRITICAL.contains(od + "," + hb));
    assertRejected(ErrorCode.INVALID_FIELD_VALUE, CRITICAL.replace(od + "," + hb, hb + "," + od));
  }

  @Test
  void reasonsWithTheSameCodeAndSeverityAreRejected() {
    String streak =
        "{\"code\":\"transport_unreachable\",\"severity\":\"critical\",\"metric\":\"transportFailureStreak\",\"observed\":\"4\",\"threshold\":\"4\"}";
    assertTrue(CRITICAL.contains(streak));
    assertRejected(
        ErrorCode.INVALID_FIELD_VALUE,
        CRITICAL.replace(streak, streak + "," + streak.replace("\"4\"", "\"5\"")));
  }

  @Test
  void sameCodeWithBothSeveritiesIsSortedByTheKeyString() {
    String crit =
        "{\"code\":\"ingest_stale\",\"severity\":\"critical\",\"metric\":\"ingestLagSeconds\",\"observed\":\"901\",\"threshold\":\"900\"}";
    String degr =
        "{\"code\":\"ingest_stale\",\"severity\":\"degraded\",\"metric\":\"ingestLagSeconds\",\"observed\":\"901\",\"threshold\":\"300\"}";
    String json =
        HEALTHY_NO_TRACE.replace(
            "\"status\":\"healthy\",\"reasonCodes\":[],\"reasons\":[]",
            "\"status\":\"critical\",\"reasonCodes\":[\"ingest_stale\"],\"reasons\":["
                + crit
                + ","
                + degr
                + "]");
    assertEquals(json, Codecs.HEALTH.encode(Codecs.HEALTH.decode(json)));
    assertRejected(
        ErrorCode.INVALID_FIELD_VALUE, json.replace(crit + "," + degr, degr + "," + crit));
  }

  @Test
  void statusMustFollowTheReasons() {
    String sorted = CRITICAL;
    assertRejected(
        ErrorCode.INVALID_FIELD_VALUE,
        sorted.replace("\"status\":\"critical\"", "\"status\":\"degraded\""));
    assertRejected(
        ErrorCode.INVALID_FIELD_VALUE,
        sorted.replace("\"status\":\"critical\"", "\"status\":\"healthy\""));
    assertRejected(
        ErrorCode.INVALID_FIELD_VALUE,
        HEALTHY_NO_TRACE.replace("\"status\":\"healthy\"", "\"status\":\"degraded\""));
    VisibilityException e =
        assertThrows(
            VisibilityException.class,
            () ->
                healthy()
                    .addReasonCodes(ReasonCode.DIVERGENCE_DETECTED)
                    .addReasons(
                        HealthReason.of(
                            ReasonCode.DIVERGENCE_DETECTED,
                            Severity.DEGRADED,
                            "divergence.any",
                            "true",
                            "false"))
                    .build());
    assertEquals(ErrorCode.INVALID_FIELD_VALUE, e.code());
    assertEquals(
        HealthStatus.DEGRADED,
        Health.statusOf(
            List.of(
                HealthReason.of(
                    ReasonCode.DIVERGENCE_DETECTED,
                    Severity.DEGRADED,
                    "divergence.any",
                    "true",
                    "false"))));
  }

  @Test
  void negativeMetricsAndThresholdsAreRejected() {
    assertRejected(
        ErrorCode.INVALID_FIELD_VALUE,
        HEALTHY_NO_TRACE.replace("\"transportFailureStreak\":0", "\"transportFailureStreak\":-1"));
    assertRejected(
        ErrorCode.INVALID_FIELD_VALUE,
        HEALTHY_NO_TRACE.replace("\"heartbeatLagSeconds\":null", "\"heartbeatLagSeconds\":-3"));
    VisibilityException e =
        assertRejected(
            ErrorCode.INVALID_THRESHOLD,
            HEALTHY_NO_TRACE.replace(
                "\"degradedIngestLagSeconds\":300", "\"degradedIngestLagSeconds\":-300"));
    assertEquals("/thresholds", e.path().orElseThrow());
  }

  @Test
  void badEnumsAndTypesAreRejected() {
    assertRejected(
        ErrorCode.INVALID_FIELD_VALUE,
        CRITICAL.replace("\"severity\":\"critical\"", "\"severity\":\"fatal\""));
    assertRejected(
        ErrorCode.INVALID_FIELD_VALUE,
        HEALTHY_NO_TRACE.replace("\"ingestStatus\":\"success\"", "\"ingestStatus\":\"ok\""));
    assertRejected(
        ErrorCode.INVALID_FIELD_TYPE,
        HEALTHY_NO_TRACE.replace("\"lifecycleState\":\"unknown\"", "\"lifecycleState\":1"));
    assertRejected(
        ErrorCode.MISSING_FIELD,
        HEALTHY_NO_TRACE.replace("\"lifecycleState\":\"unknown\"", "\"lifecycleState\":null"));
    assertRejected(
        ErrorCode.INVALID_TRACE_ID,
        HEALTHY_NO_TRACE.replace("\"traceId\":null", "\"traceId\":\"\""));
  }

  @Test
  void transportHealthStreakMustMatchTheLastResult() {
    String ok =
        "{\"schemaVersion\":\"v1\",\"updatedAt\":\"u\",\"transport\":\"local\",\"lastResult\":\"success\",\"failureStreak\":0}";
    Codecs.TRANSPORT_HEALTH.decode(ok);
    for (String bad :
        List.of(
            ok.replace("\"failureStreak\":0", "\"failureStreak\":1"),
            ok.replace("\"success\"", "\"failed\""),
            ok.replace("\"failureStreak\":0", "\"failureStreak\":-1"))) {
      VisibilityException e =
          assertThrows(VisibilityException.class, () -> Codecs.TRANSPORT_HEALTH.decode(bad));
      assertEquals(ErrorCode.INVALID_FIELD_VALUE, e.code(), bad);
    }
  }

  @Test
  void codePointOrderIsJqOrder() {
    assertTrue(Health.compareCodePoints("a", "b") < 0);
    assertTrue(Health.compareCodePoints("a", "a_") < 0);
    assertTrue(Health.compareCodePoints("a:critical", "a:degraded") < 0);
    // U+FF5E sorts before U+1F600 by code point (and UTF-8 bytes), after it by UTF-16 units
    assertTrue(Health.compareCodePoints("\uff5e", "\ud83d\ude00") < 0);
    assertTrue("\uff5e".compareTo("\ud83d\ude00") > 0);
  }
}
