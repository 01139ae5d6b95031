package io.superloop.visibility.testkit.gen.internal;

import io.superloop.visibility.api.ReasonCode;
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
import io.superloop.visibility.testkit.gen.Gen;
import java.util.Set;

/** Generators of the records of {@code api.reconcile}, valid by construction. */
public final class ReconcileGens {
  private ReconcileGens() {}

  private static final Set<ReasonCode> TYPED_CATEGORIES =
      Set.of(
          ReasonCode.ORDERING_DRIFT_DETECTED,
          ReasonCode.ORDERING_DRIFT_RECOVERED,
          ReasonCode.HEALTH_DEGRADED,
          ReasonCode.HEALTH_CRITICAL);

  /**
   * Reconcile sequence statuses.
   *
   * @return the generator
   */
  public static Gen<ReconcileSequenceStatus> sequenceStatuses() {
    return Gen.elements(ReconcileSequenceStatus.values());
  }

  /**
   * Alert row statuses: known ones and unknown wire strings.
   *
   * @return the generator
   */
  public static Gen<AlertStatus> alertStatuses() {
    return ValueGens.openValues(AlertStatus.known(), AlertStatus::of);
  }

  /**
   * Alert dispatch statuses: known ones and unknown wire strings.
   *
   * @return the generator
   */
  public static Gen<AlertDispatchStatus> alertDispatchStatuses() {
    return ValueGens.openValues(AlertDispatchStatus.known(), AlertDispatchStatus::of);
  }

  /**
   * {@code telemetry/reconcile.jsonl} rows: valid loop id, counts {@code >= 0} (0 and {@link
   * Long#MAX_VALUE} included), optionals present or absent, empty and non-empty code lists, unknown
   * fields.
   *
   * @return the generator
   */
  public static Gen<ReconcileRow> reconcileRows() {
    Gen<Long> n = ValueGens.nonNegativeLongs();
    return BuilderGen.of(
            ReconcileRow.class,
            ImmutableReconcileRow::builder,
            ImmutableReconcileRow.Builder::build)
        .with(ValueGens.timestamps(), ImmutableReconcileRow.Builder::timestamp)
        .with(ValueGens.timestamps(), ImmutableReconcileRow.Builder::startedAt)
        .with(ValueGens.loopIds(), ImmutableReconcileRow.Builder::loopId)
        .with(ValueGens.optionalTraceIds(), ImmutableReconcileRow.Builder::traceId)
        .with(ValueGens.transports(), ImmutableReconcileRow.Builder::transport)
        .with(HealthGens.ingestStatuses(), ImmutableReconcileRow.Builder::status)
        .with(Gen.optionals(HealthGens.failureCodes()), ImmutableReconcileRow.Builder::failureCode)
        .with(ValueGens.optionalStrings(), ImmutableReconcileRow.Builder::failureMessage)
        .with(n, ImmutableReconcileRow.Builder::cursorOffsetBefore)
        .with(n, ImmutableReconcileRow.Builder::cursorOffsetAfter)
        .with(n, ImmutableReconcileRow.Builder::eventsIngested)
        .with(n, ImmutableReconcileRow.Builder::maxEvents)
        .with(Gen.booleans(), ImmutableReconcileRow.Builder::fromStart)
        .with(n, ImmutableReconcileRow.Builder::retryAttempts)
        .with(n, ImmutableReconcileRow.Builder::retryBackoffSeconds)
        .with(ValueGens.optionalStrings(), ImmutableReconcileRow.Builder::thresholdProfile)
        .with(n, ImmutableReconcileRow.Builder::durationSeconds)
        .with(n, ImmutableReconcileRow.Builder::transportFailureStreak)
        .with(sequenceStatuses(), ImmutableReconcileRow.Builder::sequenceStatus)
        .with(
            Gen.optionals(ValueGens.reasonCodes()),
            ImmutableReconcileRow.Builder::sequenceReasonCode)
        .with(HealthGens.statuses(), ImmutableReconcileRow.Builder::healthStatus)
        .with(
            ValueGens.lists(ValueGens.reasonCodes(), 4),
            ImmutableReconcileRow.Builder::addAllHealthReasonCodes)
        .with(
            ValueGens.lists(ValueGens.reasonCodes(), 4),
            ImmutableReconcileRow.Builder::addAllWarnings)
        .with(ValueGens.unknownFields(), ImmutableReconcileRow.Builder::putAllUnknownFields)
        .gen();
  }

