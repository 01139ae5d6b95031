package io.superloop.visibility.testkit.gen.internal;

import io.superloop.visibility.api.status.HeartbeatObservationSurface;
import io.superloop.visibility.api.status.HeartbeatSurface;
import io.superloop.visibility.api.status.InvocationAuditSurface;
import io.superloop.visibility.api.status.SequenceSurface;
import io.superloop.visibility.api.status.TraceSurface;
import io.superloop.visibility.api.status.VisibilitySummary;
import io.superloop.visibility.api.status.internal.ImmutableHeartbeatObservationSurface;
import io.superloop.visibility.api.status.internal.ImmutableHeartbeatSurface;
import io.superloop.visibility.api.status.internal.ImmutableInvocationAuditSurface;
import io.superloop.visibility.api.status.internal.ImmutableSequenceSurface;
import io.superloop.visibility.api.status.internal.ImmutableTraceSurface;
import io.superloop.visibility.api.status.internal.ImmutableVisibilitySummary;
import io.superloop.visibility.testkit.gen.Gen;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Generators of the records of {@code api.status} (the {@code visibility} status surface). */
public final class StatusGens {
  private StatusGens() {}

  /**
   * Heartbeat observation surfaces, every field present or absent, unknown fields.
   *
   * @return the generator
   */
  public static Gen<HeartbeatObservationSurface> heartbeatObservationSurfaces() {
    return BuilderGen.of(
            HeartbeatObservationSurface.class,
            ImmutableHeartbeatObservationSurface::builder,
            ImmutableHeartbeatObservationSurface.Builder::build)
        .with(ValueGens.optionalStrings(), ImmutableHeartbeatObservationSurface.Builder::status)
        .with(
            Gen.optionals(ValueGens.reasonCodes()),
            ImmutableHeartbeatObservationSurface.Builder::reasonCode)
        .with(
            Gen.optionals(ValueGens.timestamps()), ImmutableHeartbeatObservationSurface.Builder::at)
        .with(
            ValueGens.unknownFields(),
            ImmutableHeartbeatObservationSurface.Builder::putAllUnknownFields)
        .gen();
  }

  /**
   * Heartbeat surfaces, every field present or absent (any lag), unknown fields.
   *
   * @return the generator
   */
  public static Gen<HeartbeatSurface> heartbeatSurfaces() {
    return BuilderGen.of(
            HeartbeatSurface.class,
            ImmutableHeartbeatSurface::builder,
            ImmutableHeartbeatSurface.Builder::build)
        .with(
            Gen.optionals(HeartbeatGens.freshnessStatuses()),
            ImmutableHeartbeatSurface.Builder::freshnessStatus)
        .with(Gen.optionals(ValueGens.reasonCodes()), ImmutableHeartbeatSurface.Builder::reasonCode)
        .with(
            Gen.optionals(ValueGens.timestamps()),
            ImmutableHeartbeatSurface.Builder::lastHeartbeatAt)
        .with(
            ValueGens.optionalLongs(ValueGens.anyLongs()),
            ImmutableHeartbeatSurface.Builder::heartbeatLagSeconds)
        .with(Gen.optionals(ValueGens.timestamps()), ImmutableHeartbeatSurface.Builder::updatedAt)
        .with(Gen.optionals(ValueGens.transports()), ImmutableHeartbeatSurface.Builder::transport)
        .with(ValueGens.optionalTraceIds(), ImmutableHeartbeatSurface.Builder::traceId)
        .with(
            Gen.optionals(heartbeatObservationSurfaces()),
            ImmutableHeartbeatSurface.Builder::lastObservation)
        .with(ValueGens.unknownFields(), ImmutableHeartbeatSurface.Builder::putAllUnknownFields)
        .gen();
  }

  /**
   * Sequence surfaces: violations absent, empty ({@code []}) or non-empty, every other field
   * present or absent, unknown fields.
   *
   * @return the generator
   */
  public static Gen<SequenceSurface> sequenceSurfaces() {
    Gen<List<String>> violations =
        ValueGens.lists(
            Gen.frequency(
                Gen.weighted(3, SequenceGens.violationCodes().map(v -> v.wire())),
                Gen.weighted(1, ValueGens.strings())),
            4);
    return BuilderGen.of(
            SequenceSurface.class,
            ImmutableSequenceSurface::builder,
            ImmutableSequenceSurface.Builder::build)
        .with(ValueGens.optionalStrings(), ImmutableSequenceSurface.Builder::status)
        .with(Gen.optionals(ValueGens.reasonCodes()), ImmutableSequenceSurface.Builder::reasonCode)
        .with(Gen.optionals(Gen.booleans()), ImmutableSequenceSurface.Builder::driftActive)
        .with(Gen.optionals(violations), ImmutableSequenceSurface.Builder::violations)
        .with(
            ValueGens.optionalLongs(ValueGens.anyLongs()),
            ImmutableSequenceSurface.Builder::snapshotCurrent)
        .with(
            ValueGens.optionalLongs(ValueGens.anyLongs()),
            ImmutableSequenceSurface.Builder::eventsLast)
        .with(Gen.optionals(ValueGens.timestamps()), ImmutableSequenceSurface.Builder::updatedAt)
        .with(Gen.optionals(ValueGens.transports()), ImmutableSequenceSurface.Builder::transport)
        .with(ValueGens.optionalTraceIds(), ImmutableSequenceSurface.Builder::traceId)
        .with(ValueGens.unknownFields(), ImmutableSequenceSurface.Builder::putAllUnknownFields)
        .gen();
  }

