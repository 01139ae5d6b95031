package io.superloop.visibility.api.internal.codec;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.internal.ObjectCodec;
import io.superloop.visibility.api.internal.ObjectCodec.Absence;
import io.superloop.visibility.api.internal.ObjectCodec.SchemaVersion;
import io.superloop.visibility.api.internal.Values;
import io.superloop.visibility.api.internal.json.JsonObject;
import io.superloop.visibility.api.internal.json.JsonString;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonCodec;
import io.superloop.visibility.api.json.JsonReadLimits;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.api.reconcile.AlertDispatchState;
import io.superloop.visibility.api.reconcile.AlertDispatchStatus;
import io.superloop.visibility.api.reconcile.AlertRow;
import io.superloop.visibility.api.reconcile.AlertStatus;
import io.superloop.visibility.api.reconcile.EscalationRow;
import io.superloop.visibility.api.reconcile.HealthEscalation;
import io.superloop.visibility.api.reconcile.OrderingDriftEscalation;
import io.superloop.visibility.api.reconcile.OtherEscalation;
import io.superloop.visibility.api.reconcile.ReconcileRow;
import io.superloop.visibility.api.reconcile.ReconcileSequenceStatus;
import io.superloop.visibility.api.reconcile.internal.ImmutableAlertDispatchState;
import io.superloop.visibility.api.reconcile.internal.ImmutableAlertRow;
import io.superloop.visibility.api.reconcile.internal.ImmutableHealthEscalation;
import io.superloop.visibility.api.reconcile.internal.ImmutableOrderingDriftEscalation;
import io.superloop.visibility.api.reconcile.internal.ImmutableOtherEscalation;
import io.superloop.visibility.api.reconcile.internal.ImmutableReconcileRow;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Codecs of the reconcile telemetry, escalation and alert records, in the reference's key order and
 * omitted-vs-null rules (contract 1.12, 1.14, 1.15). Unknown fields are kept at every level.
 */
public final class ReconcileCodecs {
  private ReconcileCodecs() {}

  /** Reconcile sequence statuses. */
  public static final JsonCodec<ReconcileSequenceStatus> SEQUENCE_STATUS =
      Values.wireEnum(ReconcileSequenceStatus.class, ReconcileSequenceStatus::wire);

  /** Alert row statuses (open). */
  public static final JsonCodec<AlertStatus> ALERT_STATUS = Values.open(AlertStatus::of);

  /** Alert dispatch statuses (open). */
  public static final JsonCodec<AlertDispatchStatus> ALERT_DISPATCH_STATUS =
      Values.open(AlertDispatchStatus::of);

  private static final JsonCodec<JsonValue> RAW_ARRAY =
      new JsonCodec<>() {
        @Override
        public JsonValue read(JsonParser p) {
          if (p.currentToken() != JsonToken.START_ARRAY) {
            throw Values.typeError(p, "an array");
          }
          return Values.RAW.read(p);
        }

        @Override
        public void write(JsonValue value, JsonGenerator g) {
          Values.RAW.write(value, g);
        }
      };

