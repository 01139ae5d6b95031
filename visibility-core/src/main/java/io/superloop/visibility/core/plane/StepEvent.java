package io.superloop.visibility.core.plane;

import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.Transport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What one reconcile step did, as a {@link VisibilityListener} is told: the records the step
 * returned and persisted, plus what only the plane measures.
 *
 * @param loopId the loop
 * @param reconciliation the step's trace, transport and records, as {@link
 *     VisibilityPlane#reconcileLocal} or {@link VisibilityPlane#reconcile} returned them
 * @param startedAt the manager clock at the step's start (the reconcile row's {@code startedAt})
 * @param duration the step's wall time on the monotonic clock, from the call (waiting for the loop
 *     lock included) to the committed files
 * @param linesIngested event lines (local) or event envelopes (sprite_service) the step took in:
 *     its cursor's advance, {@code cursorOffsetAfter - cursorOffsetBefore} of the reconcile row, 0
 *     when the cursor went back
 * @param bytesIngested bytes of {@code events.jsonl} the step read (local: from the cursor's byte
 *     offset, or from the start of the file when the step had to count lines); 0 for
 *     sprite_service, whose envelopes arrive decoded
 * @param quarantinedFiles the loop's files the step found unreadable and renamed aside ({@code
 *     <name>.corrupt-<time>}), where they are now
 */
public record StepEvent(
    String loopId,
    VisibilityPlane.Reconciliation reconciliation,
    Instant startedAt,
    Duration duration,
    long linesIngested,
    long bytesIngested,
    List<Path> quarantinedFiles) {

  /**
   * Copies the list.
   *
   * @param loopId the loop
   * @param reconciliation the step's trace, transport and records
   * @param startedAt the manager clock at the step's start
   * @param duration the step's wall time
   * @param linesIngested event lines or envelopes taken in
   * @param bytesIngested bytes of the events log read
   * @param quarantinedFiles files renamed aside
   */
  public StepEvent {
    quarantinedFiles = List.copyOf(quarantinedFiles);
  }

  /** {@return the step's trace} */
  public TraceId traceId() {
    return reconciliation.traceId();
  }

  /** {@return the step's transport} */
  public Transport transport() {
    return reconciliation.transport();
  }
}
