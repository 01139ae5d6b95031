package io.superloop.visibility.core.store;

import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.core.internal.PlaneAccess;
import io.superloop.visibility.core.plane.StepOptions;
import io.superloop.visibility.core.rules.Durability;
import io.superloop.visibility.core.rules.VisibilityRules;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A local step torn by an I/O error at the rename of one state file (after the step's commit
 * point), for tests outside this package (the compatibility doc's checks).
 */
public final class TornSteps {
  private TornSteps() {}

  /**
   * Runs a local step of {@code loopId} under {@code repo} at {@code clock}, failing the rename of
   * {@code stateFileName}'s temp file.
   *
   * @return the step's error
   * @throws AssertionError when the step did not fail
   */
  public static VisibilityException failRenameOf(
      Path repo,
      String loopId,
      VisibilityRules rules,
      Clock clock,
      String stateFileName,
      String trace) {
    RecordingFileOps ops = new RecordingFileOps(NoSyncFileOps.INSTANCE);
    ops.fault(
        (op, path) ->
            op.equals("move")
                    && String.valueOf(path.getFileName()).startsWith("." + stateFileName + ".tmp-")
                ? new IOException("Input/output error")
                : null);
    try {
      PlaneAccess.builder(LoopLayout.of(repo, loopId).withFileOps(ops))
          .rules(rules)
          .clock(clock)
          .durability(Durability.NONE)
          .build()
          .reconcileLocal(StepOptions.defaults().withTraceId(trace));
    } catch (VisibilityException e) {
      return e;
    }
    throw new AssertionError("the step did not fail");
  }

  /** {@return the step journal of a loop} */
  public static Path journal(LoopLayout layout) {
    return layout.stepJournalFile();
  }
}
