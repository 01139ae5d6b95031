package io.superloop.visibility.testkit.scenario.internal;

import io.superloop.visibility.core.plane.VisibilityPlane;
import java.util.List;

/**
 * One step of a delivery run.
 *
 * @param index the step's index in the history
 * @param reconciliation what the reconcile step returned
 * @param warnings the step's warnings (reason codes)
 * @param files the loop's files after the step (and its control action), decoded
 */
public record StepView(
    int index,
    VisibilityPlane.Reconciliation reconciliation,
    List<String> warnings,
    LoopFiles files) {
  /**
   * A compact constructor keeping the warnings unmodifiable.
   *
   * @param index the step's index in the history
   * @param reconciliation what the reconcile step returned
   * @param warnings the step's warnings (reason codes)
   * @param files the loop's files after the step (and its control action), decoded
   */
  public StepView {
    warnings = List.copyOf(warnings);
  }
}
