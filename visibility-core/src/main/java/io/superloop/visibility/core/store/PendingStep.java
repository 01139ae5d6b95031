package io.superloop.visibility.core.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a loop's step journal holds when a step begins ({@link LoopStore#pendingStep()}): nothing, a
 * record cut short (its step never reached an artifact), or a whole record of a step that may have
 * written only some of its artifacts. What each means for the next step is the caller's decision.
 */
public sealed interface PendingStep {

  /** No step is pending: the last step wrote all its artifacts, or none ever ran. */
  record None() implements PendingStep {}

  /**
   * The journal's record was cut short: its step died or failed before its commit point, so none of
   * its artifacts was written.
   *
   * @param journal the journal file
   * @param bytes its size
   */
  record Torn(Path journal, long bytes) implements PendingStep {
    /**
     * Requires the file.
     *
     * @param journal the journal file
     * @param bytes its size
     */
    public Torn {
      Objects.requireNonNull(journal, "journal");
    }
  }

  /**
   * A whole record: its step reached its commit point and then died or failed, possibly after
   * writing some of its artifacts. {@link LoopStore#complete} writes the rest.
   *
   * @param record what the step writes
   */
  record Committed(StepRecord record) implements PendingStep {
    /**
     * Requires the record.
     *
     * @param record what the step writes
     */
    public Committed {
      Objects.requireNonNull(record, "record");
    }
  }
}
