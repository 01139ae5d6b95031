package io.superloop.visibility.api.reconcile;

import io.superloop.visibility.api.OpenWireValue;
import io.superloop.visibility.api.internal.WireRegistry;
import java.util.Collection;

/**
 * {@code status} of the alert dispatch state (contract 1.15). Open: the state is written by another
 * component.
 */
public final class AlertDispatchStatus extends OpenWireValue {
  private static final WireRegistry<AlertDispatchStatus> REGISTRY =
      new WireRegistry<>(AlertDispatchStatus::new);

  /** There is no escalations file. */
  public static final AlertDispatchStatus NO_SOURCE = REGISTRY.known("no_source");

  /** No escalation row since the last run. */
  public static final AlertDispatchStatus NO_NEW_ESCALATIONS = REGISTRY.known("no_new_escalations");

  /** Every new escalation was dispatched. */
  public static final AlertDispatchStatus SUCCESS = REGISTRY.known("success");

  /** Some new escalations failed. */
  public static final AlertDispatchStatus PARTIAL = REGISTRY.known("partial");

  /** The new escalations failed. */
  public static final AlertDispatchStatus FAILED = REGISTRY.known("failed");

  private AlertDispatchStatus(String wire, boolean known) {
    super(wire, known);
  }

  /**
   * Reads a value; never fails.
   *
   * @param wire the value as written
   * @return the constant when known, else a new value that keeps the string
   */
  public static AlertDispatchStatus of(String wire) {
    return REGISTRY.of(wire);
  }

  /** {@return every constant, in declaration order} */
  public static Collection<AlertDispatchStatus> known() {
    return REGISTRY.values();
  }
}
