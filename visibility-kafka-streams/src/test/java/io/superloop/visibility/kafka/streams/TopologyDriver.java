package io.superloop.visibility.kafka.streams;

import io.superloop.visibility.api.health.Health;
import io.superloop.visibility.api.heartbeat.HeartbeatObservation;
import io.superloop.visibility.api.reconcile.EscalationRow;
import io.superloop.visibility.api.sequence.SequenceObservation;
import io.superloop.visibility.api.status.VisibilitySummary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.jspecify.annotations.Nullable;

/**
 * A {@link VisibilityTopology} on a {@link TopologyTestDriver} with a clock the test sets: pipe
 * records in, {@link #drain()} what the topology published since the last drain.
 */
final class TopologyDriver implements AutoCloseable {
  /** A clock the test sets; read by every decision of the topology. */
  static final class SettableClock extends Clock {
    private volatile Instant now;

    SettableClock(Instant now) {
      this.now = now;
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** What the topology published: each output topic's records since the last drain, in order. */
  record Published(
      List<TestRecord<String, SequenceObservation>> sequenceRows,
      List<TestRecord<String, HeartbeatObservation>> heartbeatRows,
      List<TestRecord<String, Health>> health,
      List<TestRecord<String, EscalationRow>> escalations,
      List<TestRecord<String, byte[]>> deadLetters) {}

  final SettableClock clock;
  final VisibilityTopology visibility;
  private final TopologyTestDriver driver;
  private final TestInputTopic<String, byte[]> envelopes;
  private final TestInputTopic<String, byte[]> heartbeats;
  private final TestOutputTopic<String, SequenceObservation> sequenceRows;
  private final TestOutputTopic<String, HeartbeatObservation> heartbeatRows;
  private final TestOutputTopic<String, Health> health;
  private final TestOutputTopic<String, EscalationRow> escalations;
  private final TestOutputTopic<String, byte[]> deadLetters;

  /**
   * A driver over a topology built by {@code builder} with this driver's clock, in-memory stores,
   * and the streams settings of {@link VisibilityTopology#streamsConfig}.
   */
  TopologyDriver(VisibilityTopology.Builder builder, Instant start, Path stateDir) {
    this.clock = new SettableClock(start);
    this.visibility = builder.clock(clock).inMemoryStores(true).build();
    Properties config = visibility.streamsConfig("visibility-test", "unused:9092");
    config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    this.driver = new TopologyTestDriver(visibility.topology(), config, start);
    VisibilityTopics t = visibility.topics();
    envelopes =
        driver.createInputTopic(
            t.envelopes(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
    heartbeats =
        driver.createInputTopic(
            t.heartbeats(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
    sequenceRows =
        driver.createOutputTopic(
            t.sequenceRows(),
            Serdes.String().deserializer(),
            VisibilitySerdes.sequenceRows().deserializer());
    heartbeatRows =
        driver.createOutputTopic(
            t.heartbeatRows(),
            Serdes.String().deserializer(),
            VisibilitySerdes.heartbeatRows().deserializer());
    health =
        driver.createOutputTopic(
            t.health(), Serdes.String().deserializer(), VisibilitySerdes.health().deserializer());
    escalations =
        driver.createOutputTopic(
            t.escalations(),
            Serdes.String().deserializer(),
            VisibilitySerdes.escalations().deserializer());
    deadLetters =
        driver.createOutputTopic(
            t.deadLetters(), Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
  }

  void envelope(@Nullable String loopId, byte @Nullable [] value) {
    envelopes.pipeInput(new TestRecord<>(loopId, value, new RecordHeaders(), clock.instant()));
  }

  void envelope(String loopId, String json) {
    envelope(loopId, json.getBytes(StandardCharsets.UTF_8));
  }

  /** A snapshot record, with the declared-replay header when {@code replay}. */
  void snapshot(String loopId, String json, boolean replay) {
    RecordHeaders headers = new RecordHeaders();
    if (replay) {
      headers.add(VisibilityTopology.REPLAY_HEADER, "true".getBytes(StandardCharsets.UTF_8));
    }
    envelopes.pipeInput(
        new TestRecord<>(loopId, json.getBytes(StandardCharsets.UTF_8), headers, clock.instant()));
  }

  void heartbeat(@Nullable String loopId, byte @Nullable [] document) {
    heartbeats.pipeInput(new TestRecord<>(loopId, document, new RecordHeaders(), clock.instant()));
  }

  /** Sets the manager clock and advances the driver's wall clock (which fires due punctuations). */
  void advanceTo(Instant instant) {
    Duration d = Duration.between(clock.instant(), instant);
    clock.set(instant);
    driver.advanceWallClockTime(d);
  }

  Published drain() {
    return new Published(
        sequenceRows.readRecordsToList(),
        heartbeatRows.readRecordsToList(),
        health.readRecordsToList(),
        escalations.readRecordsToList(),
        deadLetters.readRecordsToList());
  }

  KeyValueStore<String, byte[]> loopStore() {
    return driver.getKeyValueStore(VisibilityTopology.LOOP_STORE);
  }

  KeyValueStore<String, byte[]> pendingStore() {
    return driver.getKeyValueStore(VisibilityTopology.PENDING_STORE);
  }

  Optional<LoopState> state(String loopId) {
    byte[] b = loopStore().get(loopId);
    return b == null ? Optional.empty() : Optional.of(LoopState.decode(b));
  }

  Optional<VisibilitySummary> status(String loopId) {
    return visibility.status(loopStore(), loopId);
  }

  @Override
  public void close() {
    driver.close();
  }
}
