package io.superloop.visibility.testkit.scenario;

import io.superloop.visibility.testkit.scenario.internal.History;

/**
 * One loop's runtime history, transport-neutral: what the runtime writes (events, torn lines,
 * heartbeats, log truncations and rotations), what the manager's clock says and which control
 * actions run, step by step. {@link Scenarios} generates them; a {@link Delivery} turns one into
 * reconcile steps of its transport. Its {@link #toString()} prints every step, so a shrunk
 * counterexample reads as the history that fails.
 */
public final class RuntimeHistory {
  private final History model;

  RuntimeHistory(History model) {
    this.model = model;
  }

  /** {@return the model behind this history} */
  History model() {
    return model;
  }

  /**
   * {@return whether every step can be carried by both transports (no fault only one of them can
   * carry: a file-level fault for {@code local}, a malformed answer for {@code sprite_service})}
   */
  public boolean carriableByBoth() {
    return model.carriableByBoth();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RuntimeHistory h && h.model.equals(model);
  }

  @Override
  public int hashCode() {
    return model.hashCode();
  }

  /** {@return every step of the history} */
  @Override
  public String toString() {
    return model.toString();
  }
}
