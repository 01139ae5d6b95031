package io.superloop.visibility.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.superloop.visibility.core.plane.StepEvent;
import io.superloop.visibility.core.plane.StepOptions;
import io.superloop.visibility.core.plane.VisibilityListener;
import io.superloop.visibility.core.plane.VisibilityPlane;
import io.superloop.visibility.core.rules.Durability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parenting rules of a step's span (docs/observability.md, "Spans"), one id of each form, the
 * W3C example ids (trace-context spec, section 3.2.2), and the quarantined-files counter.
 */
class TraceParentingTest {
  private static final String W3C_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String W3C_PARENT = "00f067aa0ba902b7";

  @TempDir Path repo;
  private InMemoryOtel otel;

  @BeforeEach
  void setUp() throws IOException {
    Path rt = Files.createDirectories(repo.resolve(".superloop/loops/l"));
    Files.writeString(
        rt.resolve("events.jsonl"), "{\"timestamp\":\"2026-03-01T11:59:00Z\",\"event\":\"e\"}\n");
    otel = new InMemoryOtel();
  }

  private SpanData step(String traceId) {
    VisibilityPlane plane =
        VisibilityPlane.builder(repo, "l")
            .durability(Durability.NONE)
            .listener(VisibilityTelemetry.create(otel.sdk))
            .build();
    plane.reconcileLocal(StepOptions.defaults().withTraceId(traceId));
    List<SpanData> spans = otel.finishedSpans();
    SpanData s = spans.get(spans.size() - 1);
    assertEquals("superloop.reconcile", s.getName());
    assertEquals(traceId, s.getAttributes().get(AttributeKey.stringKey("superloop.trace_id")));
    return s;
  }

  private static String link(SpanData s) {
    return s.getAttributes().get(AttributeKey.stringKey("superloop.trace_link"));
  }

  @Test
  void theCurrentSpanIsTheParentWhateverTheTraceId() {
    Span caller = otel.sdk.getTracer("test").spanBuilder("caller").startSpan();
    SpanData s;
    try (Scope scope = caller.makeCurrent()) {
      s = step("00-" + W3C_TRACE + "-" + W3C_PARENT + "-01");
    } finally {
      caller.end();
    }
    assertEquals("context", link(s));
    assertEquals(caller.getSpanContext().getTraceId(), s.getTraceId());
    assertEquals(caller.getSpanContext().getSpanId(), s.getParentSpanId());
    assertFalse(s.getParentSpanContext().isRemote());
  }

  @Test
  void aTraceparentNamesTheRemoteParent() {
    SpanData s = step("00-" + W3C_TRACE + "-" + W3C_PARENT + "-01");
    assertEquals("traceparent", link(s));
    assertEquals(W3C_TRACE, s.getTraceId());
    assertEquals(W3C_PARENT, s.getParentSpanId());
    assertTrue(s.getParentSpanContext().isRemote());
    assertTrue(s.getParentSpanContext().isSampled());
  }

  @Test
  void aBareTraceIdOrAUuidJoinsTheTraceUnderTheSyntheticParent() {
    SpanData hex = step(W3C_TRACE.toUpperCase(java.util.Locale.ROOT));
    assertEquals("trace_id", link(hex));
    assertEquals(W3C_TRACE, hex.getTraceId());
    assertEquals("73757065726c6f6f", hex.getParentSpanId());
    assertEquals(
        "superloo",
        new String(
            java.util.HexFormat.of().parseHex(hex.getParentSpanId()),
            java.nio.charset.StandardCharsets.US_ASCII));

    SpanData uuid = step("4bf92f35-77b3-4da6-a3ce-929d0e0e4736");
    assertEquals("uuid", link(uuid));
    assertEquals(W3C_TRACE, uuid.getTraceId());
    assertEquals("73757065726c6f6f", uuid.getParentSpanId());
  }

  @Test
  void anyOtherIdIsOnlyAnAttribute() {
    for (String id :
        List.of(
            "trace-readme-1",
            "00000000000000000000000000000000", // the invalid all-zero trace id
            "ff-" + W3C_TRACE + "-" + W3C_PARENT + "-01", // version ff is forbidden
            "00-" + W3C_TRACE + "-0000000000000000-01", // an invalid parent id
            W3C_TRACE + "0")) {
      SpanData s = step(id);
      assertEquals("none", link(s), id);
      assertFalse(s.getParentSpanContext().isValid(), id);
      assertFalse(s.getTraceId().equals(W3C_TRACE), id);
    }
  }

  @Test
  void aQuarantinedStateFileIsCountedAndAThrowingListenerBesideTheTelemetryChangesNothing()
      throws IOException {
    Path ops = Files.createDirectories(repo.resolve(".superloop/ops-manager/l"));
    Files.writeString(ops.resolve("heartbeat.json"), "{\"schemaVersion\":");
    VisibilityListener throwing =
        new VisibilityListener() {
          @Override
          public void onStep(StepEvent step) {
            throw new IllegalStateException("a broken listener");
          }
        };
    VisibilityPlane.builder(repo, "l")
        .durability(Durability.NONE)
        .listener(throwing)
        .listener(VisibilityTelemetry.create(otel.sdk))
        .build()
        .reconcileLocal(StepOptions.defaults());
    String loop = "{superloop.loop.id=l, superloop.transport=local}";
    assertEquals(1L, otel.points().get("superloop.store.quarantined_files " + loop));
    assertEquals(
        1L,
        otel.points()
            .get(
                "superloop.reconcile.warnings {superloop.loop.id=l, superloop.reason_code=previous_state_unreadable, superloop.transport=local}"));
    assertEquals(1, otel.finishedSpans().size());
  }
}
