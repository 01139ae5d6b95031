package io.superloop.visibility.benchmarks;

import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.core.sequence.PreviousSequence;
import io.superloop.visibility.core.sequence.SequenceValidator;
import io.superloop.visibility.core.sequence.SequenceValues;
import io.superloop.visibility.core.sequence.SequenceVerdict;
import io.superloop.visibility.core.source.LineKind;
import io.superloop.visibility.core.source.LocalEventSource;
import io.superloop.visibility.core.source.ScanResult;
import io.superloop.visibility.core.source.ScanStart;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
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
import org.openjdk.jmh.infra.Blackhole;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;

/**
 * W1, runtime events log: the {@code scan-events} path (local source + sequence validator) over a
 * file of realistic runtime event lines (~300-600 bytes each, payload included), against the baseline of a bare jackson-core loop that only calls {@code nextToken()}
 * over the same bytes (one parser over the whole file, root values separated by newlines). Reported
 * as bytes per second of the file ({@code ops} = one full scan; divide the file size by the time).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
public class EventLogScanBenchmark {

  /** Lines in the log. */
  @Param({"100000"})
  public int lines;

  @SuppressWarnings("NullAway.Init") // set by the JMH @Setup method
  private Path file;
  private final LocalEventSource source = new LocalEventSource();
  private final SequenceValidator validator = new SequenceValidator(VisibilityRules.hardened());

  /** Writes the log. */
  @Setup(Level.Trial)
  public void setup() throws IOException {
    file = Files.createTempFile("w1-events-", ".jsonl");
    Files.writeString(file, RuntimeEvents.log(lines, new SplittableRandom(7)), StandardCharsets.UTF_8);
  }

  /** Deletes the log. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(file);
  }

  /** The scan-events path: every line classified, every value through the validator. */
  @Benchmark
  public SequenceVerdict scanEvents() {
    SequenceValidator.Batch batch = validator.begin(PreviousSequence.NONE, false);
    ScanResult r =
        source.scan(
            file,
            ScanStart.FROM_START,
            (line, kind, buf, off, len) -> batch.event(kind == LineKind.EVENT ? line : SequenceValues.MISSING));
    batch.snapshot(r.newlineCount());
    return batch.finish();
  }

  /** Baseline: a bare {@code nextToken()} loop over the same bytes. */
  @Benchmark
  public void bareNextToken(Blackhole bh) throws IOException {
    try (InputStream in = Files.newInputStream(file);
        JsonParser p = Json.DEFAULT.factory().createParser(ObjectReadContext.empty(), in)) {
      long tokens = 0;
      while (true) {
        try {
          JsonToken t = p.nextToken();
          if (t == null) {
            break;
          }
          tokens++;
        } catch (RuntimeException e) {
          throw new IllegalStateException("the baseline's input must be valid JSON", e);
        }
      }
      bh.consume(tokens);
    }
  }
}