  /**
   * Ordering drift escalations ({@code ordering_drift_detected} / {@code
   * ordering_drift_recovered}), a raw sequence object, unknown fields.
   *
   * @return the generator
   */
  public static Gen<OrderingDriftEscalation> orderingDriftEscalations() {
    return BuilderGen.of(
            OrderingDriftEscalation.class,
            ImmutableOrderingDriftEscalation::builder,
            ImmutableOrderingDriftEscalation.Builder::build)
        .with(ValueGens.timestamps(), ImmutableOrderingDriftEscalation.Builder::timestamp)
        .with(ValueGens.loopIds(), ImmutableOrderingDriftEscalation.Builder::loopId)
        .with(ValueGens.optionalTraceIds(), ImmutableOrderingDriftEscalation.Builder::traceId)
        .with(
            Gen.elements(ReasonCode.ORDERING_DRIFT_DETECTED, ReasonCode.ORDERING_DRIFT_RECOVERED),
            ImmutableOrderingDriftEscalation.Builder::category)
        .with(ValueGens.transports(), ImmutableOrderingDriftEscalation.Builder::transport)
        .with(ValueGens.reasonCodes(), ImmutableOrderingDriftEscalation.Builder::reasonCode)
        .with(ValueGens.strings(), ImmutableOrderingDriftEscalation.Builder::stateFile)
        .with(ValueGens.strings(), ImmutableOrderingDriftEscalation.Builder::sequenceStateFile)
        .with(ValueGens.strings(), ImmutableOrderingDriftEscalation.Builder::sequenceTelemetryFile)
        .with(ValueGens.jsonObjects(), ImmutableOrderingDriftEscalation.Builder::sequence)
        .with(
            ValueGens.unknownFields(),
            ImmutableOrderingDriftEscalation.Builder::putAllUnknownFields)
        .gen();
  }

  /**
   * Health escalations ({@code health_degraded} / {@code health_critical}), raw reasons array,
   * empty and non-empty code lists, unknown fields.
   *
   * @return the generator
   */
  public static Gen<HealthEscalation> healthEscalations() {
    return BuilderGen.of(
            HealthEscalation.class,
            ImmutableHealthEscalation::builder,
            ImmutableHealthEscalation.Builder::build)
        .with(ValueGens.timestamps(), ImmutableHealthEscalation.Builder::timestamp)
        .with(ValueGens.loopIds(), ImmutableHealthEscalation.Builder::loopId)
        .with(ValueGens.optionalTraceIds(), ImmutableHealthEscalation.Builder::traceId)
        .with(
            Gen.elements(ReasonCode.HEALTH_DEGRADED, ReasonCode.HEALTH_CRITICAL),
            ImmutableHealthEscalation.Builder::category)
        .with(ValueGens.transports(), ImmutableHealthEscalation.Builder::transport)
        .with(HealthGens.ingestStatuses(), ImmutableHealthEscalation.Builder::ingestStatus)
        .with(
            Gen.optionals(HealthGens.failureCodes()),
            ImmutableHealthEscalation.Builder::failureCode)
        .with(ValueGens.strings(), ImmutableHealthEscalation.Builder::stateFile)
        .with(ValueGens.strings(), ImmutableHealthEscalation.Builder::cursorFile)
        .with(ValueGens.strings(), ImmutableHealthEscalation.Builder::healthFile)
        .with(HealthGens.statuses(), ImmutableHealthEscalation.Builder::healthStatus)
        .with(
            ValueGens.lists(ValueGens.reasonCodes(), 4),
            ImmutableHealthEscalation.Builder::addAllReasonCodes)
        .with(ValueGens.jsonArrays(), ImmutableHealthEscalation.Builder::reasons)
        .with(ValueGens.unknownFields(), ImmutableHealthEscalation.Builder::putAllUnknownFields)
        .gen();
  }