  /**
   * A row of {@code telemetry/reconcile.jsonl} (contract 1.12, additive {@code warnings});
   * null-filtered.
   */
  public static final JsonCodec<ReconcileRow> RECONCILE_ROW =
      ObjectCodec.<ReconcileRow, ImmutableReconcileRow.Builder>builder(
              "reconcile row", ImmutableReconcileRow::builder, ImmutableReconcileRow.Builder::build)
          .schemaVersion(SchemaVersion.NONE)
          .required(
              "timestamp",
              Values.STRING,
              ReconcileRow::timestamp,
              ImmutableReconcileRow.Builder::timestamp)
          .required(
              "startedAt",
              Values.STRING,
              ReconcileRow::startedAt,
              ImmutableReconcileRow.Builder::startedAt)
          .required(
              "loopId", Values.STRING, ReconcileRow::loopId, ImmutableReconcileRow.Builder::loopId)
          .optional(
              "traceId",
              Values.TRACE_ID,
              ReconcileRow::traceId,
              ImmutableReconcileRow.Builder::traceId,
              Absence.OMIT)
          .required(
              "transport",
              Values.TRANSPORT,
              ReconcileRow::transport,
              ImmutableReconcileRow.Builder::transport)
          .required(
              "status",
              HealthCodecs.INGEST_STATUS,
              ReconcileRow::status,
              ImmutableReconcileRow.Builder::status)
          .optional(
              "failureCode",
              HealthCodecs.FAILURE_CODE,
              ReconcileRow::failureCode,
              ImmutableReconcileRow.Builder::failureCode,
              Absence.OMIT)
          .optional(
              "failureMessage",
              Values.STRING,
              ReconcileRow::failureMessage,
              ImmutableReconcileRow.Builder::failureMessage,
              Absence.OMIT)
          .requiredLong(
              "cursorOffsetBefore",
              ReconcileRow::cursorOffsetBefore,
              ImmutableReconcileRow.Builder::cursorOffsetBefore)
          .requiredLong(
              "cursorOffsetAfter",
              ReconcileRow::cursorOffsetAfter,
              ImmutableReconcileRow.Builder::cursorOffsetAfter)
          .requiredLong(
              "eventsIngested",
              ReconcileRow::eventsIngested,
              ImmutableReconcileRow.Builder::eventsIngested)
          .requiredLong(
              "maxEvents", ReconcileRow::maxEvents, ImmutableReconcileRow.Builder::maxEvents)
          .requiredBoolean(
              "fromStart", ReconcileRow::fromStart, ImmutableReconcileRow.Builder::fromStart)
          .requiredLong(
              "retryAttempts",
              ReconcileRow::retryAttempts,
              ImmutableReconcileRow.Builder::retryAttempts)
          .requiredLong(
              "retryBackoffSeconds",
              ReconcileRow::retryBackoffSeconds,
              ImmutableReconcileRow.Builder::retryBackoffSeconds)
          .optional(
              "thresholdProfile",
              Values.STRING,
              ReconcileRow::thresholdProfile,
              ImmutableReconcileRow.Builder::thresholdProfile,
              Absence.OMIT)
          .requiredLong(
              "durationSeconds",
              ReconcileRow::durationSeconds,
              ImmutableReconcileRow.Builder::durationSeconds)
          .requiredLong(
              "transportFailureStreak",
              ReconcileRow::transportFailureStreak,
              ImmutableReconcileRow.Builder::transportFailureStreak)
          .required(
              "sequenceStatus",
              SEQUENCE_STATUS,
              ReconcileRow::sequenceStatus,
              ImmutableReconcileRow.Builder::sequenceStatus)
          .optional(
              "sequenceReasonCode",
              Values.REASON_CODE,
              ReconcileRow::sequenceReasonCode,
              ImmutableReconcileRow.Builder::sequenceReasonCode,
              Absence.OMIT)
          .required(
              "healthStatus",
              HealthCodecs.STATUS,
              ReconcileRow::healthStatus,
              ImmutableReconcileRow.Builder::healthStatus)
          .list(
              "healthReasonCodes",
              Values.REASON_CODE,
              ReconcileRow::healthReasonCodes,
              ImmutableReconcileRow.Builder::healthReasonCodes,
              r -> true)
          .list(
              "warnings",
              Values.REASON_CODE,
              ReconcileRow::warnings,
              ImmutableReconcileRow.Builder::warnings,
              r -> !r.warnings().isEmpty())
          .unknownFields(
              ReconcileRow::unknownFields, ImmutableReconcileRow.Builder::putAllUnknownFields)
          .build();

