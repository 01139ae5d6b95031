package io.superloop.visibility.api.audit;

import io.superloop.visibility.api.OpenWireValue;
import io.superloop.visibility.api.internal.WireRegistry;
import java.util.Collection;

/**
 * The status of a control outcome ({@code outcome.status} of an invocation row, {@code status} of
 * the control and intent rows; contract 1.7-1.9, 4.3, 4.4). Open: on the sprite_service transport
 * it is whatever the service's {@code result.status} says, so a value this version does not know is
 * kept as written.
 */
public final class OutcomeStatus extends OpenWireValue {
  private static final WireRegistry<OutcomeStatus> REGISTRY =
      new WireRegistry<>(OutcomeStatus::new);

  /** The effect was confirmed. */
  public static final OutcomeStatus CONFIRMED = REGISTRY.known("confirmed");

  /** The command succeeded and confirmation was skipped. */
  public static final OutcomeStatus EXECUTED_UNCONFIRMED = REGISTRY.known("executed_unconfirmed");

  /** The command succeeded but confirmation did not observe the effect. */
  public static final OutcomeStatus AMBIGUOUS = REGISTRY.known("ambiguous");

  /** The command (or the service call) failed. */
  public static final OutcomeStatus FAILED_COMMAND = REGISTRY.known("failed_command");

  private OutcomeStatus(String wire, boolean known) {
    super(wire, known);
  }

  /**
   * Reads a value; never fails.
   *
   * @param wire the value as written
   * @return the constant when known, else a new value that keeps the string
   */
  public static OutcomeStatus of(String wire) {
    return REGISTRY.of(wire);
  }

  /** {@return every constant, in declaration order} */
  public static Collection<OutcomeStatus> known() {
    return REGISTRY.values();
  }
}
