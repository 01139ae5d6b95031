package io.superloop.visibility.api.reconcile;

import io.superloop.visibility.api.OpenWireValue;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@code status} of an {@code alerts.jsonl} row (contract 1.15). Open: the rows are written by
 * another component.
 */
public final class AlertStatus extends OpenWireValue {
  private static final Map<String, AlertStatus> KNOWN = new LinkedHashMap<>();

  /** Every sink accepted the alert. */
  public static final AlertStatus DISPATCHED = known("dispatched");
  /** Some sinks failed. */
  public static final AlertStatus PARTIAL = known("partial");
  /** Every sink failed. */
  public static final AlertStatus FAILED = known("failed");
  /** The escalation was not dispatched. */
  public static final AlertStatus SKIPPED = known("skipped");
  /** The dispatch run itself failed inside reconcile (with reason code {@code alert_dispatch_failed}). */
  public static final AlertStatus FAILED_COMMAND = known("failed_command");

  private AlertStatus(String wire, boolean known) {
    super(wire, known);
  }

  private static AlertStatus known(String wire) {
    AlertStatus v = new AlertStatus(wire, true);
    KNOWN.put(wire, v);
    return v;
  }

  /** The value of {@code wire}: the constant when known, else a new value that keeps the string. */
  public static AlertStatus of(String wire) {
    Objects.requireNonNull(wire, "wire");
    AlertStatus v = KNOWN.get(wire);
    return v != null ? v : new AlertStatus(wire, false);
  }

  /** Every constant, in declaration order. */
  public static Collection<AlertStatus> known() {
    return Collections.unmodifiableCollection(KNOWN.values());
  }
}