  /**
   * An {@code ordering_drift_detected} / {@code ordering_drift_recovered} escalation row;
   * null-filtered.
   */
  public static final JsonCodec<OrderingDriftEscalation> ORDERING_DRIFT_ESCALATION =
      ObjectCodec.<OrderingDriftEscalation, ImmutableOrderingDriftEscalation.Builder>builder(
              "ordering drift escalation",
              ImmutableOrderingDriftEscalation::builder,
              ImmutableOrderingDriftEscalation.Builder::build)
          .schemaVersion(SchemaVersion.NONE)
          .required(
              "timestamp",
              Values.STRING,
              OrderingDriftEscalation::timestamp,
              ImmutableOrderingDriftEscalation.Builder::timestamp)
          .required(
              "loopId",
              Values.STRING,
              OrderingDriftEscalation::loopId,
              ImmutableOrderingDriftEscalation.Builder::loopId)
          .optional(
              "traceId",
              Values.TRACE_ID,
              OrderingDriftEscalation::traceId,
              ImmutableOrderingDriftEscalation.Builder::traceId,
              Absence.OMIT)
          .required(
              "category",
              Values.REASON_CODE,
              OrderingDriftEscalation::category,
              ImmutableOrderingDriftEscalation.Builder::category)
          .required(
              "transport",
              Values.TRANSPORT,
              OrderingDriftEscalation::transport,
              ImmutableOrderingDriftEscalation.Builder::transport)
          .required(
              "reasonCode",
              Values.REASON_CODE,
              OrderingDriftEscalation::reasonCode,
              ImmutableOrderingDriftEscalation.Builder::reasonCode)
          .required(
              "stateFile",
              Values.STRING,
              OrderingDriftEscalation::stateFile,
              ImmutableOrderingDriftEscalation.Builder::stateFile)
          .required(
              "sequenceStateFile",
              Values.STRING,
              OrderingDriftEscalation::sequenceStateFile,
              ImmutableOrderingDriftEscalation.Builder::sequenceStateFile)
          .required(
              "sequenceTelemetryFile",
              Values.STRING,
              OrderingDriftEscalation::sequenceTelemetryFile,
              ImmutableOrderingDriftEscalation.Builder::sequenceTelemetryFile)
          .required(
              "sequence",
              Values.RAW_OBJECT,
              OrderingDriftEscalation::sequence,
              ImmutableOrderingDriftEscalation.Builder::sequence)
          .unknownFields(
              OrderingDriftEscalation::unknownFields,
              ImmutableOrderingDriftEscalation.Builder::putAllUnknownFields)
          .build();

  /** A {@code health_degraded} / {@code health_critical} escalation row; null-filtered. */
  public static final JsonCodec<HealthEscalation> HEALTH_ESCALATION =
      ObjectCodec.<HealthEscalation, ImmutableHealthEscalation.Builder>builder(
              "health escalation",
              ImmutableHealthEscalation::builder,
              ImmutableHealthEscalation.Builder::build)
          .schemaVersion(SchemaVersion.NONE)
          .required(
              "timestamp",
              Values.STRING,
              HealthEscalation::timestamp,
              ImmutableHealthEscalation.Builder::timestamp)
          .required(
              "loopId",
              Values.STRING,
              HealthEscalation::loopId,
              ImmutableHealthEscalation.Builder::loopId)
          .optional(
              "traceId",
              Values.TRACE_ID,
              HealthEscalation::traceId,
              ImmutableHealthEscalation.Builder::traceId,
              Absence.OMIT)
          .required(
              "category",
              Values.REASON_CODE,
              HealthEscalation::category,
              ImmutableHealthEscalation.Builder::category)
          .required(
              "transport",
              Values.TRANSPORT,
              HealthEscalation::transport,
              ImmutableHealthEscalation.Builder::transport)
          .required(
              "ingestStatus",
              HealthCodecs.INGEST_STATUS,
              HealthEscalation::ingestStatus,
              ImmutableHealthEscalation.Builder::ingestStatus)
          .optional(
              "failureCode",
              HealthCodecs.FAILURE_CODE,
              HealthEscalation::failureCode,
              ImmutableHealthEscalation.Builder::failureCode,
              Absence.OMIT)
          .required(
              "stateFile",
              Values.STRING,
              HealthEscalation::stateFile,
              ImmutableHealthEscalation.Builder::stateFile)
          .required(
              "cursorFile",
              Values.STRING,
              HealthEscalation::cursorFile,
              ImmutableHealthEscalation.Builder::cursorFile)
          .required(
              "healthFile",
              Values.STRING,
              HealthEscalation::healthFile,
              ImmutableHealthEscalation.Builder::healthFile)
          .required(
              "healthStatus",
              HealthCodecs.STATUS,
              HealthEscalation::healthStatus,
              ImmutableHealthEscalation.Builder::healthStatus)
          .list(
              "reasonCodes",
              Values.REASON_CODE,
              HealthEscalation::reasonCodes,
              ImmutableHealthEscalation.Builder::reasonCodes,
              r -> true)
          .required(
              "reasons",
              RAW_ARRAY,
              HealthEscalation::reasons,
              ImmutableHealthEscalation.Builder::reasons)
          .unknownFields(
              HealthEscalation::unknownFields,
              ImmutableHealthEscalation.Builder::putAllUnknownFields)
          .build();

