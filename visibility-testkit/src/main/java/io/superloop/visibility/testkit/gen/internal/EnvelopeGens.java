package io.superloop.visibility.testkit.gen.internal;

import io.superloop.visibility.api.Codecs;
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
import io.superloop.visibility.api.internal.answer.ControlAnswer;
import io.superloop.visibility.api.internal.answer.ErrorAnswer;
import io.superloop.visibility.api.internal.answer.ServiceError;
import io.superloop.visibility.api.internal.answer.ServiceErrorCode;
import io.superloop.visibility.api.internal.answer.internal.ImmutableControlAnswer;
import io.superloop.visibility.api.internal.answer.internal.ImmutableErrorAnswer;
import io.superloop.visibility.api.internal.answer.internal.ImmutableServiceError;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.testkit.gen.Gen;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Generators of the records of {@code api.envelope}: the adapters' envelopes (built ones, written
 * in the contract's order), the sprite service's answers and {@code cursor.json}, valid by
 * construction.
 */
public final class EnvelopeGens {
  private EnvelopeGens() {}

  /**
   * Envelope types.
   *
   * @return the generator
   */
  public static Gen<EnvelopeType> envelopeTypes() {
    return Gen.elements(EnvelopeType.values());
  }

  /**
   * Service error codes: known ones and unknown wire strings.
   *
   * @return the generator
   */
  public static Gen<ServiceErrorCode> serviceErrorCodes() {
    return ValueGens.openValues(ServiceErrorCode.known(), ServiceErrorCode::of);
  }

  /**
   * Envelope {@code source} objects (foreign input: any strings), with unknown fields.
   *
   * @return the generator
   */
  public static Gen<EnvelopeSource> sources() {
    return BuilderGen.of(
            EnvelopeSource.class,
            ImmutableEnvelopeSource::builder,
            ImmutableEnvelopeSource.Builder::build)
        .with(ValueGens.strings(), ImmutableEnvelopeSource.Builder::repoPath)
        .with(
            Gen.frequency(
                Gen.weighted(2, ValueGens.loopIds()), Gen.weighted(1, ValueGens.strings())),
            ImmutableEnvelopeSource.Builder::loopId)
        .with(ValueGens.unknownFields(), ImmutableEnvelopeSource.Builder::putAllUnknownFields)
        .gen();
  }

  /**
   * Envelope {@code cursor} objects (foreign input: any whole numbers), with unknown fields.
   *
   * @return the generator
   */
  public static Gen<EnvelopeCursor> cursors() {
    return BuilderGen.of(
            EnvelopeCursor.class,
            ImmutableEnvelopeCursor::builder,
            ImmutableEnvelopeCursor.Builder::build)
        .with(ValueGens.anyLongs(), ImmutableEnvelopeCursor.Builder::eventLineOffset)
        .with(ValueGens.anyLongs(), ImmutableEnvelopeCursor.Builder::eventLineCount)
        .with(ValueGens.unknownFields(), ImmutableEnvelopeCursor.Builder::putAllUnknownFields)
        .gen();
  }

  /**
   * Artifact references, present and absent files, {@code sha256}/{@code mtimeEpoch} present or
   * empty, with unknown fields.
   *
   * @return the generator
   */
  public static Gen<ArtifactRef> artifactRefs() {
    return BuilderGen.of(
            ArtifactRef.class, ImmutableArtifactRef::builder, ImmutableArtifactRef.Builder::build)
        .with(ValueGens.strings(), ImmutableArtifactRef.Builder::path)
        .with(Gen.booleans(), ImmutableArtifactRef.Builder::exists)
        .with(ValueGens.anyLongs(), ImmutableArtifactRef.Builder::sizeBytes)
        .with(ValueGens.anyLongs(), ImmutableArtifactRef.Builder::lineCount)
        .with(ValueGens.optionalStrings(), ImmutableArtifactRef.Builder::sha256)
        .with(
            ValueGens.optionalLongs(ValueGens.anyLongs()), ImmutableArtifactRef.Builder::mtimeEpoch)
        .with(ValueGens.unknownFields(), ImmutableArtifactRef.Builder::putAllUnknownFields)
        .gen();
  }

