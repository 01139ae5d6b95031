package io.superloop.visibility.opentelemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongGauge;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.audit.ControlInvocation;
import io.superloop.visibility.api.audit.OutcomeStatus;
import io.superloop.visibility.api.health.IngestStatus;
import io.superloop.visibility.api.heartbeat.FreshnessStatus;
import io.superloop.visibility.api.heartbeat.HeartbeatState;
import io.superloop.visibility.api.reconcile.EscalationRow;
import io.superloop.visibility.api.reconcile.ReconcileRow;
import io.superloop.visibility.api.sequence.EventDiagnostics;
import io.superloop.visibility.api.sequence.SequenceObservation;
import io.superloop.visibility.api.sequence.ViolationCode;
import io.superloop.visibility.core.plane.StepEvent;
import io.superloop.visibility.core.plane.VisibilityListener;
import io.superloop.visibility.core.plane.VisibilityPlane;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * The plane's metrics and spans on OpenTelemetry: register one instance on each plane's builder
 * ({@code VisibilityPlane.builder(repo, loop).listener(telemetry)}); one instance serves any number
 * of planes and threads.
 *
 * <ul>
 *   <li><b>Metrics</b>, every one with the attributes {@code superloop.loop.id} and {@code
 *       superloop.transport} ({@code local} or {@code sprite_service}), from the instrumentation
 *       scope {@value #SCOPE}: heartbeat lag and freshness, sequence violations by code, drift
 *       active, gaps, duplicates, control outcomes by status, step duration, lines and bytes
 *       ingested, quarantined files, warnings. {@code docs/observability.md} has the table.
 *   <li><b>Spans</b>: {@code superloop.reconcile} for each step (from its start on the plane's
 *       clock, lasting its measured duration; one span event {@code superloop.escalation} per
 *       escalation row) and {@code superloop.control} for each control action recorded through the
 *       plane (from its {@code startedAt} to its completion). A span's parent is the current span
 *       when there is one; else, when the step's trace id is a W3C {@code traceparent}, the span it
 *       names; else, when it is a bare W3C trace id (32 hex digits) or a UUID (read without its
 *       dashes), a synthetic remote parent with span id {@code 73757065726c6f6f} in that trace;
 *       else the span starts a new trace. The step's trace id is always the attribute {@code
 *       superloop.trace_id}, and {@code superloop.trace_link} says which rule applied ({@code
 *       context}, {@code traceparent}, {@code trace_id}, {@code uuid}, {@code none}).
 * </ul>
 *
 * <p>Nothing is recorded per event line: a step costs a fixed handful of recordings and one span.
 */
public final class VisibilityTelemetry implements VisibilityListener {
  /** The instrumentation scope of the meter and the tracer. */
  public static final String SCOPE = "io.superloop.visibility";

  private static final String STEP_SPAN = "superloop.reconcile";
  private static final String CONTROL_SPAN = "superloop.control";
  private static final String ESCALATION_EVENT = "superloop.escalation";
  private static final List<Double> DURATION_BUCKETS =
      List.of(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0);
  private static final int MAX_CACHED_LOOPS = 1024;

  private final Tracer tracer;
  private final LongGauge heartbeatLag;
  private final LongGauge heartbeatFreshness;
  private final LongGauge driftActive;
  private final LongCounter violations;
  private final LongCounter gaps;
  private final LongCounter duplicates;
  private final LongCounter controls;
  private final LongCounter warnings;
  private final LongCounter lines;
  private final LongCounter bytes;
  private final LongCounter quarantined;
  private final DoubleHistogram duration;

  /**
   * The attribute sets of the loops seen, up to {@link #MAX_CACHED_LOOPS}; beyond, a loop's sets
   * are built per call (the meter's own cardinality limit applies to them anyway).
   */
  private final ConcurrentMap<LoopKey, LoopAttributes> attributes = new ConcurrentHashMap<>();

  private VisibilityTelemetry(OpenTelemetry otel) {
    String version =
        Optional.ofNullable(getClass().getPackage().getImplementationVersion()).orElse("");
    Meter meter =
        version.isEmpty()
            ? otel.getMeter(SCOPE)
            : otel.meterBuilder(SCOPE).setInstrumentationVersion(version).build();
    tracer =
        version.isEmpty()
            ? otel.getTracer(SCOPE)
            : otel.tracerBuilder(SCOPE).setInstrumentationVersion(version).build();
    heartbeatLag = gauge(meter, Instrument.HEARTBEAT_LAG);
    heartbeatFreshness = gauge(meter, Instrument.HEARTBEAT_FRESHNESS);
    driftActive = gauge(meter, Instrument.SEQUENCE_DRIFT_ACTIVE);
    violations = counter(meter, Instrument.SEQUENCE_VIOLATIONS);
    gaps = counter(meter, Instrument.SEQUENCE_GAPS);
    duplicates = counter(meter, Instrument.SEQUENCE_DUPLICATES);
    controls = counter(meter, Instrument.CONTROL_INVOCATIONS);
    warnings = counter(meter, Instrument.RECONCILE_WARNINGS);
    lines = counter(meter, Instrument.INGEST_LINES);
    bytes = counter(meter, Instrument.INGEST_BYTES);
    quarantined = counter(meter, Instrument.QUARANTINED_FILES);
    Instrument d = Instrument.RECONCILE_DURATION;
    duration =
        meter
            .histogramBuilder(d.metricName)
            .setUnit(d.unit)
            .setDescription(d.description)
            .setExplicitBucketBoundariesAdvice(DURATION_BUCKETS)
            .build();
  }

