package io.superloop.visibility.core.rules;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonReadLimits;
import java.util.Objects;

/**
 * The bounds of every read of the visibility plane, the same under both presets. Each file is read
 * only up to its limit: what lies beyond is never held in memory, and gets a reason code instead of
 * a verdict. The defaults let every plane operation run in a 32 MiB heap on any input.
 *
 * <table>
 *   <caption>What each limit bounds, and what happens beyond it</caption>
 *   <tr><th>limit</th><th>default</th><th>beyond it</th></tr>
 *   <tr><td>{@link #heartbeatBytes()}</td><td>64 KiB</td><td>a failed heartbeat row
 *       {@code heartbeat_payload_too_large}; the heartbeat is not copied</td></tr>
 *   <tr><td>{@link #eventLineBytes()}</td><td>1 MiB</td><td>the line is malformed (a missing
 *       sequence value and {@code event_line_malformed}), skipped in constant memory</td></tr>
 *   <tr><td>{@link #stateFileBytes()}</td><td>1 MiB</td><td>the state is unreadable ({@code
 *       limit_exceeded})</td></tr>
 *   <tr><td>{@link #telemetryRowBytes()}</td><td>1 MiB</td><td>the row is skipped as unparseable,
 *       without reading it</td></tr>
 *   <tr><td>{@link #envelopeBytes()}</td><td>1 MiB</td><td>an envelope document is {@code
 *       limit_exceeded}</td></tr>
 *   <tr><td>{@link #stepJournalBytes()}</td><td>8 MiB</td><td>a step whose record is longer fails
 *       with {@code limit_exceeded} before it writes anything; a journal read holds no more: a
 *       whole record beyond it (written with a higher limit) stops the step with {@code
 *       limit_exceeded} and is kept, other bytes are a write cut short and are dropped</td></tr>
 *   <tr><td>{@link #json()}</td><td>depth 64, number 64 chars, key 4,096 chars, 65,536 tokens
 *       ({@link #FILE_JSON})</td><td>the document is {@code limit_exceeded}</td></tr>
 * </table>
 *
 * @param heartbeatBytes the longest runtime heartbeat ({@code heartbeat.v1.json}), in bytes
 * @param eventLineBytes the longest line of the runtime events log, in bytes (without its newline)
 * @param stateFileBytes the longest state file of the loop ({@code *.json}), in bytes
 * @param telemetryRowBytes the longest row of a JSONL file of the loop, in bytes
 * @param envelopeBytes the longest envelope document (a {@code .json} file, or one line of a {@code
 *     .ndjson}/{@code .jsonl} file) that the {@code validate} command reads
 * @param stepJournalBytes the longest record of a step in the step journal ({@code
 *     OPS/.step-journal}), in bytes, written or read
 * @param json the limits of each JSON document's structure; its document and string lengths are
 *     replaced by the limit of the file being read ({@link #json(long)})
 */
