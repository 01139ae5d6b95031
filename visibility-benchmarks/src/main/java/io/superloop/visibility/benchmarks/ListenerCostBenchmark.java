package io.superloop.visibility.benchmarks;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.superloop.visibility.core.plane.StepEvent;
import io.superloop.visibility.core.plane.StepOptions;
import io.superloop.visibility.core.plane.VisibilityListener;
import io.superloop.visibility.core.plane.VisibilityPlane;
import io.superloop.visibility.core.rules.Durability;
import io.superloop.visibility.opentelemetry.VisibilityTelemetry;
import io.superloop.visibility.testkit.scenario.internal.Workloads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
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
 * W9, the listener alone: what {@link VisibilityTelemetry} adds to one step, without the step's I/O
 * and its noise: {@code onStep} of a step over 100 event lines (as {@link
 * StepTelemetryBenchmark}'s), on {@link OpenTelemetry#noop()} ({@code api-noop}) and on the SDK
 * exporting nowhere ({@code sdk}); {@code none} is a listener that does nothing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 8, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx256m"})
public class ListenerCostBenchmark {
  /** What listens to the plane. */
  @Param({"none", "api-noop", "sdk"})
  public String telemetry = "none";

  private VisibilityListener listener = new VisibilityListener() {};

  @SuppressWarnings("NullAway.Init") // set by the JMH @Setup method
  private StepEvent step;

  private @Nullable OpenTelemetrySdk sdk;

  /** Runs one step over 100 lines to get its event. */
  @Setup(Level.Trial)
  public void setup() throws IOException {
    if (telemetry.equals("api-noop")) {
      listener = VisibilityTelemetry.create(OpenTelemetry.noop());
    } else if (telemetry.equals("sdk")) {
      OpenTelemetrySdk s = StepTelemetryBenchmark.noopExportingSdk();
      sdk = s;
      listener = VisibilityTelemetry.create(s);
    }
    Path repo = Files.createTempDirectory("w9-listener-");
    try {
      Files.write(RuntimeLoop.create(repo, "w9-loop"), Workloads.runtimeEventLog(100, 17));
      AtomicReference<StepEvent> seen = new AtomicReference<>();
      VisibilityPlane.builder(repo, "w9-loop")
          .durability(Durability.NONE)
          .listener(
              new VisibilityListener() {
                @Override
                public void onStep(StepEvent e) {
                  seen.set(e);
                }
              })
          .build()
          .reconcileLocal(StepOptions.defaults());
      step = java.util.Objects.requireNonNull(seen.get(), "the step event");
    } finally {
      TempFiles.deleteTree(repo);
    }
  }

  /** Closes the SDK. */
  @TearDown(Level.Trial)
  public void tearDown() {
    if (sdk != null) {
      sdk.close();
    }
  }

  /** The listener told of one step. */
  @Benchmark
  public StepEvent onStep() {
    listener.onStep(step);
    return step;
  }
}
