package io.superloop.visibility.api.internal.codec;

import io.superloop.visibility.api.audit.ConfirmationStatus;
import io.superloop.visibility.api.audit.ControlConfirmation;
import io.superloop.visibility.api.audit.ControlExecution;
import io.superloop.visibility.api.audit.ControlInvocation;
import io.superloop.visibility.api.audit.ControlOutcome;
import io.superloop.visibility.api.audit.ControlRequest;
import io.superloop.visibility.api.audit.ControlRow;
import io.superloop.visibility.api.audit.ExecutionStatus;
import io.superloop.visibility.api.audit.InFlightRow;
import io.superloop.visibility.api.audit.Intent;
import io.superloop.visibility.api.audit.IntentRow;
import io.superloop.visibility.api.audit.InvocationPhase;
import io.superloop.visibility.api.audit.OutcomeStatus;
import io.superloop.visibility.api.audit.internal.ImmutableControlConfirmation;
import io.superloop.visibility.api.audit.internal.ImmutableControlExecution;
import io.superloop.visibility.api.audit.internal.ImmutableControlInvocation;
import io.superloop.visibility.api.audit.internal.ImmutableControlOutcome;
import io.superloop.visibility.api.audit.internal.ImmutableControlRequest;
import io.superloop.visibility.api.audit.internal.ImmutableControlRow;
import io.superloop.visibility.api.audit.internal.ImmutableInFlightRow;
import io.superloop.visibility.api.audit.internal.ImmutableIntentRow;
import io.superloop.visibility.api.internal.ObjectCodec;
import io.superloop.visibility.api.internal.ObjectCodec.Absence;
import io.superloop.visibility.api.internal.ObjectCodec.SchemaVersion;
import io.superloop.visibility.api.internal.Values;
import io.superloop.visibility.api.json.JsonCodec;

/**
 * Codecs of the control audit records, in the reference's key order and omitted-vs-null rules
 * (contract 1.7-1.9, hardening H5). Unknown fields are kept at every object level.
 */
public final class AuditCodecs {
  private AuditCodecs() {}

  /** Intents. */
  public static final JsonCodec<Intent> INTENT = Values.wireEnum(Intent.class, Intent::wire);

  /** Confirmation statuses. */
  public static final JsonCodec<ConfirmationStatus> CONFIRMATION_STATUS =
      Values.wireEnum(ConfirmationStatus.class, ConfirmationStatus::wire);

  /** Outcome statuses (open). */
  public static final JsonCodec<OutcomeStatus> OUTCOME_STATUS = Values.open(OutcomeStatus::of);

  /** Execution statuses (open). */
  public static final JsonCodec<ExecutionStatus> EXECUTION_STATUS =
      Values.open(ExecutionStatus::of);

  /** In-flight phases. */
  public static final JsonCodec<InvocationPhase> INVOCATION_PHASE =
      Values.wireEnum(InvocationPhase.class, InvocationPhase::wire);

  /**
   * {@code request}: {@code {doConfirm, timeoutSeconds, intervalSeconds, retryAttempts,
   * retryBackoffSeconds}}; not null-filtered.
   */
  public static final JsonCodec<ControlRequest> REQUEST =
      ObjectCodec.<ControlRequest, ImmutableControlRequest.Builder>builder(
              "control request",
              ImmutableControlRequest::builder,
              ImmutableControlRequest.Builder::build)
          .schemaVersion(SchemaVersion.NONE)
          .requiredBoolean(
              "doConfirm", ControlRequest::doConfirm, ImmutableControlRequest.Builder::doConfirm)
          .requiredLong(
              "timeoutSeconds",
              ControlRequest::timeoutSeconds,
              ImmutableControlRequest.Builder::timeoutSeconds)
          .requiredLong(
              "intervalSeconds",
              ControlRequest::intervalSeconds,
              ImmutableControlRequest.Builder::intervalSeconds)
          .requiredLong(
              "retryAttempts",
              ControlRequest::retryAttempts,
              ImmutableControlRequest.Builder::retryAttempts)
          .requiredLong(
              "retryBackoffSeconds",
              ControlRequest::retryBackoffSeconds,
              ImmutableControlRequest.Builder::retryBackoffSeconds)
          .nullFiltered(r -> false)
          .unknownFields(
              ControlRequest::unknownFields, ImmutableControlRequest.Builder::putAllUnknownFields)
          .build();

