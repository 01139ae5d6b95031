package io.superloop.visibility.api.reconcile;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.json.JsonValue;
import java.util.Map;
import java.util.Optional;

/**
 * One row of {@code OPS/escalations.jsonl} (contract 1.14). Every row starts with {@code timestamp,
 * loopId, traceId, category, transport}; the fields that follow depend on the category:
 *
 * <ul>
 *   <li>{@link OrderingDriftEscalation}: {@code ordering_drift_detected} and the additive {@code
 *       ordering_drift_recovered} (hardening H19), null-filtered;
 *   <li>{@link HealthEscalation}: {@code health_degraded} and {@code health_critical},
 *       null-filtered;
 *   <li>{@link OtherEscalation}: every other category ({@code divergence_detected}, not
 *       null-filtered; {@code profile_drift_detected}; categories of newer writers), whose fields
 *       after the common ones are kept raw, in order.
 * </ul>
 *
 * {@link Codecs#ESCALATION_ROW} reads a row into the variant its category names.
 */
public sealed interface EscalationRow
    permits OrderingDriftEscalation, HealthEscalation, OtherEscalation {

  /** {@return the time of the row, as written} */
  String timestamp();

  /** {@return the loop id; a valid loop id} */
  String loopId();

  /** {@return the reconcile trace; absent only on rows of other writers (never in practice)} */
  Optional<TraceId> traceId();

  /** {@return the escalation category} */
  ReasonCode category();

  /** {@return the transport of the reconcile} */
  Transport transport();

  /**
   * {@return fields this version does not model, kept in order and written back after the known
   * ones}
   */
  Map<String, JsonValue> unknownFields();
}