  /**
   * An escalation row of another category: the common fields, then the rest raw in order; {@code
   * divergence_detected} not null-filtered, other categories null-filtered.
   */
  public static final JsonCodec<OtherEscalation> OTHER_ESCALATION =
      ObjectCodec.<OtherEscalation, ImmutableOtherEscalation.Builder>builder(
              "escalation",
              ImmutableOtherEscalation::builder,
              ImmutableOtherEscalation.Builder::build)
          .schemaVersion(SchemaVersion.NONE)
          .required(
              "timestamp",
              Values.STRING,
              OtherEscalation::timestamp,
              ImmutableOtherEscalation.Builder::timestamp)
          .required(
              "loopId",
              Values.STRING,
              OtherEscalation::loopId,
              ImmutableOtherEscalation.Builder::loopId)
          .optional(
              "traceId",
              Values.TRACE_ID,
              OtherEscalation::traceId,
              ImmutableOtherEscalation.Builder::traceId,
              Absence.LEVEL)
          .required(
              "category",
              Values.REASON_CODE,
              OtherEscalation::category,
              ImmutableOtherEscalation.Builder::category)
          .required(
              "transport",
              Values.TRANSPORT,
              OtherEscalation::transport,
              ImmutableOtherEscalation.Builder::transport)
          .nullFiltered(OtherEscalation::nullFiltered)
          .unknownFields(
              OtherEscalation::unknownFields, ImmutableOtherEscalation.Builder::putAllUnknownFields)
          .build();

  /** Re-reads a buffered row; its bounds were already enforced when it was first read. */
  private static final Json REREAD =
      Json.withLimits(
          new JsonReadLimits(
              Integer.MAX_VALUE,
              Integer.MAX_VALUE,
              Integer.MAX_VALUE,
              Integer.MAX_VALUE,
              Long.MAX_VALUE,
              Long.MAX_VALUE));

  /**
   * A row of {@code escalations.jsonl} (contract 1.14), read into the variant its {@code category}
   * names and written by its variant's codec.
   */
  public static final JsonCodec<EscalationRow> ESCALATION =
      new JsonCodec<>() {
        @Override
        public EscalationRow read(JsonParser p) {
          if (p.currentToken() != JsonToken.START_OBJECT) {
            throw Values.typeError(p, "an object (escalation row)");
          }
          String objectPath = Values.path(p);
          JsonObject row = (JsonObject) Values.RAW.read(p);
          JsonValue category = row.members().get("category");
          if (category == null || category.isNull()) {
            throw VisibilityException.at(
                ErrorCode.MISSING_FIELD,
                objectPath + "/category",
                "escalation row requires field \"category\"");
          }
          if (!(category instanceof JsonString c)) {
            throw VisibilityException.at(
                ErrorCode.INVALID_FIELD_TYPE,
                objectPath + "/category",
                "expected a string, found " + category.toJson());
          }
          String text = Json.DEFAULT.encode(Values.RAW, row);
          try {
            return switch (c.value()) {
              case "ordering_drift_detected", "ordering_drift_recovered" ->
                  REREAD.decode(ORDERING_DRIFT_ESCALATION, text);
              case "health_degraded", "health_critical" -> REREAD.decode(HEALTH_ESCALATION, text);
              default -> REREAD.decode(OTHER_ESCALATION, text);
            };
          } catch (VisibilityException e) {
            throw e.withPath(objectPath + e.path().orElse(""));
          }
        }

        @Override
        public void write(EscalationRow value, JsonGenerator g) {
          if (value instanceof OrderingDriftEscalation o) {
            ORDERING_DRIFT_ESCALATION.write(o, g);
          } else if (value instanceof HealthEscalation h) {
            HEALTH_ESCALATION.write(h, g);
          } else {
            OTHER_ESCALATION.write((OtherEscalation) value, g);
          }
        }
      };

