package io.superloop.visibility.core.source;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.health.FailureCode;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonReadLimits;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.core.heartbeat.HeartbeatInput;
import io.superloop.visibility.core.reconcile.EnvelopeFeed;
import io.superloop.visibility.core.rules.ReadLimits;
import io.superloop.visibility.core.sequence.SequenceValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The {@code local} transport's view of a runtime directory ({@code
 * <repo>/.superloop/loops/<loop>/}): the snapshot's {@code runtime.heartbeat} from {@code
 * heartbeat.v1.json} and the snapshot and event sequence values from {@code events.jsonl}, assigned
 * as the local adapters assign them (contract 3.1: an event's value is its physical line number,
 * the snapshot's the file's newline count).
 */
public final class LocalRuntime {
  private static final System.Logger LOG = System.getLogger("io.superloop.visibility.core.source");

  private final Path heartbeatFile;
  private final Path eventsFile;
  private final ReadLimits limits;
  private final Json heartbeatJson;
  private final LocalEventSource source;

  /**
   * The runtime files at explicit paths. Either may be a symbolic link to a regular file.
   *
   * @param heartbeatFile the runtime heartbeat ({@code heartbeat.v1.json})
   * @param eventsFile the events log ({@code events.jsonl})
   * @param limits the read limits ({@link ReadLimits#heartbeatBytes()}, {@link
   *     ReadLimits#eventLineBytes()} and the structure limits of each document; a heartbeat may
   *     nest one level less than the limit and hold 256 tokens less, as it is stored one level down
   *     in a larger document)
   */
  public LocalRuntime(Path heartbeatFile, Path eventsFile, ReadLimits limits) {
    this.heartbeatFile = heartbeatFile;
    this.eventsFile = eventsFile;
    this.limits = limits;
    this.heartbeatJson = heartbeatJson(limits);
    this.source = new LocalEventSource(limits.json(limits.eventLineBytes()));
  }

  /**
   * The runtime files in a directory, read with the default limits.
   *
   * @param runtimeDir the directory ({@code <repo>/.superloop/loops/<loop>/})
   * @return its {@code heartbeat.v1.json} and {@code events.jsonl}
   */
  public static LocalRuntime in(Path runtimeDir) {
    return new LocalRuntime(
        runtimeDir.resolve("heartbeat.v1.json"),
        runtimeDir.resolve("events.jsonl"),
        ReadLimits.DEFAULT);
  }

  /** {@return the events log} */
  public Path eventsFile() {
    return eventsFile;
  }

  /**
   * {@return the runtime heartbeat: absent when the file does not exist, the parsed value
   * otherwise; {@link HeartbeatInput#unparseable unparseable} when it is not JSON, beyond a
   * structure limit, or not a regular file (H18); {@link HeartbeatInput#tooLarge too large} when it
   * is longer than {@link ReadLimits#heartbeatBytes()}, which is never read beyond that}
   */
  public HeartbeatInput readHeartbeat() {
    byte @Nullable [] bytes;
    try {
      bytes = RuntimeFiles.readAtMost(heartbeatFile, (int) limits.heartbeatBytes());
    } catch (NoSuchFileException e) {
      return HeartbeatInput.ABSENT;
    } catch (IOException e) {
      return HeartbeatInput.unparseable("", "cannot read: " + e.getMessage());
    } catch (VisibilityException e) {
      return HeartbeatInput.unparseable("", e.getMessage());
    }
    if (bytes == null) {
      return HeartbeatInput.tooLarge(limits.heartbeatBytes());
    }
    return heartbeatOf(bytes, heartbeatJson);
  }

  /**
   * The runtime heartbeat of a heartbeat document's bytes, read exactly as {@link #readHeartbeat()}
   * reads the content of {@code heartbeat.v1.json}. For transports that carry the document rather
   * than the file (a heartbeat record on a topic), so that every transport judges the same bytes
   * the same way.
   *
   * @param bytes the document's bytes, as written by the runtime
   * @param limits the read limits ({@link ReadLimits#heartbeatBytes()} and the structure limits, as
   *     for the file)
   * @return the parsed value ({@link HeartbeatInput#ABSENT} for JSON {@code null}); {@link
   *     HeartbeatInput#unparseable unparseable} when it is not JSON or beyond a structure limit
   *     (H18); {@link HeartbeatInput#tooLarge too large} when it is longer than {@link
   *     ReadLimits#heartbeatBytes()}
   */
  public static HeartbeatInput heartbeatOf(byte[] bytes, ReadLimits limits) {
    if (bytes.length > limits.heartbeatBytes()) {
      return HeartbeatInput.tooLarge(limits.heartbeatBytes());
    }
    return heartbeatOf(bytes, heartbeatJson(limits));
  }

