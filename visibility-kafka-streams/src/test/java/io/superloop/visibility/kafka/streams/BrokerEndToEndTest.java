package io.superloop.visibility.kafka.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.internal.json.JsonObject;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.api.reconcile.EscalationRow;
import io.superloop.visibility.api.reconcile.OrderingDriftEscalation;
import io.superloop.visibility.api.status.VisibilitySummary;
import io.superloop.visibility.core.plane.VisibilityPlane;
import io.superloop.visibility.core.reconcile.StepResult;
import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.core.store.LoopLayout;
import io.superloop.visibility.testkit.scenario.internal.History;
import io.superloop.visibility.testkit.scenario.internal.HistoryGens;
import io.superloop.visibility.testkit.scenario.internal.HistoryShape;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on a real single-node KRaft broker started from Kafka's own artifacts ({@link
 * KafkaBroker}): the example of {@code docs/fleet.md}, compiled here, runs the topology in a child
 * JVM with exactly-once v2; it is killed with SIGKILL in the middle of the histories, and a new
 * instance with an empty state directory (every store restored from its changelog) finishes them. A
 * {@code read_committed} consumer then finds, for every loop, exactly the sequence rows and drift
 * escalations a file-based plane gives for the same envelopes, in order: none lost, none doubled,
 * and each carrying the previous values and high-water marks of the state before the kill. The
 * restarted instance's interactive query shows each loop's last sequence verdict.
 *
 * <p>Bounded: every wait has a deadline ({@link #WAIT}) and fails with the broker's and the
 * application's last output lines; the whole test has {@link #LIMIT}, after which JUnit interrupts
 * it; the child JVMs are killed when the test ends, fails or its JVM exits.
 */
@Tag("broker")
class BrokerEndToEndTest {
  private static final VisibilityRules RULES = VisibilityRules.hardened();
  private static final int LOOPS = 4;
  private static final int STEPS = 9;
  private static final Duration WAIT = Duration.ofMinutes(2);

  /** The whole test, in minutes (about a minute on an idle 2-core machine). */
  private static final long LIMIT = 10;

  @TempDir(factory = MemoryTempDirFactory.class)
  Path dir;

  /** One loop's script and what the file-based plane gives for it. */
  record Loop(
      String id,
      List<EnvelopeScript.Step> script,
      List<JsonValue> rows,
      List<JsonValue> drifts,
      JsonValue sequence) {}

  @Test
  @Timeout(value = LIMIT, unit = TimeUnit.MINUTES)
  void aKilledInstanceLosesAndDoublesNoVerdictAndItsSuccessorRestoresTheState() throws Exception {
    Instant start = Instant.now();
    List<Loop> loops = new ArrayList<>();
    HistoryShape shape =
        new HistoryShape(STEPS, STEPS, 12, true, false, true, false, true, false, true);
    for (int i = 0; i < LOOPS; i++) {
      History h = HistoryGens.histories(shape).sample(1000 + i);
      EnvelopeScript.Extras extras = EnvelopeScript.Extras.gen().sample(2000 + i);
      loops.add(oracle("e2e-loop-" + i, h, extras));
    }
    String exampleClass = FleetDoc.compile(dir.resolve("example"));
    try (KafkaBroker broker = KafkaBroker.start(dir.resolve("broker"), WAIT)) {
      VisibilityTopics topics = VisibilityTopics.DEFAULT;
      try (Admin admin = broker.admin()) {
        List<NewTopic> create = new ArrayList<>();
        create.add(new NewTopic(topics.envelopes(), 2, (short) 1));
        create.add(new NewTopic(topics.heartbeats(), 2, (short) 1));
        for (String out : topics.outputs()) {
          create.add(new NewTopic(out, 1, (short) 1));
        }
        admin.createTopics(create).all().get(30, TimeUnit.SECONDS);
      }
      long total = loops.stream().mapToLong(l -> l.rows().size()).sum();
      try (KafkaProducer<String, byte[]> producer = producer(broker);
          Committed committed =
              new Committed(broker, Set.of(topics.sequenceRows(), topics.escalations()))) {
        produce(producer, loops, 0, 3);
        long atKill;
        try (App first = App.start(exampleClass, dir, broker, "state-1", loops)) {
          first.await("state RUNNING", WAIT);
          await(() -> committed.poll(topics.sequenceRows()) >= LOOPS, "first rows", broker, first);
          produce(producer, loops, 3, 6);
          long before = committed.count(topics.sequenceRows());
          await(
              () -> committed.poll(topics.sequenceRows()) > before,
              "rows of the second part",
              broker,
              first);
          first.kill(); // SIGKILL: no close, no commit of the open transaction
          atKill = committed.poll(topics.sequenceRows());
        }
        produce(producer, loops, 6, STEPS);

        List<String> statusLines;
        try (App second =
            App.start(exampleClass, dir, broker, "state-2", loops)) { // empty state directory
          await(() -> committed.poll(topics.sequenceRows()) >= total, "every row", broker, second);
          Thread.sleep(3000); // a doubled row would come now
          committed.poll(topics.sequenceRows());
          statusLines = second.linesStartingWith("status ");
          second.stop();
        }

        assertTrue(
            atKill < total,
            "the kill came before the end of the histories: " + atKill + " of " + total);
        for (Loop l : loops) {
          assertEquals(
              l.rows(), committed.rows(topics.sequenceRows(), l.id()), l.id() + ": sequence rows");
          assertEquals(
              l.drifts(),
              committed.drifts(topics.escalations(), l.id()),
              l.id() + ": drift escalations");
          JsonValue shown = lastStatus(statusLines, l.id());
          assertEquals(l.sequence(), shown, l.id() + ": visibility.sequence by interactive query");
        }
      }
    }
    System.out.printf(
        "BrokerEndToEndTest: %d loops, %d steps each, killed and restored, in %d s%n",
        LOOPS, STEPS, Duration.between(start, Instant.now()).toSeconds());
  }

  // ------------------------------------------------------------------ the oracle

  private Loop oracle(String id, History h, EnvelopeScript.Extras extras) {
    List<EnvelopeScript.Step> script = EnvelopeScript.of(h, id, false, extras);
    LoopLayout layout = LoopLayout.of(dir.resolve("oracle").resolve(id), id);
    List<JsonValue> rows = new ArrayList<>();
    List<JsonValue> drifts = new ArrayList<>();
    @org.jspecify.annotations.Nullable VisibilityPlane plane = null;
    for (EnvelopeScript.Step s : script) {
      EnvelopeScript.PlaneStep step = s.reconcile(layout, RULES, h.thresholds(), id);
      plane = step.plane();
      StepResult r = step.result();
      r.sequenceRow()
          .ifPresent(
              row -> rows.add(clockFree(Json.parse(Codecs.SEQUENCE_OBSERVATION.encode(row)))));
      for (EscalationRow e : r.escalations()) {
        if (e instanceof OrderingDriftEscalation) {
          drifts.add(clockFree(Json.parse(Codecs.ESCALATION_ROW.encode(e))));
        }
      }
    }
    VisibilitySummary status = java.util.Objects.requireNonNull(plane).status();
    JsonValue sequence =
        clockFree(Json.parse(Codecs.SEQUENCE_SURFACE.encode(status.sequence().orElseThrow())));
    return new Loop(id, script, rows, drifts, sequence);
  }

  /** What depends on the clock, the trace or where a record is kept is taken out. */
  private static final Set<String> DROPPED =
      Set.of(
          "timestamp",
          "updatedAt",
          "traceId",
          "stateFile",
          "sequenceStateFile",
          "sequenceTelemetryFile");

  private static JsonValue clockFree(JsonValue v) {
    if (v instanceof JsonObject o) {
      Map<String, JsonValue> m = new LinkedHashMap<>();
      o.members()
          .forEach(
              (k, x) -> {
                if (!DROPPED.contains(k)) {
                  m.put(k, clockFree(x));
                }
              });
      return JsonValue.object(m);
    }
    return v;
  }

  private static JsonValue lastStatus(List<String> lines, String loop) {
    String prefix = "status " + loop + " ";
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (lines.get(i).startsWith(prefix)) {
        VisibilitySummary s =
            Codecs.VISIBILITY_SUMMARY.decode(lines.get(i).substring(prefix.length()));
        return clockFree(Json.parse(Codecs.SEQUENCE_SURFACE.encode(s.sequence().orElseThrow())));
      }
    }
    throw new AssertionError("the restarted instance printed no status of " + loop);
  }

  // ------------------------------------------------------------------ producing and consuming

  private static KafkaProducer<String, byte[]> producer(KafkaBroker broker) {
    Properties p = broker.clientConfig();
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
  }

  /** Steps {@code [from, to)} of every loop, each loop's records in order under its key. */
  private static void produce(
      KafkaProducer<String, byte[]> producer, List<Loop> loops, int from, int to) throws Exception {
    String topic = VisibilityTopics.DEFAULT.envelopes();
    for (int step = from; step < to; step++) {
      for (Loop l : loops) {
        EnvelopeScript.Step s = l.script().get(step);
        for (EnvelopeScript.Event e : s.events()) {
          var unused = producer.send(new ProducerRecord<>(topic, l.id(), e.kafkaValue()));
        }
        ProducerRecord<String, byte[]> snap =
            new ProducerRecord<>(topic, l.id(), s.snapshot().getBytes(StandardCharsets.UTF_8));
        if (s.replay()) {
          snap.headers()
              .add(VisibilityTopology.REPLAY_HEADER, "true".getBytes(StandardCharsets.UTF_8));
        }
        var unused = producer.send(snap);
      }
    }
    producer.flush();
  }

  private static void await(BooleanSupplier done, String what, KafkaBroker broker, App app)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(WAIT);
    while (!done.getAsBoolean()) {
      if (Instant.now().isAfter(deadline) || !app.isAlive()) {
        throw new AssertionError(
            (app.isAlive()
                    ? "timed out after " + WAIT + " waiting for "
                    : "the topology exited while waiting for ")
                + what
                + "\n--- the topology:\n"
                + app.tail()
                + "\n--- the broker:\n"
                + broker.tail());
      }
      Thread.sleep(100);
    }
  }

  /**
   * A {@code read_committed} consumer of output topics, from their beginning, keeping every record.
   */
  private static final class Committed implements AutoCloseable {
    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, List<ConsumerRecord<String, byte[]>>> records = new LinkedHashMap<>();

    Committed(KafkaBroker broker, Set<String> topics) {
      Properties p = broker.clientConfig();
      p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
      p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
      consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
      List<TopicPartition> parts = new ArrayList<>();
      for (String t : topics) {
        parts.add(new TopicPartition(t, 0));
        records.put(t, new ArrayList<>());
      }
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
    }

    long poll(String topic) {
      for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
        of(r.topic()).add(r);
      }
      return count(topic);
    }

    long count(String topic) {
      return of(topic).size();
    }

    List<JsonValue> rows(String topic, String loop) {
      return of(topic).stream()
          .filter(r -> loop.equals(r.key()))
          .map(r -> clockFree(Json.parse(new String(r.value(), StandardCharsets.UTF_8))))
          .collect(Collectors.toList());
    }

    List<JsonValue> drifts(String topic, String loop) {
      return of(topic).stream()
          .filter(r -> loop.equals(r.key()))
          .map(r -> Codecs.ESCALATION_ROW.decode(r.value()))
          .filter(e -> e instanceof OrderingDriftEscalation)
          .map(e -> clockFree(Json.parse(Codecs.ESCALATION_ROW.encode(e))))
          .collect(Collectors.toList());
    }

    private List<ConsumerRecord<String, byte[]>> of(String topic) {
      return java.util.Objects.requireNonNull(records.get(topic), topic);
    }

    @Override
    public void close() {
      consumer.close();
    }
  }

  /**
   * The example of {@code docs/fleet.md} in a child JVM; its output lines are kept, its error
   * output goes to a file; closing it kills it if it still runs.
   */
  private static final class App implements AutoCloseable {
    private final Process process;
    private final Path errors;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private App(Process process, Path errors) {
      this.process = process;
      this.errors = errors;
      KafkaBroker.killOnExit(process);
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader r =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  String line;
                  while ((line = r.readLine()) != null) {
                    lines.add(line);
                  }
                } catch (IOException e) {
                  lines.add("(output closed: " + e + ")");
                }
              });
      reader.setDaemon(true);
      reader.start();
    }

    static App start(
        String mainClass, Path dir, KafkaBroker broker, String stateDir, List<Loop> loops)
        throws IOException {
      List<String> args =
          new ArrayList<>(List.of(broker.bootstrap(), dir.resolve(stateDir).toString()));
      loops.forEach(l -> args.add(l.id()));
      ProcessBuilder pb = KafkaBroker.java(mainClass, args.toArray(new String[0]));
      List<String> cmd = new ArrayList<>(pb.command());
      int cp = cmd.indexOf("-cp") + 1;
      cmd.set(
          cp, dir.resolve("example").resolve("classes") + java.io.File.pathSeparator + cmd.get(cp));
      Path errors = dir.resolve(stateDir + ".stderr");
      return new App(new ProcessBuilder(cmd).redirectError(errors.toFile()).start(), errors);
    }

    void await(String line, Duration timeout) throws InterruptedException {
      Instant deadline = Instant.now().plus(timeout);
      while (!lines.contains(line)) {
        if (!process.isAlive() || Instant.now().isAfter(deadline)) {
          throw new AssertionError(
              "the topology did not print '" + line + "' in " + timeout + ":\n" + tail());
        }
        Thread.sleep(100);
      }
    }

    boolean isAlive() {
      return process.isAlive();
    }

    /** The last lines of its output and of its error output, for failure messages. */
    String tail() {
      List<String> out = List.copyOf(lines);
      return String.join("\n", out.subList(Math.max(0, out.size() - 20), out.size()))
          + "\n(stderr) "
          + KafkaBroker.tail(errors, 30);
    }

    List<String> linesStartingWith(String prefix) {
      return lines.stream().filter(l -> l.startsWith(prefix)).collect(Collectors.toList());
    }

    void kill() throws InterruptedException {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL on Linux
    }

    void stop() throws InterruptedException {
      process.destroy(); // SIGTERM: the shutdown hook closes the application
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    }

    @Override
    public void close() throws InterruptedException {
      if (process.isAlive()) {
        kill();
      }
    }
  }
}
