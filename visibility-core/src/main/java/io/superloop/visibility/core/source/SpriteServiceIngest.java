package io.superloop.visibility.core.source;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.envelope.EventsAnswer;
import io.superloop.visibility.api.envelope.EventsCursor;
import io.superloop.visibility.api.envelope.SnapshotEnvelope;
import io.superloop.visibility.api.health.FailureCode;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.core.heartbeat.HeartbeatInput;
import io.superloop.visibility.core.reconcile.EnvelopeFeed;
import io.superloop.visibility.core.reconcile.Ingest;
import java.util.Optional;

/**
 * The {@code sprite_service} transport's ingest (the plane's {@code SpriteServicePoll} is made of
 * it): the manager's {@code GET /ops/snapshot} and {@code GET /ops/events} answers (contract 1.18,
 * 3.1) turned into the same validator input the local source gives. A request that failed is {@code
 * service_request_failed}; an answer that is not a valid v1 answer is {@code
 * service_response_invalid} (contract 1.12).
 */
public final class SpriteServiceIngest {
  private final Json json;

  /** An ingest reading answers with the default limits. */
  public SpriteServiceIngest() {
    this(Json.DEFAULT);
  }

  /**
   * An ingest reading answers with other limits.
   *
   * @param json the read limits of {@link #ofBodies}
   */
  public SpriteServiceIngest(Json json) {
    this.json = json;
  }

  /**
   * The outcome of one poll.
   *
   * @param ingest what the reconcile step decides from
   * @param cursor the events answer's cursor, to be kept in {@code cursor.json}; empty on failure
   */
  public record Poll(Ingest ingest, Optional<EventsCursor> cursor) {}

  /**
   * The ingest of decoded answers.
   *
   * @param snapshot the snapshot answer
   * @param events the events answer; its elements are judged when the step feeds them
   * @return a succeeded ingest with the events answer's cursor
   */
  public Poll of(SnapshotEnvelope snapshot, EventsAnswer events) {
    JsonValue heartbeat = snapshot.runtimeHeartbeat().orElse(JsonValue.nullValue());
    EnvelopeFeed feed =
        EnvelopeFeed.ofEnvelopes(
            snapshot.sequenceValue().orElse(null),
            events.events(),
            events.cursor().eventLineOffset());
    return new Poll(
        new Ingest.Succeeded(HeartbeatInput.of(heartbeat), feed, false),
        Optional.of(events.cursor()));
  }

  /**
   * The ingest of raw answer bodies (HTTP 2xx). A body that does not decode as its v1 answer is a
   * {@code service_response_invalid} failure, with the decoder's message.
   *
   * @param snapshotBody the snapshot answer's body
   * @param eventsBody the events answer's body
   * @return the ingest; never throws for bad content
   */
  public Poll ofBodies(String snapshotBody, String eventsBody) {
    SnapshotEnvelope snapshot;
    EventsAnswer events;
    try {
      snapshot = json.decode(Codecs.SNAPSHOT_ENVELOPE, snapshotBody);
      events = json.decode(Codecs.EVENTS_ANSWER_SEQUENCES, eventsBody);
    } catch (VisibilityException e) {
      return failed(FailureCode.SERVICE_RESPONSE_INVALID, e.getMessage());
    }
    return of(snapshot, events);
  }

  /**
   * A request that failed (non-2xx after retries, connection failure).
   *
   * @param message what went wrong, kept as the reconcile row's failure message
   * @return a {@code service_request_failed} ingest without a cursor
   */
  public static Poll requestFailed(String message) {
    return failed(FailureCode.SERVICE_REQUEST_FAILED, message);
  }

  private static Poll failed(FailureCode code, String message) {
    return new Poll(new Ingest.Failed(Optional.of(code), Optional.of(message)), Optional.empty());
  }
}
