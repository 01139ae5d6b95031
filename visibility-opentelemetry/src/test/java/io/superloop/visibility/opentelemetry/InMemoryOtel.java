package io.superloop.visibility.opentelemetry;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An OpenTelemetry SDK whose metrics and spans stay in memory (opentelemetry-sdk-testing): the
 * metric reader is cumulative, spans are exported as they end.
 */
final class InMemoryOtel implements AutoCloseable {
  final InMemoryMetricReader reader = InMemoryMetricReader.create();
  final InMemorySpanExporter spans = InMemorySpanExporter.create();
  final OpenTelemetrySdk sdk =
      OpenTelemetrySdk.builder()
          .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(reader).build())
          .setTracerProvider(
              SdkTracerProvider.builder()
                  .addSpanProcessor(SimpleSpanProcessor.create(spans))
                  .build())
          .build();

  /**
   * The collected points as "name attributes" to value: counters and gauges their value, a
   * histogram its count under "name#count" (its sum is in {@link #histogramSum}).
   */
  Map<String, Long> points() {
    Map<String, Long> out = new TreeMap<>();
    for (MetricData m : reader.collectAllMetrics()) {
      switch (m.getType()) {
        case LONG_SUM:
          for (LongPointData p : m.getLongSumData().getPoints()) {
            out.put(key(m.getName(), p.getAttributes()), p.getValue());
          }
          break;
        case LONG_GAUGE:
          for (LongPointData p : m.getLongGaugeData().getPoints()) {
            out.put(key(m.getName(), p.getAttributes()), p.getValue());
          }
          break;
        case HISTOGRAM:
          for (HistogramPointData p : m.getHistogramData().getPoints()) {
            out.put(key(m.getName() + "#count", p.getAttributes()), p.getCount());
            histogramSums.put(key(m.getName(), p.getAttributes()), p.getSum());
          }
          break;
        default:
          throw new AssertionError("unexpected metric type " + m.getType() + " of " + m.getName());
      }
    }
    return out;
  }

  private final Map<String, Double> histogramSums = new TreeMap<>();

  /** {@return the histogram sums seen by the last {@link #points()}} */
  Map<String, Double> histogramSum() {
    return histogramSums;
  }

  static String key(String name, Attributes attributes) {
    Map<String, String> sorted = new TreeMap<>();
    attributes.forEach((k, v) -> sorted.put(k.getKey(), String.valueOf(v)));
    return name + " " + sorted;
  }

  List<SpanData> finishedSpans() {
    return spans.getFinishedSpanItems();
  }

  @Override
  public void close() {
    sdk.close();
  }
}
