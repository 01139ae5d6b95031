package io.superloop.visibility.core.source;

/**
 * The outcome of scanning a runtime events log.
 *
 * @param newlineCount newline characters in the file at scan time: the snapshot's sequence value
 *     and {@code cursor.eventLineCount} (contract 3.1)
 * @param endByteOffset the byte position right after the last newline ({@code
 *     cursor.eventByteOffset}, H17)
 * @param endTailCrc32 the CRC-32 of the up to {@value LocalEventSource#TAIL_CHECK_BYTES} bytes
 *     before {@code endByteOffset} ({@code cursor.eventTailCrc32}, H17)
 * @param events lines reported as {@link LineKind#EVENT}
 * @param malformed lines reported as {@link LineKind#MALFORMED}
 * @param blank empty lines skipped (each consumed a line number)
 * @param unterminatedTailBytes bytes after the last newline: an in-progress write, neither reported
 *     nor counted until its newline arrives
 * @param resumedAtByteOffset whether the scan resumed at the given byte offset (H17) instead of
 *     counting lines from the start
 * @param logRewritten whether the start carried a byte offset that no longer matches the file (past
 *     its end, not after a newline, or the bytes before it changed): the log was truncated, rotated
 *     or rewritten before the cursor, and the batch was found by counting lines, as the reference
 *     does, so lines of a new log before the old line offset were not read
 */
public record ScanResult(
    long newlineCount,
    long endByteOffset,
    long endTailCrc32,
    long events,
    long malformed,
    long blank,
    long unterminatedTailBytes,
    boolean resumedAtByteOffset,
    boolean logRewritten) {

  /** {@return lines reported to the listener ({@code events.ingestedCount})} */
  public long ingested() {
    return events + malformed;
  }
}
