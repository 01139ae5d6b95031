package io.superloop.visibility.kafka.streams;

import io.superloop.visibility.api.health.HealthThresholds;
import io.superloop.visibility.api.status.VisibilitySummary;
import io.superloop.visibility.core.rules.ReadLimits;
import io.superloop.visibility.core.rules.VisibilityRules;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The visibility plane as a Kafka Streams topology: the same decisions as the file-based plane
 * ({@code VisibilityPlane}), per loop id, with each loop's previous states in a changelogged state
 * store instead of its files.
 *
 * <ul>
 *   <li>The envelope topic carries a loop's {@code loop_run_event} envelopes and, after them, the
 *       {@code loop_run_snapshot} that closes their batch: the snapshot runs one reconcile step
 *       (heartbeat freshness, sequence validation against the carried high-water marks, the health
 *       fold, the escalations) over the events since the previous snapshot, as one sprite_service
 *       poll does. A snapshot with the header {@link #REPLAY_HEADER}{@code : true} declares its
 *       batch a replay from line 1 (H15).
 *   <li>The heartbeats topic carries the runtime's {@code heartbeat.v1.json} documents; each one is
 *       evaluated when it arrives, and a step whose snapshot carries no {@code runtime.heartbeat}
 *       uses the latest one, as the local transport reads the file.
 *   <li>A wall-clock punctuation evaluates every loop's last heartbeat again, so a loop whose
 *       heartbeats stop turns stale without new input; it publishes only changes of freshness or
 *       health.
 *   <li>Outputs, keyed by loop id, in the v1 JSON of the files: sequence rows, heartbeat rows,
 *       health, escalation rows; input records that are not JSON objects or have no usable key go
 *       to the dead-letter topic with the reason code in {@link #ERROR_CODE_HEADER}.
 *   <li>{@link #status(KafkaStreams, String)}: a loop's {@code visibility} status object by
 *       interactive query of the loop store.
 * </ul>
 *
 * <pre>{@code
 * VisibilityTopology visibility = VisibilityTopology.builder().rules(VisibilityRules.hardened()).build();
 * KafkaStreams streams = new KafkaStreams(visibility.topology(),
 *     visibility.streamsConfig("visibility-plane", "broker:9092"));
 * streams.start();
 * Optional<VisibilitySummary> status = visibility.status(streams, "demo-loop");
 * }</pre>
 */
public final class VisibilityTopology {
  /** The loop store: one entry per loop, its previous states as v1 JSON. */
  public static final String LOOP_STORE = "visibility-loops";

  /** The pending store: the judged sequence values of each loop's open batch. */
  public static final String PENDING_STORE = "visibility-pending";

  /**
   * The header of a snapshot record that declares its batch a replay from line 1 ({@code
   * --from-start}, or a rotated log re-sent): value {@code true}. Only changes the verdict under
   * replay-aware rules (H15).
   */
  public static final String REPLAY_HEADER = "visibility.declared-replay";

  /**
   * The header of a dead-letter record naming why it was not judged: the {@link
   * io.superloop.visibility.api.ErrorCode} wire name ({@code invalid_json}, {@code
   * invalid_loop_id}, {@code limit_exceeded}, ...). The record also carries Kafka Streams' own
   * dead-letter headers ({@code __streams.errors.message}, {@code __streams.errors.topic}, {@code
   * __streams.errors.partition}, {@code __streams.errors.offset}).
   */
  public static final String ERROR_CODE_HEADER = "visibility.error.code";

  static final String ENVELOPE_SOURCE = "visibility-envelopes";
  static final String HEARTBEAT_SOURCE = "visibility-heartbeats";
  static final String PROCESSOR = "visibility-decisions";
  static final String SEQUENCE_SINK = "visibility-sequence-rows";
  static final String HEARTBEAT_SINK = "visibility-heartbeat-rows";
  static final String HEALTH_SINK = "visibility-health";
  static final String ESCALATION_SINK = "visibility-escalations";
  static final String DEAD_LETTER_SINK = "visibility-dead-letters";

  private final Settings settings;
  private final Decisions statusDecisions;

  /**
   * Everything a processor needs, immutable.
   *
   * @param topics the topic names
   * @param rules the rules of every decision
   * @param thresholds the health thresholds
   * @param limits the read limits of envelopes and heartbeats
   * @param clock the manager clock
   * @param punctuationInterval the wall-clock punctuation's interval; zero: none
   * @param maxPendingEvents the most events a loop's open batch keeps
   * @param inMemoryStores whether the stores are in memory (else RocksDB); both are changelogged
   */
  record Settings(
      VisibilityTopics topics,
      VisibilityRules rules,
      HealthThresholds thresholds,
      ReadLimits limits,
      Clock clock,
      Duration punctuationInterval,
      int maxPendingEvents,
      boolean inMemoryStores) {}

  private VisibilityTopology(Settings settings) {
    this.settings = settings;
    this.statusDecisions = Decisions.of(settings);
  }

  /** {@return a builder with every default} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the topic names} */
  public VisibilityTopics topics() {
    return settings.topics();
  }

  /** {@return the rules of every decision} */
  public VisibilityRules rules() {
    return settings.rules();
  }

  /**
   * Builds the topology: two sources (envelopes, heartbeats; co-partitioned), one processor with
   * the loop and pending stores (changelogged, cached), five sinks.
   *
   * @return a new topology for {@code new KafkaStreams(topology, config)}
   */
  public Topology topology() {
    VisibilityTopics t = settings.topics();
    Topology topology = new Topology();
    topology.addSource(
        ENVELOPE_SOURCE,
        Serdes.String().deserializer(),
        Serdes.ByteArray().deserializer(),
        t.envelopes());
    topology.addSource(
        HEARTBEAT_SOURCE,
        Serdes.String().deserializer(),
        Serdes.ByteArray().deserializer(),
        t.heartbeats());
    topology.addProcessor(
        PROCESSOR, () -> new LoopProcessor(settings), ENVELOPE_SOURCE, HEARTBEAT_SOURCE);
    topology.addStateStore(store(LOOP_STORE), PROCESSOR);
    topology.addStateStore(store(PENDING_STORE), PROCESSOR);
    topology.addSink(
        SEQUENCE_SINK,
        t.sequenceRows(),
        Serdes.String().serializer(),
        VisibilitySerdes.sequenceRows().serializer(),
        PROCESSOR);
    topology.addSink(
        HEARTBEAT_SINK,
        t.heartbeatRows(),
        Serdes.String().serializer(),
        VisibilitySerdes.heartbeatRows().serializer(),
        PROCESSOR);
    topology.addSink(
        HEALTH_SINK,
        t.health(),
        Serdes.String().serializer(),
        VisibilitySerdes.health().serializer(),
        PROCESSOR);
    topology.addSink(
        ESCALATION_SINK,
        t.escalations(),
        Serdes.String().serializer(),
        VisibilitySerdes.escalations().serializer(),
        PROCESSOR);
    topology.addSink(
        DEAD_LETTER_SINK,
        t.deadLetters(),
        Serdes.String().serializer(),
        Serdes.ByteArray().serializer(),
        PROCESSOR);
    return topology;
  }

  private StoreBuilder<?> store(String name) {
    KeyValueBytesStoreSupplier supplier =
        settings.inMemoryStores()
            ? Stores.inMemoryKeyValueStore(name)
            : Stores.persistentKeyValueStore(name);
    return Stores.keyValueStoreBuilder(supplier, Serdes.String(), Serdes.ByteArray())
        .withCachingEnabled();
  }

  /**
   * The Kafka Streams settings this topology is meant to run with: exactly-once v2 (the loop
   * stores, the consumed offsets and every output row of a record commit in one transaction), the
   * dead-letter topic for Kafka's own deserialization and processing handlers, and Kafka's
   * log-and-continue deserialization handler. Add what your cluster needs (replication factor,
   * standby replicas, security) before starting.
   *
   * @param applicationId the {@code application.id} (consumer group, prefix of the internal topics)
   * @param bootstrapServers the brokers
   * @return a new properties object
   */
  public Properties streamsConfig(String applicationId, String bootstrapServers) {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(
        StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, settings.topics().deadLetters());
    p.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        LogAndContinueExceptionHandler.class.getName());
    return p;
  }

  /**
   * A loop's {@code visibility} status object, by interactive query of this instance's loop store
   * (the partitions this instance owns). For a loop another instance owns, ask {@code
   * streams.queryMetadataForKey(LOOP_STORE, loopId, Serdes.String().serializer())} which host to
   * ask.
   *
   * @param streams the running application of {@link #topology()}
   * @param loopId the loop
   * @return the status, projected as the plane projects its files; empty when this instance holds
   *     nothing of the loop
   * @throws org.apache.kafka.streams.errors.InvalidStateStoreException while the store is not
   *     queryable (rebalancing, restoring)
   */
  public Optional<VisibilitySummary> status(KafkaStreams streams, String loopId) {
    return status(
        streams.store(
            StoreQueryParameters.fromNameAndType(LOOP_STORE, QueryableStoreTypes.keyValueStore())),
        loopId);
  }

  /**
   * A loop's {@code visibility} status object from a loop store (for example the one {@code
   * TopologyTestDriver.getKeyValueStore(LOOP_STORE)} gives).
   *
   * @param loopStore the loop store
   * @param loopId the loop
   * @return the status; empty when the store holds nothing of the loop
   */
  public Optional<VisibilitySummary> status(
      ReadOnlyKeyValueStore<String, byte[]> loopStore, String loopId) {
    byte[] bytes = loopStore.get(loopId);
    return bytes == null
        ? Optional.empty()
        : Optional.of(statusDecisions.summary(LoopState.decode(bytes)));
  }

  /** Builds a {@link VisibilityTopology}; every setting has a documented default. */
  public static final class Builder {
    private VisibilityTopics topics = VisibilityTopics.DEFAULT;
    private VisibilityRules rules = VisibilityRules.hardened();
    private HealthThresholds thresholds = Decisions.defaultThresholds();
    private ReadLimits limits = ReadLimits.DEFAULT;
    private Clock clock = Clock.systemUTC();
    private Duration punctuationInterval = Duration.ofSeconds(30);
    private int maxPendingEvents = 100_000;
    private boolean inMemoryStores;

    private Builder() {}

    /**
     * Sets the topic names (default {@link VisibilityTopics#DEFAULT}).
     *
     * @param topics the topics
     * @return this builder
     */
    public Builder topics(VisibilityTopics topics) {
      this.topics = Objects.requireNonNull(topics, "topics");
      return this;
    }

    /**
     * Sets the rules (default {@link VisibilityRules#hardened()}; {@link
     * VisibilityRules#reference()} beside bash managers).
     *
     * @param rules the rules
     * @return this builder
     */
    public Builder rules(VisibilityRules rules) {
      this.rules = Objects.requireNonNull(rules, "rules");
      return this;
    }

    /**
     * Sets the health thresholds (default: heartbeat 120/300 s, as the plane's).
     *
     * @param thresholds the thresholds
     * @return this builder
     */
    public Builder thresholds(HealthThresholds thresholds) {
      this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
      return this;
    }

    /**
     * Sets the read limits (default {@link ReadLimits#DEFAULT}: envelopes 1 MiB, heartbeats 64 KiB,
     * as the plane's).
     *
     * @param limits the limits
     * @return this builder
     */
    public Builder limits(ReadLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * Sets the manager clock every decision reads (default the system UTC clock).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets how often the wall-clock punctuation re-evaluates every loop's heartbeat (default 30 s;
     * {@link Duration#ZERO}: never).
     *
     * @param interval the interval, zero or at least one millisecond
     * @return this builder
     * @throws IllegalArgumentException when negative
     */
    public Builder punctuationInterval(Duration interval) {
      if (interval.isNegative()) {
        throw new IllegalArgumentException("the punctuation interval must not be negative");
      }
      this.punctuationInterval = interval;
      return this;
    }

    /**
     * Sets the most events a loop's open batch keeps until its snapshot (default 100,000); each
     * further event of the batch is sent to the dead-letter topic and counts as an event without a
     * sequence value ({@code event_sequence_missing}).
     *
     * @param max the limit, at least 1
     * @return this builder
     * @throws IllegalArgumentException when below 1
     */
    public Builder maxPendingEvents(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxPendingEvents must be >= 1");
      }
      this.maxPendingEvents = max;
      return this;
    }

    /**
     * Keeps the stores in memory instead of RocksDB (default false); both are restored from their
     * changelog topics.
     *
     * @param inMemory whether the stores are in memory
     * @return this builder
     */
    public Builder inMemoryStores(boolean inMemory) {
      this.inMemoryStores = inMemory;
      return this;
    }

    /** {@return the topology's definition} */
    public VisibilityTopology build() {
      return new VisibilityTopology(
          new Settings(
              topics,
              rules,
              thresholds,
              limits,
              clock,
              punctuationInterval,
              maxPendingEvents,
              inMemoryStores));
    }
  }
}
