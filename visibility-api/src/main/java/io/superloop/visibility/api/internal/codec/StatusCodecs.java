package io.superloop.visibility.api.internal.codec;

import io.superloop.visibility.api.heartbeat.FreshnessStatus;
import io.superloop.visibility.api.internal.ObjectCodec;
import io.superloop.visibility.api.internal.ObjectCodec.Absence;
import io.superloop.visibility.api.internal.ObjectCodec.SchemaVersion;
import io.superloop.visibility.api.internal.Values;
import io.superloop.visibility.api.json.JsonCodec;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Codecs of the status surface's {@code visibility} object, in the reference's key order; every
 * level is null-filtered (an empty field is omitted, {@code false} and {@code []} are kept).
 */
public final class StatusCodecs {
  private StatusCodecs() {}

  /** {@code visibility.heartbeat.lastObservation}: {@code {status, reasonCode, at}} (H16). */
  public static final JsonCodec<HeartbeatObservationSurface> HEARTBEAT_OBSERVATION =
      ObjectCodec
          .<HeartbeatObservationSurface, ImmutableHeartbeatObservationSurface.Builder>builder(
              "heartbeat observation surface",
              ImmutableHeartbeatObservationSurface::builder,
              ImmutableHeartbeatObservationSurface.Builder::build)
          .schemaVersion(SchemaVersion.NONE)
          .optional(
              "status",
              Values.STRING,
              HeartbeatObservationSurface::status,
              ImmutableHeartbeatObservationSurface.Builder::status,
              Absence.OMIT)
          .optional(
              "reasonCode",
              Values.REASON_CODE,
              HeartbeatObservationSurface::reasonCode,
              ImmutableHeartbeatObservationSurface.Builder::reasonCode,
              Absence.OMIT)
          .optional(
              "at",
              Values.STRING,
              HeartbeatObservationSurface::at,
              ImmutableHeartbeatObservationSurface.Builder::at,
              Absence.OMIT)
          .unknownFields(
              HeartbeatObservationSurface::unknownFields,
              ImmutableHeartbeatObservationSurface.Builder::putAllUnknownFields)
          .build();

  /** {@code visibility.heartbeat} (contract 6.2). */
  public static final JsonCodec<HeartbeatSurface> HEARTBEAT =
      ObjectCodec.<HeartbeatSurface, ImmutableHeartbeatSurface.Builder>builder(
              "heartbeat surface",
              ImmutableHeartbeatSurface::builder,
              ImmutableHeartbeatSurface.Builder::build)
          .schemaVersion(SchemaVersion.NONE)
          .optional(
              "freshnessStatus",
              Values.wireEnum(FreshnessStatus.class, FreshnessStatus::wire),
              HeartbeatSurface::freshnessStatus,
              ImmutableHeartbeatSurface.Builder::freshnessStatus,
              Absence.OMIT)
          .optional(
              "reasonCode",
              Values.REASON_CODE,
              HeartbeatSurface::reasonCode,
              ImmutableHeartbeatSurface.Builder::reasonCode,
              Absence.OMIT)
          .optional(
              "lastHeartbeatAt",
              Values.STRING,
              HeartbeatSurface::lastHeartbeatAt,
              ImmutableHeartbeatSurface.Builder::lastHeartbeatAt,
              Absence.OMIT)
          .optionalLong(
              "heartbeatLagSeconds",
              HeartbeatSurface::heartbeatLagSeconds,
              ImmutableHeartbeatSurface.Builder::heartbeatLagSeconds,
              Absence.OMIT)
          .optional(
              "updatedAt",
              Values.STRING,
              HeartbeatSurface::updatedAt,
              ImmutableHeartbeatSurface.Builder::updatedAt,
              Absence.OMIT)
          .optional(
              "transport",
              Values.TRANSPORT,
              HeartbeatSurface::transport,
              ImmutableHeartbeatSurface.Builder::transport,
              Absence.OMIT)
          .optional(
              "traceId",
              Values.TRACE_ID,
              HeartbeatSurface::traceId,
              ImmutableHeartbeatSurface.Builder::traceId,
              Absence.OMIT)
          .optional(
              "lastObservation",
              HEARTBEAT_OBSERVATION,
              HeartbeatSurface::lastObservation,
              ImmutableHeartbeatSurface.Builder::lastObservation,
              Absence.OMIT)
          .unknownFields(
              HeartbeatSurface::unknownFields,
              ImmutableHeartbeatSurface.Builder::putAllUnknownFields)
          .build();

