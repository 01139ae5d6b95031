package io.superloop.visibility.benchmarks;

import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.core.sequence.SequenceValidator;
import io.superloop.visibility.core.sequence.SequenceVerdict;
import io.superloop.visibility.core.source.LocalEventSource;
import io.superloop.visibility.core.source.ScanStart;
import io.superloop.visibility.testkit.scenario.internal.Workloads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * W1, runtime events log: the {@code scan-events} path (local source + sequence validator, every
 * line classified and every value judged) over a runtime {@code events.jsonl} of {@code lines}
 * generated event lines (testkit {@code Workloads}: ~300-600 bytes each, payload included), against
 * a bare jackson-core loop that only calls {@code nextToken()} over the same bytes.
 *
 * <ul>
 *   <li>{@code memory}: the log is a byte array (a {@code SeekableByteChannel} over it); baseline
 *       parses the array;
 *   <li>{@code disk}: the log is a file (page cache warm); baseline parses a {@code
 *       FileInputStream} of it. The cold-cache 1 GiB scan is {@link LargeLogScanBenchmark}.
 * </ul>
 *
 * One operation is one full scan; throughput in bytes per second is the log size divided by it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 8, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx256m"})
public class EventLogScanBenchmark {

  /** Lines in the log. */
  @Param({"100000"})
  public int lines;

  /** Where the log is: {@code memory} or {@code disk}. */
  @Param({"memory", "disk"})
  public String medium = "memory";

  @SuppressWarnings("NullAway.Init") // set by the JMH @Setup method
  private Path file;

  @SuppressWarnings("NullAway.Init") // set by the JMH @Setup method
  private byte[] bytes;

  private final LocalEventSource source = new LocalEventSource();
  private final SequenceValidator validator = new SequenceValidator(VisibilityRules.hardened());

  /** Writes the log. */
  @Setup(Level.Trial)
  public void setup() throws IOException {
    bytes = Workloads.runtimeEventLog(lines, 7);
    file = Files.createTempFile("w1-events-", ".jsonl");
    Files.write(file, bytes);
    System.out.printf(
        "%nW1 log: %d lines, %d bytes (%.1f bytes/line)%n",
        lines, bytes.length, (double) bytes.length / lines);
  }

  /** Deletes the log. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(file);
  }

  /** The scan-events path: every line classified, every value through the validator. */
  @Benchmark
  public SequenceVerdict scanEvents() {
    return EventScans.verdict(
        validator,
        listener ->
            medium.equals("memory")
                ? source.scan(new ByteArrayChannel(bytes), ScanStart.FROM_START, listener)
                : source.scan(file, ScanStart.FROM_START, listener));
  }

  /** Baseline: a bare {@code nextToken()} loop over the same bytes. */
  @Benchmark
  public long bareNextToken() {
    return medium.equals("memory") ? Baselines.tokens(bytes) : Baselines.tokens(file);
  }
}
