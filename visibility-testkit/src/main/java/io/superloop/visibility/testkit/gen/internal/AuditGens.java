package io.superloop.visibility.testkit.gen.internal;

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
import io.superloop.visibility.testkit.gen.Gen;

/**
 * Generators of the records of {@code api.audit}, valid by construction. Optional strings that the
 * records normalise (an empty note or output becomes absent) are generated empty too.
 */
public final class AuditGens {
  private AuditGens() {}

  /**
   * Intents.
   *
   * @return the generator
   */
  public static Gen<Intent> intents() {
    return Gen.elements(Intent.values());
  }

  /**
   * Confirmation statuses.
   *
   * @return the generator
   */
  public static Gen<ConfirmationStatus> confirmationStatuses() {
    return Gen.elements(ConfirmationStatus.values());
  }

  /**
   * In-flight phases.
   *
   * @return the generator
   */
  public static Gen<InvocationPhase> invocationPhases() {
    return Gen.elements(InvocationPhase.values());
  }

  /**
   * Outcome statuses: known ones and unknown wire strings.
   *
   * @return the generator
   */
  public static Gen<OutcomeStatus> outcomeStatuses() {
    return ValueGens.openValues(OutcomeStatus.known(), OutcomeStatus::of);
  }

  /**
   * Execution statuses: known ones and unknown wire strings.
   *
   * @return the generator
   */
  public static Gen<ExecutionStatus> executionStatuses() {
    return ValueGens.openValues(ExecutionStatus.known(), ExecutionStatus::of);
  }

  /**
   * Control requests: options {@code >= 0} (0 and {@link Long#MAX_VALUE} included), unknown fields.
   *
   * @return the generator
   */
  public static Gen<ControlRequest> requests() {
    Gen<Long> n = ValueGens.nonNegativeLongs();
    return BuilderGen.of(
            ControlRequest.class,
            ImmutableControlRequest::builder,
            ImmutableControlRequest.Builder::build)
        .with(Gen.booleans(), ImmutableControlRequest.Builder::doConfirm)
        .with(n, ImmutableControlRequest.Builder::timeoutSeconds)
        .with(n, ImmutableControlRequest.Builder::intervalSeconds)
        .with(n, ImmutableControlRequest.Builder::retryAttempts)
        .with(n, ImmutableControlRequest.Builder::retryBackoffSeconds)
        .with(ValueGens.unknownFields(), ImmutableControlRequest.Builder::putAllUnknownFields)
        .gen();
  }

  /**
   * Control executions: any exit code, output present, empty or absent, unknown fields.
   *
   * @return the generator
   */
  public static Gen<ControlExecution> executions() {
    return BuilderGen.of(
            ControlExecution.class,
            ImmutableControlExecution::builder,
            ImmutableControlExecution.Builder::build)
        .with(executionStatuses(), ImmutableControlExecution.Builder::status)
        .with(ValueGens.anyLongs(), ImmutableControlExecution.Builder::exitCode)
        .with(ValueGens.strings(), ImmutableControlExecution.Builder::command)
        .with(ValueGens.optionalStrings(), ImmutableControlExecution.Builder::output)
        .with(Gen.booleans(), ImmutableControlExecution.Builder::replayed)
        .with(ValueGens.unknownFields(), ImmutableControlExecution.Builder::putAllUnknownFields)
        .gen();
  }

  /**
   * Control confirmations: a raw outcome (never {@code null} at the top: an empty one is omitted)
   * present or absent, unknown fields.
   *
   * @return the generator
   */
  public static Gen<ControlConfirmation> confirmations() {
    return BuilderGen.of(
            ControlConfirmation.class,
            ImmutableControlConfirmation::builder,
            ImmutableControlConfirmation.Builder::build)
        .with(Gen.booleans(), ImmutableControlConfirmation.Builder::attempted)
        .with(confirmationStatuses(), ImmutableControlConfirmation.Builder::status)
        .with(ValueGens.anyLongs(), ImmutableControlConfirmation.Builder::exitCode)
        .with(
            Gen.optionals(ValueGens.nonNullJsonValues()),
            ImmutableControlConfirmation.Builder::outcome)
        .with(ValueGens.unknownFields(), ImmutableControlConfirmation.Builder::putAllUnknownFields)
        .gen();
  }

