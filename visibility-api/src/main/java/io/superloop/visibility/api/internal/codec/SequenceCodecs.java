package io.superloop.visibility.api.internal.codec;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.internal.ObjectCodec;
import io.superloop.visibility.api.internal.ObjectCodec.Absence;
import io.superloop.visibility.api.internal.ObjectCodec.SchemaVersion;
import io.superloop.visibility.api.internal.Values;
import io.superloop.visibility.api.json.JsonCodec;
import io.superloop.visibility.api.sequence.EventDiagnostics;
import io.superloop.visibility.api.sequence.SequenceObservation;
import io.superloop.visibility.api.sequence.SequenceState;
import io.superloop.visibility.api.sequence.SequenceStatus;
import io.superloop.visibility.api.sequence.SequenceTransition;
import io.superloop.visibility.api.sequence.SnapshotDiagnostics;
import io.superloop.visibility.api.sequence.ViolationCode;
import io.superloop.visibility.api.sequence.internal.ImmutableEventDiagnostics;
import io.superloop.visibility.api.sequence.internal.ImmutableSequenceObservation;
import io.superloop.visibility.api.sequence.internal.ImmutableSequenceState;
import io.superloop.visibility.api.sequence.internal.ImmutableSequenceTransition;
import io.superloop.visibility.api.sequence.internal.ImmutableSnapshotDiagnostics;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;

/** Codecs of the sequence diagnostics records, in the reference's key order and null rules. */
public final class SequenceCodecs {
  private SequenceCodecs() {}

  /** Violation codes by their wire strings; an unknown code is {@code invalid_field_value}. */
  public static final JsonCodec<ViolationCode> VIOLATION_CODE =
      Values.wireEnum(ViolationCode.class, ViolationCode::wire);

  /** {@code ok} / {@code ordering_drift_detected}. */
  public static final JsonCodec<SequenceStatus> STATUS =
      Values.wireEnum(SequenceStatus.class, SequenceStatus::wire);

  /**
   * {@code snapshot}: {@code {previous, current, monotonic, regressed, missing}} with explicit
   * nulls, then the additive {@code highWater} when present.
   */
  public static final JsonCodec<SnapshotDiagnostics> SNAPSHOT =
      ObjectCodec.<SnapshotDiagnostics, ImmutableSnapshotDiagnostics.Builder>builder(
              "snapshot diagnostics",
              ImmutableSnapshotDiagnostics::builder,
              ImmutableSnapshotDiagnostics.Builder::build)
          .schemaVersion(SchemaVersion.NONE)
          .optionalLong(
              "previous",
              SnapshotDiagnostics::previous,
              ImmutableSnapshotDiagnostics.Builder::previous,
              Absence.NULL)
          .optionalLong(
              "current",
              SnapshotDiagnostics::current,
              ImmutableSnapshotDiagnostics.Builder::current,
              Absence.NULL)
          .requiredBoolean(
              "monotonic",
              SnapshotDiagnostics::monotonic,
              ImmutableSnapshotDiagnostics.Builder::monotonic)
          .requiredBoolean(
              "regressed",
              SnapshotDiagnostics::regressed,
              ImmutableSnapshotDiagnostics.Builder::regressed)
          .requiredBoolean(
              "missing",
              SnapshotDiagnostics::missing,
              ImmutableSnapshotDiagnostics.Builder::missing)
          .optionalLong(
              "highWater",
              SnapshotDiagnostics::highWater,
              ImmutableSnapshotDiagnostics.Builder::highWater,
              Absence.OMIT)
          .unknownFields(
              SnapshotDiagnostics::unknownFields,
              ImmutableSnapshotDiagnostics.Builder::putAllUnknownFields)
          .build();

