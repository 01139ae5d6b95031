package io.superloop.visibility.benchmarks;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.audit.ControlInvocation;
import io.superloop.visibility.core.rules.Durability;
import io.superloop.visibility.core.store.AppendLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * W4, audit append: one {@code control-invocations.jsonl} row (the demo's confirmed cancel, ~1 KiB,
 * encoded per append) appended through {@link AppendLog} with each {@link Durability}, by 1 and by
 * 8 concurrent writers that each wait for their own record. Baseline: {@link
 * AuditAppendBaselineBenchmark}, in the same run. Throughput is records per second; the mean
 * records per fsync of each iteration is printed ({@code records/fsync}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class AuditAppendBenchmark {

  /** The durability of the library's log. */
  @Param({"FSYNC_PER_RECORD", "NONE"})
  public Durability durability = Durability.FSYNC_PER_RECORD;

  @SuppressWarnings("NullAway.Init") // set by the JMH @Setup method
  private Path dir;

  @SuppressWarnings("NullAway.Init") // set by the JMH @Setup method
  private AppendLog<ControlInvocation> log;

  @SuppressWarnings("NullAway.Init") // set by the JMH @Setup method
  private ControlInvocation row;

  private final LongAdder records = new LongAdder();
  private long fsyncsBefore;

  /** Opens the log; takes the row from the demo's loop. */
  @Setup(Level.Trial)
  public void setup() throws IOException {
    dir = Files.createTempDirectory("w4-audit-");
    row = Codecs.CONTROL_INVOCATION.decode(DemoLoop.controlInvocationRow(dir.resolve("demo")));
    log =
        AppendLog.open(
            dir.resolve("control-invocations.jsonl"), Codecs.CONTROL_INVOCATION, durability);
  }

  /** Starts counting records and fsyncs. */
  @Setup(Level.Iteration)
  public void startIteration() {
    records.reset();
    fsyncsBefore = log.fsyncCount();
  }

  /** Prints the mean records per fsync of the iteration (library log only). */
  @TearDown(Level.Iteration)
  public void endIteration() {
    long fsyncs = log.fsyncCount() - fsyncsBefore;
    long n = records.sum();
    if (n > 0) {
      System.out.printf(
          "  [%s: %d records, %d fsyncs, records/fsync %.2f]%n",
          durability, n, fsyncs, fsyncs == 0 ? Double.NaN : (double) n / fsyncs);
    }
  }

  /** Closes and deletes the log. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    log.close();
    TempFiles.deleteTree(dir);
  }

  /** One writer. */
  @Benchmark
  @Threads(1)
  public void append1() {
    log.append(row);
    records.increment();
  }

  /** Eight concurrent writers. */
  @Benchmark
  @Threads(8)
  public void append8() {
    log.append(row);
    records.increment();
  }
}
