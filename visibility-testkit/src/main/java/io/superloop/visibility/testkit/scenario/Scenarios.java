package io.superloop.visibility.testkit.scenario;

import io.superloop.visibility.testkit.gen.Gen;
import io.superloop.visibility.testkit.scenario.internal.HistoryGens;

/**
 * Generators of {@link RuntimeHistory runtime histories}, seeded like every {@link Gen}: one seed
 * reproduces a history, and a failing history shrinks to fewer steps, fewer lines and simpler
 * values.
 */
public final class Scenarios {
  private Scenarios() {}

  /**
   * Histories both transports can carry: 1 to 4 steps of 0 to 20 appended lines each, log
   * truncations and rotations (always read again from line 1, declared), declared replays, control
   * actions and heartbeats without a usable timestamp; no fault only one transport can carry. The
   * histories to give {@link ParityProperties#transportParity}.
   *
   * @return the generator
   */
  public static Gen<RuntimeHistory> carriableHistories() {
    return HistoryGens.carriableHistories().map(RuntimeHistory::new);
  }
}
