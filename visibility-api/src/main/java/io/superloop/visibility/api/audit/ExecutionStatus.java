package io.superloop.visibility.api.audit;

import io.superloop.visibility.api.OpenWireValue;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@code execution.status} of an invocation row (contract 1.7, 4.3, 4.4). Open, so a newer writer's value is kept as written.
 */
public final class ExecutionStatus extends OpenWireValue {
  private static final Map<String, ExecutionStatus> KNOWN = new LinkedHashMap<>();

  /** The command (or service call) succeeded. */
  public static final ExecutionStatus SUCCEEDED = known("succeeded");
  /** The command (or the service call) failed. */
  public static final ExecutionStatus FAILED_COMMAND = known("failed_command");

  private ExecutionStatus(String wire, boolean known) {
    super(wire, known);
  }

  private static ExecutionStatus known(String wire) {
    ExecutionStatus v = new ExecutionStatus(wire, true);
    KNOWN.put(wire, v);
    return v;
  }

  /** The value of {@code wire}: the constant when known, else a new value that keeps the string. */
  public static ExecutionStatus of(String wire) {
    Objects.requireNonNull(wire, "wire");
    ExecutionStatus v = KNOWN.get(wire);
    return v != null ? v : new ExecutionStatus(wire, false);
  }

  /** Every constant, in declaration order. */
  public static Collection<ExecutionStatus> known() {
    return Collections.unmodifiableCollection(KNOWN.values());
  }
}