  private static LongCounter counter(Meter meter, Instrument i) {
    return meter.counterBuilder(i.metricName).setUnit(i.unit).setDescription(i.description).build();
  }

  private static LongGauge gauge(Meter meter, Instrument i) {
    return meter
        .gaugeBuilder(i.metricName)
        .ofLongs()
        .setUnit(i.unit)
        .setDescription(i.description)
        .build();
  }

  /**
   * The plane's telemetry on {@code openTelemetry}'s meter and tracer providers.
   *
   * @param openTelemetry the application's OpenTelemetry (an SDK, or {@link OpenTelemetry#noop()})
   * @return a listener to register on every plane to observe
   */
  public static VisibilityTelemetry create(OpenTelemetry openTelemetry) {
    return new VisibilityTelemetry(Objects.requireNonNull(openTelemetry, "openTelemetry"));
  }

  /**
   * The attribute sets of one loop and transport, built once: the metrics of a step record only
   * these (the span's attributes are its own), so a step builds no attribute set.
   */
  private static final class LoopAttributes {
    /** {@code superloop.loop.id} and {@code superloop.transport}. */
    final Attributes loop;

    /**
     * {@link #loop} with {@code superloop.heartbeat.freshness_status}, by {@link FreshnessStatus}.
     */
    final Attributes[] freshness;

    /** {@link #loop} with {@code superloop.reason_code}, by {@link ViolationCode}. */
    final Attributes[] violations;

    LoopAttributes(String loopId, Transport transport) {
      loop = Attributes.of(Attr.LOOP_ID, loopId, Attr.TRANSPORT, transport.wire());
      FreshnessStatus[] statuses = FreshnessStatus.values();
      freshness = new Attributes[statuses.length];
      for (FreshnessStatus s : statuses) {
        freshness[s.ordinal()] = loop.toBuilder().put(Attr.FRESHNESS_STATUS, s.wire()).build();
      }
      ViolationCode[] codes = ViolationCode.values();
      violations = new Attributes[codes.length];
      for (ViolationCode v : codes) {
        violations[v.ordinal()] = loop.toBuilder().put(Attr.REASON_CODE, v.wire()).build();
      }
    }
  }

  /** The key of {@link #attributes}. */
  private record LoopKey(String loopId, Transport transport) {}

  private LoopAttributes attributes(String loopId, Transport transport) {
    LoopKey key = new LoopKey(loopId, transport);
    LoopAttributes cached = attributes.get(key);
    if (cached != null) {
      return cached;
    }
    LoopAttributes built = new LoopAttributes(loopId, transport);
    if (attributes.size() < MAX_CACHED_LOOPS) {
      LoopAttributes raced = attributes.putIfAbsent(key, built);
      return raced == null ? built : raced;
    }
    return built;
  }

  private static void add(LongCounter counter, long value, Attributes attributes) {
    if (value > 0) {
      counter.add(value, attributes);
    }
  }

  /**
   * Records the step's metrics and its span.
   *
   * @param step the committed step
   */
  @Override
  public void onStep(StepEvent step) {
    VisibilityPlane.Reconciliation result = step.reconciliation();
    LoopAttributes attrs = attributes(step.loopId(), step.transport());
    Attributes loop = attrs.loop;
    duration.record(step.duration().toNanos() / 1e9, loop);
    add(lines, step.linesIngested(), loop);
    add(bytes, step.bytesIngested(), loop);
    add(quarantined, step.quarantinedFiles().size(), loop);
    Optional<HeartbeatState> heartbeat = result.heartbeat().state();
    if (heartbeat.isPresent()) {
      heartbeatLag.set(heartbeat.get().heartbeatLagSeconds(), loop);
      FreshnessStatus now = heartbeat.get().freshnessStatus();
      for (FreshnessStatus s : FreshnessStatus.values()) {
        heartbeatFreshness.set(s == now ? 1 : 0, attrs.freshness[s.ordinal()]);
      }
    }
    result.sequenceState().ifPresent(s -> driftActive.set(s.driftActive() ? 1 : 0, loop));
    if (result.sequenceRow().isPresent()) {
      SequenceObservation row = result.sequenceRow().get();
      for (ViolationCode v : row.violations()) {
        violations.add(1, attrs.violations[v.ordinal()]);
      }
      EventDiagnostics events = row.events();
      add(gaps, events.gaps().orElse(0), loop);
      add(duplicates, events.duplicates().orElse(0), loop);
    }
    stepSpan(step, loop);
  }

