package io.superloop.visibility.core.plane;

import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.envelope.CursorState;
import io.superloop.visibility.core.source.ScanStart;
import io.superloop.visibility.core.store.LoopStore;
import io.superloop.visibility.core.store.PendingStep;
import io.superloop.visibility.core.store.PreviousStates;
import java.util.List;
import java.util.OptionalLong;

/**
 * What a torn step means for the next one (the step-commit protocol's decisions; the store only
 * reads and writes). Run under the loop lock, before the previous states are loaded:
 *
 * <ul>
 *   <li>a journal record cut short: its step never reached its commit point, so it wrote no
 *       artifact. The step "never happened": the record is dropped, and the next step reads the
 *       same event lines from the same cursor;
 *   <li>a whole record: its step reached its commit point and then died or failed, after writing
 *       any prefix of its artifacts. The step "fully happened": its remaining artifacts are written
 *       from the record (none twice) before this step reads anything, and this step warns {@code
 *       torn_step_recovered}. Unless another writer (a bash manager, an operator) changed one of
 *       its state files since: then its own step superseded it, the record is dropped, and this
 *       step warns {@code torn_step_superseded};
 *   <li>first, temp files of state writes a killed writer left are removed;
 *   <li>a local loop written by an earlier version of the library, whose step moved {@code
 *       cursor.json} (which carries {@code eventByteOffset}, so a local step of this library wrote
 *       it) past lines without writing their sequence state ({@code snapshot.current} below the
 *       cursor's line offset; a whole step writes both from one scan): the lines after {@code
 *       snapshot.current} are read again, and the step warns {@code torn_step_recovered}.
 * </ul>
 */
final class StepRecovery {
  private StepRecovery() {}

  /**
   * Settles the step journal and removes stale temp files.
   *
   * @return {@code torn_step_recovered} when a committed step was completed, {@code
   *     torn_step_superseded} when another writer overtook it, else nothing
   */
  static List<ReasonCode> settle(LoopStore store) {
    PendingStep pending = store.pendingStep();
    store.removeStaleTemps(pending);
    List<ReasonCode> warnings = List.of();
    if (pending instanceof PendingStep.Committed c) {
      if (store.overtaken(c).isEmpty()) {
        store.complete(c);
        warnings = List.of(ReasonCode.TORN_STEP_RECOVERED);
      } else {
        store.abandon(c);
        warnings = List.of(ReasonCode.TORN_STEP_SUPERSEDED);
      }
    } else if (pending instanceof PendingStep.Torn t) {
      store.discard(t);
    }
    return warnings;
  }

  /**
   * Where a local step starts reading: line 1 for a declared replay or without a cursor; the cursor
   * (with its H17 byte offset) when the sequence state covers it; else, for a cursor this library's
   * local source wrote, after the lines the sequence state covers.
   *
   * @param previous the previous states
   * @param fromStart whether the step is a declared replay
   * @return the start, and whether it re-reads lines a torn step of an earlier version skipped
   */
  static LocalStart localStart(PreviousStates previous, boolean fromStart) {
    if (fromStart || previous.cursor().isEmpty()) {
      return new LocalStart(ScanStart.FROM_START, false);
    }
    CursorState cursor = previous.cursor().get();
    OptionalLong covered =
        previous.sequence().map(s -> s.snapshot().current()).orElse(OptionalLong.empty());
    if (cursor.eventByteOffset().isPresent()
        && covered.isPresent()
        && covered.getAsLong() < cursor.eventLineOffset()) {
      return new LocalStart(ScanStart.afterLines(covered.getAsLong()), true);
    }
    return new LocalStart(ScanStart.resumeAt(cursor), false);
  }

  /**
   * Where a local step starts.
   *
   * @param start the scan's start
   * @param rereadsTornStep whether it re-reads lines a torn step skipped
   */
  record LocalStart(ScanStart start, boolean rereadsTornStep) {}
}
