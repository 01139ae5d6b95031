package io.superloop.visibility.api.internal.codec;

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
import io.superloop.visibility.api.internal.ObjectCodec;
import io.superloop.visibility.api.internal.ObjectCodec.Absence;
import io.superloop.visibility.api.internal.ObjectCodec.SchemaVersion;
import io.superloop.visibility.api.internal.Values;
import io.superloop.visibility.api.json.JsonCodec;

/** Codecs of the health records, in the reference's key order and null rules. */
public final class HealthCodecs {
  private HealthCodecs() {}

  /** {@code healthy} / {@code degraded} / {@code critical}. */
  public static final JsonCodec<HealthStatus> STATUS =
      Values.wireEnum(HealthStatus.class, HealthStatus::wire);

  /** {@code degraded} / {@code critical}. */
  public static final JsonCodec<Severity> SEVERITY =
      Values.wireEnum(Severity.class, Severity::wire);

  /** {@code success} / {@code failed}. */
  public static final JsonCodec<IngestStatus> INGEST_STATUS =
      Values.wireEnum(IngestStatus.class, IngestStatus::wire);

  /** Failure codes (open: unknown codes are kept). */
  public static final JsonCodec<FailureCode> FAILURE_CODE = Values.open(FailureCode::of);

  /**
   * One reason: {@code {code, severity, metric, observed, threshold}}, empty strings-fields
   * omitted.
   */
  public static final JsonCodec<HealthReason> REASON =
      ObjectCodec.<HealthReason, ImmutableHealthReason.Builder>builder(
              "health reason", ImmutableHealthReason::builder, ImmutableHealthReason.Builder::build)
          .schemaVersion(SchemaVersion.NONE)
          .required(
              "code", Values.REASON_CODE, HealthReason::code, ImmutableHealthReason.Builder::code)
          .required(
              "severity", SEVERITY, HealthReason::severity, ImmutableHealthReason.Builder::severity)
          .optional(
              "metric",
              Values.STRING,
              HealthReason::metric,
              ImmutableHealthReason.Builder::metric,
              Absence.OMIT)
          .optional(
              "observed",
              Values.STRING,
              HealthReason::observed,
              ImmutableHealthReason.Builder::observed,
              Absence.OMIT)
          .optional(
              "threshold",
              Values.STRING,
              HealthReason::threshold,
              ImmutableHealthReason.Builder::threshold,
              Absence.OMIT)
          .unknownFields(
              HealthReason::unknownFields, ImmutableHealthReason.Builder::putAllUnknownFields)
          .build();

  /** {@code metrics}, nulls kept. */
  public static final JsonCodec<HealthMetrics> METRICS =
      ObjectCodec.<HealthMetrics, ImmutableHealthMetrics.Builder>builder(
              "health metrics",
              ImmutableHealthMetrics::builder,
              ImmutableHealthMetrics.Builder::build)
          .schemaVersion(SchemaVersion.NONE)
          .optionalLong(
              "ingestLagSeconds",
              HealthMetrics::ingestLagSeconds,
              ImmutableHealthMetrics.Builder::ingestLagSeconds,
              Absence.NULL)
          .optionalLong(
              "heartbeatLagSeconds",
              HealthMetrics::heartbeatLagSeconds,
              ImmutableHealthMetrics.Builder::heartbeatLagSeconds,
              Absence.NULL)
          .requiredLong(
              "transportFailureStreak",
              HealthMetrics::transportFailureStreak,
              ImmutableHealthMetrics.Builder::transportFailureStreak)
          .optional(
              "lastControlStatus",
              Values.STRING,
              HealthMetrics::lastControlStatus,
              ImmutableHealthMetrics.Builder::lastControlStatus,
              Absence.NULL)
          .optional(
              "sequenceStatus",
              Values.STRING,
              HealthMetrics::sequenceStatus,
              ImmutableHealthMetrics.Builder::sequenceStatus,
              Absence.NULL)
          .required(
              "lifecycleState",
              Values.STRING,
              HealthMetrics::lifecycleState,
              ImmutableHealthMetrics.Builder::lifecycleState)
          .unknownFields(
              HealthMetrics::unknownFields, ImmutableHealthMetrics.Builder::putAllUnknownFields)
          .build();

