package io.superloop.visibility.api.internal.codec;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.envelope.ArtifactRef;
import io.superloop.visibility.api.envelope.CursorState;
import io.superloop.visibility.api.envelope.EnvelopeCursor;
import io.superloop.visibility.api.envelope.EnvelopeSource;
import io.superloop.visibility.api.envelope.EnvelopeType;
import io.superloop.visibility.api.envelope.EventEnvelope;
import io.superloop.visibility.api.envelope.EventsAnswer;
import io.superloop.visibility.api.envelope.EventsCursor;
import io.superloop.visibility.api.envelope.SnapshotEnvelope;
import io.superloop.visibility.api.envelope.internal.ImmutableArtifactRef;
import io.superloop.visibility.api.envelope.internal.ImmutableCursorState;
import io.superloop.visibility.api.envelope.internal.ImmutableEnvelopeCursor;
import io.superloop.visibility.api.envelope.internal.ImmutableEnvelopeSource;
import io.superloop.visibility.api.envelope.internal.ImmutableEventEnvelope;
import io.superloop.visibility.api.envelope.internal.ImmutableEventsAnswer;
import io.superloop.visibility.api.envelope.internal.ImmutableEventsCursor;
import io.superloop.visibility.api.envelope.internal.ImmutableSnapshotEnvelope;
import io.superloop.visibility.api.internal.ObjectCodec;
import io.superloop.visibility.api.internal.ObjectCodec.Absence;
import io.superloop.visibility.api.internal.ObjectCodec.SchemaVersion;
import io.superloop.visibility.api.internal.Values;
import io.superloop.visibility.api.json.JsonCodec;
import io.superloop.visibility.api.json.JsonValue;
import java.util.List;

/**
 * Codecs of the envelopes, the sprite service's events answer and {@code OPS/cursor.json}, in the
 * reference's key order and null rules. The envelope codecs are tolerant and order-preserving (see
 * {@link SnapshotEnvelope}); the others follow the library's usual rules (unknown fields kept, a
 * required field absent or {@code null} is {@code missing_field}). The control and error answers'
 * codecs are {@link io.superloop.visibility.api.internal.answer.AnswerCodecs}.
 */
public final class EnvelopeCodecs {
  private EnvelopeCodecs() {}

  /** {@code source}: {@code {repoPath, loopId}}. */
  public static final JsonCodec<EnvelopeSource> SOURCE =
      ObjectCodec.<EnvelopeSource, ImmutableEnvelopeSource.Builder>builder(
              "envelope source",
              ImmutableEnvelopeSource::builder,
              ImmutableEnvelopeSource.Builder::build)
          .schemaVersion(SchemaVersion.NONE)
          .required(
              "repoPath",
              Values.STRING,
              EnvelopeSource::repoPath,
              ImmutableEnvelopeSource.Builder::repoPath)
          .required(
              "loopId",
              Values.STRING,
              EnvelopeSource::loopId,
              ImmutableEnvelopeSource.Builder::loopId)
          .unknownFields(
              EnvelopeSource::unknownFields, ImmutableEnvelopeSource.Builder::putAllUnknownFields)
          .build();

  /** Envelope {@code cursor}: {@code {eventLineOffset, eventLineCount}}. */
  public static final JsonCodec<EnvelopeCursor> CURSOR =
      ObjectCodec.<EnvelopeCursor, ImmutableEnvelopeCursor.Builder>builder(
              "envelope cursor",
              ImmutableEnvelopeCursor::builder,
              ImmutableEnvelopeCursor.Builder::build)
          .schemaVersion(SchemaVersion.NONE)
          .requiredLong(
              "eventLineOffset",
              EnvelopeCursor::eventLineOffset,
              ImmutableEnvelopeCursor.Builder::eventLineOffset)
          .requiredLong(
              "eventLineCount",
              EnvelopeCursor::eventLineCount,
              ImmutableEnvelopeCursor.Builder::eventLineCount)
          .unknownFields(
              EnvelopeCursor::unknownFields, ImmutableEnvelopeCursor.Builder::putAllUnknownFields)
          .build();