  /** {@code visibility.sequence} (contract 6.2); {@code violations: []} is kept. */
  public static final JsonCodec<SequenceSurface> SEQUENCE =
      ObjectCodec.<SequenceSurface, ImmutableSequenceSurface.Builder>builder(
              "sequence surface",
              ImmutableSequenceSurface::builder,
              ImmutableSequenceSurface.Builder::build)
          .schemaVersion(SchemaVersion.NONE)
          .optional(
              "status",
              Values.STRING,
              SequenceSurface::status,
              ImmutableSequenceSurface.Builder::status,
              Absence.OMIT)
          .optional(
              "reasonCode",
              Values.REASON_CODE,
              SequenceSurface::reasonCode,
              ImmutableSequenceSurface.Builder::reasonCode,
              Absence.OMIT)
          .optional(
              "driftActive",
              Values.BOOLEAN,
              SequenceSurface::driftActive,
              ImmutableSequenceSurface.Builder::driftActive,
              Absence.OMIT)
          .optional(
              "violations",
              Values.list(Values.STRING),
              SequenceSurface::violations,
              ImmutableSequenceSurface.Builder::violations,
              Absence.OMIT)
          .optionalLong(
              "snapshotCurrent",
              SequenceSurface::snapshotCurrent,
              ImmutableSequenceSurface.Builder::snapshotCurrent,
              Absence.OMIT)
          .optionalLong(
              "eventsLast",
              SequenceSurface::eventsLast,
              ImmutableSequenceSurface.Builder::eventsLast,
              Absence.OMIT)
          .optional(
              "updatedAt",
              Values.STRING,
              SequenceSurface::updatedAt,
              ImmutableSequenceSurface.Builder::updatedAt,
              Absence.OMIT)
          .optional(
              "transport",
              Values.TRANSPORT,
              SequenceSurface::transport,
              ImmutableSequenceSurface.Builder::transport,
              Absence.OMIT)
          .optional(
              "traceId",
              Values.TRACE_ID,
              SequenceSurface::traceId,
              ImmutableSequenceSurface.Builder::traceId,
              Absence.OMIT)
          .unknownFields(
              SequenceSurface::unknownFields, ImmutableSequenceSurface.Builder::putAllUnknownFields)
          .build();

  /** {@code visibility.invocationAudit} (contract 6.2; additive {@code inFlight}, H5). */
  public static final JsonCodec<InvocationAuditSurface> INVOCATION_AUDIT =
      ObjectCodec.<InvocationAuditSurface, ImmutableInvocationAuditSurface.Builder>builder(
              "invocation audit surface",
              ImmutableInvocationAuditSurface::builder,
              ImmutableInvocationAuditSurface.Builder::build)
          .schemaVersion(SchemaVersion.NONE)
          .optional(
              "timestamp",
              Values.STRING,
              InvocationAuditSurface::timestamp,
              ImmutableInvocationAuditSurface.Builder::timestamp,
              Absence.OMIT)
          .optional(
              "intent",
              Values.STRING,
              InvocationAuditSurface::intent,
              ImmutableInvocationAuditSurface.Builder::intent,
              Absence.OMIT)
          .optional(
              "transport",
              Values.TRANSPORT,
              InvocationAuditSurface::transport,
              ImmutableInvocationAuditSurface.Builder::transport,
              Absence.OMIT)
          .optional(
              "idempotencyKey",
              Values.STRING,
              InvocationAuditSurface::idempotencyKey,
              ImmutableInvocationAuditSurface.Builder::idempotencyKey,
              Absence.OMIT)
          .optional(
              "executionStatus",
              Values.STRING,
              InvocationAuditSurface::executionStatus,
              ImmutableInvocationAuditSurface.Builder::executionStatus,
              Absence.OMIT)
          .optional(
              "confirmationStatus",
              Values.STRING,
              InvocationAuditSurface::confirmationStatus,
              ImmutableInvocationAuditSurface.Builder::confirmationStatus,
              Absence.OMIT)
          .optional(
              "outcomeStatus",
              Values.STRING,
              InvocationAuditSurface::outcomeStatus,
              ImmutableInvocationAuditSurface.Builder::outcomeStatus,
              Absence.OMIT)
          .optional(
              "replayed",
              Values.BOOLEAN,
              InvocationAuditSurface::replayed,
              ImmutableInvocationAuditSurface.Builder::replayed,
              Absence.OMIT)
          .optional(
              "traceId",
              Values.TRACE_ID,
              InvocationAuditSurface::traceId,
              ImmutableInvocationAuditSurface.Builder::traceId,
              Absence.OMIT)
          .optional(
              "inFlight",
              Values.BOOLEAN,
              InvocationAuditSurface::inFlight,
              ImmutableInvocationAuditSurface.Builder::inFlight,
              Absence.OMIT)
          .unknownFields(
              InvocationAuditSurface::unknownFields,
              ImmutableInvocationAuditSurface.Builder::putAllUnknownFields)
          .build();