  /** {@code thresholds}, a {@code null} profile kept. */
  public static final JsonCodec<HealthThresholds> THRESHOLDS =
      ObjectCodec.<HealthThresholds, ImmutableHealthThresholds.Builder>builder(
              "health thresholds",
              ImmutableHealthThresholds::builder,
              ImmutableHealthThresholds.Builder::build)
          .schemaVersion(SchemaVersion.NONE)
          .optional(
              "profile",
              Values.STRING,
              HealthThresholds::profile,
              ImmutableHealthThresholds.Builder::profile,
              Absence.NULL)
          .requiredLong(
              "degradedIngestLagSeconds",
              HealthThresholds::degradedIngestLagSeconds,
              ImmutableHealthThresholds.Builder::degradedIngestLagSeconds)
          .requiredLong(
              "criticalIngestLagSeconds",
              HealthThresholds::criticalIngestLagSeconds,
              ImmutableHealthThresholds.Builder::criticalIngestLagSeconds)
          .requiredLong(
              "degradedHeartbeatLagSeconds",
              HealthThresholds::degradedHeartbeatLagSeconds,
              ImmutableHealthThresholds.Builder::degradedHeartbeatLagSeconds)
          .requiredLong(
              "criticalHeartbeatLagSeconds",
              HealthThresholds::criticalHeartbeatLagSeconds,
              ImmutableHealthThresholds.Builder::criticalHeartbeatLagSeconds)
          .requiredLong(
              "degradedTransportFailureStreak",
              HealthThresholds::degradedTransportFailureStreak,
              ImmutableHealthThresholds.Builder::degradedTransportFailureStreak)
          .requiredLong(
              "criticalTransportFailureStreak",
              HealthThresholds::criticalTransportFailureStreak,
              ImmutableHealthThresholds.Builder::criticalTransportFailureStreak)
          .unknownFields(
              HealthThresholds::unknownFields,
              ImmutableHealthThresholds.Builder::putAllUnknownFields)
          .build();

  /** {@code transport}: {@code {mode, ingestStatus, failureCode, lastFailureCode}}, nulls kept. */
  public static final JsonCodec<HealthTransport> TRANSPORT =
      ObjectCodec.<HealthTransport, ImmutableHealthTransport.Builder>builder(
              "health transport",
              ImmutableHealthTransport::builder,
              ImmutableHealthTransport.Builder::build)
          .schemaVersion(SchemaVersion.NONE)
          .required(
              "mode",
              Values.TRANSPORT,
              HealthTransport::mode,
              ImmutableHealthTransport.Builder::mode)
          .required(
              "ingestStatus",
              INGEST_STATUS,
              HealthTransport::ingestStatus,
              ImmutableHealthTransport.Builder::ingestStatus)
          .optional(
              "failureCode",
              FAILURE_CODE,
              HealthTransport::failureCode,
              ImmutableHealthTransport.Builder::failureCode,
              Absence.NULL)
          .optional(
              "lastFailureCode",
              FAILURE_CODE,
              HealthTransport::lastFailureCode,
              ImmutableHealthTransport.Builder::lastFailureCode,
              Absence.NULL)
          .unknownFields(
              HealthTransport::unknownFields, ImmutableHealthTransport.Builder::putAllUnknownFields)
          .build();

  /** {@code evidence}: {@code {lastEventAt, lastHeartbeatAt, sequenceUpdatedAt}}, nulls kept. */
  public static final JsonCodec<HealthEvidence> EVIDENCE =
      ObjectCodec.<HealthEvidence, ImmutableHealthEvidence.Builder>builder(
              "health evidence",
              ImmutableHealthEvidence::builder,
              ImmutableHealthEvidence.Builder::build)
          .schemaVersion(SchemaVersion.NONE)
          .optional(
              "lastEventAt",
              Values.STRING,
              HealthEvidence::lastEventAt,
              ImmutableHealthEvidence.Builder::lastEventAt,
              Absence.NULL)
          .optional(
              "lastHeartbeatAt",
              Values.STRING,
              HealthEvidence::lastHeartbeatAt,
              ImmutableHealthEvidence.Builder::lastHeartbeatAt,
              Absence.NULL)
          .optional(
              "sequenceUpdatedAt",
              Values.STRING,
              HealthEvidence::sequenceUpdatedAt,
              ImmutableHealthEvidence.Builder::sequenceUpdatedAt,
              Absence.NULL)
          .unknownFields(
              HealthEvidence::unknownFields, ImmutableHealthEvidence.Builder::putAllUnknownFields)
          .build();