  /**
   * An artifact reference: {@code {path, exists, sizeBytes, lineCount, sha256, mtimeEpoch}}, nulls
   * kept.
   */
  public static final JsonCodec<ArtifactRef> ARTIFACT_REF =
      ObjectCodec.<ArtifactRef, ImmutableArtifactRef.Builder>builder(
              "artifact reference",
              ImmutableArtifactRef::builder,
              ImmutableArtifactRef.Builder::build)
          .schemaVersion(SchemaVersion.NONE)
          .required("path", Values.STRING, ArtifactRef::path, ImmutableArtifactRef.Builder::path)
          .requiredBoolean("exists", ArtifactRef::exists, ImmutableArtifactRef.Builder::exists)
          .requiredLong(
              "sizeBytes", ArtifactRef::sizeBytes, ImmutableArtifactRef.Builder::sizeBytes)
          .requiredLong(
              "lineCount", ArtifactRef::lineCount, ImmutableArtifactRef.Builder::lineCount)
          .optional(
              "sha256",
              Values.STRING,
              ArtifactRef::sha256,
              ImmutableArtifactRef.Builder::sha256,
              Absence.NULL)
          .optionalLong(
              "mtimeEpoch",
              ArtifactRef::mtimeEpoch,
              ImmutableArtifactRef.Builder::mtimeEpoch,
              Absence.NULL)
          .unknownFields(
              ArtifactRef::unknownFields, ImmutableArtifactRef.Builder::putAllUnknownFields)
          .build();

  /**
   * {@code loop_run_snapshot} envelopes (contract 1.1), tolerant and order-preserving. Absent
   * {@code schemaVersion} or {@code envelopeType}: {@code missing_field}; {@code schemaVersion}
   * other than {@code "v1"}: {@code unsupported_schema_version}; {@code envelopeType} other than
   * {@code loop_run_snapshot}: {@code unknown_envelope_type}; an invalid present trace id: {@code
   * invalid_trace_id}.
   */
  public static final JsonCodec<SnapshotEnvelope> SNAPSHOT =
      ObjectCodec.<SnapshotEnvelope, ImmutableSnapshotEnvelope.Builder>builder(
              EnvelopeType.LOOP_RUN_SNAPSHOT.wire() + " envelope",
              ImmutableSnapshotEnvelope::builder,
              ImmutableSnapshotEnvelope.Builder::build)
          .schemaVersion(SchemaVersion.V1)
          .constant(
              "envelopeType",
              EnvelopeType.LOOP_RUN_SNAPSHOT.wire(),
              ErrorCode.UNKNOWN_ENVELOPE_TYPE)
          .optional(
              "emittedAt",
              Values.STRING,
              SnapshotEnvelope::emittedAt,
              ImmutableSnapshotEnvelope.Builder::emittedAt,
              Absence.OMIT)
          .optional(
              "traceId",
              Values.TRACE_ID,
              SnapshotEnvelope::traceId,
              ImmutableSnapshotEnvelope.Builder::traceId,
              Absence.NULL)
          .optional(
              "source",
              SOURCE,
              SnapshotEnvelope::source,
              ImmutableSnapshotEnvelope.Builder::source,
              Absence.OMIT)
          .raw("run", SnapshotEnvelope::run, ImmutableSnapshotEnvelope.Builder::run)
          .raw("runtime", SnapshotEnvelope::runtime, ImmutableSnapshotEnvelope.Builder::runtime)
          .raw(
              "artifacts",
              SnapshotEnvelope::artifacts,
              ImmutableSnapshotEnvelope.Builder::artifacts)
          .raw("sequence", SnapshotEnvelope::sequence, ImmutableSnapshotEnvelope.Builder::sequence)
          .optional(
              "cursor",
              CURSOR,
              SnapshotEnvelope::cursor,
              ImmutableSnapshotEnvelope.Builder::cursor,
              Absence.OMIT)
          .raw("health", SnapshotEnvelope::health, ImmutableSnapshotEnvelope.Builder::health)
          .unknownFields(
              SnapshotEnvelope::unknownFields,
              ImmutableSnapshotEnvelope.Builder::putAllUnknownFields)
          .asRead(SnapshotEnvelope::memberOrder, ImmutableSnapshotEnvelope.Builder::memberOrder)
          .build();