  /** {@code visibility.trace} (contract 6.4; additive {@code distinctTraceIds}, H16). */
  public static final JsonCodec<TraceSurface> TRACE =
      ObjectCodec.<TraceSurface, ImmutableTraceSurface.Builder>builder(
              "trace surface", ImmutableTraceSurface::builder, ImmutableTraceSurface.Builder::build)
          .schemaVersion(SchemaVersion.NONE)
          .optional(
              "controlTraceId",
              Values.TRACE_ID,
              TraceSurface::controlTraceId,
              ImmutableTraceSurface.Builder::controlTraceId,
              Absence.OMIT)
          .optional(
              "controlInvocationTraceId",
              Values.TRACE_ID,
              TraceSurface::controlInvocationTraceId,
              ImmutableTraceSurface.Builder::controlInvocationTraceId,
              Absence.OMIT)
          .optional(
              "reconcileTraceId",
              Values.TRACE_ID,
              TraceSurface::reconcileTraceId,
              ImmutableTraceSurface.Builder::reconcileTraceId,
              Absence.OMIT)
          .optional(
              "heartbeatTraceId",
              Values.TRACE_ID,
              TraceSurface::heartbeatTraceId,
              ImmutableTraceSurface.Builder::heartbeatTraceId,
              Absence.OMIT)
          .optional(
              "sequenceTraceId",
              Values.TRACE_ID,
              TraceSurface::sequenceTraceId,
              ImmutableTraceSurface.Builder::sequenceTraceId,
              Absence.OMIT)
          .optional(
              "alertTraceId",
              Values.TRACE_ID,
              TraceSurface::alertTraceId,
              ImmutableTraceSurface.Builder::alertTraceId,
              Absence.OMIT)
          .optional(
              "sharedTraceId",
              Values.TRACE_ID,
              TraceSurface::sharedTraceId,
              ImmutableTraceSurface.Builder::sharedTraceId,
              Absence.OMIT)
          .optionalLong(
              "distinctTraceIds",
              TraceSurface::distinctTraceIds,
              ImmutableTraceSurface.Builder::distinctTraceIds,
              Absence.OMIT)
          .unknownFields(
              TraceSurface::unknownFields, ImmutableTraceSurface.Builder::putAllUnknownFields)
          .build();

  /** An object of string values, in order: {@code unreadable}. */
  private static final JsonCodec<Map<String, String>> STRING_MAP =
      new JsonCodec<>() {
        @Override
        public Map<String, String> read(JsonParser p) {
          if (p.currentToken() != JsonToken.START_OBJECT) {
            throw Values.typeError(p, "an object");
          }
          Map<String, String> out = new LinkedHashMap<>();
          while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            p.nextToken();
            out.put(name, Values.STRING.read(p));
          }
          return out;
        }

        @Override
        public void write(Map<String, String> value, JsonGenerator g) {
          g.writeStartObject();
          for (Map.Entry<String, String> e : value.entrySet()) {
            g.writeName(e.getKey());
            g.writeString(e.getValue());
          }
          g.writeEndObject();
        }
      };

  /**
   * The {@code visibility} object (contract 6.2): {@code heartbeat?, sequence?, invocationAudit?,
   * trace, unreadable?}; a {@code trace} absent or {@code null} on read is {@code missing_field}.
   */
  public static final JsonCodec<VisibilitySummary> VISIBILITY =
      ObjectCodec.<VisibilitySummary, ImmutableVisibilitySummary.Builder>builder(
              "visibility",
              ImmutableVisibilitySummary::builder,
              ImmutableVisibilitySummary.Builder::build)
          .schemaVersion(SchemaVersion.NONE)
          .optional(
              "heartbeat",
              HEARTBEAT,
              VisibilitySummary::heartbeat,
              ImmutableVisibilitySummary.Builder::heartbeat,
              Absence.OMIT)
          .optional(
              "sequence",
              SEQUENCE,
              VisibilitySummary::sequence,
              ImmutableVisibilitySummary.Builder::sequence,
              Absence.OMIT)
          .optional(
              "invocationAudit",
              INVOCATION_AUDIT,
              VisibilitySummary::invocationAudit,
              ImmutableVisibilitySummary.Builder::invocationAudit,
              Absence.OMIT)
          .required(
              "trace", TRACE, VisibilitySummary::trace, ImmutableVisibilitySummary.Builder::trace)
          .optional(
              "unreadable",
              STRING_MAP,
              v -> v.unreadable().isEmpty() ? Optional.empty() : Optional.of(v.unreadable()),
              ImmutableVisibilitySummary.Builder::putAllUnreadable,
              Absence.OMIT)
          .unknownFields(
              VisibilitySummary::unknownFields,
              ImmutableVisibilitySummary.Builder::putAllUnknownFields)
          .build();
}
