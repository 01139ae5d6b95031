package io.superloop.visibility.kafka.streams;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.reconcile.EscalationRow;
import io.superloop.visibility.core.heartbeat.HeartbeatInput;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The topology's one processor: per loop (the record key), event envelopes wait in the pending
 * store until the snapshot that closes their batch runs one reconcile step; heartbeat records and
 * the wall-clock punctuation re-evaluate freshness between steps. Every record of a loop is
 * processed in its partition's order, in one stream task, inside that task's transaction (with
 * exactly-once v2), so a loop's state and the rows it produced are committed together.
 */
final class LoopProcessor implements Processor<String, byte[], String, Object> {
  private static final Logger LOG = LoggerFactory.getLogger(LoopProcessor.class);
  private static final StringSerializer KEYS = new StringSerializer();

  private final VisibilityTopology.Settings settings;
  private final Json envelopeJson;
  private @Nullable ProcessorContext<String, Object> context;
  private @Nullable KeyValueStore<String, byte[]> loops;
  private @Nullable KeyValueStore<String, byte[]> pending;
  private @Nullable Decisions decisions;

  LoopProcessor(VisibilityTopology.Settings settings) {
    this.settings = settings;
    this.envelopeJson = settings.limits().json(settings.limits().envelopeBytes());
  }

  @Override
  public void init(ProcessorContext<String, Object> ctx) {
    this.context = ctx;
    this.loops = ctx.getStateStore(VisibilityTopology.LOOP_STORE);
    this.pending = ctx.getStateStore(VisibilityTopology.PENDING_STORE);
    this.decisions = Decisions.of(settings);
    if (!settings.punctuationInterval().isZero()) {
      ctx.schedule(
          settings.punctuationInterval(), PunctuationType.WALL_CLOCK_TIME, this::punctuate);
    }
  }

  private ProcessorContext<String, Object> ctx() {
    return Objects.requireNonNull(context, "not initialized");
  }

  private KeyValueStore<String, byte[]> loops() {
    return Objects.requireNonNull(loops, "not initialized");
  }

  private KeyValueStore<String, byte[]> pending() {
    return Objects.requireNonNull(pending, "not initialized");
  }

  private Decisions decisions() {
    return Objects.requireNonNull(decisions, "not initialized");
  }

  @Override
  public void process(Record<String, byte[]> record) {
    String loopId = record.key();
    // a loop id is 1-255 UTF-8 bytes; the full check is the records' own (INVALID_LOOP_ID below)
    if (loopId == null || loopId.isEmpty() || loopId.length() > 255) {
      deadLetter(
          record, ErrorCode.INVALID_LOOP_ID, "a record's key is its loop id: 1 to 255 bytes");
      return;
    }
    boolean heartbeat =
        ctx()
            .recordMetadata()
            .map(RecordMetadata::topic)
            .filter(settings.topics().heartbeats()::equals)
            .isPresent();
    try {
      if (heartbeat) {
        onHeartbeat(loopId, record);
      } else {
        onEnvelope(loopId, record);
      }
    } catch (VisibilityException e) {
      // input a record builder rejects (an invalid loop id, ...): reason-coded, never a dead thread
      if (!heartbeat && e.code() == ErrorCode.INVALID_LOOP_ID) {
        clearPending(loopId); // no step will ever take them
      }
      deadLetter(record, e.code(), e.getMessage());
    }
  }

  private void onHeartbeat(String loopId, Record<String, byte[]> record) {
    byte[] bytes = record.value();
    HeartbeatInput input = bytes == null ? HeartbeatInput.ABSENT : decisions().heartbeatOf(bytes);
    LoopState prev = load(loopId).withFileHeartbeat(input);
    publish(
        loopId,
        decisions().refresh(loopId, prev, input, settings.clock().instant()),
        record.timestamp());
  }