public record ReadLimits(
    long heartbeatBytes,
    long eventLineBytes,
    long stateFileBytes,
    long telemetryRowBytes,
    long envelopeBytes,
    long stepJournalBytes,
    JsonReadLimits json) {

  private static final long KIB = 1024;
  private static final long MIB = 1024 * KIB;

  /**
   * The default structure limits of a file's document: nesting depth 64, numbers of 64 chars, keys
   * of 4,096 chars, strings and documents of 1 MiB, 65,536 tokens (at most about 5 MiB of heap once
   * read into values).
   */
  public static final JsonReadLimits FILE_JSON =
      new JsonReadLimits(64, (int) MIB, 4096, 64, MIB, 64 * KIB);

  /**
   * The defaults: heartbeat 64 KiB, step journal record 8 MiB, every other file or line 1 MiB,
   * {@link #FILE_JSON}.
   */
  public static final ReadLimits DEFAULT =
      new ReadLimits(64 * KIB, MIB, MIB, MIB, MIB, 8 * MIB, FILE_JSON);

  /**
   * Validates the bounds.
   *
   * @param heartbeatBytes the longest runtime heartbeat, in bytes, {@code >= 1}
   * @param eventLineBytes the longest events log line, in bytes, {@code >= 1}
   * @param stateFileBytes the longest state file, in bytes, {@code >= 1}
   * @param telemetryRowBytes the longest telemetry row, in bytes, {@code >= 1}
   * @param envelopeBytes the longest envelope document, in bytes, {@code >= 1}
   * @param stepJournalBytes the longest step journal record, in bytes, {@code >= 1}
   * @param json the structure limits of each document
   * @throws VisibilityException {@link ErrorCode#INVALID_ARGUMENT} when a bound is below 1 or above
   *     {@code Integer.MAX_VALUE - 16} (a line or document is held in one array)
   */
  public ReadLimits {
    Objects.requireNonNull(json, "json");
    for (long b :
        new long[] {
          heartbeatBytes,
          eventLineBytes,
          stateFileBytes,
          telemetryRowBytes,
          envelopeBytes,
          stepJournalBytes
        }) {
      if (b < 1 || b > Integer.MAX_VALUE - 16) {
        throw new VisibilityException(
            ErrorCode.INVALID_ARGUMENT,
            "a read limit is 1 to " + (Integer.MAX_VALUE - 16) + " bytes, got " + b);
      }
    }
  }

  /**
   * The reader of documents of at most {@code maxBytes}: {@link #json()} with that document (and
   * string) length.
   *
   * @param maxBytes the longest document or line, in bytes
   * @return the reader
   */
  public Json json(long maxBytes) {
    return Json.withLimits(
        new JsonReadLimits(
            json.maxNestingDepth(),
            (int) Math.min(maxBytes, Integer.MAX_VALUE),
            json.maxNameLength(),
            json.maxNumberLength(),
            maxBytes,
            json.maxTokenCount()));
  }

  /**
   * A copy with another heartbeat limit.
   *
   * @param bytes the longest runtime heartbeat, in bytes
   * @return the copy
   */
  public ReadLimits withHeartbeatBytes(long bytes) {
    return new ReadLimits(
        bytes,
        eventLineBytes,
        stateFileBytes,
        telemetryRowBytes,
        envelopeBytes,
        stepJournalBytes,
        json);
  }

  /**
   * A copy with another events log line limit.
   *
   * @param bytes the longest events log line, in bytes
   * @return the copy
   */
  public ReadLimits withEventLineBytes(long bytes) {
    return new ReadLimits(
        heartbeatBytes,
        bytes,
        stateFileBytes,
        telemetryRowBytes,
        envelopeBytes,
        stepJournalBytes,
        json);
  }

  /**
   * A copy with another state file limit.
   *
   * @param bytes the longest state file, in bytes
   * @return the copy
   */
  public ReadLimits withStateFileBytes(long bytes) {
    return new ReadLimits(
        heartbeatBytes,
        eventLineBytes,
        bytes,
        telemetryRowBytes,
        envelopeBytes,
        stepJournalBytes,
        json);
  }

  /**
   * A copy with another telemetry row limit.
   *
   * @param bytes the longest telemetry row, in bytes
   * @return the copy
   */
  public ReadLimits withTelemetryRowBytes(long bytes) {
    return new ReadLimits(
        heartbeatBytes,
        eventLineBytes,
        stateFileBytes,
        bytes,
        envelopeBytes,
        stepJournalBytes,
        json);
  }

  /**
   * A copy with another envelope document limit.
   *
   * @param bytes the longest envelope document, in bytes
   * @return the copy
   */
  public ReadLimits withEnvelopeBytes(long bytes) {
    return new ReadLimits(
        heartbeatBytes,
        eventLineBytes,
        stateFileBytes,
        telemetryRowBytes,
        bytes,
        stepJournalBytes,
        json);
  }

  /**
   * A copy with another step journal record limit.
   *
   * @param bytes the longest step journal record, in bytes
   * @return the copy
   */
  public ReadLimits withStepJournalBytes(long bytes) {
    return new ReadLimits(
        heartbeatBytes,
        eventLineBytes,
        stateFileBytes,
        telemetryRowBytes,
        envelopeBytes,
        bytes,
        json);
  }

  /**
   * A copy with other structure limits.
   *
   * @param json the structure limits of each document
   * @return the copy
   */
  public ReadLimits withJson(JsonReadLimits json) {
    return new ReadLimits(
        heartbeatBytes,
        eventLineBytes,
        stateFileBytes,
        telemetryRowBytes,
        envelopeBytes,
        stepJournalBytes,
        json);
  }
}
