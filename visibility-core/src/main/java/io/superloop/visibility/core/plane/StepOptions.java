package io.superloop.visibility.core.plane;

import java.util.Optional;

/**
 * Options of one reconcile step.
 *
 * @param traceId the step's explicit trace id ({@code --trace-id}); empty: the environment's, else
 *     a generated one
 * @param fromStart read the batch from line 1 ({@code --from-start}); under hardened rules a
 *     declared replay (H15)
 */
public record StepOptions(Optional<String> traceId, boolean fromStart) {

  /** {@return options with no explicit trace id, reading from the cursor} */
  public static StepOptions defaults() {
    return new StepOptions(Optional.empty(), false);
  }

  /**
   * These options with an explicit trace id.
   *
   * @param traceId the trace id ({@code --trace-id}); validated when the step runs, empty means
   *     none
   * @return a copy with {@code traceId}
   */
  public StepOptions withTraceId(String traceId) {
    return new StepOptions(Optional.of(traceId), fromStart);
  }

  /**
   * These options, reading from line 1 or from the cursor.
   *
   * @param fromStart whether the step reads from line 1 ({@code --from-start})
   * @return a copy with {@code fromStart}
   */
  public StepOptions withFromStart(boolean fromStart) {
    return new StepOptions(traceId, fromStart);
  }
}
