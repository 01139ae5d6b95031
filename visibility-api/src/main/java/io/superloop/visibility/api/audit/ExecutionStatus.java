package io.superloop.visibility.api.audit;

import io.superloop.visibility.api.OpenWireValue;
import io.superloop.visibility.api.internal.WireRegistry;
import java.util.Collection;

/**
 * {@code execution.status} of an invocation row (contract 1.7, 4.3, 4.4). Open, so a newer writer's
 * value is kept as written.
 */
public final class ExecutionStatus extends OpenWireValue {
  private static final WireRegistry<ExecutionStatus> REGISTRY =
      new WireRegistry<>(ExecutionStatus::new);

  /** The command (or service call) succeeded. */
  public static final ExecutionStatus SUCCEEDED = REGISTRY.known("succeeded");

  /** The command (or the service call) failed. */
  public static final ExecutionStatus FAILED_COMMAND = REGISTRY.known("failed_command");

  private ExecutionStatus(String wire, boolean known) {
    super(wire, known);
  }

  /**
   * Reads a value; never fails.
   *
   * @param wire the value as written
   * @return the constant when known, else a new value that keeps the string
   */
  public static ExecutionStatus of(String wire) {
    return REGISTRY.of(wire);
  }

  /** {@return every constant, in declaration order} */
  public static Collection<ExecutionStatus> known() {
    return REGISTRY.values();
  }
}