  /**
   * Raw {@code sequence} members: absent, {@code null}, {@code {source, value}} with a valid,
   * negative, fractional, huge, string or {@code null} value, or any other JSON value.
   *
   * @return the generator
   */
  public static Gen<Optional<JsonValue>> rawSequences() {
    Gen<JsonValue> value =
        Gen.frequency(
            Gen.weighted(4, ValueGens.nonNegativeLongs().map(JsonValue::of)),
            Gen.weighted(2, ValueGens.numberLiterals().map(JsonValue::number)),
            Gen.weighted(1, ValueGens.jsonValues(1)));
    Gen<JsonValue> object =
        Gen.zip(
            value,
            ValueGens.unknownFields(),
            (v, extra) -> {
              Map<String, JsonValue> m = new LinkedHashMap<>();
              m.put("source", JsonValue.of("cursor_event_line_offset"));
              m.put("value", v);
              m.putAll(extra);
              return JsonValue.object(m);
            });
    return Gen.optionals(
        Gen.frequency(Gen.weighted(3, object), Gen.weighted(1, ValueGens.jsonValues(2))));
  }

  /**
   * Raw {@code artifacts} members: absent, a non-object, or an object whose {@code heartbeat}
   * member is absent, {@code null} or an artifact reference (the only shapes a snapshot accepts).
   *
   * @return the generator
   */
  public static Gen<Optional<JsonValue>> rawArtifacts() {
    Gen<Optional<JsonValue>> heartbeat =
        Gen.frequency(
            Gen.weighted(1, Gen.constant(Optional.<JsonValue>empty())),
            Gen.weighted(1, Gen.constant(Optional.of(JsonValue.nullValue()))),
            Gen.weighted(
                3,
                artifactRefs().map(r -> Optional.of(Json.parse(Codecs.ARTIFACT_REF.encode(r))))));
    Gen<JsonValue> others =
        ValueGens.objectsOf(
            ValueGens.strings().map(k -> k.equals("heartbeat") ? "heartbeat~other" : k),
            ValueGens.jsonValues(2),
            3);
    Gen<JsonValue> object =
        Gen.zip(
            others,
            heartbeat,
            (o, hb) -> {
              Map<String, JsonValue> m = new LinkedHashMap<>(o.members());
              hb.ifPresent(h -> m.put("heartbeat", h));
              return JsonValue.object(m);
            });
    Gen<JsonValue> nonObject =
        Gen.frequency(
            Gen.weighted(1, Gen.constant(JsonValue.nullValue())),
            Gen.weighted(1, ValueGens.strings().map(JsonValue::of)),
            Gen.weighted(1, ValueGens.jsonArrays()));
    return Gen.optionals(Gen.frequency(Gen.weighted(4, object), Gen.weighted(1, nonObject)));
  }

  /**
   * Built {@code loop_run_snapshot} envelopes: every member present or absent, raw members of any
   * JSON value ({@code null} included), unknown members.
   *
   * @return the generator
   */
  public static Gen<SnapshotEnvelope> snapshots() {
    Gen<Optional<JsonValue>> raw = Gen.optionals(ValueGens.jsonValues());
    return BuilderGen.of(
            SnapshotEnvelope.class,
            ImmutableSnapshotEnvelope::builder,
            ImmutableSnapshotEnvelope.Builder::build)
        .with(Gen.optionals(ValueGens.timestamps()), ImmutableSnapshotEnvelope.Builder::emittedAt)
        .with(ValueGens.optionalTraceIds(), ImmutableSnapshotEnvelope.Builder::traceId)
        .with(Gen.optionals(sources()), ImmutableSnapshotEnvelope.Builder::source)
        .with(raw, ImmutableSnapshotEnvelope.Builder::run)
        .with(raw, ImmutableSnapshotEnvelope.Builder::runtime)
        .with(rawArtifacts(), ImmutableSnapshotEnvelope.Builder::artifacts)
        .with(rawSequences(), ImmutableSnapshotEnvelope.Builder::sequence)
        .with(Gen.optionals(cursors()), ImmutableSnapshotEnvelope.Builder::cursor)
        .with(raw, ImmutableSnapshotEnvelope.Builder::health)
        .with(ValueGens.unknownFields(), ImmutableSnapshotEnvelope.Builder::putAllUnknownFields)
        .gen();
  }

