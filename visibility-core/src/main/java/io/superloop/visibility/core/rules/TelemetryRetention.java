package io.superloop.visibility.core.rules;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;

/**
 * How much of the step telemetry logs ({@code telemetry/heartbeat.jsonl}, {@code
 * telemetry/sequence.jsonl}, {@code telemetry/reconcile.jsonl}) a loop keeps. When a step is about
 * to append to a log of {@code maxFileBytes} bytes or more, the log is renamed to {@code <log>.<n>}
 * ({@code n} one more than the newest rotated file's) and the step's rows start a new log; only the
 * newest {@code rotatedFilesKept} rotated files are kept. A log is rotated only at the end of its
 * last whole row, and in the same step that writes the new log's first row; the status surface
 * reads a log's last row from its newest rotated file while the log itself has none. Other logs
 * (control audit, escalations) are never rotated.
 *
 * @param maxFileBytes the size at which a log is rotated; 0: never (retention off)
 * @param rotatedFilesKept how many rotated files of each log are kept, at least 1 when rotating
 */
public record TelemetryRetention(long maxFileBytes, int rotatedFilesKept) {

  /** No rotation: the logs grow without end, as the reference's do. */
  public static final TelemetryRetention OFF = new TelemetryRetention(0, 0);

  /** The hardened default: rotate at 16 MiB, keep 4 rotated files (at most ~80 MiB per log). */
  public static final TelemetryRetention DEFAULT = new TelemetryRetention(16L << 20, 4);

  /**
   * Validates the setting.
   *
   * @param maxFileBytes the size at which a log is rotated; 0: never (retention off)
   * @param rotatedFilesKept how many rotated files of each log are kept, at least 1 when rotating
   * @throws VisibilityException {@link ErrorCode#INVALID_ARGUMENT} for a negative size, or fewer
   *     than one kept file while rotating
   */
  public TelemetryRetention {
    if (maxFileBytes < 0 || rotatedFilesKept < 0 || (maxFileBytes > 0 && rotatedFilesKept < 1)) {
      throw new VisibilityException(
          ErrorCode.INVALID_ARGUMENT,
          "telemetry retention: maxFileBytes >= 0, and rotatedFilesKept >= 1 when rotating");
    }
  }

  /** {@return whether logs are rotated at all} */
  public boolean rotates() {
    return maxFileBytes > 0;
  }

  /** {@return {@code off}, or the size and count, e.g. {@code 16 MiB, 4 rotated files kept}} */
  @Override
  public String toString() {
    if (!rotates()) {
      return "off";
    }
    String size =
        maxFileBytes % (1 << 20) == 0
            ? (maxFileBytes >> 20) + " MiB"
            : maxFileBytes % 1024 == 0 ? (maxFileBytes >> 10) + " KiB" : maxFileBytes + " bytes";
    return size + ", " + rotatedFilesKept + " rotated files kept";
  }
}