  /** {@code execution}: {@code {status, exitCode, command, output?, replayed}}; null-filtered. */
  public static final JsonCodec<ControlExecution> EXECUTION =
      ObjectCodec.<ControlExecution, ImmutableControlExecution.Builder>builder(
              "control execution",
              ImmutableControlExecution::builder,
              ImmutableControlExecution.Builder::build)
          .schemaVersion(SchemaVersion.NONE)
          .required(
              "status",
              EXECUTION_STATUS,
              ControlExecution::status,
              ImmutableControlExecution.Builder::status)
          .requiredLong(
              "exitCode", ControlExecution::exitCode, ImmutableControlExecution.Builder::exitCode)
          .required(
              "command",
              Values.STRING,
              ControlExecution::command,
              ImmutableControlExecution.Builder::command)
          .optional(
              "output",
              Values.STRING,
              ControlExecution::output,
              ImmutableControlExecution.Builder::output,
              Absence.OMIT)
          .requiredBoolean(
              "replayed", ControlExecution::replayed, ImmutableControlExecution.Builder::replayed)
          .unknownFields(
              ControlExecution::unknownFields,
              ImmutableControlExecution.Builder::putAllUnknownFields)
          .build();

  /** {@code confirmation}: {@code {attempted, status, exitCode, outcome?}}; null-filtered. */
  public static final JsonCodec<ControlConfirmation> CONFIRMATION =
      ObjectCodec.<ControlConfirmation, ImmutableControlConfirmation.Builder>builder(
              "control confirmation",
              ImmutableControlConfirmation::builder,
              ImmutableControlConfirmation.Builder::build)
          .schemaVersion(SchemaVersion.NONE)
          .requiredBoolean(
              "attempted",
              ControlConfirmation::attempted,
              ImmutableControlConfirmation.Builder::attempted)
          .required(
              "status",
              CONFIRMATION_STATUS,
              ControlConfirmation::status,
              ImmutableControlConfirmation.Builder::status)
          .requiredLong(
              "exitCode",
              ControlConfirmation::exitCode,
              ImmutableControlConfirmation.Builder::exitCode)
          .optional(
              "outcome",
              Values.RAW,
              ControlConfirmation::outcome,
              ImmutableControlConfirmation.Builder::outcome,
              Absence.OMIT)
          .unknownFields(
              ControlConfirmation::unknownFields,
              ImmutableControlConfirmation.Builder::putAllUnknownFields)
          .build();

  /** {@code outcome}: {@code {status, confirmed, reasonCode?, durationSeconds}}; null-filtered. */
  public static final JsonCodec<ControlOutcome> OUTCOME =
      ObjectCodec.<ControlOutcome, ImmutableControlOutcome.Builder>builder(
              "control outcome",
              ImmutableControlOutcome::builder,
              ImmutableControlOutcome.Builder::build)
          .schemaVersion(SchemaVersion.NONE)
          .required(
              "status",
              OUTCOME_STATUS,
              ControlOutcome::status,
              ImmutableControlOutcome.Builder::status)
          .requiredBoolean(
              "confirmed", ControlOutcome::confirmed, ImmutableControlOutcome.Builder::confirmed)
          .optional(
              "reasonCode",
              Values.REASON_CODE,
              ControlOutcome::reasonCode,
              ImmutableControlOutcome.Builder::reasonCode,
              Absence.OMIT)
          .requiredLong(
              "durationSeconds",
              ControlOutcome::durationSeconds,
              ImmutableControlOutcome.Builder::durationSeconds)
          .unknownFields(
              ControlOutcome::unknownFields, ImmutableControlOutcome.Builder::putAllUnknownFields)
          .build();

