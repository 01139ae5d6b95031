package io.superloop.visibility.benchmarks;

import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.core.store.TailRead;
import io.superloop.visibility.core.store.TailReader;
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
 * W3, tail read: the last valid record of a JSONL file of realistic rows (~470 bytes each)
 * (generated runtime event lines, testkit {@code Workloads}) for files of 1 KiB, 100 MiB and 1 GiB.
 * The cost must not grow with the file: the reader reads backwards from the end in blocks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TailReadBenchmark {

  /** The file size. */
  @Param({"1024", "104857600", "1073741824"})
  public long sizeBytes;

  @SuppressWarnings("NullAway.Init") // set by the JMH @Setup method
  private Path file;

  /** Writes the file. */
  @Setup(Level.Trial)
  public void setup() throws IOException {
    file = Files.createTempFile("w3-tail-", ".jsonl");
    Workloads.appendRuntimeEventLog(file, sizeBytes, 3);
  }

  /** Deletes the file. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(file);
  }

  /** The last valid record. */
  @Benchmark
  public TailRead<JsonValue> lastValidRecord() {
    return TailReader.last(file, Json.RAW);
  }
}