  private void onEnvelope(String loopId, Record<String, byte[]> record) {
    Inbound in = Inbound.decode(record.value(), envelopeJson, decisions());
    if (in instanceof Inbound.Event e) {
      append(loopId, e.judged(), record);
    } else if (in instanceof Inbound.Undecodable u) {
      deadLetter(record, u.code(), u.message());
      append(loopId, Decisions.missing(), record);
    } else if (in instanceof Inbound.Snapshot s) {
      Batch batch = takePending(loopId);
      boolean replay = declaredReplay(record.headers());
      Decisions.Outcome o =
          decisions()
              .snapshotStep(
                  loopId,
                  load(loopId),
                  s.envelope(),
                  batch.values(),
                  batch.overflow(),
                  replay,
                  settings.clock().instant());
      clearPending(loopId, batch);
      publish(loopId, o, record.timestamp());
    } else if (in instanceof Inbound.BadSnapshot b) {
      deadLetter(record, b.error().code(), b.error().getMessage());
      publish(
          loopId,
          decisions()
              .failedStep(loopId, load(loopId), b.error().getMessage(), settings.clock().instant()),
          record.timestamp());
    }
  }

  private static boolean declaredReplay(Headers headers) {
    Header h = headers.lastHeader(VisibilityTopology.REPLAY_HEADER);
    return h != null
        && h.value() != null
        && "true".equals(new String(h.value(), StandardCharsets.UTF_8));
  }

  // ------------------------------------------------------------------ the punctuation

  private void punctuate(long timestamp) {
    Instant now = settings.clock().instant();
    List<KeyValue<String, Decisions.Outcome>> changed = new ArrayList<>();
    try (KeyValueIterator<String, byte[]> it = loops().all()) {
      while (it.hasNext()) {
        KeyValue<String, byte[]> kv = it.next();
        LoopState prev = decode(kv.key, kv.value);
        try {
          Decisions.Outcome o = decisions().refresh(kv.key, prev, prev.lastHeartbeat(), now);
          if (Decisions.changed(prev, o.state())) {
            changed.add(KeyValue.pair(kv.key, o));
          }
        } catch (VisibilityException e) {
          LOG.warn("loop {}: punctuation skipped: {}: {}", kv.key, e.code().wire(), e.getMessage());
        }
      }
    }
    for (KeyValue<String, Decisions.Outcome> kv : changed) {
      publish(kv.key, kv.value, timestamp);
    }
  }

  // ------------------------------------------------------------------ the loop store

  private LoopState load(String loopId) {
    byte[] bytes = loops().get(loopId);
    return bytes == null ? LoopState.EMPTY : decode(loopId, bytes);
  }

  /**
   * A stored state that does not read is a previous state unreadable, as in the plane: start anew.
   */
  private static LoopState decode(String loopId, byte[] bytes) {
    try {
      return LoopState.decode(bytes);
    } catch (VisibilityException e) {
      LOG.warn(
          "loop {}: previous_state_unreadable: {}: {}", loopId, e.code().wire(), e.getMessage());
      return LoopState.EMPTY;
    }
  }

  private void publish(String loopId, Decisions.Outcome o, long timestamp) {
    loops().put(loopId, o.state().encode());
    ProcessorContext<String, Object> c = ctx();
    o.heartbeatRow()
        .ifPresent(
            r -> c.forward(new Record<>(loopId, r, timestamp), VisibilityTopology.HEARTBEAT_SINK));
    o.sequenceRow()
        .ifPresent(
            r -> c.forward(new Record<>(loopId, r, timestamp), VisibilityTopology.SEQUENCE_SINK));
    c.forward(new Record<>(loopId, o.health(), timestamp), VisibilityTopology.HEALTH_SINK);
    for (EscalationRow e : o.escalations()) {
      c.forward(new Record<>(loopId, e, timestamp), VisibilityTopology.ESCALATION_SINK);
    }
  }

  // ------------------------------------------------------------------ the pending store