  /**
   * {@code events}: {@code {ingestedCount, previousLast, first, last, monotonicWithinBatch,
   * monotonicAcrossBatches, regressed, missing}} with explicit nulls, then the additive {@code
   * gaps, duplicates, max, highWater} when present.
   */
  public static final JsonCodec<EventDiagnostics> EVENTS =
      ObjectCodec.<EventDiagnostics, ImmutableEventDiagnostics.Builder>builder(
              "event diagnostics",
              ImmutableEventDiagnostics::builder,
              ImmutableEventDiagnostics.Builder::build)
          .schemaVersion(SchemaVersion.NONE)
          .requiredLong(
              "ingestedCount",
              EventDiagnostics::ingestedCount,
              ImmutableEventDiagnostics.Builder::ingestedCount)
          .optionalLong(
              "previousLast",
              EventDiagnostics::previousLast,
              ImmutableEventDiagnostics.Builder::previousLast,
              Absence.NULL)
          .optionalLong(
              "first",
              EventDiagnostics::first,
              ImmutableEventDiagnostics.Builder::first,
              Absence.NULL)
          .optionalLong(
              "last", EventDiagnostics::last, ImmutableEventDiagnostics.Builder::last, Absence.NULL)
          .requiredBoolean(
              "monotonicWithinBatch",
              EventDiagnostics::monotonicWithinBatch,
              ImmutableEventDiagnostics.Builder::monotonicWithinBatch)
          .requiredBoolean(
              "monotonicAcrossBatches",
              EventDiagnostics::monotonicAcrossBatches,
              ImmutableEventDiagnostics.Builder::monotonicAcrossBatches)
          .requiredBoolean(
              "regressed",
              EventDiagnostics::regressed,
              ImmutableEventDiagnostics.Builder::regressed)
          .requiredBoolean(
              "missing", EventDiagnostics::missing, ImmutableEventDiagnostics.Builder::missing)
          .optionalLong(
              "gaps", EventDiagnostics::gaps, ImmutableEventDiagnostics.Builder::gaps, Absence.OMIT)
          .optionalLong(
              "duplicates",
              EventDiagnostics::duplicates,
              ImmutableEventDiagnostics.Builder::duplicates,
              Absence.OMIT)
          .optionalLong(
              "max", EventDiagnostics::max, ImmutableEventDiagnostics.Builder::max, Absence.OMIT)
          .optionalLong(
              "highWater",
              EventDiagnostics::highWater,
              ImmutableEventDiagnostics.Builder::highWater,
              Absence.OMIT)
          .unknownFields(
              EventDiagnostics::unknownFields,
              ImmutableEventDiagnostics.Builder::putAllUnknownFields)
          .build();

  /**
   * {@code transition}: {@code {previousDriftActive, transitionedToDrift, recoveredFromDrift}},
   * then the additive {@code epochReset} when present.
   */
  public static final JsonCodec<SequenceTransition> TRANSITION =
      ObjectCodec.<SequenceTransition, ImmutableSequenceTransition.Builder>builder(
              "sequence transition",
              ImmutableSequenceTransition::builder,
              ImmutableSequenceTransition.Builder::build)
          .schemaVersion(SchemaVersion.NONE)
          .requiredBoolean(
              "previousDriftActive",
              SequenceTransition::previousDriftActive,
              ImmutableSequenceTransition.Builder::previousDriftActive)
          .requiredBoolean(
              "transitionedToDrift",
              SequenceTransition::transitionedToDrift,
              ImmutableSequenceTransition.Builder::transitionedToDrift)
          .requiredBoolean(
              "recoveredFromDrift",
              SequenceTransition::recoveredFromDrift,
              ImmutableSequenceTransition.Builder::recoveredFromDrift)
          .optional(
              "epochReset",
              Values.BOOLEAN,
              SequenceTransition::epochReset,
              ImmutableSequenceTransition.Builder::epochReset,
              Absence.OMIT)
          .unknownFields(
              SequenceTransition::unknownFields,
              ImmutableSequenceTransition.Builder::putAllUnknownFields)
          .build();

