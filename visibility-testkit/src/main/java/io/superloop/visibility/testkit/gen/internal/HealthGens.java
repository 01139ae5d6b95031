package io.superloop.visibility.testkit.gen.internal;

import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.health.FailureCode;
import io.superloop.visibility.api.health.Health;
import io.superloop.visibility.api.health.HealthEvidence;
import io.superloop.visibility.api.health.HealthMetrics;
import io.superloop.visibility.api.health.HealthReason;
import io.superloop.visibility.api.health.HealthStatus;
import io.superloop.visibility.api.health.HealthThresholds;
import io.superloop.visibility.api.health.HealthTransport;
import io.superloop.visibility.api.health.IngestStatus;
import io.superloop.visibility.api.health.Severity;
import io.superloop.visibility.api.health.TransportHealth;
import io.superloop.visibility.api.health.internal.ImmutableHealth;
import io.superloop.visibility.api.health.internal.ImmutableHealthEvidence;
import io.superloop.visibility.api.health.internal.ImmutableHealthMetrics;
import io.superloop.visibility.api.health.internal.ImmutableHealthReason;
import io.superloop.visibility.api.health.internal.ImmutableHealthThresholds;
import io.superloop.visibility.api.health.internal.ImmutableHealthTransport;
import io.superloop.visibility.api.health.internal.ImmutableTransportHealth;
import io.superloop.visibility.testkit.gen.Gen;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/** Generators of the records of {@code api.health}, valid by construction. */
public final class HealthGens {
  private HealthGens() {}

  /**
   * Health statuses.
   *
   * @return the generator
   */
  public static Gen<HealthStatus> statuses() {
    return Gen.elements(HealthStatus.values());
  }

  /**
   * Reason severities.
   *
   * @return the generator
   */
  public static Gen<Severity> severities() {
    return Gen.elements(Severity.values());
  }

  /**
   * Ingest statuses.
   *
   * @return the generator
   */
  public static Gen<IngestStatus> ingestStatuses() {
    return Gen.elements(IngestStatus.values());
  }

  /**
   * Failure codes: known ones and unknown wire strings.
   *
   * @return the generator
   */
  public static Gen<FailureCode> failureCodes() {
    return ValueGens.openValues(FailureCode.known(), FailureCode::of);
  }

  /**
   * Health reasons: any code (known or not), any severity, the three strings present or empty,
   * unknown fields.
   *
   * @return the generator
   */
  public static Gen<HealthReason> reasons() {
    return BuilderGen.of(
            HealthReason.class,
            ImmutableHealthReason::builder,
            ImmutableHealthReason.Builder::build)
        .with(ValueGens.reasonCodes(), ImmutableHealthReason.Builder::code)
        .with(severities(), ImmutableHealthReason.Builder::severity)
        .with(ValueGens.optionalStrings(), ImmutableHealthReason.Builder::metric)
        .with(ValueGens.optionalStrings(), ImmutableHealthReason.Builder::observed)
        .with(ValueGens.optionalStrings(), ImmutableHealthReason.Builder::threshold)
        .with(ValueGens.unknownFields(), ImmutableHealthReason.Builder::putAllUnknownFields)
        .gen();
  }

  /**
   * Health metrics: lags and streaks {@code >= 0} where required (the ingest lag may be negative),
   * optionals present or empty, unknown fields.
   *
   * @return the generator
   */
  public static Gen<HealthMetrics> metrics() {
    return BuilderGen.of(
            HealthMetrics.class,
            ImmutableHealthMetrics::builder,
            ImmutableHealthMetrics.Builder::build)
        .with(
            ValueGens.optionalLongs(ValueGens.anyLongs()),
            ImmutableHealthMetrics.Builder::ingestLagSeconds)
        .with(
            ValueGens.optionalLongs(ValueGens.nonNegativeLongs()),
            ImmutableHealthMetrics.Builder::heartbeatLagSeconds)
        .with(ValueGens.nonNegativeLongs(), ImmutableHealthMetrics.Builder::transportFailureStreak)
        .with(ValueGens.optionalStrings(), ImmutableHealthMetrics.Builder::lastControlStatus)
        .with(ValueGens.optionalStrings(), ImmutableHealthMetrics.Builder::sequenceStatus)
        .with(ValueGens.strings(), ImmutableHealthMetrics.Builder::lifecycleState)
        .with(ValueGens.unknownFields(), ImmutableHealthMetrics.Builder::putAllUnknownFields)
        .gen();
  }

  /**
   * Health thresholds: each {@code >= 0} (0 and {@link Long#MAX_VALUE} included), a profile or
   * none, unknown fields.
   *
   * @return the generator
   */
  public static Gen<HealthThresholds> thresholds() {
    Gen<Long> n = ValueGens.nonNegativeLongs();
    return BuilderGen.of(
            HealthThresholds.class,
            ImmutableHealthThresholds::builder,
            ImmutableHealthThresholds.Builder::build)
        .with(ValueGens.optionalStrings(), ImmutableHealthThresholds.Builder::profile)
        .with(n, ImmutableHealthThresholds.Builder::degradedIngestLagSeconds)
        .with(n, ImmutableHealthThresholds.Builder::criticalIngestLagSeconds)
        .with(n, ImmutableHealthThresholds.Builder::degradedHeartbeatLagSeconds)
        .with(n, ImmutableHealthThresholds.Builder::criticalHeartbeatLagSeconds)
        .with(n, ImmutableHealthThresholds.Builder::degradedTransportFailureStreak)
        .with(n, ImmutableHealthThresholds.Builder::criticalTransportFailureStreak)
        .with(ValueGens.unknownFields(), ImmutableHealthThresholds.Builder::putAllUnknownFields)
        .gen();
  }