  /**
   * A row of {@code telemetry/control-invocations.jsonl} (contract 1.7); top level null-filtered.
   */
  public static final JsonCodec<ControlInvocation> INVOCATION =
      ObjectCodec.<ControlInvocation, ImmutableControlInvocation.Builder>builder(
              "control invocation",
              ImmutableControlInvocation::builder,
              ImmutableControlInvocation.Builder::build)
          .schemaVersion(SchemaVersion.V1)
          .required(
              "timestamp",
              Values.STRING,
              ControlInvocation::timestamp,
              ImmutableControlInvocation.Builder::timestamp)
          .required(
              "startedAt",
              Values.STRING,
              ControlInvocation::startedAt,
              ImmutableControlInvocation.Builder::startedAt)
          .required(
              "loopId",
              Values.STRING,
              ControlInvocation::loopId,
              ImmutableControlInvocation.Builder::loopId)
          .required(
              "intent",
              INTENT,
              ControlInvocation::intent,
              ImmutableControlInvocation.Builder::intent)
          .optional(
              "traceId",
              Values.TRACE_ID,
              ControlInvocation::traceId,
              ImmutableControlInvocation.Builder::traceId,
              Absence.OMIT)
          .required(
              "transport",
              Values.TRANSPORT,
              ControlInvocation::transport,
              ImmutableControlInvocation.Builder::transport)
          .required(
              "requestedBy",
              Values.STRING,
              ControlInvocation::requestedBy,
              ImmutableControlInvocation.Builder::requestedBy)
          .optional(
              "note",
              Values.STRING,
              ControlInvocation::note,
              ImmutableControlInvocation.Builder::note,
              Absence.OMIT)
          .required(
              "idempotencyKey",
              Values.STRING,
              ControlInvocation::idempotencyKey,
              ImmutableControlInvocation.Builder::idempotencyKey)
          .required(
              "request",
              REQUEST,
              ControlInvocation::request,
              ImmutableControlInvocation.Builder::request)
          .required(
              "execution",
              EXECUTION,
              ControlInvocation::execution,
              ImmutableControlInvocation.Builder::execution)
          .required(
              "confirmation",
              CONFIRMATION,
              ControlInvocation::confirmation,
              ImmutableControlInvocation.Builder::confirmation)
          .required(
              "outcome",
              OUTCOME,
              ControlInvocation::outcome,
              ImmutableControlInvocation.Builder::outcome)
          .unknownFields(
              ControlInvocation::unknownFields,
              ImmutableControlInvocation.Builder::putAllUnknownFields)
          .build();

  /** A row of {@code telemetry/control.jsonl} (contract 1.8); null-filtered. */
  public static final JsonCodec<ControlRow> CONTROL_ROW =
      ObjectCodec.<ControlRow, ImmutableControlRow.Builder>builder(
              "control row", ImmutableControlRow::builder, ImmutableControlRow.Builder::build)
          .schemaVersion(SchemaVersion.NONE)
          .required(
              "timestamp",
              Values.STRING,
              ControlRow::timestamp,
              ImmutableControlRow.Builder::timestamp)
          .required(
              "startedAt",
              Values.STRING,
              ControlRow::startedAt,
              ImmutableControlRow.Builder::startedAt)
          .required(
              "loopId", Values.STRING, ControlRow::loopId, ImmutableControlRow.Builder::loopId)
          .required("intent", INTENT, ControlRow::intent, ImmutableControlRow.Builder::intent)
          .optional(
              "traceId",
              Values.TRACE_ID,
              ControlRow::traceId,
              ImmutableControlRow.Builder::traceId,
              Absence.OMIT)
          .required(
              "transport",
              Values.TRANSPORT,
              ControlRow::transport,
              ImmutableControlRow.Builder::transport)
          .required(
              "status", OUTCOME_STATUS, ControlRow::status, ImmutableControlRow.Builder::status)
          .optional(
              "reasonCode",
              Values.REASON_CODE,
              ControlRow::reasonCode,
              ImmutableControlRow.Builder::reasonCode,
              Absence.OMIT)
          .required(
              "idempotencyKey",
              Values.STRING,
              ControlRow::idempotencyKey,
              ImmutableControlRow.Builder::idempotencyKey)
          .required(
              "requestedBy",
              Values.STRING,
              ControlRow::requestedBy,
              ImmutableControlRow.Builder::requestedBy)
          .requiredLong("exitCode", ControlRow::exitCode, ImmutableControlRow.Builder::exitCode)
          .requiredLong(
              "confirmExitCode",
              ControlRow::confirmExitCode,
              ImmutableControlRow.Builder::confirmExitCode)
          .requiredBoolean(
              "confirmed", ControlRow::confirmed, ImmutableControlRow.Builder::confirmed)
          .requiredLong(
              "durationSeconds",
              ControlRow::durationSeconds,
              ImmutableControlRow.Builder::durationSeconds)
          .requiredLong(
              "retryAttempts",
              ControlRow::retryAttempts,
              ImmutableControlRow.Builder::retryAttempts)
          .requiredLong(
              "retryBackoffSeconds",
              ControlRow::retryBackoffSeconds,
              ImmutableControlRow.Builder::retryBackoffSeconds)
          .unknownFields(
              ControlRow::unknownFields, ImmutableControlRow.Builder::putAllUnknownFields)
          .build();