  private static HeartbeatInput heartbeatOf(byte[] bytes, Json heartbeatJson) {
    // decoded as jq reads it: a leading byte order mark is skipped, an invalid UTF-8 sequence
    // becomes U+FFFD (and is kept as text)
    int bom =
        bytes.length >= 3
                && bytes[0] == (byte) 0xef
                && bytes[1] == (byte) 0xbb
                && bytes[2] == (byte) 0xbf
            ? 3
            : 0;
    String text = new String(bytes, bom, bytes.length - bom, StandardCharsets.UTF_8);
    try {
      JsonValue v = heartbeatJson.parseValue(text);
      return HeartbeatInput.of(v);
    } catch (VisibilityException e) {
      return HeartbeatInput.unparseable(text, e.getMessage());
    }
  }

  /**
   * The heartbeat's reader: the heartbeat is stored one level down in {@code heartbeat.json} and
   * its rows, beside some 30 tokens, so it may nest one level less and hold 256 tokens less than a
   * document, and what is accepted always reads back.
   */
  private static Json heartbeatJson(ReadLimits limits) {
    JsonReadLimits j = limits.json();
    return limits
        .withJson(
            new JsonReadLimits(
                Math.max(1, j.maxNestingDepth() - 1),
                j.maxStringLength(),
                j.maxNameLength(),
                j.maxNumberLength(),
                j.maxDocumentLength(),
                Math.max(1, j.maxTokenCount() - 256)))
        .json(limits.heartbeatBytes());
  }

  /**
   * A feed that streams {@code events.jsonl} from {@code start} through the validator; a malformed
   * line is a missing value and the warning {@code event_line_malformed} (H13).
   *
   * @param start where the scan starts
   * @return the feed; feeding throws {@link ErrorCode#FILE_NOT_FOUND} when the log does not exist
   *     and the scan's errors otherwise, which the reconcile step records as {@code
   *     events_unavailable}
   */
  public Feed feed(ScanStart start) {
    return new Feed(start, false);
  }

  /**
   * A feed as {@link #feed(ScanStart)}; with {@code restartWhenTruncated} a log that holds fewer
   * lines than {@code start.lineOffset()} (truncated, or rotated to a shorter log) is read from its
   * first line in a new epoch ({@link SequenceValidator.Batch#resetEpoch()}) with the warning
   * {@code event_log_truncated} (H20), instead of failing.
   *
   * @param start where the scan starts
   * @param restartWhenTruncated whether a log shorter than the start is read from its first line
   * @return the feed
   */
  public Feed feed(ScanStart start, boolean restartWhenTruncated) {
    return new Feed(start, restartWhenTruncated);
  }

  /** A streaming feed over the events log; {@link #scanResult()} is known after feeding. */
  public final class Feed implements EnvelopeFeed {
    private final ScanStart start;
    private final boolean restartWhenTruncated;
    private Optional<ScanResult> result = Optional.empty();

    Feed(ScanStart start, boolean restartWhenTruncated) {
      this.start = start;
      this.restartWhenTruncated = restartWhenTruncated;
    }

    @Override
    public void feed(
        SequenceValidator validator, SequenceValidator.Batch batch, Consumer<ReasonCode> warnings) {
      LineListener listener =
          (lineNumber, kind, buf, off, len) -> {
            if (kind == LineKind.EVENT) {
              batch.event(lineNumber);
            } else {
              batch.event(SequenceValidator.MISSING);
            }
          };
      ScanResult r;
      try {
        r = source.scan(eventsFile, start, listener);
      } catch (VisibilityException e) {
        // INVALID_ARGUMENT: fewer lines than the start's line offset, found before any line is fed
        if (!restartWhenTruncated || e.code() != ErrorCode.INVALID_ARGUMENT) {
          throw e;
        }
        batch.resetEpoch();
        warnings.accept(ReasonCode.EVENT_LOG_TRUNCATED);
        LOG.log(
            System.Logger.Level.WARNING,
            "events log {0} is shorter than the cursor ({1} lines): read from line 1 in a new epoch",
            eventsFile,
            start.lineOffset());
        r = source.scan(eventsFile, ScanStart.FROM_START, listener);
      }
      if (r.malformed() > 0) {
        warnings.accept(ReasonCode.EVENT_LINE_MALFORMED);
      }
      if (r.logRewritten()) {
        warnings.accept(ReasonCode.EVENT_LOG_REWRITTEN);
        LOG.log(
            System.Logger.Level.WARNING,
            "events log {0} was rewritten before the cursor (byte offset {1}): read again by"
                + " counting lines",
            eventsFile,
            start.byteOffset().orElse(0));
      }
      batch.snapshot(r.newlineCount());
      result = Optional.of(r);
    }

    @Override
    public long cursorOffsetAfter() {
      return result.map(ScanResult::newlineCount).orElse(start.lineOffset());
    }

    @Override
    public FailureCode failureCode() {
      return FailureCode.EVENTS_UNAVAILABLE;
    }

    /** {@return the scan's outcome (newline count, byte offset), once fed} */
    public Optional<ScanResult> scanResult() {
      return result;
    }
  }
}
