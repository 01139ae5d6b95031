package io.superloop.visibility.benchmarks;

import io.superloop.visibility.core.sequence.SequenceValidator;
import io.superloop.visibility.core.sequence.SequenceVerdict;
import io.superloop.visibility.core.source.LineKind;
import io.superloop.visibility.core.source.LineListener;
import io.superloop.visibility.core.source.ScanResult;
import java.util.Optional;
import java.util.function.Function;

/** The {@code scan-events} path shared by the W1 benchmarks. */
final class EventScans {
  private EventScans() {}

  /**
   * One batch from line 1: every reported line judged (an event's value is its line number, a
   * malformed line is missing), the snapshot the newline count.
   */
  static SequenceVerdict verdict(
      SequenceValidator validator, Function<LineListener, ScanResult> scan) {
    SequenceValidator.Batch batch = validator.begin(Optional.empty(), false);
    ScanResult r =
        scan.apply(
            (line, kind, buf, off, len) ->
                batch.event(kind == LineKind.EVENT ? line : SequenceValidator.MISSING));
    batch.snapshot(r.newlineCount());
    return batch.finish();
  }
}