  /**
   * Control outcomes: duration {@code >= 0}, reason code present or empty, unknown fields.
   *
   * @return the generator
   */
  public static Gen<ControlOutcome> outcomes() {
    return BuilderGen.of(
            ControlOutcome.class,
            ImmutableControlOutcome::builder,
            ImmutableControlOutcome.Builder::build)
        .with(outcomeStatuses(), ImmutableControlOutcome.Builder::status)
        .with(Gen.booleans(), ImmutableControlOutcome.Builder::confirmed)
        .with(Gen.optionals(ValueGens.reasonCodes()), ImmutableControlOutcome.Builder::reasonCode)
        .with(ValueGens.nonNegativeLongs(), ImmutableControlOutcome.Builder::durationSeconds)
        .with(ValueGens.unknownFields(), ImmutableControlOutcome.Builder::putAllUnknownFields)
        .gen();
  }

  /**
   * {@code control-invocations.jsonl} rows: valid loop id, non-blank idempotency key, note present,
   * empty or absent, every part generated, unknown fields.
   *
   * @return the generator
   */
  public static Gen<ControlInvocation> invocations() {
    return BuilderGen.of(
            ControlInvocation.class,
            ImmutableControlInvocation::builder,
            ImmutableControlInvocation.Builder::build)
        .with(ValueGens.timestamps(), ImmutableControlInvocation.Builder::timestamp)
        .with(ValueGens.timestamps(), ImmutableControlInvocation.Builder::startedAt)
        .with(ValueGens.loopIds(), ImmutableControlInvocation.Builder::loopId)
        .with(intents(), ImmutableControlInvocation.Builder::intent)
        .with(ValueGens.optionalTraceIds(), ImmutableControlInvocation.Builder::traceId)
        .with(ValueGens.transports(), ImmutableControlInvocation.Builder::transport)
        .with(ValueGens.strings(), ImmutableControlInvocation.Builder::requestedBy)
        .with(ValueGens.optionalStrings(), ImmutableControlInvocation.Builder::note)
        .with(ValueGens.nonBlankStrings(), ImmutableControlInvocation.Builder::idempotencyKey)
        .with(requests(), ImmutableControlInvocation.Builder::request)
        .with(executions(), ImmutableControlInvocation.Builder::execution)
        .with(confirmations(), ImmutableControlInvocation.Builder::confirmation)
        .with(outcomes(), ImmutableControlInvocation.Builder::outcome)
        .with(ValueGens.unknownFields(), ImmutableControlInvocation.Builder::putAllUnknownFields)
        .gen();
  }

  /**
   * {@code control.jsonl} rows: valid loop id, non-blank idempotency key, counts {@code >= 0}, any
   * exit codes, unknown fields.
   *
   * @return the generator
   */
  public static Gen<ControlRow> controlRows() {
    return BuilderGen.of(
            ControlRow.class, ImmutableControlRow::builder, ImmutableControlRow.Builder::build)
        .with(ValueGens.timestamps(), ImmutableControlRow.Builder::timestamp)
        .with(ValueGens.timestamps(), ImmutableControlRow.Builder::startedAt)
        .with(ValueGens.loopIds(), ImmutableControlRow.Builder::loopId)
        .with(intents(), ImmutableControlRow.Builder::intent)
        .with(ValueGens.optionalTraceIds(), ImmutableControlRow.Builder::traceId)
        .with(ValueGens.transports(), ImmutableControlRow.Builder::transport)
        .with(outcomeStatuses(), ImmutableControlRow.Builder::status)
        .with(Gen.optionals(ValueGens.reasonCodes()), ImmutableControlRow.Builder::reasonCode)
        .with(ValueGens.nonBlankStrings(), ImmutableControlRow.Builder::idempotencyKey)
        .with(ValueGens.strings(), ImmutableControlRow.Builder::requestedBy)
        .with(ValueGens.anyLongs(), ImmutableControlRow.Builder::exitCode)
        .with(ValueGens.anyLongs(), ImmutableControlRow.Builder::confirmExitCode)
        .with(Gen.booleans(), ImmutableControlRow.Builder::confirmed)
        .with(ValueGens.nonNegativeLongs(), ImmutableControlRow.Builder::durationSeconds)
        .with(ValueGens.nonNegativeLongs(), ImmutableControlRow.Builder::retryAttempts)
        .with(ValueGens.nonNegativeLongs(), ImmutableControlRow.Builder::retryBackoffSeconds)
        .with(ValueGens.unknownFields(), ImmutableControlRow.Builder::putAllUnknownFields)
        .gen();
  }

