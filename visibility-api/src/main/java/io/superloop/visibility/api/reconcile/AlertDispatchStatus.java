package io.superloop.visibility.api.reconcile;

import io.superloop.visibility.api.OpenWireValue;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@code status} of the alert dispatch state (contract 1.15). Open: the state is written by
 * another component.
 */
public final class AlertDispatchStatus extends OpenWireValue {
  private static final Map<String, AlertDispatchStatus> KNOWN = new LinkedHashMap<>();

  /** There is no escalations file. */
  public static final AlertDispatchStatus NO_SOURCE = known("no_source");
  /** No escalation row since the last run. */
  public static final AlertDispatchStatus NO_NEW_ESCALATIONS = known("no_new_escalations");
  /** Every new escalation was dispatched. */
  public static final AlertDispatchStatus SUCCESS = known("success");
  /** Some new escalations failed. */
  public static final AlertDispatchStatus PARTIAL = known("partial");
  /** The new escalations failed. */
  public static final AlertDispatchStatus FAILED = known("failed");

  private AlertDispatchStatus(String wire, boolean known) {
    super(wire, known);
  }

  private static AlertDispatchStatus known(String wire) {
    AlertDispatchStatus v = new AlertDispatchStatus(wire, true);
    KNOWN.put(wire, v);
    return v;
  }

  /** The value of {@code wire}: the constant when known, else a new value that keeps the string. */
  public static AlertDispatchStatus of(String wire) {
    Objects.requireNonNull(wire, "wire");
    AlertDispatchStatus v = KNOWN.get(wire);
    return v != null ? v : new AlertDispatchStatus(wire, false);
  }

  /** Every constant, in declaration order. */
  public static Collection<AlertDispatchStatus> known() {
    return Collections.unmodifiableCollection(KNOWN.values());
  }
}
