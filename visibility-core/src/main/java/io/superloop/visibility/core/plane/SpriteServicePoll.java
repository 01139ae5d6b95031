package io.superloop.visibility.core.plane;

import io.superloop.visibility.api.envelope.EventsAnswer;
import io.superloop.visibility.api.envelope.EventsCursor;
import io.superloop.visibility.api.envelope.SnapshotEnvelope;
import io.superloop.visibility.core.source.SpriteServiceIngest;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one poll of a sprite service, for {@link VisibilityPlane#reconcile}: the manager's
 * {@code GET /ops/snapshot} and {@code GET /ops/events?cursor=N} answers (contract 1.18, 3.1), or
 * the failure to get them. A request that failed is {@code service_request_failed}; an answer that
 * is not a valid v1 answer is {@code service_response_invalid} (contract 1.12). The events answer's
 * cursor is kept in {@code cursor.json} for the next poll. Immutable.
 */
public final class SpriteServicePoll {
  private static final SpriteServiceIngest INGEST = new SpriteServiceIngest();

  private final SpriteServiceIngest.Poll poll;

  private SpriteServicePoll(SpriteServiceIngest.Poll poll) {
    this.poll = poll;
  }

  /**
   * The poll of decoded answers.
   *
   * @param snapshot the snapshot answer
   * @param events the events answer; its elements are judged when the step feeds them
   * @return a succeeded poll with the events answer's cursor
   */
  public static SpriteServicePoll of(SnapshotEnvelope snapshot, EventsAnswer events) {
    return new SpriteServicePoll(
        INGEST.of(
            Objects.requireNonNull(snapshot, "snapshot"),
            Objects.requireNonNull(events, "events")));
  }

  /**
   * The poll of raw answer bodies (HTTP 2xx). A body that does not decode as its v1 answer is a
   * {@code service_response_invalid} failure, with the decoder's message.
   *
   * @param snapshotBody the snapshot answer's body
   * @param eventsBody the events answer's body
   * @return the poll; never throws for bad content
   */
  public static SpriteServicePoll ofBodies(String snapshotBody, String eventsBody) {
    return new SpriteServicePoll(
        INGEST.ofBodies(
            Objects.requireNonNull(snapshotBody, "snapshotBody"),
            Objects.requireNonNull(eventsBody, "eventsBody")));
  }

  /**
   * A request that failed (non-2xx after retries, connection failure).
   *
   * @param message what went wrong, kept as the reconcile row's failure message
   * @return a {@code service_request_failed} poll without a cursor
   */
  public static SpriteServicePoll requestFailed(String message) {
    return new SpriteServicePoll(
        SpriteServiceIngest.requestFailed(Objects.requireNonNull(message, "message")));
  }

  /**
   * {@return the events answer's cursor, which the step keeps in {@code cursor.json}; empty when
   * the poll failed}
   */
  public Optional<EventsCursor> cursor() {
    return poll.cursor();
  }

  /** {@return the ingest and cursor the step decides from} */
  SpriteServiceIngest.Poll poll() {
    return poll;
  }

  @Override
  public String toString() {
    return "SpriteServicePoll" + poll;
  }
}
