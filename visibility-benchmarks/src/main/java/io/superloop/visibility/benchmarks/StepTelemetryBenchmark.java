package io.superloop.visibility.benchmarks;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.MemoryMode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.superloop.visibility.core.plane.StepOptions;
import io.superloop.visibility.core.plane.VisibilityListener;
import io.superloop.visibility.core.plane.VisibilityPlane;
import io.superloop.visibility.core.rules.Durability;
import io.superloop.visibility.opentelemetry.VisibilityTelemetry;
import io.superloop.visibility.testkit.scenario.internal.Workloads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
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
 * W9, the cost of observability: one {@link VisibilityPlane#reconcileLocal} step over 100 new event
 * lines (as W7, on a 1 MiB log, telemetry logs without fsync so that the step's own work is not
 * hidden behind the disk) with no listener ({@code none}), with {@link VisibilityTelemetry} on
 * {@link OpenTelemetry#noop()} ({@code api-noop}), and on the OpenTelemetry SDK ({@code sdk}: a
 * batch span processor and a periodic metric reader, both exporting to a no-op exporter; the
 * reader's 60 s interval never elapses within an iteration, so the cost measured is the recording).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 8, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx256m"})
public class StepTelemetryBenchmark {
  private static final String LOOP = "w9-loop";

  /** What listens to the plane. */
  @Param({"none", "api-noop", "sdk"})
  public String telemetry = "none";

  @SuppressWarnings("NullAway.Init") // set by the JMH @Setup method
  private Path repo;

  @SuppressWarnings("NullAway.Init") // set by the JMH @Setup method
  private Path events;

  @SuppressWarnings("NullAway.Init") // set by the JMH @Setup method
  private byte[] hundredLines;

  @SuppressWarnings("NullAway.Init") // set by the JMH @Setup method
  private VisibilityPlane plane;

  private @Nullable OpenTelemetrySdk sdk;

  /** The listener under test ({@code none}: one that does nothing). */
  VisibilityListener listener = new VisibilityListener() {};

  /** Writes the runtime log, builds the plane with its listener and reconciles once. */
  @Setup(Level.Trial)
  public void setup() throws IOException {
    repo = Files.createTempDirectory("w9-step-");
    events = RuntimeLoop.create(repo, LOOP);
    Workloads.appendRuntimeEventLog(events, 1L << 20, 13);
    hundredLines = Workloads.runtimeEventLog(100, 17);
    VisibilityPlane.Builder b = VisibilityPlane.builder(repo, LOOP).durability(Durability.NONE);
    switch (telemetry) {
      case "api-noop":
        listener = VisibilityTelemetry.create(OpenTelemetry.noop());
        break;
      case "sdk":
        OpenTelemetrySdk s = noopExportingSdk();
        sdk = s;
        listener = VisibilityTelemetry.create(s);
        break;
      default:
        break;
    }
    plane = b.listener(listener).build();
    plane.reconcileLocal(StepOptions.defaults());
  }

  /** The SDK with a batch span processor and a periodic reader, both exporting nowhere. */
  static OpenTelemetrySdk noopExportingSdk() {
    SpanExporter spans = SpanExporter.composite(); // none: the no-op exporter
    MetricExporter metrics =
        new MetricExporter() {
          @Override
          public AggregationTemporality getAggregationTemporality(InstrumentType type) {
            return AggregationTemporality.CUMULATIVE;
          }

          @Override
          public MemoryMode getMemoryMode() {
            return MemoryMode.REUSABLE_DATA;
          }

          @Override
          public CompletableResultCode export(Collection<MetricData> batch) {
            return CompletableResultCode.ofSuccess();
          }

          @Override
          public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
          }

          @Override
          public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
          }
        };
    return OpenTelemetrySdk.builder()
        .setTracerProvider(
            SdkTracerProvider.builder()
                .addSpanProcessor(BatchSpanProcessor.builder(spans).build())
                .build())
        .setMeterProvider(
            SdkMeterProvider.builder()
                .registerMetricReader(
                    PeriodicMetricReader.builder(metrics)
                        .setInterval(Duration.ofSeconds(60))
                        .build())
                .build())
        .build();
  }

  /** The runtime appends 100 lines. */
  @Setup(Level.Invocation)
  public void append() throws IOException {
    Files.write(events, hundredLines, StandardOpenOption.APPEND);
  }

  /** Closes the SDK and deletes the loop. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    if (sdk != null) {
      sdk.close();
    }
    TempFiles.deleteTree(repo);
  }

  /** One step over the 100 new lines, its listeners told. */
  @Benchmark
  public VisibilityPlane.Reconciliation step() {
    return plane.reconcileLocal(StepOptions.defaults());
  }
}