  /**
   * The events of the open batch: per loop a header ({@code count}, {@code overflow}) under {@link
   * #prefix} and one 8-byte judged value per event under the prefix, {@code ':'} and its index in 8
   * hex digits. The prefix starts with the loop id's length, so no loop's keys start another's.
   */
  private static String prefix(String loopId) {
    return hex(loopId.length(), 2) + loopId;
  }

  private static String entry(String loopId, long index) {
    return prefix(loopId) + ':' + hex(index, 8);
  }

  private static String hex(long v, int digits) {
    String h = Long.toHexString(v);
    return h.length() >= digits ? h : "0".repeat(digits - h.length()) + h;
  }

  /** The events of a loop's open batch. */
  record Batch(long[] values, long overflow) {}

  private static long[] header(byte @Nullable [] bytes) {
    if (bytes == null) {
      return new long[] {0, 0};
    }
    ByteBuffer b = ByteBuffer.wrap(bytes);
    return new long[] {b.getLong(), b.getLong()};
  }

  private void append(String loopId, long judged, Record<String, byte[]> record) {
    String key = prefix(loopId);
    long[] h = header(pending().get(key));
    if (h[0] < settings.maxPendingEvents()) {
      pending().put(entry(loopId, h[0]), ByteBuffer.allocate(8).putLong(judged).array());
      h[0]++;
    } else {
      // beyond the limit the value is not kept: the event counts as missing in its batch
      h[1]++;
      deadLetter(
          record,
          ErrorCode.LIMIT_EXCEEDED,
          "more than "
              + settings.maxPendingEvents()
              + " events without a snapshot: this one counts as"
              + " an event without a sequence value");
    }
    pending().put(key, ByteBuffer.allocate(16).putLong(h[0]).putLong(h[1]).array());
  }

  private Batch takePending(String loopId) {
    long[] h = header(pending().get(prefix(loopId)));
    long[] values = new long[(int) h[0]];
    int n = 0;
    try (KeyValueIterator<String, byte[]> it = pending().prefixScan(prefix(loopId) + ':', KEYS)) {
      while (it.hasNext() && n < values.length) {
        values[n++] = ByteBuffer.wrap(it.next().value).getLong();
      }
    }
    return new Batch(n == values.length ? values : Arrays.copyOf(values, n), h[1]);
  }

  private void clearPending(String loopId, Batch batch) {
    for (long i = 0; i < batch.values().length; i++) {
      pending().delete(entry(loopId, i));
    }
    pending().delete(prefix(loopId));
  }

  private void clearPending(String loopId) {
    clearPending(loopId, takePending(loopId));
  }

  // ------------------------------------------------------------------ dead letters

  /**
   * Sends an input record, as read, to the dead-letter topic with the headers Kafka Streams' own
   * dead-letter records carry and the reason code.
   */
  private void deadLetter(Record<String, byte[]> record, ErrorCode code, String message) {
    Optional<RecordMetadata> m = ctx().recordMetadata();
    LOG.warn(
        "dead letter {}/{}@{}: {}: {}",
        m.map(RecordMetadata::topic).orElse("?"),
        m.map(RecordMetadata::partition).orElse(-1),
        m.map(RecordMetadata::offset).orElse(-1L),
        code.wire(),
        message);
    Headers headers = new RecordHeaders(record.headers().toArray());
    headers.add(VisibilityTopology.ERROR_CODE_HEADER, utf8(code.wire()));
    headers.add("__streams.errors.exception", utf8(VisibilityException.class.getName()));
    headers.add("__streams.errors.message", utf8(code.wire() + ": " + message));
    m.ifPresent(
        md -> {
          headers.add("__streams.errors.topic", utf8(md.topic()));
          headers.add("__streams.errors.partition", utf8(Integer.toString(md.partition())));
          headers.add("__streams.errors.offset", utf8(Long.toString(md.offset())));
        });
    ctx()
        .forward(
            new Record<String, Object>(record.key(), record.value(), record.timestamp(), headers),
            VisibilityTopology.DEAD_LETTER_SINK);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