  /**
   * {@code intents.jsonl} rows (built, so written in the contract's order): every optional field
   * present or absent (the minimal hand-written shape included), a raw confirm result never {@code
   * null} at the top, unknown fields.
   *
   * @return the generator
   */
  public static Gen<IntentRow> intentRows() {
    return BuilderGen.of(
            IntentRow.class, ImmutableIntentRow::builder, ImmutableIntentRow.Builder::build)
        .with(ValueGens.timestamps(), ImmutableIntentRow.Builder::timestamp)
        .with(ValueGens.loopIds(), ImmutableIntentRow.Builder::loopId)
        .with(intents(), ImmutableIntentRow.Builder::intent)
        .with(ValueGens.optionalTraceIds(), ImmutableIntentRow.Builder::traceId)
        .with(ValueGens.optionalStrings(), ImmutableIntentRow.Builder::requestedBy)
        .with(ValueGens.optionalStrings(), ImmutableIntentRow.Builder::note)
        .with(Gen.optionals(ValueGens.transports()), ImmutableIntentRow.Builder::transport)
        .with(outcomeStatuses(), ImmutableIntentRow.Builder::status)
        .with(ValueGens.optionalStrings(), ImmutableIntentRow.Builder::command)
        .with(ValueGens.optionalStrings(), ImmutableIntentRow.Builder::idempotencyKey)
        .with(ValueGens.optionalLongs(ValueGens.anyLongs()), ImmutableIntentRow.Builder::exitCode)
        .with(
            ValueGens.optionalLongs(ValueGens.anyLongs()),
            ImmutableIntentRow.Builder::confirmExitCode)
        .with(Gen.optionals(Gen.booleans()), ImmutableIntentRow.Builder::confirmed)
        .with(ValueGens.optionalStrings(), ImmutableIntentRow.Builder::commandOutput)
        .with(Gen.optionals(ValueGens.nonNullJsonValues()), ImmutableIntentRow.Builder::confirm)
        .with(ValueGens.unknownFields(), ImmutableIntentRow.Builder::putAllUnknownFields)
        .gen();
  }

  /**
   * In-flight rows (hardening H5): valid loop id, non-blank idempotency key, both phases, unknown
   * fields.
   *
   * @return the generator
   */
  public static Gen<InFlightRow> inFlightRows() {
    return BuilderGen.of(
            InFlightRow.class, ImmutableInFlightRow::builder, ImmutableInFlightRow.Builder::build)
        .with(ValueGens.timestamps(), ImmutableInFlightRow.Builder::timestamp)
        .with(ValueGens.loopIds(), ImmutableInFlightRow.Builder::loopId)
        .with(intents(), ImmutableInFlightRow.Builder::intent)
        .with(ValueGens.optionalTraceIds(), ImmutableInFlightRow.Builder::traceId)
        .with(ValueGens.transports(), ImmutableInFlightRow.Builder::transport)
        .with(ValueGens.strings(), ImmutableInFlightRow.Builder::requestedBy)
        .with(ValueGens.nonBlankStrings(), ImmutableInFlightRow.Builder::idempotencyKey)
        .with(invocationPhases(), ImmutableInFlightRow.Builder::phase)
        .with(ValueGens.unknownFields(), ImmutableInFlightRow.Builder::putAllUnknownFields)
        .gen();
  }
}