  /** {@code OPS/health.json} and {@code state.json.health} (contract 1.10; NOT null-filtered). */
  public static final JsonCodec<Health> HEALTH =
      ObjectCodec.<Health, ImmutableHealth.Builder>builder(
              "health", ImmutableHealth::builder, ImmutableHealth.Builder::build)
          .schemaVersion(SchemaVersion.V1)
          .required(
              "updatedAt", Values.STRING, Health::updatedAt, ImmutableHealth.Builder::updatedAt)
          .optional(
              "traceId",
              Values.TRACE_ID,
              Health::traceId,
              ImmutableHealth.Builder::traceId,
              Absence.NULL)
          .required("status", STATUS, Health::status, ImmutableHealth.Builder::status)
          .list(
              "reasonCodes",
              Values.REASON_CODE,
              Health::reasonCodes,
              ImmutableHealth.Builder::addAllReasonCodes,
              h -> true)
          .list(
              "reasons", REASON, Health::reasons, ImmutableHealth.Builder::addAllReasons, h -> true)
          .required("metrics", METRICS, Health::metrics, ImmutableHealth.Builder::metrics)
          .required(
              "thresholds", THRESHOLDS, Health::thresholds, ImmutableHealth.Builder::thresholds)
          .required("transport", TRANSPORT, Health::transport, ImmutableHealth.Builder::transport)
          .required("evidence", EVIDENCE, Health::evidence, ImmutableHealth.Builder::evidence)
          .unknownFields(Health::unknownFields, ImmutableHealth.Builder::putAllUnknownFields)
          .build();

  /** {@code OPS/telemetry/transport-health.json} (contract 1.13; null-filtered). */
  public static final JsonCodec<TransportHealth> TRANSPORT_HEALTH =
      ObjectCodec.<TransportHealth, ImmutableTransportHealth.Builder>builder(
              "transport health",
              ImmutableTransportHealth::builder,
              ImmutableTransportHealth.Builder::build)
          .schemaVersion(SchemaVersion.V1)
          .required(
              "updatedAt",
              Values.STRING,
              TransportHealth::updatedAt,
              ImmutableTransportHealth.Builder::updatedAt)
          .optional(
              "traceId",
              Values.TRACE_ID,
              TransportHealth::traceId,
              ImmutableTransportHealth.Builder::traceId,
              Absence.OMIT)
          .required(
              "transport",
              Values.TRANSPORT,
              TransportHealth::transport,
              ImmutableTransportHealth.Builder::transport)
          .required(
              "lastResult",
              INGEST_STATUS,
              TransportHealth::lastResult,
              ImmutableTransportHealth.Builder::lastResult)
          .requiredLong(
              "failureStreak",
              TransportHealth::failureStreak,
              ImmutableTransportHealth.Builder::failureStreak)
          .optional(
              "lastFailureCode",
              FAILURE_CODE,
              TransportHealth::lastFailureCode,
              ImmutableTransportHealth.Builder::lastFailureCode,
              Absence.OMIT)
          .optional(
              "lastSuccessAt",
              Values.STRING,
              TransportHealth::lastSuccessAt,
              ImmutableTransportHealth.Builder::lastSuccessAt,
              Absence.OMIT)
          .optional(
              "lastFailureAt",
              Values.STRING,
              TransportHealth::lastFailureAt,
              ImmutableTransportHealth.Builder::lastFailureAt,
              Absence.OMIT)
          .unknownFields(
              TransportHealth::unknownFields, ImmutableTransportHealth.Builder::putAllUnknownFields)
          .build();
}
