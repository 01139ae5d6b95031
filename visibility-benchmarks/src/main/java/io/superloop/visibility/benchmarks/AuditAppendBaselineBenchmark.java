package io.superloop.visibility.benchmarks;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.json.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * W4 baseline: the bytes of {@link AuditAppendBenchmark}'s row appended by a bare {@code
 * FileChannel} in append mode, {@code write} and, with {@code force}, {@code force(false)} (what
 * the log calls) per record, by 1 and by 8 threads, without any lock. {@code force=true} is the
 * baseline of the fsync durabilities, {@code force=false} of {@code NONE}. Records per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class AuditAppendBaselineBenchmark {

  /** Whether each record is forced. */
  @Param({"true", "false"})
  public boolean force = true;

  @SuppressWarnings("NullAway.Init") // set by the JMH @Setup method
  private Path dir;

  @SuppressWarnings("NullAway.Init") // set by the JMH @Setup method
  private FileChannel bare;

  @SuppressWarnings("NullAway.Init") // set by the JMH @Setup method
  private byte[] rowBytes;

  /** Opens the file; encodes the demo's row once. */
  @Setup(Level.Trial)
  public void setup() throws IOException {
    dir = Files.createTempDirectory("w4-bare-");
    rowBytes =
        Json.DEFAULT.encodeUtf8(
            Codecs.CONTROL_INVOCATION,
            Codecs.CONTROL_INVOCATION.decode(DemoLoop.controlInvocationRow(dir.resolve("demo"))),
            true);
    bare =
        FileChannel.open(
            dir.resolve("bare.jsonl"),
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.APPEND);
  }

  /** Closes and deletes the file. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    bare.close();
    TempFiles.deleteTree(dir);
  }

  /** One writer. */
  @Benchmark
  @Threads(1)
  public void bareWriteForce1() throws IOException {
    bareWriteForce();
  }

  /** Eight writers. */
  @Benchmark
  @Threads(8)
  public void bareWriteForce8() throws IOException {
    bareWriteForce();
  }

  private void bareWriteForce() throws IOException {
    ByteBuffer b = ByteBuffer.wrap(rowBytes);
    while (b.hasRemaining()) {
      bare.write(b);
    }
    if (force) {
      bare.force(false);
    }
  }
}