  /**
   * A row of {@code intents.jsonl} (contract 1.9); null-filtered. A row read keeps its key order on
   * write; a built row is written in the contract's order.
   */
  public static final JsonCodec<IntentRow> INTENT_ROW =
      ObjectCodec.<IntentRow, ImmutableIntentRow.Builder>builder(
              "intent row", ImmutableIntentRow::builder, ImmutableIntentRow.Builder::build)
          .schemaVersion(SchemaVersion.NONE)
          .required(
              "timestamp",
              Values.STRING,
              IntentRow::timestamp,
              ImmutableIntentRow.Builder::timestamp)
          .required("loopId", Values.STRING, IntentRow::loopId, ImmutableIntentRow.Builder::loopId)
          .required("intent", INTENT, IntentRow::intent, ImmutableIntentRow.Builder::intent)
          .optional(
              "traceId",
              Values.TRACE_ID,
              IntentRow::traceId,
              ImmutableIntentRow.Builder::traceId,
              Absence.OMIT)
          .optional(
              "requestedBy",
              Values.STRING,
              IntentRow::requestedBy,
              ImmutableIntentRow.Builder::requestedBy,
              Absence.OMIT)
          .optional(
              "note",
              Values.STRING,
              IntentRow::note,
              ImmutableIntentRow.Builder::note,
              Absence.OMIT)
          .optional(
              "transport",
              Values.TRANSPORT,
              IntentRow::transport,
              ImmutableIntentRow.Builder::transport,
              Absence.OMIT)
          .required("status", OUTCOME_STATUS, IntentRow::status, ImmutableIntentRow.Builder::status)
          .optional(
              "command",
              Values.STRING,
              IntentRow::command,
              ImmutableIntentRow.Builder::command,
              Absence.OMIT)
          .optional(
              "idempotencyKey",
              Values.STRING,
              IntentRow::idempotencyKey,
              ImmutableIntentRow.Builder::idempotencyKey,
              Absence.OMIT)
          .optionalLong(
              "exitCode", IntentRow::exitCode, ImmutableIntentRow.Builder::exitCode, Absence.OMIT)
          .optionalLong(
              "confirmExitCode",
              IntentRow::confirmExitCode,
              ImmutableIntentRow.Builder::confirmExitCode,
              Absence.OMIT)
          .optional(
              "confirmed",
              Values.BOOLEAN,
              IntentRow::confirmed,
              ImmutableIntentRow.Builder::confirmed,
              Absence.OMIT)
          .optional(
              "commandOutput",
              Values.STRING,
              IntentRow::commandOutput,
              ImmutableIntentRow.Builder::commandOutput,
              Absence.OMIT)
          .optional(
              "confirm",
              Values.RAW,
              IntentRow::confirm,
              ImmutableIntentRow.Builder::confirm,
              Absence.OMIT)
          .unknownFields(IntentRow::unknownFields, ImmutableIntentRow.Builder::putAllUnknownFields)
          .keyOrder(IntentRow::keyOrder, ImmutableIntentRow.Builder::keyOrder)
          .build();

  /**
   * A row of the additive {@code telemetry/control-invocations.inflight.jsonl} (hardening H5):
   * {@code {timestamp, loopId, intent, traceId, transport, requestedBy, idempotencyKey, phase}};
   * null-filtered.
   */
  public static final JsonCodec<InFlightRow> IN_FLIGHT_ROW =
      ObjectCodec.<InFlightRow, ImmutableInFlightRow.Builder>builder(
              "in-flight row", ImmutableInFlightRow::builder, ImmutableInFlightRow.Builder::build)
          .schemaVersion(SchemaVersion.NONE)
          .required(
              "timestamp",
              Values.STRING,
              InFlightRow::timestamp,
              ImmutableInFlightRow.Builder::timestamp)
          .required(
              "loopId", Values.STRING, InFlightRow::loopId, ImmutableInFlightRow.Builder::loopId)
          .required("intent", INTENT, InFlightRow::intent, ImmutableInFlightRow.Builder::intent)
          .optional(
              "traceId",
              Values.TRACE_ID,
              InFlightRow::traceId,
              ImmutableInFlightRow.Builder::traceId,
              Absence.OMIT)
          .required(
              "transport",
              Values.TRANSPORT,
              InFlightRow::transport,
              ImmutableInFlightRow.Builder::transport)
          .required(
              "requestedBy",
              Values.STRING,
              InFlightRow::requestedBy,
              ImmutableInFlightRow.Builder::requestedBy)
          .required(
              "idempotencyKey",
              Values.STRING,
              InFlightRow::idempotencyKey,
              ImmutableInFlightRow.Builder::idempotencyKey)
          .required(
              "phase", INVOCATION_PHASE, InFlightRow::phase, ImmutableInFlightRow.Builder::phase)
          .unknownFields(
              InFlightRow::unknownFields, ImmutableInFlightRow.Builder::putAllUnknownFields)
          .build();
}