  /**
   * Health transport objects, failure codes present or empty, unknown fields.
   *
   * @return the generator
   */
  public static Gen<HealthTransport> transports() {
    return BuilderGen.of(
            HealthTransport.class,
            ImmutableHealthTransport::builder,
            ImmutableHealthTransport.Builder::build)
        .with(ValueGens.transports(), ImmutableHealthTransport.Builder::mode)
        .with(ingestStatuses(), ImmutableHealthTransport.Builder::ingestStatus)
        .with(Gen.optionals(failureCodes()), ImmutableHealthTransport.Builder::failureCode)
        .with(Gen.optionals(failureCodes()), ImmutableHealthTransport.Builder::lastFailureCode)
        .with(ValueGens.unknownFields(), ImmutableHealthTransport.Builder::putAllUnknownFields)
        .gen();
  }

  /**
   * Health evidence objects, each timestamp present or empty, unknown fields.
   *
   * @return the generator
   */
  public static Gen<HealthEvidence> evidence() {
    return BuilderGen.of(
            HealthEvidence.class,
            ImmutableHealthEvidence::builder,
            ImmutableHealthEvidence.Builder::build)
        .with(Gen.optionals(ValueGens.timestamps()), ImmutableHealthEvidence.Builder::lastEventAt)
        .with(
            Gen.optionals(ValueGens.timestamps()), ImmutableHealthEvidence.Builder::lastHeartbeatAt)
        .with(
            Gen.optionals(ValueGens.timestamps()),
            ImmutableHealthEvidence.Builder::sequenceUpdatedAt)
        .with(ValueGens.unknownFields(), ImmutableHealthEvidence.Builder::putAllUnknownFields)
        .gen();
  }

  /**
   * Sorted reason lists (contract 2.6): unique by and sorted by {@code code:severity} in code point
   * order, possibly empty.
   *
   * @return the generator
   */
  public static Gen<List<HealthReason>> sortedReasons() {
    return ValueGens.lists(reasons(), 5)
        .map(
            rs -> {
              TreeMap<String, HealthReason> byKey = new TreeMap<>(Health::compareCodePoints);
              for (HealthReason r : rs) {
                byKey.putIfAbsent(r.key(), r);
              }
              return List.copyOf(byKey.values());
            });
  }

  /**
   * {@code health.json} verdicts: reasons sorted and unique, reason codes their distinct sorted
   * codes, status derived from them (healthy, degraded and critical all occur), every nested object
   * generated, unknown fields.
   *
   * @return the generator
   */
  public static Gen<Health> healths() {
    return BuilderGen.of(Health.class, ImmutableHealth::builder, ImmutableHealth.Builder::build)
        .with(ValueGens.timestamps(), ImmutableHealth.Builder::updatedAt)
        .with(ValueGens.optionalTraceIds(), ImmutableHealth.Builder::traceId)
        .with(
            sortedReasons(),
            (b, rs) -> {
              TreeSet<String> codes = new TreeSet<>(Health::compareCodePoints);
              for (HealthReason r : rs) {
                codes.add(r.code().wire());
              }
              List<ReasonCode> reasonCodes = new ArrayList<>();
              for (String c : codes) {
                reasonCodes.add(ReasonCode.of(c));
              }
              b.status(Health.statusOf(rs)).addAllReasonCodes(reasonCodes).addAllReasons(rs);
            })
        .with(metrics(), ImmutableHealth.Builder::metrics)
        .with(thresholds(), ImmutableHealth.Builder::thresholds)
        .with(transports(), ImmutableHealth.Builder::transport)
        .with(evidence(), ImmutableHealth.Builder::evidence)
        .with(ValueGens.unknownFields(), ImmutableHealth.Builder::putAllUnknownFields)
        .gen();
  }

  /**
   * {@code transport-health.json} states: streak 0 after a success, {@code >= 1} after a failure
   * ({@link Long#MAX_VALUE} included), optionals present or empty, unknown fields.
   *
   * @return the generator
   */
  public static Gen<TransportHealth> transportHealths() {
    Gen<long[]> resultAndStreak =
        Gen.frequency(
            Gen.weighted(1, Gen.constant(new long[] {0, 0})),
            Gen.weighted(2, ValueGens.positiveLongs().map(n -> new long[] {1, n})));
    return BuilderGen.of(
            TransportHealth.class,
            ImmutableTransportHealth::builder,
            ImmutableTransportHealth.Builder::build)
        .with(ValueGens.timestamps(), ImmutableTransportHealth.Builder::updatedAt)
        .with(ValueGens.optionalTraceIds(), ImmutableTransportHealth.Builder::traceId)
        .with(ValueGens.transports(), ImmutableTransportHealth.Builder::transport)
        .with(
            resultAndStreak,
            (b, rs) ->
                b.lastResult(rs[0] == 0 ? IngestStatus.SUCCESS : IngestStatus.FAILED)
                    .failureStreak(rs[1]))
        .with(Gen.optionals(failureCodes()), ImmutableTransportHealth.Builder::lastFailureCode)
        .with(
            Gen.optionals(ValueGens.timestamps()), ImmutableTransportHealth.Builder::lastSuccessAt)
        .with(
            Gen.optionals(ValueGens.timestamps()), ImmutableTransportHealth.Builder::lastFailureAt)
        .with(ValueGens.unknownFields(), ImmutableTransportHealth.Builder::putAllUnknownFields)
        .gen();
  }
}