  /**
   * {@code OPS/sequence-state.json} and {@code state.json.sequence} (contract 1.5; top level
   * null-filtered).
   */
  public static final JsonCodec<SequenceState> STATE =
      ObjectCodec.<SequenceState, ImmutableSequenceState.Builder>builder(
              "sequence state",
              ImmutableSequenceState::builder,
              ImmutableSequenceState.Builder::build)
          .schemaVersion(SchemaVersion.V1)
          .required(
              "updatedAt",
              Values.STRING,
              SequenceState::updatedAt,
              ImmutableSequenceState.Builder::updatedAt)
          .required(
              "loopId",
              Values.STRING,
              SequenceState::loopId,
              ImmutableSequenceState.Builder::loopId)
          .optional(
              "traceId",
              Values.TRACE_ID,
              SequenceState::traceId,
              ImmutableSequenceState.Builder::traceId,
              Absence.OMIT)
          .required(
              "transport",
              Values.TRANSPORT,
              SequenceState::transport,
              ImmutableSequenceState.Builder::transport)
          .required("status", STATUS, SequenceState::status, ImmutableSequenceState.Builder::status)
          .optional(
              "reasonCode",
              Values.REASON_CODE,
              SequenceState::reasonCode,
              ImmutableSequenceState.Builder::reasonCode,
              Absence.OMIT)
          .requiredBoolean(
              "driftActive",
              SequenceState::driftActive,
              ImmutableSequenceState.Builder::driftActive)
          .list(
              "violations",
              VIOLATION_CODE,
              SequenceState::violations,
              ImmutableSequenceState.Builder::addAllViolations,
              s -> true)
          .required(
              "snapshot",
              SNAPSHOT,
              SequenceState::snapshot,
              ImmutableSequenceState.Builder::snapshot)
          .required("events", EVENTS, SequenceState::events, ImmutableSequenceState.Builder::events)
          .optional(
              "transition",
              TRANSITION,
              SequenceState::transition,
              ImmutableSequenceState.Builder::transition,
              Absence.OMIT)
          .unknownFields(
              SequenceState::unknownFields, ImmutableSequenceState.Builder::putAllUnknownFields)
          .build();

  /**
   * One {@code telemetry/sequence.jsonl} row (contract 1.6; top level null-filtered, no
   * schemaVersion).
   */
  public static final JsonCodec<SequenceObservation> OBSERVATION =
      ObjectCodec.<SequenceObservation, ImmutableSequenceObservation.Builder>builder(
              "sequence observation",
              ImmutableSequenceObservation::builder,
              ImmutableSequenceObservation.Builder::build)
          .schemaVersion(SchemaVersion.NONE)
          .required(
              "timestamp",
              Values.STRING,
              SequenceObservation::timestamp,
              ImmutableSequenceObservation.Builder::timestamp)
          .required(
              "loopId",
              Values.STRING,
              SequenceObservation::loopId,
              ImmutableSequenceObservation.Builder::loopId)
          .optional(
              "traceId",
              Values.TRACE_ID,
              SequenceObservation::traceId,
              ImmutableSequenceObservation.Builder::traceId,
              Absence.OMIT)
          .required(
              "transport",
              Values.TRANSPORT,
              SequenceObservation::transport,
              ImmutableSequenceObservation.Builder::transport)
          .required(
              "category",
              constant(SequenceObservation.CATEGORY),
              SequenceObservation::category,
              (b, v) -> {})
          .required(
              "status",
              STATUS,
              SequenceObservation::status,
              ImmutableSequenceObservation.Builder::status)
          .optional(
              "reasonCode",
              Values.REASON_CODE,
              SequenceObservation::reasonCode,
              ImmutableSequenceObservation.Builder::reasonCode,
              Absence.OMIT)
          .requiredBoolean(
              "driftActive",
              SequenceObservation::driftActive,
              ImmutableSequenceObservation.Builder::driftActive)
          .list(
              "violations",
              VIOLATION_CODE,
              SequenceObservation::violations,
              ImmutableSequenceObservation.Builder::addAllViolations,
              s -> true)
          .required(
              "snapshot",
              SNAPSHOT,
              SequenceObservation::snapshot,
              ImmutableSequenceObservation.Builder::snapshot)
          .required(
              "events",
              EVENTS,
              SequenceObservation::events,
              ImmutableSequenceObservation.Builder::events)
          .optional(
              "transition",
              TRANSITION,
              SequenceObservation::transition,
              ImmutableSequenceObservation.Builder::transition,
              Absence.OMIT)
          .unknownFields(
              SequenceObservation::unknownFields,
              ImmutableSequenceObservation.Builder::putAllUnknownFields)
          .build();

  /** A string field that must hold exactly {@code wire} ({@code invalid_field_value} otherwise). */
  static JsonCodec<String> constant(String wire) {
    return new JsonCodec<>() {
      @Override
      public String read(JsonParser p) {
        String s = Values.STRING.read(p);
        if (!s.equals(wire)) {
          throw VisibilityException.at(
              ErrorCode.INVALID_FIELD_VALUE,
              Values.path(p),
              "expected \"" + wire + "\", found \"" + s + "\"");
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
