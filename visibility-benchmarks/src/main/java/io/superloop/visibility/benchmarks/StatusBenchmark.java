package io.superloop.visibility.benchmarks;

import io.superloop.visibility.api.status.VisibilitySummary;
import io.superloop.visibility.core.plane.VisibilityPlane;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
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
 * W5, status surface: {@link VisibilityPlane#status()} of the testkit demo's loop (a reconciled
 * loop with a drift and one confirmed cancel) whose telemetry files are grown to {@code
 * telemetryBytes} in all, every file read on every call (no caching across calls), with one
 * heartbeat and one reconcile row appended before every call. The files grow by history: copies of
 * their own first row, with every timestamp moved to 2020 (older than anything the real rows hold),
 * written before the demo's rows. Shares: heartbeat 40%, sequence 25%, reconcile 20%, control and
 * invocations 5% each, intents, in-flight and escalations the rest. {@code telemetryBytes=0} is the
 * demo loop as written (a few rows per file): the baseline of the same call on small files.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 8, time = 1)
@Fork(1)
public class StatusBenchmark {
  private static final Pattern TIMESTAMP =
      Pattern.compile("\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\"");
  private static final Map<String, Double> SHARES =
      Map.of(
          "telemetry/heartbeat.jsonl", 0.40,
          "telemetry/sequence.jsonl", 0.25,
          "telemetry/reconcile.jsonl", 0.20,
          "telemetry/control.jsonl", 0.05,
          "telemetry/control-invocations.jsonl", 0.05,
          "intents.jsonl", 0.02,
          "telemetry/control-invocations.inflight.jsonl", 0.02,
          "escalations.jsonl", 0.01);

  /** Total bytes of the loop's JSONL files (0: as the demo wrote them). */
  @Param({"0", "1073741824"})
  public long telemetryBytes;

  @SuppressWarnings("NullAway.Init") // set by the JMH @Setup method
  private Path repo;

  @SuppressWarnings("NullAway.Init") // set by the JMH @Setup method
  private VisibilityPlane plane;

  @SuppressWarnings("NullAway.Init") // set by the JMH @Setup method
  private Path heartbeatLog;

  @SuppressWarnings("NullAway.Init") // set by the JMH @Setup method
  private Path reconcileLog;

  @SuppressWarnings("NullAway.Init") // set by the JMH @Setup method
  private byte[] heartbeatRow;

  @SuppressWarnings("NullAway.Init") // set by the JMH @Setup method
  private byte[] reconcileRow;

  /** Writes the demo loop and grows its files. */
  @Setup(Level.Trial)
  public void setup() throws IOException {
    repo = Files.createTempDirectory("w5-status-");
    Path ops = DemoLoop.write(repo);
    long total = 0;
    for (Map.Entry<String, Double> e : SHARES.entrySet()) {
      Path f = ops.resolve(e.getKey());
      grow(f, (long) (telemetryBytes * e.getValue()));
      total += Files.size(f);
    }
    heartbeatLog = ops.resolve("telemetry/heartbeat.jsonl");
    reconcileLog = ops.resolve("telemetry/reconcile.jsonl");
    heartbeatRow = lastLine(heartbeatLog);
    reconcileRow = lastLine(reconcileLog);
    plane = VisibilityPlane.builder(repo, DemoLoop.LOOP).build();
    System.out.printf("%nW5: JSONL files of the loop hold %d bytes%n", total);
  }

  /** Appends the rows a reconcile step would add. */
  @Setup(Level.Invocation)
  public void appendRows() throws IOException {
    Files.write(heartbeatLog, heartbeatRow, StandardOpenOption.APPEND);
    Files.write(reconcileLog, reconcileRow, StandardOpenOption.APPEND);
  }

  /** Deletes the loop. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    TempFiles.deleteTree(repo);
  }

  /** The status call: every artifact read from disk. */
  @Benchmark
  public VisibilitySummary status() {
    return plane.status();
  }

  /** Prepends history to {@code file} until it holds {@code bytes} bytes. */
  private static void grow(Path file, long bytes) throws IOException {
    if (bytes <= 0 || !Files.exists(file)) {
      return;
    }
    byte[] real = Files.readAllBytes(file);
    String first = new String(real, StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
    byte[] old =
        (TIMESTAMP.matcher(first).replaceAll("\"2020-01-01T00:00:00Z\"") + "\n")
            .getBytes(StandardCharsets.UTF_8);
    Path tmp = file.resolveSibling(file.getFileName() + ".grow");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20)) {
      long size = real.length;
      while (size + old.length <= bytes) {
        out.write(old);
        size += old.length;
      }
      out.write(real);
    }
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  private static byte[] lastLine(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    return (lines.get(lines.size() - 1) + "\n").getBytes(StandardCharsets.UTF_8);
  }
}
