package io.superloop.visibility.benchmarks;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.envelope.SnapshotEnvelope;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.core.sequence.SequenceValidator;
import io.superloop.visibility.core.sequence.SequenceVerdict;
import io.superloop.visibility.kafka.streams.VisibilityTopology;
import io.superloop.visibility.testkit.scenario.internal.Workloads;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;

/**
 * W8, fleet topology: envelopes per second through one partition of the Kafka Streams topology
 * ({@code visibility-kafka-streams}) on Kafka's {@link TopologyTestDriver} (no broker: the driver
 * runs the real processor, stores, caching and changelogging in this thread and commits after every
 * record), against a bare deserialize-and-validate loop over the same bytes.
 *
 * <p>Workload per invocation: {@value #BATCHES} batches of {@link #BATCH} {@code loop_run_event}
 * envelopes (testkit {@code Workloads}: the poll adapter's shape, ~1.1 KiB each, payload and raw
 * line included), each batch closed by its {@code loop_run_snapshot}, for a new loop id each
 * invocation (a partition holds many loops); results are per envelope (snapshots included).
 *
 * <ul>
 *   <li>{@code topology}: every record piped into the driver (stores in memory or RocksDB), every
 *       output row and changelog record read back out of the driver;
 *   <li>{@code driverFloor}: the same records piped into the same driver with a topology of one
 *       source and a processor that does nothing: what the driver itself costs per record;
 *   <li>{@code bareLoop}: one jackson-core pass per record taking {@code envelopeType} and {@code
 *       sequence.value}, the value judged and fed to the validator; a snapshot decoded with the
 *       typed {@code loop_run_snapshot} codec and the batch finished.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 6, time = 3)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx1g"})
public class KafkaTopologyBenchmark {
  /** Event envelopes per batch. */
  static final int BATCH = 100;

  /** Batches per invocation. */
  static final int BATCHES = 10;

  /** Records per invocation: the events and one snapshot per batch. */
  static final int RECORDS = BATCHES * (BATCH + 1);

  /** The stamp of the sequence state a bare-loop batch hands the next one. */
  private static final String STAMP = "2026-01-01T00:00:00Z";

  /** The trace of that state. */
  private static final TraceId TRACE = TraceId.of("4bf92f3577b34da6a3ce929d0e0e4736");

  @SuppressWarnings("NullAway.Init") // set by the JMH @Setup method
  private List<byte[]> records;

  private final SequenceValidator validator = new SequenceValidator(VisibilityRules.hardened());

  /** The records: event envelopes of one log, a snapshot after every {@link #BATCH} of them. */
  @Setup(Level.Trial)
  public void setUp() {
    byte[] ndjson = Workloads.eventEnvelopeNdjson(BATCH * BATCHES, 42);
    List<String> events = new String(ndjson, StandardCharsets.UTF_8).lines().toList();
    records = new ArrayList<>(RECORDS);
    for (int b = 0; b < BATCHES; b++) {
      for (int i = 0; i < BATCH; i++) {
        records.add(events.get(b * BATCH + i).getBytes(StandardCharsets.UTF_8));
      }
      records.add(Workloads.snapshotBody((b + 1) * BATCH, 42).getBytes(StandardCharsets.UTF_8));
    }
  }

  /** A test driver, its input topic and its state directory. */
  public abstract static class Piped {
    @SuppressWarnings("NullAway.Init") // set by the JMH @Setup method of the subclass
    TopologyTestDriver driver;

    @SuppressWarnings("NullAway.Init")
    TestInputTopic<String, byte[]> input;

    @SuppressWarnings("NullAway.Init")
    Path stateDir;

    /** Starts a driver of {@code topology} with the visibility topology's streams settings. */
    void start(Topology topology, String inputTopic) throws IOException {
      stateDir = Files.createTempDirectory("kafka-bench");
      Properties config =
          VisibilityTopology.builder().build().streamsConfig("bench", "unused:9092");
      config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
      driver = new TopologyTestDriver(topology, config, Workloads.NOW);
      input =
          driver.createInputTopic(
              inputTopic, Serdes.String().serializer(), Serdes.ByteArray().serializer());
    }

    /** Closes the driver and removes its state directory. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
      driver.close();
      TempFiles.deleteTree(stateDir);
    }
  }

  /** The topology on a test driver, with its stores in memory or in RocksDB. */
  @State(Scope.Benchmark)
  public static class Driver extends Piped {
    /** Where the stores live: {@code memory} or {@code rocksdb} (both changelogged). */
    @Param({"memory", "rocksdb"})
    public String stores = "memory";

    long loop;

    /** Builds the topology and its driver. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
      VisibilityTopology t =
          VisibilityTopology.builder()
              .rules(VisibilityRules.hardened())
              .inMemoryStores(stores.equals("memory"))
              .build();
      start(t.topology(), t.topics().envelopes());
    }

    /** Reads and drops everything the driver captured (output rows and changelog records). */
    long drain() {
      long n = 0;
      for (String topic : driver.producedTopicNames()) {
        TestOutputTopic<String, byte[]> out =
            driver.createOutputTopic(
                topic, Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
        n += out.readValuesToList().size();
      }
      return n;
    }
  }

  /** A processor that does nothing with its records. */
  static final class Nothing implements Processor<String, byte[], Void, Void> {
    @Override
    public void process(Record<String, byte[]> record) {}
  }

  /** The test driver with a topology of one source and a processor that does nothing. */
  @State(Scope.Benchmark)
  public static class Floor extends Piped {
    /** Builds the no-op topology and its driver. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
      Topology t = new Topology();
      t.addSource("in", Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), "in");
      t.addProcessor("nothing", Nothing::new, "in");
      start(t, "in");
    }
  }

  /** The same records through the driver alone (the floor of {@link #topology}). */
  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public int driverFloor(Floor f) {
    for (byte[] r : records) {
      f.input.pipeInput("bench-loop", r, Workloads.NOW);
    }
    return records.size();
  }

  /** One pass of the records through the topology, for a new loop. */
  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public long topology(Driver d) {
    String key = "bench-loop-" + d.loop++;
    Instant at = Workloads.NOW;
    for (byte[] r : records) {
      d.input.pipeInput(key, r, at);
    }
    return d.drain();
  }

  /**
   * The same records through a bare deserialize-and-validate loop: one jackson-core pass per record
   * (the api's reader, so the same limits and duplicate-key checks), {@code envelopeType} and
   * {@code sequence.value} taken, the rest skipped; the value judged and fed to the validator; a
   * snapshot decoded with its typed codec and the batch finished.
   */
  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public long bareLoop() {
    SequenceValidator.Batch batch = validator.begin(Optional.empty(), false);
    long violations = 0;
    for (byte[] r : records) {
      boolean snapshot = false;
      @Nullable JsonValue value = null;
      try (JsonParser p = Json.DEFAULT.factory().createParser(ObjectReadContext.empty(), r)) {
        p.nextToken();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
          String name = p.currentName();
          JsonToken t = p.nextToken();
          if (name.equals("envelopeType")) {
            snapshot = "loop_run_snapshot".equals(p.getString());
          } else if (name.equals("sequence") && t == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
              boolean isValue = p.currentName().equals("value");
              p.nextToken();
              if (isValue) {
                value = Json.RAW.read(p);
              } else {
                p.skipChildren();
              }
            }
          } else {
            p.skipChildren();
          }
        }
      }
      if (snapshot) {
        SnapshotEnvelope s = Json.DEFAULT.decode(Codecs.SNAPSHOT_ENVELOPE, r);
        SequenceVerdict verdict =
            batch.snapshot(validator.judge(s.sequenceValue().orElse(null))).finish();
        violations += verdict.violations().size();
        batch =
            validator.begin(
                Optional.of(verdict.toState(STAMP, "bench-loop", TRACE, Transport.LOCAL)), false);
      } else {
        batch.event(validator.judge(value));
      }
    }
    return violations + batch.ingestedCount();
  }
}