  private void stepSpan(StepEvent step, Attributes loop) {
    VisibilityPlane.Reconciliation result = step.reconciliation();
    ReconcileRow row = result.reconcileRow();
    TraceParents.Parent parent = TraceParents.of(Context.current(), step.traceId().value());
    long start = epochNanos(step.startedAt());
    long end = start + Math.max(0, step.duration().toNanos());
    Span span =
        tracer
            .spanBuilder(STEP_SPAN)
            .setParent(parent.context())
            .setSpanKind(SpanKind.INTERNAL)
            .setStartTimestamp(start, TimeUnit.NANOSECONDS)
            .setAllAttributes(loop)
            .setAttribute(Attr.TRACE_ID, step.traceId().value())
            .setAttribute(Attr.TRACE_LINK, parent.link().wire)
            .setAttribute(Attr.INGEST_STATUS, row.status().wire())
            .setAttribute(Attr.HEALTH_STATUS, result.health().status().wire())
            .setAttribute(Attr.SEQUENCE_STATUS, row.sequenceStatus().wire())
            .setAttribute(Attr.EVENTS_INGESTED, row.eventsIngested())
            .startSpan();
    row.failureCode().ifPresent(f -> span.setAttribute(Attr.FAILURE_CODE, f.wire()));
    result
        .heartbeat()
        .state()
        .ifPresent(
            h -> {
              span.setAttribute(Attr.FRESHNESS_STATUS, h.freshnessStatus().wire());
              span.setAttribute(Attr.HEARTBEAT_LAG, h.heartbeatLagSeconds());
            });
    result.sequenceState().ifPresent(s -> span.setAttribute(Attr.DRIFT_ACTIVE, s.driftActive()));
    for (EscalationRow e : result.escalations()) {
      span.addEvent(
          ESCALATION_EVENT,
          Attributes.of(Attr.ESCALATION_CATEGORY, e.category().wire()),
          end,
          TimeUnit.NANOSECONDS);
    }
    if (row.failureCode().isPresent() || row.status() == IngestStatus.FAILED) {
      span.setStatus(StatusCode.ERROR, row.failureMessage().orElse("ingest failed"));
    }
    span.end(end, TimeUnit.NANOSECONDS);
  }

  /**
   * Counts the warning by its reason code.
   *
   * @param step the committed step
   * @param warning the warning
   */
  @Override
  public void onWarning(StepEvent step, ReasonCode warning) {
    warnings.add(
        1,
        attributes(step.loopId(), step.transport()).loop.toBuilder()
            .put(Attr.REASON_CODE, warning.wire())
            .build());
  }

  /**
   * Counts the control action by intent and outcome status and records its span.
   *
   * @param invocation the action's invocation row
   */
  @Override
  public void onControl(ControlInvocation invocation) {
    Attributes loop = attributes(invocation.loopId(), invocation.transport()).loop;
    OutcomeStatus status = invocation.outcome().status();
    controls.add(
        1,
        loop.toBuilder()
            .put(Attr.CONTROL_INTENT, invocation.intent().wire())
            .put(Attr.CONTROL_STATUS, status.wire())
            .build());
    String trace = invocation.traceId().map(TraceId::value).orElse("");
    TraceParents.Parent parent = TraceParents.of(Context.current(), trace);
    long end = epochNanos(parse(invocation.timestamp()).orElseGet(Instant::now));
    long start = parse(invocation.startedAt()).map(VisibilityTelemetry::epochNanos).orElse(end);
    Span span =
        tracer
            .spanBuilder(CONTROL_SPAN)
            .setParent(parent.context())
            .setSpanKind(SpanKind.INTERNAL)
            .setStartTimestamp(Math.min(start, end), TimeUnit.NANOSECONDS)
            .setAllAttributes(loop)
            .setAttribute(Attr.TRACE_ID, trace)
            .setAttribute(Attr.TRACE_LINK, parent.link().wire)
            .setAttribute(Attr.CONTROL_INTENT, invocation.intent().wire())
            .setAttribute(Attr.CONTROL_STATUS, status.wire())
            .setAttribute(Attr.IDEMPOTENCY_KEY, invocation.idempotencyKey())
            .startSpan();
    if (status.equals(OutcomeStatus.FAILED_COMMAND)) {
      span.setStatus(StatusCode.ERROR, "failed_command");
    }
    span.end(end, TimeUnit.NANOSECONDS);
  }

  private static Optional<Instant> parse(String timestamp) {
    try {
      return Optional.of(Instant.parse(timestamp));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static long epochNanos(Instant t) {
    return TimeUnit.SECONDS.toNanos(t.getEpochSecond()) + t.getNano();
  }

  @Override
  public String toString() {
    return "VisibilityTelemetry[" + SCOPE + "]";
  }
}