  /** {@code OPS/alert-dispatch-state.json} (contract 1.15); not null-filtered. */
  public static final JsonCodec<AlertDispatchState> ALERT_DISPATCH_STATE =
      ObjectCodec.<AlertDispatchState, ImmutableAlertDispatchState.Builder>builder(
              "alert dispatch state",
              ImmutableAlertDispatchState::builder,
              ImmutableAlertDispatchState.Builder::build)
          .schemaVersion(SchemaVersion.V1)
          .required(
              "updatedAt",
              Values.STRING,
              AlertDispatchState::updatedAt,
              ImmutableAlertDispatchState.Builder::updatedAt)
          .required(
              "loopId",
              Values.STRING,
              AlertDispatchState::loopId,
              ImmutableAlertDispatchState.Builder::loopId)
          .optional(
              "traceId",
              Values.TRACE_ID,
              AlertDispatchState::traceId,
              ImmutableAlertDispatchState.Builder::traceId,
              Absence.NULL)
          .optional(
              "escalationsFile",
              Values.STRING,
              AlertDispatchState::escalationsFile,
              ImmutableAlertDispatchState.Builder::escalationsFile,
              Absence.NULL)
          .optional(
              "dispatchTelemetryFile",
              Values.STRING,
              AlertDispatchState::dispatchTelemetryFile,
              ImmutableAlertDispatchState.Builder::dispatchTelemetryFile,
              Absence.NULL)
          .required(
              "status",
              ALERT_DISPATCH_STATUS,
              AlertDispatchState::status,
              ImmutableAlertDispatchState.Builder::status)
          .requiredLong(
              "processedCount",
              AlertDispatchState::processedCount,
              ImmutableAlertDispatchState.Builder::processedCount)
          .requiredLong(
              "dispatchedCount",
              AlertDispatchState::dispatchedCount,
              ImmutableAlertDispatchState.Builder::dispatchedCount)
          .requiredLong(
              "skippedCount",
              AlertDispatchState::skippedCount,
              ImmutableAlertDispatchState.Builder::skippedCount)
          .requiredLong(
              "failedCount",
              AlertDispatchState::failedCount,
              ImmutableAlertDispatchState.Builder::failedCount)
          .list(
              "failureReasonCodes",
              Values.REASON_CODE,
              AlertDispatchState::failureReasonCodes,
              ImmutableAlertDispatchState.Builder::failureReasonCodes,
              s -> true)
          .requiredLong(
              "escalationsLineOffset",
              AlertDispatchState::escalationsLineOffset,
              ImmutableAlertDispatchState.Builder::escalationsLineOffset)
          .requiredLong(
              "escalationsLineCount",
              AlertDispatchState::escalationsLineCount,
              ImmutableAlertDispatchState.Builder::escalationsLineCount)
          .nullFiltered(s -> false)
          .unknownFields(
              AlertDispatchState::unknownFields,
              ImmutableAlertDispatchState.Builder::putAllUnknownFields)
          .build();

  /**
   * A row of {@code telemetry/alerts.jsonl} (contract 1.15); optional fields omitted when absent,
   * key order of a row read kept.
   */
  public static final JsonCodec<AlertRow> ALERT_ROW =
      ObjectCodec.<AlertRow, ImmutableAlertRow.Builder>builder(
              "alert row", ImmutableAlertRow::builder, ImmutableAlertRow.Builder::build)
          .schemaVersion(SchemaVersion.NONE)
          .required(
              "timestamp", Values.STRING, AlertRow::timestamp, ImmutableAlertRow.Builder::timestamp)
          .optional(
              "loopId",
              Values.STRING,
              AlertRow::loopId,
              ImmutableAlertRow.Builder::loopId,
              Absence.OMIT)
          .required(
              "traceId", Values.TRACE_ID, AlertRow::traceId, ImmutableAlertRow.Builder::traceId)
          .optional(
              "escalationTraceId",
              Values.TRACE_ID,
              AlertRow::escalationTraceId,
              ImmutableAlertRow.Builder::escalationTraceId,
              Absence.OMIT)
          .required(
              "category", Values.STRING, AlertRow::category, ImmutableAlertRow.Builder::category)
          .required("status", ALERT_STATUS, AlertRow::status, ImmutableAlertRow.Builder::status)
          .optional(
              "reasonCode",
              Values.REASON_CODE,
              AlertRow::reasonCode,
              ImmutableAlertRow.Builder::reasonCode,
              Absence.OMIT)
          .unknownFields(AlertRow::unknownFields, ImmutableAlertRow.Builder::putAllUnknownFields)
          .keyOrder(AlertRow::keyOrder, ImmutableAlertRow.Builder::keyOrder)
          .build();
}
