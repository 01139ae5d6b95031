package io.superloop.visibility.testkit.scenario.internal;

/**
 * What a generated {@link History} may contain.
 *
 * @param minSteps the fewest steps (at least 1)
 * @param maxSteps the most steps
 * @param maxLines the most lines appended per step
 * @param logChanges truncations and rotations of the log
 * @param undeclaredLogChanges whether a truncation or rotation may come without a declared replay
 *     ({@code fromStart}); when false, every step that changes the log reads from line 1
 * @param replays declared replays ({@code fromStart})
 * @param controls control actions
 * @param badHeartbeats heartbeats without a usable timestamp (missing, empty, every bad form of
 *     contract 2.2 step 5 / C10, non-object JSON)
 * @param localFaults faults only the local transport carries (white-space, malformed and torn
 *     lines, a heartbeat file that is not JSON)
 * @param spriteFaults faults only the sprite_service transport carries ({@link SpriteFault})
 */
public record HistoryShape(
    int minSteps,
    int maxSteps,
    int maxLines,
    boolean logChanges,
    boolean undeclaredLogChanges,
    boolean replays,
    boolean controls,
    boolean badHeartbeats,
    boolean localFaults,
    boolean spriteFaults) {

  /**
   * Checks the bounds.
   *
   * @param minSteps the fewest steps (at least 1)
   * @param maxSteps the most steps
   * @param maxLines the most lines appended per step
   * @param logChanges truncations and rotations of the log
   * @param undeclaredLogChanges whether a truncation or rotation may come without a declared replay
   *     ({@code fromStart}); when false, every step that changes the log reads from line 1
   * @param replays declared replays ({@code fromStart})
   * @param controls control actions
   * @param badHeartbeats heartbeats without a usable timestamp (missing, empty, every bad form of
   *     contract 2.2 step 5 / C10, non-object JSON)
   * @param localFaults faults only the local transport carries (white-space, malformed and torn
   *     lines, a heartbeat file that is not JSON)
   * @param spriteFaults faults only the sprite_service transport carries ({@link SpriteFault})
   * @throws IllegalArgumentException unless {@code 1 <= minSteps <= maxSteps} and {@code maxLines
   *     >= 0}
   */
  public HistoryShape {
    if (minSteps < 1 || maxSteps < minSteps || maxLines < 0) {
      throw new IllegalArgumentException("need 1 <= minSteps <= maxSteps and maxLines >= 0");
    }
  }

  /**
   * {@return histories both transports can carry: 1-4 steps, 0-20 lines a step, everything but
   * faults; a truncated or rotated log is always read again from line 1 (declared)}
   */
  public static HistoryShape carriable() {
    return new HistoryShape(1, 4, 20, true, false, true, true, true, false, false);
  }

  /**
   * {@return {@link #carriable()} where a truncation or rotation may also go undeclared (the
   * manager keeps its cursor)} See the report of {@code
   * ParityPropertiesTest.undeclaredTruncationParity}: the local source's byte-offset resume (H17)
   * miscounts lines when a truncated log grows past the old byte offset.
   */
  public static HistoryShape carriableWithUndeclaredLogChanges() {
    return new HistoryShape(1, 4, 20, true, true, true, true, true, false, false);
  }

  /**
   * {@return the shape that appends only (events and empty lines), no log change, no replay, no
   * fault: 1-4 steps}
   */
  public static HistoryShape strictlyIncreasing() {
    return new HistoryShape(1, 4, 20, false, false, false, true, true, false, false);
  }

  /** {@return {@link #carriable()} plus the local-only faults} */
  public static HistoryShape withLocalFaults() {
    return new HistoryShape(1, 4, 20, true, false, true, true, true, true, false);
  }

  /** {@return {@link #carriable()} plus the sprite-only faults} */
  public static HistoryShape withSpriteFaults() {
    return new HistoryShape(1, 4, 20, true, false, true, true, true, false, true);
  }

  /**
   * This shape with other step bounds.
   *
   * @param min the fewest steps, at least 1
   * @param max the most steps, at least {@code min}
   * @return the copy
   * @throws IllegalArgumentException when the bounds are out of order
   */
  public HistoryShape withSteps(int min, int max) {
    return new HistoryShape(
        min,
        max,
        maxLines,
        logChanges,
        undeclaredLogChanges,
        replays,
        controls,
        badHeartbeats,
        localFaults,
        spriteFaults);
  }
}
