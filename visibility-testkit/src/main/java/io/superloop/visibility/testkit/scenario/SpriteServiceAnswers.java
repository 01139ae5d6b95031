package io.superloop.visibility.testkit.scenario;

import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.testkit.scenario.internal.ReferenceAnswers;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The reference answers of a sprite service: what {@code GET /ops/snapshot} and {@code GET
 * /ops/events?cursor=N} must return for a runtime folder, written as JSON text by the testkit's own
 * encoder in the v1 envelope shape (contract 1.1, 1.18, 3.1), independently of the library's local
 * source. Sequence values follow the service's poll adapter: an event's value is its physical line
 * number, the snapshot's the log's newline count; empty lines consume a number and are not
 * delivered; a last line without its newline is not there yet. Use it as the oracle of an adapter's
 * answers, or as the answers of a stand-in service:
 *
 * <pre>{@code
 * SpriteServiceAnswers reference = SpriteServiceAnswers.read(runtimeDir);
 * String events = reference.events(cursor, Instant.now(), Optional.empty());
 * }</pre>
 *
 * <p>An instance is a snapshot of the runtime folder and is not thread-safe.
 */
public final class SpriteServiceAnswers {
  private final ReferenceAnswers answers;

  private SpriteServiceAnswers(ReferenceAnswers answers) {
    this.answers = answers;
  }

  /**
   * Reads a runtime folder as a sprite service's adapters read it: {@code events.jsonl} (its
   * newline-terminated lines; each non-empty one must be an event object with the members {@code
   * timestamp}, {@code event}, {@code run_id}, {@code role}, {@code status}, {@code message}
   * (strings), {@code iteration} (a whole number) and {@code payload} (an object), as {@code
   * EventLog} writes them) and {@code heartbeat.v1.json} (passed through as it is).
   *
   * @param runtimeDir the runtime folder {@code <repo>/.superloop/loops/<loopId>}; its name is the
   *     loop id
   * @return the answers for the folder as it is now
   * @throws VisibilityException {@code file_not_found} when there is no events log, {@code
   *     invalid_field_value} naming the line when a line is not such an event, {@code io_error}
   *     when a file cannot be read
   */
  public static SpriteServiceAnswers read(Path runtimeDir) {
    return new SpriteServiceAnswers(ReferenceAnswers.read(runtimeDir));
  }

  /** {@return the number of newline-terminated lines of the log (the snapshot's sequence value)} */
  public long lineCount() {
    return answers.lineCount();
  }

  /**
   * The {@code GET /ops/snapshot} answer (contract 1.1, 3.1), in the contract's key order.
   *
   * @param now the service's clock ({@code emittedAt})
   * @param traceId the request's trace id, if any
   * @return the body, compact JSON
   * @throws VisibilityException {@code invalid_json} (or another parse code) when the heartbeat
   *     file is not JSON
   */
  public String snapshot(Instant now, Optional<String> traceId) {
    return answers.snapshot(now, traceId);
  }

  /**
   * The {@code GET /ops/events?cursor=<cursor>&maxEvents=0} answer (contract 1.18, 3.1): every
   * event after line {@code cursor}, each numbered by its physical line.
   *
   * @param cursor the manager's cursor (lines already read), 0 to read from the start
   * @param now the service's clock ({@code emittedAt}, {@code cursor.updatedAt})
   * @param traceId the request's trace id, if any
   * @return the body, compact JSON
   * @throws VisibilityException {@code invalid_argument} when the cursor is negative or beyond the
   *     log's end (the service answers HTTP 502 {@code runtime_error} there)
   */
  public String events(long cursor, Instant now, Optional<String> traceId) {
    return answers.events(cursor, now, traceId);
  }
}
