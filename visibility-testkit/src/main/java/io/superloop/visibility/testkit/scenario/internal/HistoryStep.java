package io.superloop.visibility.testkit.scenario.internal;

import java.util.List;
import java.util.Optional;

/**
 * One step of a runtime history, applied in this order: the manager clock advances; a line torn at
 * the end of the previous step is completed; the log changes ({@link #change}); {@link #appended}
 * lines are written; a {@link #tornTail} is started; the heartbeat file is set; the manager
 * reconciles (from line 1 when {@link #fromStart}); then the optional {@link #control} action runs.
 *
 * @param advanceSeconds seconds the manager clock advances before the step (0 allowed)
 * @param change what happens to the existing log
 * @param appended lines appended (each newline-terminated)
 * @param tornTail an event whose line is written without its newline at the end of the step and
 *     completed at the start of the next one (local only)
 * @param fromStart the reconcile reads from line 1 ({@code --from-start}; a declared replay, H15)
 * @param heartbeat the heartbeat file during the step
 * @param traceId the step's explicit trace; empty: generated (both deliveries use the same seeded
 *     randomness)
 * @param spriteFaults faults of the sprite_service answers (sprite only)
 * @param control a control action after the reconcile
 */
public record HistoryStep(
    long advanceSeconds,
    LogChange change,
    List<LogLine> appended,
    Optional<LogLine> tornTail,
    boolean fromStart,
    HeartbeatSpec heartbeat,
    Optional<String> traceId,
    List<SpriteFault> spriteFaults,
    Optional<ControlAction> control) {

  /**
   * A compact constructor keeping the lists unmodifiable.
   *
   * @param advanceSeconds seconds the manager clock advances before the step (0 allowed)
   * @param change what happens to the existing log
   * @param appended lines appended (each newline-terminated)
   * @param tornTail an event whose line is written without its newline at the end of the step and
   *     completed at the start of the next one (local only)
   * @param fromStart the reconcile reads from line 1 ({@code --from-start}; a declared replay, H15)
   * @param heartbeat the heartbeat file during the step
   * @param traceId the step's explicit trace; empty: generated (both deliveries use the same seeded
   *     randomness)
   * @param spriteFaults faults of the sprite_service answers (sprite only)
   * @param control a control action after the reconcile
   */
  public HistoryStep {
    appended = List.copyOf(appended);
    spriteFaults = List.copyOf(spriteFaults);
  }

  /** {@return whether the step holds a line or fault only the local transport can carry} */
  public boolean hasLocalOnlyFault() {
    return tornTail.isPresent()
        || !heartbeat.parseable()
        || appended.stream().anyMatch(l -> !l.carriableByBoth())
        || change.replacement().stream().anyMatch(l -> !l.carriableByBoth());
  }

  /** {@return whether the step holds a fault only the sprite_service transport can carry} */
  public boolean hasSpriteOnlyFault() {
    return !spriteFaults.isEmpty();
  }

  /**
   * This step with another clock advance.
   *
   * @param seconds seconds the manager clock advances before the step (0 allowed)
   * @return the copy
   */
  public HistoryStep withAdvanceSeconds(long seconds) {
    return new HistoryStep(
        seconds, change, appended, tornTail, fromStart, heartbeat, traceId, spriteFaults, control);
  }

  /**
   * This step with other sprite faults.
   *
   * @param faults the faults
   * @return the copy
   */
  public HistoryStep withSpriteFaults(List<SpriteFault> faults) {
    return new HistoryStep(
        advanceSeconds, change, appended, tornTail, fromStart, heartbeat, traceId, faults, control);
  }

  /**
   * This step with other appended lines.
   *
   * @param lines the lines
   * @return the copy
   */
  public HistoryStep withAppended(List<LogLine> lines) {
    return new HistoryStep(
        advanceSeconds,
        change,
        lines,
        tornTail,
        fromStart,
        heartbeat,
        traceId,
        spriteFaults,
        control);
  }

  /**
   * This step with a torn tail.
   *
   * @param torn the unterminated line after the appended ones, if any
   * @return the copy
   */
  public HistoryStep withTornTail(Optional<LogLine> torn) {
    return new HistoryStep(
        advanceSeconds,
        change,
        appended,
        torn,
        fromStart,
        heartbeat,
        traceId,
        spriteFaults,
        control);
  }

  /**
   * This step with another log change and {@code fromStart}.
   *
   * @param c the log change
   * @param replay whether the step reads from line 1 ({@code fromStart})
   * @return the copy
   */
  public HistoryStep withChange(LogChange c, boolean replay) {
    return new HistoryStep(
        advanceSeconds, c, appended, tornTail, replay, heartbeat, traceId, spriteFaults, control);
  }
}
