package io.superloop.visibility.benchmarks;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.envelope.EventEnvelope;
import io.superloop.visibility.core.reconcile.Ingest;
import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.core.sequence.SequenceValidator;
import io.superloop.visibility.core.sequence.SequenceVerdict;
import io.superloop.visibility.core.source.SpriteServiceIngest;
import io.superloop.visibility.core.store.JsonlReader;
import io.superloop.visibility.core.store.JsonlRecord;
import io.superloop.visibility.testkit.scenario.internal.Workloads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * W2, envelope stream: {@code events} event envelopes (testkit {@code Workloads}: the sprite
 * service's poll-adapter shape over generated runtime lines, ~1 KiB each, payload and raw line
 * included) through decoding and sequence validation, against a bare jackson-core {@code
 * nextToken()} loop over the same bytes.
 *
 * <ul>
 *   <li>{@code answer}: a {@code GET /ops/snapshot} and a {@code GET /ops/events} answer body (Java
 *       strings, as an HTTP client hands them over) through {@link SpriteServiceIngest#ofBodies}
 *       and the feed into the validator (the sprite_service path of a reconcile step);
 *   <li>{@code ndjson}: a file of one envelope per line through {@link JsonlReader} with the typed
 *       {@code loop_run_event} codec, each envelope's {@code sequence.value} judged and validated.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 8, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx1g"})
public class EnvelopeStreamBenchmark {

  /** Envelopes per answer or stream. */
  @Param({"10000"})
  public int events;

  @SuppressWarnings("NullAway.Init") // set by the JMH @Setup method
  private String snapshotBody;

  @SuppressWarnings("NullAway.Init") // set by the JMH @Setup method
  private String eventsBody;

  @SuppressWarnings("NullAway.Init") // set by the JMH @Setup method
  private Path ndjson;

  private final SpriteServiceIngest ingest = new SpriteServiceIngest();
  private final SequenceValidator validator = new SequenceValidator(VisibilityRules.hardened());

  /** Builds the answers and writes the stream. */
  @Setup(Level.Trial)
  public void setup() throws IOException {
    snapshotBody = Workloads.snapshotBody(events, 5);
    eventsBody = Workloads.eventsAnswerBody(events, 5);
    ndjson = Files.createTempFile("w2-envelopes-", ".ndjson");
    Files.write(ndjson, Workloads.eventEnvelopeNdjson(events, 5));
    System.out.printf(
        "%nW2: snapshot %d chars, events answer %d chars, NDJSON %d bytes, %d envelopes%n",
        snapshotBody.length(), eventsBody.length(), Files.size(ndjson), events);
    SequenceVerdict v = answer();
    if (v.driftActive()) {
      throw new IllegalStateException("the workload must validate clean: " + v);
    }
    if (ndjson() != events) {
      throw new IllegalStateException("every NDJSON line must decode");
    }
  }

  /** Deletes the stream. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(ndjson);
  }

  /** The sprite_service path: decode both bodies, feed the validator. */
  @Benchmark
  public SequenceVerdict answer() {
    SpriteServiceIngest.Poll poll = ingest.ofBodies(snapshotBody, eventsBody);
    Ingest.Succeeded ok = (Ingest.Succeeded) poll.ingest();
    SequenceValidator.Batch batch = validator.begin(Optional.empty(), false);
    ok.envelopes().feed(validator, batch, w -> {});
    return batch.finish();
  }

  /** Baseline of {@link #answer()}: bare tokens of both bodies. */
  @Benchmark
  public long answerBareNextToken() {
    return Baselines.tokens(snapshotBody) + Baselines.tokens(eventsBody);
  }

  /** The NDJSON path: typed decode of each envelope, its value through the validator. */
  @Benchmark
  public long ndjson() {
    SequenceValidator.Batch batch = validator.begin(Optional.empty(), false);
    long n = 0;
    try (JsonlReader<EventEnvelope> r = JsonlReader.open(ndjson, Codecs.EVENT_ENVELOPE)) {
      while (r.hasNext()) {
        JsonlRecord<EventEnvelope> rec = r.next();
        batch.event(validator.judge(rec.value().sequenceValue().orElse(null)));
        n++;
      }
    }
    batch.snapshot(n);
    return batch.finish().driftActive() ? -n : n;
  }

  /** Baseline of {@link #ndjson()}: bare tokens of the file. */
  @Benchmark
  public long ndjsonBareNextToken() {
    return Baselines.tokens(ndjson);
  }
}
