package io.superloop.visibility.benchmarks;

import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.core.sequence.SequenceValidator;
import io.superloop.visibility.core.sequence.SequenceVerdict;
import io.superloop.visibility.core.source.LocalEventSource;
import io.superloop.visibility.core.source.ScanStart;
import io.superloop.visibility.testkit.scenario.internal.Workloads;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * W1 at scale: one scan of a 1 GiB runtime {@code events.jsonl} (generated event lines, ~470 bytes
 * each) in a JVM limited to {@code -Xmx64m}, against the bare {@code nextToken()} loop over the
 * same file. Single-shot: each measured scan reads the whole file once. With {@code cache=cold} the
 * page cache is dropped before every scan ({@code /proc/sys/vm/drop_caches}, needs root; the run
 * fails otherwise), so the figure includes reading the disk.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx64m"})
public class LargeLogScanBenchmark {

  /** Size of the log in bytes (at least). */
  @Param({"1073741824"})
  public long sizeBytes;

  /** {@code warm}: the page cache holds the file; {@code cold}: dropped before every scan. */
  @Param({"warm", "cold"})
  public String cache = "warm";

  @SuppressWarnings("NullAway.Init") // set by the JMH @Setup method
  private Path file;

  private final LocalEventSource source = new LocalEventSource();
  private final SequenceValidator validator = new SequenceValidator(VisibilityRules.hardened());

  /** Writes the log. */
  @Setup(Level.Trial)
  public void setup() throws IOException {
    file = Files.createTempFile("w1-large-", ".jsonl");
    long lines = Workloads.appendRuntimeEventLog(file, sizeBytes, 11);
    System.out.printf(
        "%nW1 large log: %d lines, %d bytes, max heap %d MiB%n",
        lines, Files.size(file), Runtime.getRuntime().maxMemory() >> 20);
  }

  /** Drops the page cache before a cold scan. */
  @Setup(Level.Iteration)
  public void dropCaches() throws IOException, InterruptedException {
    if (cache.equals("cold")) {
      new ProcessBuilder("sync").inheritIO().start().waitFor();
      Files.writeString(Path.of("/proc/sys/vm/drop_caches"), "3\n", StandardCharsets.US_ASCII);
    }
  }

  /** Deletes the log. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(file);
  }

  /** The scan-events path over the whole file. */
  @Benchmark
  public SequenceVerdict scanEvents() {
    return EventScans.verdict(
        validator, listener -> source.scan(file, ScanStart.FROM_START, listener));
  }

  /** Baseline: a bare {@code nextToken()} loop over the same file. */
  @Benchmark
  public long bareNextToken() {
    return Baselines.tokens(file);
  }
}
