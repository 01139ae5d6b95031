package io.superloop.visibility.api.reconcile;

import io.superloop.visibility.api.OpenWireValue;
import io.superloop.visibility.api.internal.WireRegistry;
import java.util.Collection;

/**
 * {@code status} of an {@code alerts.jsonl} row (contract 1.15). Open: the rows are written by
 * another component.
 */
public final class AlertStatus extends OpenWireValue {
  private static final WireRegistry<AlertStatus> REGISTRY = new WireRegistry<>(AlertStatus::new);

  /** Every sink accepted the alert. */
  public static final AlertStatus DISPATCHED = REGISTRY.known("dispatched");

  /** Some sinks failed. */
  public static final AlertStatus PARTIAL = REGISTRY.known("partial");

  /** Every sink failed. */
  public static final AlertStatus FAILED = REGISTRY.known("failed");

  /** The escalation was not dispatched. */
  public static final AlertStatus SKIPPED = REGISTRY.known("skipped");

  /**
   * The dispatch run itself failed inside reconcile (with reason code {@code
   * alert_dispatch_failed}).
   */
  public static final AlertStatus FAILED_COMMAND = REGISTRY.known("failed_command");

  private AlertStatus(String wire, boolean known) {
    super(wire, known);
  }

  /**
   * Reads a value; never fails.
   *
   * @param wire the value as written
   * @return the constant when known, else a new value that keeps the string
   */
  public static AlertStatus of(String wire) {
    return REGISTRY.of(wire);
  }

  /** {@return every constant, in declaration order} */
  public static Collection<AlertStatus> known() {
    return REGISTRY.values();
  }
}
