package io.superloop.visibility.benchmarks;

import io.superloop.visibility.api.heartbeat.FreshnessStatus;
import io.superloop.visibility.api.heartbeat.HeartbeatThresholds;
import io.superloop.visibility.core.heartbeat.FreshnessCalculator;
import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.core.sequence.SequenceValidator;
import io.superloop.visibility.core.time.TimestampSyntax;
import io.superloop.visibility.core.time.Timestamps;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * W6, per-event cost (run with {@code -prof gc} for allocation): one event through the sequence
 * validator in its steady state (a batch of one million events is reused, values strictly
 * increasing), one freshness classification with the timestamp already parsed, and the parsing of
 * one heartbeat timestamp under each syntax.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PerEventBenchmark {
  private final SequenceValidator validator = new SequenceValidator(VisibilityRules.hardened());
  private SequenceValidator.Batch batch = validator.begin(Optional.empty(), false);
  private long next = 1;
  private final HeartbeatThresholds thresholds = HeartbeatThresholds.DEFAULT;
  private final long now = 1_772_366_400_000L;
  private final long heartbeat = 1_772_366_279_000L;
  private final String strict = "2026-03-01T11:57:59Z";
  private final String rfc = "2026-03-01T11:57:59.123+01:00";

  /** One event value through the validator (a fresh batch every million events). */
  @Benchmark
  public long validatorPerEvent() {
    if (next == 1_000_000) {
      batch = validator.begin(Optional.empty(), false);
      next = 1;
    }
    batch.event(next++);
    return batch.ingestedCount();
  }

  /** Lag and status of a parsed heartbeat timestamp. */
  @Benchmark
  public FreshnessStatus freshness() {
    return FreshnessCalculator.classify(FreshnessCalculator.lagSeconds(now, heartbeat), thresholds);
  }

  /** Parsing a {@code YYYY-MM-DDTHH:MM:SSZ} timestamp (reference syntax). */
  @Benchmark
  public OptionalLong parseStrict() {
    return Timestamps.parseEpochMillis(strict, TimestampSyntax.V1_STRICT);
  }

  /** Parsing an RFC 3339 timestamp with fraction and offset (hardened syntax). */
  @Benchmark
  public OptionalLong parseRfc3339() {
    return Timestamps.parseEpochMillis(rfc, TimestampSyntax.RFC_3339);
  }
}