  /**
   * {@code loop_run_event} envelopes (contract 1.1), tolerant and order-preserving, with the rules
   * of {@link #SNAPSHOT} ({@code envelopeType} must be {@code loop_run_event}).
   */
  public static final JsonCodec<EventEnvelope> EVENT =
      ObjectCodec.<EventEnvelope, ImmutableEventEnvelope.Builder>builder(
              EnvelopeType.LOOP_RUN_EVENT.wire() + " envelope",
              ImmutableEventEnvelope::builder,
              ImmutableEventEnvelope.Builder::build)
          .schemaVersion(SchemaVersion.V1)
          .constant(
              "envelopeType", EnvelopeType.LOOP_RUN_EVENT.wire(), ErrorCode.UNKNOWN_ENVELOPE_TYPE)
          .optional(
              "emittedAt",
              Values.STRING,
              EventEnvelope::emittedAt,
              ImmutableEventEnvelope.Builder::emittedAt,
              Absence.OMIT)
          .optional(
              "traceId",
              Values.TRACE_ID,
              EventEnvelope::traceId,
              ImmutableEventEnvelope.Builder::traceId,
              Absence.NULL)
          .optional(
              "source",
              SOURCE,
              EventEnvelope::source,
              ImmutableEventEnvelope.Builder::source,
              Absence.OMIT)
          .raw("sequence", EventEnvelope::sequence, ImmutableEventEnvelope.Builder::sequence)
          .optional(
              "cursor",
              CURSOR,
              EventEnvelope::cursor,
              ImmutableEventEnvelope.Builder::cursor,
              Absence.OMIT)
          .raw("run", EventEnvelope::run, ImmutableEventEnvelope.Builder::run)
          .raw("event", EventEnvelope::event, ImmutableEventEnvelope.Builder::event)
          .unknownFields(
              EventEnvelope::unknownFields, ImmutableEventEnvelope.Builder::putAllUnknownFields)
          .asRead(EventEnvelope::memberOrder, ImmutableEventEnvelope.Builder::memberOrder)
          .build();

  /**
   * {@code OPS/cursor.json} (contract 1.16; additive {@code eventByteOffset} and {@code
   * eventTailCrc32}, H17, omitted when empty).
   */
  public static final JsonCodec<CursorState> CURSOR_STATE =
      ObjectCodec.<CursorState, ImmutableCursorState.Builder>builder(
              "cursor state", ImmutableCursorState::builder, ImmutableCursorState.Builder::build)
          .schemaVersion(SchemaVersion.V1)
          .required(
              "repoPath",
              Values.STRING,
              CursorState::repoPath,
              ImmutableCursorState.Builder::repoPath)
          .required(
              "loopId", Values.STRING, CursorState::loopId, ImmutableCursorState.Builder::loopId)
          .required(
              "eventsFile",
              Values.STRING,
              CursorState::eventsFile,
              ImmutableCursorState.Builder::eventsFile)
          .requiredLong(
              "eventLineOffset",
              CursorState::eventLineOffset,
              ImmutableCursorState.Builder::eventLineOffset)
          .requiredLong(
              "eventLineCount",
              CursorState::eventLineCount,
              ImmutableCursorState.Builder::eventLineCount)
          .required(
              "updatedAt",
              Values.STRING,
              CursorState::updatedAt,
              ImmutableCursorState.Builder::updatedAt)
          .optionalLong(
              "eventByteOffset",
              CursorState::eventByteOffset,
              ImmutableCursorState.Builder::eventByteOffset,
              Absence.OMIT)
          .optionalLong(
              "eventTailCrc32",
              CursorState::eventTailCrc32,
              ImmutableCursorState.Builder::eventTailCrc32,
              Absence.OMIT)
          .unknownFields(
              CursorState::unknownFields, ImmutableCursorState.Builder::putAllUnknownFields)
          .build();

