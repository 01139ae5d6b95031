package io.superloop.visibility.core.audit;

import io.superloop.visibility.api.audit.ControlInvocation;
import io.superloop.visibility.api.audit.InFlightRow;
import io.superloop.visibility.core.time.TimestampSyntax;
import io.superloop.visibility.core.time.Timestamps;
import java.util.OptionalLong;

/**
 * Whether a write-ahead {@code started} row (H5) has been completed by a v1 invocation row: the
 * decision behind {@code invocationAudit.inFlight}. The reader of the logs scans the invocation log
 * backwards with {@link #completes} as its match and {@link #beforeSlack} as its stop, so the cost
 * depends on the rows written since the start, not on the size of the log.
 */
public final class InFlightCompletion {
  /**
   * How far back a scan for the completion looks before the started row's time: a completion row is
   * written after its start, but two writers may append rows out of timestamp order (a writer
   * computes its completion time, then appends), and clocks step. Rows older than the start by more
   * than this cannot belong to it.
   */
  public static final long COMPLETION_SCAN_SLACK_SECONDS = 600;

  private final InFlightRow started;
  private final OptionalLong startMillis;

  private InFlightCompletion(InFlightRow started) {
    this.started = started;
    this.startMillis = millis(started.timestamp());
  }

  /**
   * The completion check of one started row.
   *
   * @param started the last {@code started} row of the in-flight file
   * @return its check
   */
  public static InFlightCompletion of(InFlightRow started) {
    return new InFlightCompletion(started);
  }

  /**
   * Whether {@code row} completes the started action: it has the action's idempotency key and
   * started no earlier than it (so a caller-given key used again by a later action does not count
   * as that action's completion). When either start time cannot be read, the key decides.
   *
   * @param row a v1 invocation row
   * @return whether it is the action's completion
   */
  public boolean completes(ControlInvocation row) {
    if (!row.idempotencyKey().equals(started.idempotencyKey())) {
      return false;
    }
    OptionalLong rowStart = millis(row.startedAt());
    if (rowStart.isEmpty() || startMillis.isEmpty()) {
      return true; // cannot tell the actions of one key apart: the key decides
    }
    return rowStart.getAsLong() >= startMillis.getAsLong();
  }

  /**
   * Whether a backwards scan may stop at {@code row}: it was completed more than {@link
   * #COMPLETION_SCAN_SLACK_SECONDS} before the start, so neither it nor any earlier row belongs to
   * the action. Never, when the start time cannot be read.
   *
   * @param row a v1 invocation row
   * @return whether the scan stops here
   */
  public boolean beforeSlack(ControlInvocation row) {
    if (startMillis.isEmpty()) {
      return false;
    }
    OptionalLong at = millis(row.timestamp());
    return at.isPresent()
        && at.getAsLong() < startMillis.getAsLong() - COMPLETION_SCAN_SLACK_SECONDS * 1000;
  }

  private static OptionalLong millis(String timestamp) {
    return Timestamps.parseEpochMillis(timestamp, TimestampSyntax.RFC_3339);
  }
}
