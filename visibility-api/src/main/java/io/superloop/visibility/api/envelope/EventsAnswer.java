package io.superloop.visibility.api.envelope;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.envelope.internal.ImmutableEventsAnswer;
import io.superloop.visibility.api.internal.VisibilityStyle;
import io.superloop.visibility.api.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The 200 body of the sprite service's {@code GET /ops/events} (contract 1.18), top level
 * null-filtered: {@code {ok, schemaVersion, traceId?, source, events, cursor}}. The {@code events}
 * elements are kept raw, because a manager counts malformed elements too (contract C9); decode them
 * with {@link #decodeEvents()} or {@link Codecs#EVENT_ENVELOPE}.
 */
@Value.Immutable
@VisibilityStyle
public abstract class EventsAnswer {

  /**
   * {@return a new builder} Its {@code build()} throws {@link IllegalStateException} when a
   * required attribute is unset.
   */
  public static ImmutableEventsAnswer.Builder builder() {
    return ImmutableEventsAnswer.builder();
  }

  /** {@return {@code true} in every events answer (the default)} */
  @Value.Default
  public boolean ok() {
    return true;
  }

  /** {@return the schema version, always {@code "v1"}} */
  public final String schemaVersion() {
    return "v1";
  }

  /** {@return the request's {@code X-Trace-Id}; omitted when empty} */
  public abstract Optional<TraceId> traceId();

  /** {@return the repository and loop polled} */
  public abstract EnvelopeSource source();

  /**
   * {@return the event envelopes of the batch, each raw (malformed ones and {@code null} included)}
   */
  public abstract List<JsonValue> events();

  /** {@return the server-side cursor after the poll} */
  public abstract EventsCursor cursor();

  /**
   * {@return fields of a newer writer this version does not know, kept in order and written back}
   */
  public abstract Map<String, JsonValue> unknownFields();

  /**
   * Decodes the batch.
   *
   * @return every element of {@link #events()} decoded as an {@link EventEnvelope}, in order
   * @throws io.superloop.visibility.api.VisibilityException at the first element that is not a
   *     valid event envelope, located at {@code /events/<index>}
   */
  public final List<EventEnvelope> decodeEvents() {
    List<EventEnvelope> out = new ArrayList<>(events().size());
    for (int i = 0; i < events().size(); i++) {
      out.add(Envelopes.decodeValue(Codecs.EVENT_ENVELOPE, events().get(i), "/events/" + i));
    }
    return List.copyOf(out);
  }
}