  /**
   * Built {@code loop_run_event} envelopes: every member present or absent, raw members of any JSON
   * value ({@code null} included), unknown members.
   *
   * @return the generator
   */
  public static Gen<EventEnvelope> events() {
    Gen<Optional<JsonValue>> raw = Gen.optionals(ValueGens.jsonValues());
    return BuilderGen.of(
            EventEnvelope.class,
            ImmutableEventEnvelope::builder,
            ImmutableEventEnvelope.Builder::build)
        .with(Gen.optionals(ValueGens.timestamps()), ImmutableEventEnvelope.Builder::emittedAt)
        .with(ValueGens.optionalTraceIds(), ImmutableEventEnvelope.Builder::traceId)
        .with(Gen.optionals(sources()), ImmutableEventEnvelope.Builder::source)
        .with(rawSequences(), ImmutableEventEnvelope.Builder::sequence)
        .with(Gen.optionals(cursors()), ImmutableEventEnvelope.Builder::cursor)
        .with(raw, ImmutableEventEnvelope.Builder::run)
        .with(raw, ImmutableEventEnvelope.Builder::event)
        .with(ValueGens.unknownFields(), ImmutableEventEnvelope.Builder::putAllUnknownFields)
        .gen();
  }

  /**
   * {@code cursor.json} states: valid loop id, line numbers {@code >= 0}, byte offset present or
   * empty, unknown fields.
   *
   * @return the generator
   */
  public static Gen<CursorState> cursorStates() {
    return BuilderGen.of(
            CursorState.class, ImmutableCursorState::builder, ImmutableCursorState.Builder::build)
        .with(ValueGens.strings(), ImmutableCursorState.Builder::repoPath)
        .with(ValueGens.loopIds(), ImmutableCursorState.Builder::loopId)
        .with(ValueGens.strings(), ImmutableCursorState.Builder::eventsFile)
        .with(ValueGens.nonNegativeLongs(), ImmutableCursorState.Builder::eventLineOffset)
        .with(ValueGens.nonNegativeLongs(), ImmutableCursorState.Builder::eventLineCount)
        .with(ValueGens.timestamps(), ImmutableCursorState.Builder::updatedAt)
        .with(
            ValueGens.optionalLongs(ValueGens.nonNegativeLongs()),
            ImmutableCursorState.Builder::eventByteOffset)
        .with(
            ValueGens.optionalLongs(Gen.longs(0, 0xffffffffL)),
            ImmutableCursorState.Builder::eventTailCrc32)
        .with(ValueGens.unknownFields(), ImmutableCursorState.Builder::putAllUnknownFields)
        .gen();
  }

  /**
   * The events answer's cursors, with unknown fields.
   *
   * @return the generator
   */
  public static Gen<EventsCursor> eventsCursors() {
    return BuilderGen.of(
            EventsCursor.class,
            ImmutableEventsCursor::builder,
            ImmutableEventsCursor.Builder::build)
        .with(ValueGens.anyLongs(), ImmutableEventsCursor.Builder::eventLineOffset)
        .with(ValueGens.anyLongs(), ImmutableEventsCursor.Builder::eventLineCount)
        .with(ValueGens.timestamps(), ImmutableEventsCursor.Builder::updatedAt)
        .with(ValueGens.unknownFields(), ImmutableEventsCursor.Builder::putAllUnknownFields)
        .gen();
  }