  /**
   * Invocation audit surfaces, every field present or absent, unknown fields.
   *
   * @return the generator
   */
  public static Gen<InvocationAuditSurface> invocationAuditSurfaces() {
    return BuilderGen.of(
            InvocationAuditSurface.class,
            ImmutableInvocationAuditSurface::builder,
            ImmutableInvocationAuditSurface.Builder::build)
        .with(
            Gen.optionals(ValueGens.timestamps()),
            ImmutableInvocationAuditSurface.Builder::timestamp)
        .with(
            Gen.optionals(
                Gen.frequency(
                    Gen.weighted(3, AuditGens.intents().map(i -> i.wire())),
                    Gen.weighted(1, ValueGens.strings()))),
            ImmutableInvocationAuditSurface.Builder::intent)
        .with(
            Gen.optionals(ValueGens.transports()),
            ImmutableInvocationAuditSurface.Builder::transport)
        .with(ValueGens.optionalStrings(), ImmutableInvocationAuditSurface.Builder::idempotencyKey)
        .with(ValueGens.optionalStrings(), ImmutableInvocationAuditSurface.Builder::executionStatus)
        .with(
            ValueGens.optionalStrings(),
            ImmutableInvocationAuditSurface.Builder::confirmationStatus)
        .with(ValueGens.optionalStrings(), ImmutableInvocationAuditSurface.Builder::outcomeStatus)
        .with(Gen.optionals(Gen.booleans()), ImmutableInvocationAuditSurface.Builder::replayed)
        .with(ValueGens.optionalTraceIds(), ImmutableInvocationAuditSurface.Builder::traceId)
        .with(Gen.optionals(Gen.booleans()), ImmutableInvocationAuditSurface.Builder::inFlight)
        .with(
            ValueGens.unknownFields(), ImmutableInvocationAuditSurface.Builder::putAllUnknownFields)
        .gen();
  }

  /**
   * Trace surfaces: every trace id present or absent, {@code distinctTraceIds >= 0} or absent,
   * unknown fields; the empty surface included.
   *
   * @return the generator
   */
  public static Gen<TraceSurface> traceSurfaces() {
    return BuilderGen.of(
            TraceSurface.class,
            ImmutableTraceSurface::builder,
            ImmutableTraceSurface.Builder::build)
        .with(ValueGens.optionalTraceIds(), ImmutableTraceSurface.Builder::controlTraceId)
        .with(ValueGens.optionalTraceIds(), ImmutableTraceSurface.Builder::controlInvocationTraceId)
        .with(ValueGens.optionalTraceIds(), ImmutableTraceSurface.Builder::reconcileTraceId)
        .with(ValueGens.optionalTraceIds(), ImmutableTraceSurface.Builder::heartbeatTraceId)
        .with(ValueGens.optionalTraceIds(), ImmutableTraceSurface.Builder::sequenceTraceId)
        .with(ValueGens.optionalTraceIds(), ImmutableTraceSurface.Builder::alertTraceId)
        .with(ValueGens.optionalTraceIds(), ImmutableTraceSurface.Builder::sharedTraceId)
        .with(
            ValueGens.optionalLongs(ValueGens.nonNegativeLongs()),
            ImmutableTraceSurface.Builder::distinctTraceIds)
        .with(ValueGens.unknownFields(), ImmutableTraceSurface.Builder::putAllUnknownFields)
        .gen();
  }

  /**
   * {@code visibility} summaries: each surface present or absent, a trace surface always, unknown
   * fields.
   *
   * @return the generator
   */
  public static Gen<VisibilitySummary> visibilitySummaries() {
    return BuilderGen.of(
            VisibilitySummary.class,
            ImmutableVisibilitySummary::builder,
            ImmutableVisibilitySummary.Builder::build)
        .with(Gen.optionals(heartbeatSurfaces()), ImmutableVisibilitySummary.Builder::heartbeat)
        .with(Gen.optionals(sequenceSurfaces()), ImmutableVisibilitySummary.Builder::sequence)
        .with(
            Gen.optionals(invocationAuditSurfaces()),
            ImmutableVisibilitySummary.Builder::invocationAudit)
        .with(traceSurfaces(), ImmutableVisibilitySummary.Builder::trace)
        .with(unreadable(), ImmutableVisibilitySummary.Builder::putAllUnreadable)
        .with(ValueGens.unknownFields(), ImmutableVisibilitySummary.Builder::putAllUnknownFields)
        .gen();
  }

  /**
   * The {@code unreadable} field: none mostly, else up to three of the loop's files, each with an
   * error code (a newer writer's unknown code included).
   *
   * @return the generator
   */
  public static Gen<Map<String, String>> unreadable() {
    Gen<Map.Entry<String, String>> entry =
        Gen.zip(
            Gen.elements(
                "heartbeat.json",
                "sequence-state.json",
                "telemetry/heartbeat.jsonl",
                "telemetry/control-invocations.jsonl",
                "intents.jsonl",
                "alert-dispatch-state.json"),
            Gen.elements(
                "invalid_json",
                "limit_exceeded",
                "not_regular_file",
                "symlink_refused",
                "io_error",
                "new_code"),
            Map::entry);
    Gen<Map<String, String>> some =
        Gen.listOf(entry, 1, 3)
            .map(
                l -> {
                  Map<String, String> m = new LinkedHashMap<>();
                  l.forEach(e -> m.put(e.getKey(), e.getValue()));
                  return m;
                });
    return Gen.frequency(Gen.weighted(3, Gen.constant(Map.of())), Gen.weighted(1, some));
  }
}
