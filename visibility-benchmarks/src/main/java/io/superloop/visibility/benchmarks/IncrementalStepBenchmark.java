package io.superloop.visibility.benchmarks;

import io.superloop.visibility.core.plane.StepOptions;
import io.superloop.visibility.core.plane.VisibilityPlane;
import io.superloop.visibility.core.rules.Durability;
import io.superloop.visibility.testkit.scenario.internal.Workloads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * W7, incremental step: one {@link VisibilityPlane#reconcileLocal} step (lock, load the previous
 * states, resume the events log at the cursor's byte offset after its CRC check, validate, write
 * every state file and telemetry row) after the runtime appended 100 event lines (testkit {@code
 * Workloads}), on a log of {@code logBytes}. The log was reconciled once in the setup, so each step
 * reads only the new lines. The 1 MiB log is the baseline of the 1 GiB one; both grow by 100 lines
 * before every step (~300 MB over a run), which a step that reads only new bytes does not feel.
 * {@code durability} is the telemetry logs' (state files are always written with fsync + rename,
 * H1).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 8, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx256m"})
public class IncrementalStepBenchmark {
  private static final String LOOP = "w7-loop";

  /** Size of the events log before the steps. */
  @Param({"1048576", "1073741824"})
  public long logBytes;

  /** Durability of the telemetry logs. */
  @Param({"FSYNC_PER_RECORD", "NONE"})
  public Durability durability = Durability.FSYNC_PER_RECORD;

  @SuppressWarnings("NullAway.Init") // set by the JMH @Setup method
  private Path repo;

  @SuppressWarnings("NullAway.Init") // set by the JMH @Setup method
  private Path events;

  @SuppressWarnings("NullAway.Init") // set by the JMH @Setup method
  private byte[] hundredLines;

  @SuppressWarnings("NullAway.Init") // set by the JMH @Setup method
  private VisibilityPlane plane;

  /** Writes the runtime log and reconciles it once. */
  @Setup(Level.Trial)
  public void setup() throws IOException {
    repo = Files.createTempDirectory("w7-step-");
    events = RuntimeLoop.create(repo, LOOP);
    long lines = Workloads.appendRuntimeEventLog(events, logBytes, 13);
    hundredLines = Workloads.runtimeEventLog(100, 17);
    plane = VisibilityPlane.builder(repo, LOOP).durability(durability).build();
    long t0 = System.nanoTime();
    plane.reconcileLocal(StepOptions.defaults());
    System.out.printf(
        "%nW7: log %d lines, %d bytes; first (full) step %.1f ms%n",
        lines, Files.size(events), (System.nanoTime() - t0) / 1e6);
  }

  /** The runtime appends 100 lines. */
  @Setup(Level.Invocation)
  public void append() throws IOException {
    Files.write(events, hundredLines, StandardOpenOption.APPEND);
  }

  /** Deletes the loop. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    TempFiles.deleteTree(repo);
  }

  /** One step over the 100 new lines. */
  @Benchmark
  public VisibilityPlane.Reconciliation step() {
    return plane.reconcileLocal(StepOptions.defaults());
  }
}