  /**
   * {@code GET /ops/events} answers: empty and non-empty event lists whose elements are encoded
   * event envelopes or any raw JSON value ({@code null} included), unknown fields.
   *
   * @return the generator
   */
  public static Gen<EventsAnswer> eventsAnswers() {
    Gen<JsonValue> element =
        Gen.frequency(
            Gen.weighted(3, events().map(e -> Json.parse(Codecs.EVENT_ENVELOPE.encode(e)))),
            Gen.weighted(1, ValueGens.jsonValues(1)));
    return BuilderGen.of(
            EventsAnswer.class,
            ImmutableEventsAnswer::builder,
            ImmutableEventsAnswer.Builder::build)
        .with(Gen.booleans(), ImmutableEventsAnswer.Builder::ok)
        .with(ValueGens.optionalTraceIds(), ImmutableEventsAnswer.Builder::traceId)
        .with(sources(), ImmutableEventsAnswer.Builder::source)
        .with(ValueGens.lists(element, 3), ImmutableEventsAnswer.Builder::addAllEvents)
        .with(eventsCursors(), ImmutableEventsAnswer.Builder::cursor)
        .with(ValueGens.unknownFields(), ImmutableEventsAnswer.Builder::putAllUnknownFields)
        .gen();
  }

  /**
   * Service errors, known and unknown codes, with unknown fields.
   *
   * @return the generator
   */
  public static Gen<ServiceError> serviceErrors() {
    return BuilderGen.of(
            ServiceError.class,
            ImmutableServiceError::builder,
            ImmutableServiceError.Builder::build)
        .with(serviceErrorCodes(), ImmutableServiceError.Builder::code)
        .with(ValueGens.strings(), ImmutableServiceError.Builder::message)
        .with(ValueGens.unknownFields(), ImmutableServiceError.Builder::putAllUnknownFields)
        .gen();
  }

  /**
   * Service error answers (usually {@code ok:false}), with unknown fields.
   *
   * @return the generator
   */
  public static Gen<ErrorAnswer> errorAnswers() {
    return BuilderGen.of(
            ErrorAnswer.class, ImmutableErrorAnswer::builder, ImmutableErrorAnswer.Builder::build)
        .with(
            Gen.frequency(
                Gen.weighted(4, Gen.constant(false)), Gen.weighted(1, Gen.constant(true))),
            ImmutableErrorAnswer.Builder::ok)
        .with(serviceErrors(), ImmutableErrorAnswer.Builder::error)
        .with(ValueGens.unknownFields(), ImmutableErrorAnswer.Builder::putAllUnknownFields)
        .gen();
  }

  /**
   * {@code POST /ops/control} answers: every optional member present or absent, with unknown
   * fields.
   *
   * @return the generator
   */
  public static Gen<ControlAnswer> controlAnswers() {
    return BuilderGen.of(
            ControlAnswer.class,
            ImmutableControlAnswer::builder,
            ImmutableControlAnswer.Builder::build)
        .with(Gen.booleans(), ImmutableControlAnswer.Builder::ok)
        .with(
            ValueGens.optionalLongs(ValueGens.anyLongs()), ImmutableControlAnswer.Builder::exitCode)
        .with(Gen.optionals(ValueGens.jsonObjects()), ImmutableControlAnswer.Builder::result)
        .with(ValueGens.optionalStrings(), ImmutableControlAnswer.Builder::stderr)
        .with(Gen.optionals(Gen.booleans()), ImmutableControlAnswer.Builder::replayed)
        .with(ValueGens.optionalTraceIds(), ImmutableControlAnswer.Builder::traceId)
        .with(ValueGens.unknownFields(), ImmutableControlAnswer.Builder::putAllUnknownFields)
        .gen();
  }
}