  /** The events answer's {@code cursor}: {@code {eventLineOffset, eventLineCount, updatedAt}}. */
  public static final JsonCodec<EventsCursor> EVENTS_CURSOR =
      ObjectCodec.<EventsCursor, ImmutableEventsCursor.Builder>builder(
              "events answer cursor",
              ImmutableEventsCursor::builder,
              ImmutableEventsCursor.Builder::build)
          .schemaVersion(SchemaVersion.NONE)
          .requiredLong(
              "eventLineOffset",
              EventsCursor::eventLineOffset,
              ImmutableEventsCursor.Builder::eventLineOffset)
          .requiredLong(
              "eventLineCount",
              EventsCursor::eventLineCount,
              ImmutableEventsCursor.Builder::eventLineCount)
          .required(
              "updatedAt",
              Values.STRING,
              EventsCursor::updatedAt,
              ImmutableEventsCursor.Builder::updatedAt)
          .unknownFields(
              EventsCursor::unknownFields, ImmutableEventsCursor.Builder::putAllUnknownFields)
          .build();

  /**
   * The 200 body of {@code GET /ops/events}: {@code {ok, schemaVersion, traceId?, source, events,
   * cursor}}, null-filtered; {@code schemaVersion} other than {@code "v1"} is {@code
   * unsupported_schema_version}.
   */
  public static final JsonCodec<EventsAnswer> EVENTS_ANSWER = eventsAnswer(EnvelopeLists.RAW_LIST);

  /**
   * The 200 body of {@code GET /ops/events} read for sequence validation only: every element of
   * {@code events} that is an object becomes {@code {"sequence":{"value":V}}} (or {@code
   * {"sequence":{}}} / {@code {}} when it has no value / no sequence object), every other element
   * is kept as read; the rest of each element is checked for JSON syntax, nesting depth and
   * duplicate keys and skipped without being built. The answer's other members are decoded exactly
   * as by {@link #EVENTS_ANSWER}. Length limits on strings and fraction literals apply only to what
   * is kept (a skipped value allocates nothing). Encoding writes the kept form.
   */
  public static final JsonCodec<EventsAnswer> EVENTS_ANSWER_SEQUENCES =
      eventsAnswer(EnvelopeLists.SEQUENCE_LIST);

  private static JsonCodec<EventsAnswer> eventsAnswer(JsonCodec<List<JsonValue>> events) {
    return ObjectCodec.<EventsAnswer, ImmutableEventsAnswer.Builder>builder(
            "events answer", ImmutableEventsAnswer::builder, ImmutableEventsAnswer.Builder::build)
        .requiredBoolean("ok", EventsAnswer::ok, ImmutableEventsAnswer.Builder::ok)
        .schemaVersion(SchemaVersion.V1)
        .optional(
            "traceId",
            Values.TRACE_ID,
            EventsAnswer::traceId,
            ImmutableEventsAnswer.Builder::traceId,
            Absence.OMIT)
        .required("source", SOURCE, EventsAnswer::source, ImmutableEventsAnswer.Builder::source)
        .required("events", events, EventsAnswer::events, ImmutableEventsAnswer.Builder::events)
        .required(
            "cursor", EVENTS_CURSOR, EventsAnswer::cursor, ImmutableEventsAnswer.Builder::cursor)
        .unknownFields(
            EventsAnswer::unknownFields, ImmutableEventsAnswer.Builder::putAllUnknownFields)
        .build();
  }
}