  /**
   * Escalations of other categories (known ones such as {@code divergence_detected}, which is not
   * null-filtered, and unknown ones), their own fields kept as unknown fields.
   *
   * @return the generator
   */
  public static Gen<OtherEscalation> otherEscalations() {
    Gen<ReasonCode> category =
        Gen.frequency(
                Gen.weighted(1, Gen.constant(ReasonCode.DIVERGENCE_DETECTED)),
                Gen.weighted(2, ValueGens.reasonCodes()))
            .map(c -> TYPED_CATEGORIES.contains(c) ? ReasonCode.PROFILE_DRIFT_DETECTED : c);
    return BuilderGen.of(
            OtherEscalation.class,
            ImmutableOtherEscalation::builder,
            ImmutableOtherEscalation.Builder::build)
        .with(ValueGens.timestamps(), ImmutableOtherEscalation.Builder::timestamp)
        .with(ValueGens.loopIds(), ImmutableOtherEscalation.Builder::loopId)
        .with(ValueGens.optionalTraceIds(), ImmutableOtherEscalation.Builder::traceId)
        .with(category, ImmutableOtherEscalation.Builder::category)
        .with(ValueGens.transports(), ImmutableOtherEscalation.Builder::transport)
        .with(ValueGens.unknownFields(), ImmutableOtherEscalation.Builder::putAllUnknownFields)
        .gen();
  }

  /**
   * {@code escalations.jsonl} rows of every variant.
   *
   * @return the generator
   */
  public static Gen<EscalationRow> escalationRows() {
    return Gen.oneOf(orderingDriftEscalations(), healthEscalations(), otherEscalations());
  }

  /**
   * {@code alert-dispatch-state.json} states: valid loop id, counts {@code >= 0}, optionals present
   * or empty, empty and non-empty failure code lists, unknown fields.
   *
   * @return the generator
   */
  public static Gen<AlertDispatchState> alertDispatchStates() {
    Gen<Long> n = ValueGens.nonNegativeLongs();
    return BuilderGen.of(
            AlertDispatchState.class,
            ImmutableAlertDispatchState::builder,
            ImmutableAlertDispatchState.Builder::build)
        .with(ValueGens.timestamps(), ImmutableAlertDispatchState.Builder::updatedAt)
        .with(ValueGens.loopIds(), ImmutableAlertDispatchState.Builder::loopId)
        .with(ValueGens.optionalTraceIds(), ImmutableAlertDispatchState.Builder::traceId)
        .with(ValueGens.optionalStrings(), ImmutableAlertDispatchState.Builder::escalationsFile)
        .with(
            ValueGens.optionalStrings(), ImmutableAlertDispatchState.Builder::dispatchTelemetryFile)
        .with(alertDispatchStatuses(), ImmutableAlertDispatchState.Builder::status)
        .with(n, ImmutableAlertDispatchState.Builder::processedCount)
        .with(n, ImmutableAlertDispatchState.Builder::dispatchedCount)
        .with(n, ImmutableAlertDispatchState.Builder::skippedCount)
        .with(n, ImmutableAlertDispatchState.Builder::failedCount)
        .with(
            ValueGens.lists(ValueGens.reasonCodes(), 4),
            ImmutableAlertDispatchState.Builder::addAllFailureReasonCodes)
        .with(n, ImmutableAlertDispatchState.Builder::escalationsLineOffset)
        .with(n, ImmutableAlertDispatchState.Builder::escalationsLineCount)
        .with(ValueGens.unknownFields(), ImmutableAlertDispatchState.Builder::putAllUnknownFields)
        .gen();
  }

  /**
   * {@code telemetry/alerts.jsonl} rows (built, so written in the contract's order): loop id as
   * written or absent, optionals present or absent, unknown fields.
   *
   * @return the generator
   */
  public static Gen<AlertRow> alertRows() {
    return BuilderGen.of(
            AlertRow.class, ImmutableAlertRow::builder, ImmutableAlertRow.Builder::build)
        .with(ValueGens.timestamps(), ImmutableAlertRow.Builder::timestamp)
        .with(ValueGens.optionalStrings(), ImmutableAlertRow.Builder::loopId)
        .with(ValueGens.traceIds(), ImmutableAlertRow.Builder::traceId)
        .with(ValueGens.optionalTraceIds(), ImmutableAlertRow.Builder::escalationTraceId)
        .with(
            Gen.frequency(
                Gen.weighted(3, Gen.constant("alert_dispatch")),
                Gen.weighted(1, ValueGens.strings())),
            ImmutableAlertRow.Builder::category)
        .with(alertStatuses(), ImmutableAlertRow.Builder::status)
        .with(Gen.optionals(ValueGens.reasonCodes()), ImmutableAlertRow.Builder::reasonCode)
        .with(ValueGens.unknownFields(), ImmutableAlertRow.Builder::putAllUnknownFields)
        .gen();
  }
}
