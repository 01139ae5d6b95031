package io.superloop.visibility.api;

import io.superloop.visibility.api.audit.ConfirmationStatus;
import io.superloop.visibility.api.audit.ControlConfirmation;
import io.superloop.visibility.api.audit.ControlExecution;
import io.superloop.visibility.api.audit.ControlInvocation;
import io.superloop.visibility.api.audit.ControlOutcome;
import io.superloop.visibility.api.audit.ControlRequest;
import io.superloop.visibility.api.audit.ControlRow;
import io.superloop.visibility.api.audit.ExecutionStatus;
import io.superloop.visibility.api.audit.InFlightRow;
import io.superloop.visibility.api.audit.Intent;
import io.superloop.visibility.api.audit.IntentRow;
import io.superloop.visibility.api.audit.InvocationPhase;
import io.superloop.visibility.api.audit.OutcomeStatus;
import io.superloop.visibility.api.envelope.ArtifactRef;
import io.superloop.visibility.api.envelope.CursorState;
import io.superloop.visibility.api.envelope.EnvelopeCursor;
import io.superloop.visibility.api.envelope.EnvelopeSource;
import io.superloop.visibility.api.envelope.EventEnvelope;
import io.superloop.visibility.api.envelope.EventsAnswer;
import io.superloop.visibility.api.envelope.EventsCursor;
import io.superloop.visibility.api.envelope.SnapshotEnvelope;
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
import io.superloop.visibility.api.heartbeat.HeartbeatObservation;
import io.superloop.visibility.api.heartbeat.HeartbeatObservationStatus;
import io.superloop.visibility.api.heartbeat.HeartbeatState;
import io.superloop.visibility.api.heartbeat.HeartbeatThresholds;
import io.superloop.visibility.api.internal.codec.AuditCodecs;
import io.superloop.visibility.api.internal.codec.EnvelopeCodecs;
import io.superloop.visibility.api.internal.codec.HealthCodecs;
import io.superloop.visibility.api.internal.codec.HeartbeatCodecs;
import io.superloop.visibility.api.internal.codec.ReconcileCodecs;
import io.superloop.visibility.api.internal.codec.SequenceCodecs;
import io.superloop.visibility.api.internal.codec.StatusCodecs;
import io.superloop.visibility.api.json.JsonCodec;
import io.superloop.visibility.api.reconcile.AlertDispatchState;
import io.superloop.visibility.api.reconcile.AlertDispatchStatus;
import io.superloop.visibility.api.reconcile.AlertRow;
import io.superloop.visibility.api.reconcile.AlertStatus;
import io.superloop.visibility.api.reconcile.EscalationRow;
import io.superloop.visibility.api.reconcile.HealthEscalation;
import io.superloop.visibility.api.reconcile.OrderingDriftEscalation;
import io.superloop.visibility.api.reconcile.OtherEscalation;
import io.superloop.visibility.api.reconcile.ReconcileRow;
import io.superloop.visibility.api.reconcile.ReconcileSequenceStatus;
import io.superloop.visibility.api.sequence.EventDiagnostics;
import io.superloop.visibility.api.sequence.SequenceObservation;
import io.superloop.visibility.api.sequence.SequenceState;
import io.superloop.visibility.api.sequence.SequenceStatus;
import io.superloop.visibility.api.sequence.SequenceTransition;
import io.superloop.visibility.api.sequence.SnapshotDiagnostics;
import io.superloop.visibility.api.sequence.ViolationCode;
import io.superloop.visibility.api.status.HeartbeatObservationSurface;
import io.superloop.visibility.api.status.HeartbeatSurface;
import io.superloop.visibility.api.status.InvocationAuditSurface;
import io.superloop.visibility.api.status.SequenceSurface;
import io.superloop.visibility.api.status.TraceSurface;
import io.superloop.visibility.api.status.VisibilitySummary;

/**
 * The streaming JSON codecs of every v1 record and vocabulary of this module, one constant per
 * type, named after the type it reads and writes ({@code HeartbeatState} by {@link
 * #HEARTBEAT_STATE}). Each codec writes the reference's key order and its omitted-vs-null rules,
 * keeps unknown fields at every object level where the contract allows them, and declares its
 * {@code schemaVersion} rule as the contract's artifact table gives it. Read and write with {@link
 * JsonCodec#decode(String)} and {@link JsonCodec#encode(Object)}, or a configured {@link
 * io.superloop.visibility.api.json.Json}.
 */
public final class Codecs {
  private Codecs() {}

  // audit

  /** Intents. */
  public static final JsonCodec<Intent> INTENT = AuditCodecs.INTENT;

  /** Confirmation statuses. */
  public static final JsonCodec<ConfirmationStatus> CONFIRMATION_STATUS =
      AuditCodecs.CONFIRMATION_STATUS;

  /** Outcome statuses (open). */
  public static final JsonCodec<OutcomeStatus> OUTCOME_STATUS = AuditCodecs.OUTCOME_STATUS;

  /** Execution statuses (open). */
  public static final JsonCodec<ExecutionStatus> EXECUTION_STATUS = AuditCodecs.EXECUTION_STATUS;

  /** In-flight phases. */
  public static final JsonCodec<InvocationPhase> INVOCATION_PHASE = AuditCodecs.INVOCATION_PHASE;

  /**
   * {@code request}: {@code {doConfirm, timeoutSeconds, intervalSeconds, retryAttempts,
   * retryBackoffSeconds}}; not null-filtered.
   */
  public static final JsonCodec<ControlRequest> CONTROL_REQUEST = AuditCodecs.REQUEST;

  /** {@code execution}: {@code {status, exitCode, command, output?, replayed}}; null-filtered. */
  public static final JsonCodec<ControlExecution> CONTROL_EXECUTION = AuditCodecs.EXECUTION;

  /** {@code confirmation}: {@code {attempted, status, exitCode, outcome?}}; null-filtered. */
  public static final JsonCodec<ControlConfirmation> CONTROL_CONFIRMATION =
      AuditCodecs.CONFIRMATION;

  /** {@code outcome}: {@code {status, confirmed, reasonCode?, durationSeconds}}; null-filtered. */
  public static final JsonCodec<ControlOutcome> CONTROL_OUTCOME = AuditCodecs.OUTCOME;

  /**
   * A row of {@code telemetry/control-invocations.jsonl} (contract 1.7); top level null-filtered.
   */
  public static final JsonCodec<ControlInvocation> CONTROL_INVOCATION = AuditCodecs.INVOCATION;

  /** A row of {@code telemetry/control.jsonl} (contract 1.8); null-filtered. */
  public static final JsonCodec<ControlRow> CONTROL_ROW = AuditCodecs.CONTROL_ROW;

  /**
   * A row of {@code intents.jsonl} (contract 1.9); null-filtered. A row read keeps its key order on
   * write; a built row is written in the contract's order.
   */
  public static final JsonCodec<IntentRow> INTENT_ROW = AuditCodecs.INTENT_ROW;

  /**
   * A row of the additive {@code telemetry/control-invocations.inflight.jsonl} (hardening H5):
   * {@code {timestamp, loopId, intent, traceId, transport, requestedBy, idempotencyKey, phase}};
   * null-filtered.
   */
  public static final JsonCodec<InFlightRow> IN_FLIGHT_ROW = AuditCodecs.IN_FLIGHT_ROW;

  // envelope

  /** {@code source}: {@code {repoPath, loopId}}. */
  public static final JsonCodec<EnvelopeSource> ENVELOPE_SOURCE = EnvelopeCodecs.SOURCE;

  /** Envelope {@code cursor}: {@code {eventLineOffset, eventLineCount}}. */
  public static final JsonCodec<EnvelopeCursor> ENVELOPE_CURSOR = EnvelopeCodecs.CURSOR;

  /**
   * An artifact reference: {@code {path, exists, sizeBytes, lineCount, sha256, mtimeEpoch}}, nulls
   * kept.
   */
  public static final JsonCodec<ArtifactRef> ARTIFACT_REF = EnvelopeCodecs.ARTIFACT_REF;

  /**
   * {@code loop_run_snapshot} envelopes (contract 1.1), tolerant and order-preserving. Absent
   * {@code schemaVersion} or {@code envelopeType}: {@code missing_field}; {@code schemaVersion}
   * other than {@code "v1"}: {@code unsupported_schema_version}; {@code envelopeType} other than
   * {@code loop_run_snapshot}: {@code unknown_envelope_type}; an invalid present trace id: {@code
   * invalid_trace_id}.
   */
  public static final JsonCodec<SnapshotEnvelope> SNAPSHOT_ENVELOPE = EnvelopeCodecs.SNAPSHOT;

  /**
   * {@code loop_run_event} envelopes (contract 1.1), tolerant and order-preserving, with the rules
   * of {@link #SNAPSHOT_ENVELOPE} ({@code envelopeType} must be {@code loop_run_event}).
   */
  public static final JsonCodec<EventEnvelope> EVENT_ENVELOPE = EnvelopeCodecs.EVENT;

  /**
   * {@code OPS/cursor.json} (contract 1.16; additive {@code eventByteOffset} and {@code
   * eventTailCrc32}, H17, omitted when empty).
   */
  public static final JsonCodec<CursorState> CURSOR_STATE = EnvelopeCodecs.CURSOR_STATE;

  /** The events answer's {@code cursor}: {@code {eventLineOffset, eventLineCount, updatedAt}}. */
  public static final JsonCodec<EventsCursor> EVENTS_CURSOR = EnvelopeCodecs.EVENTS_CURSOR;

  /**
   * The 200 body of {@code GET /ops/events}: {@code {ok, schemaVersion, traceId?, source, events,
   * cursor}}, null-filtered; {@code schemaVersion} other than {@code "v1"} is {@code
   * unsupported_schema_version}.
   */
  public static final JsonCodec<EventsAnswer> EVENTS_ANSWER = EnvelopeCodecs.EVENTS_ANSWER;

  /**
   * The 200 body of {@code GET /ops/events} read for sequence validation only: every element of
   * {@code events} that is an object becomes {@code {"sequence":{"value":V}}} (or {@code
   * {"sequence":{}}} / {@code {}} when it has no value / no sequence object), every other element
   * is kept as read; the rest of each element is checked for JSON syntax, nesting depth and
   * duplicate keys and skipped without being built. The answer's other members are decoded exactly
   * as by {@link #EVENTS_ANSWER}. Length limits on strings and fraction literals apply only to what
   * is kept (a skipped value allocates nothing). Encoding writes the kept form.
   */
  public static final JsonCodec<EventsAnswer> EVENTS_ANSWER_SEQUENCES =
      EnvelopeCodecs.EVENTS_ANSWER_SEQUENCES;

  // health

  /** {@code healthy} / {@code degraded} / {@code critical}. */
  public static final JsonCodec<HealthStatus> HEALTH_STATUS = HealthCodecs.STATUS;

  /** {@code degraded} / {@code critical}. */
  public static final JsonCodec<Severity> SEVERITY = HealthCodecs.SEVERITY;

  /** {@code success} / {@code failed}. */
  public static final JsonCodec<IngestStatus> INGEST_STATUS = HealthCodecs.INGEST_STATUS;

  /** Failure codes (open: unknown codes are kept). */
  public static final JsonCodec<FailureCode> FAILURE_CODE = HealthCodecs.FAILURE_CODE;

  /**
   * One reason: {@code {code, severity, metric, observed, threshold}}, empty strings-fields
   * omitted.
   */
  public static final JsonCodec<HealthReason> HEALTH_REASON = HealthCodecs.REASON;

  /** {@code metrics}, nulls kept. */
  public static final JsonCodec<HealthMetrics> HEALTH_METRICS = HealthCodecs.METRICS;

  /** {@code thresholds}, a {@code null} profile kept. */
  public static final JsonCodec<HealthThresholds> HEALTH_THRESHOLDS = HealthCodecs.THRESHOLDS;

  /** {@code transport}: {@code {mode, ingestStatus, failureCode, lastFailureCode}}, nulls kept. */
  public static final JsonCodec<HealthTransport> HEALTH_TRANSPORT = HealthCodecs.TRANSPORT;

  /** {@code evidence}: {@code {lastEventAt, lastHeartbeatAt, sequenceUpdatedAt}}, nulls kept. */
  public static final JsonCodec<HealthEvidence> HEALTH_EVIDENCE = HealthCodecs.EVIDENCE;

  /** {@code OPS/health.json} and {@code state.json.health} (contract 1.10; NOT null-filtered). */
  public static final JsonCodec<Health> HEALTH = HealthCodecs.HEALTH;

  /** {@code OPS/telemetry/transport-health.json} (contract 1.13; null-filtered). */
  public static final JsonCodec<TransportHealth> TRANSPORT_HEALTH = HealthCodecs.TRANSPORT_HEALTH;

  // heartbeat

  /**
   * {@code thresholds} of heartbeat state: {@code {degradedHeartbeatLagSeconds,
   * criticalHeartbeatLagSeconds}}.
   */
  public static final JsonCodec<HeartbeatThresholds> HEARTBEAT_THRESHOLDS =
      HeartbeatCodecs.THRESHOLDS;

  /** {@code OPS/heartbeat.json} (contract 1.3; additive {@code clockSkewSeconds}, H9). */
  public static final JsonCodec<HeartbeatState> HEARTBEAT_STATE = HeartbeatCodecs.STATE;

  /** {@code fresh} / {@code degraded} / {@code critical} / {@code failed}. */
  public static final JsonCodec<HeartbeatObservationStatus> HEARTBEAT_OBSERVATION_STATUS =
      HeartbeatCodecs.OBSERVATION_STATUS;

  /**
   * One {@code telemetry/heartbeat.jsonl} row (contract 1.4; additive {@code clockSkewSeconds},
   * H9): null-filtered when parsed, nulls kept when {@code failed}; {@code heartbeatAt} and {@code
   * heartbeatLagSeconds} are keys only when present.
   */
  public static final JsonCodec<HeartbeatObservation> HEARTBEAT_OBSERVATION =
      HeartbeatCodecs.OBSERVATION;

  // reconcile

  /** Reconcile sequence statuses. */
  public static final JsonCodec<ReconcileSequenceStatus> RECONCILE_SEQUENCE_STATUS =
      ReconcileCodecs.SEQUENCE_STATUS;

  /** Alert row statuses (open). */
  public static final JsonCodec<AlertStatus> ALERT_STATUS = ReconcileCodecs.ALERT_STATUS;

  /** Alert dispatch statuses (open). */
  public static final JsonCodec<AlertDispatchStatus> ALERT_DISPATCH_STATUS =
      ReconcileCodecs.ALERT_DISPATCH_STATUS;

  /**
   * A row of {@code telemetry/reconcile.jsonl} (contract 1.12, additive {@code warnings});
   * null-filtered.
   */
  public static final JsonCodec<ReconcileRow> RECONCILE_ROW = ReconcileCodecs.RECONCILE_ROW;

  /**
   * An {@code ordering_drift_detected} / {@code ordering_drift_recovered} escalation row;
   * null-filtered.
   */
  public static final JsonCodec<OrderingDriftEscalation> ORDERING_DRIFT_ESCALATION =
      ReconcileCodecs.ORDERING_DRIFT_ESCALATION;

  /** A {@code health_degraded} / {@code health_critical} escalation row; null-filtered. */
  public static final JsonCodec<HealthEscalation> HEALTH_ESCALATION =
      ReconcileCodecs.HEALTH_ESCALATION;

  /**
   * An escalation row of another category: the common fields, then the rest raw in order; {@code
   * divergence_detected} not null-filtered, other categories null-filtered.
   */
  public static final JsonCodec<OtherEscalation> OTHER_ESCALATION =
      ReconcileCodecs.OTHER_ESCALATION;

  /**
   * A row of {@code escalations.jsonl} (contract 1.14), read into the variant its {@code category}
   * names and written by its variant's codec.
   */
  public static final JsonCodec<EscalationRow> ESCALATION_ROW = ReconcileCodecs.ESCALATION;

  /** {@code OPS/alert-dispatch-state.json} (contract 1.15); not null-filtered. */
  public static final JsonCodec<AlertDispatchState> ALERT_DISPATCH_STATE =
      ReconcileCodecs.ALERT_DISPATCH_STATE;

  /**
   * A row of {@code telemetry/alerts.jsonl} (contract 1.15); optional fields omitted when absent,
   * key order of a row read kept.
   */
  public static final JsonCodec<AlertRow> ALERT_ROW = ReconcileCodecs.ALERT_ROW;

  // sequence

  /** Violation codes by their wire strings; an unknown code is {@code invalid_field_value}. */
  public static final JsonCodec<ViolationCode> VIOLATION_CODE = SequenceCodecs.VIOLATION_CODE;

  /** {@code ok} / {@code ordering_drift_detected}. */
  public static final JsonCodec<SequenceStatus> SEQUENCE_STATUS = SequenceCodecs.STATUS;

  /**
   * {@code snapshot}: {@code {previous, current, monotonic, regressed, missing}} with explicit
   * nulls, then the additive {@code highWater} when present.
   */
  public static final JsonCodec<SnapshotDiagnostics> SNAPSHOT_DIAGNOSTICS = SequenceCodecs.SNAPSHOT;

  /**
   * {@code events}: {@code {ingestedCount, previousLast, first, last, monotonicWithinBatch,
   * monotonicAcrossBatches, regressed, missing}} with explicit nulls, then the additive {@code
   * gaps, duplicates, max, highWater} when present.
   */
  public static final JsonCodec<EventDiagnostics> EVENT_DIAGNOSTICS = SequenceCodecs.EVENTS;

  /**
   * {@code transition}: {@code {previousDriftActive, transitionedToDrift, recoveredFromDrift}},
   * then the additive {@code epochReset} when present.
   */
  public static final JsonCodec<SequenceTransition> SEQUENCE_TRANSITION = SequenceCodecs.TRANSITION;

  /**
   * {@code OPS/sequence-state.json} and {@code state.json.sequence} (contract 1.5; top level
   * null-filtered).
   */
  public static final JsonCodec<SequenceState> SEQUENCE_STATE = SequenceCodecs.STATE;

  /**
   * One {@code telemetry/sequence.jsonl} row (contract 1.6; top level null-filtered, no
   * schemaVersion).
   */
  public static final JsonCodec<SequenceObservation> SEQUENCE_OBSERVATION =
      SequenceCodecs.OBSERVATION;

  // status

  /** {@code visibility.heartbeat.lastObservation}: {@code {status, reasonCode, at}} (H16). */
  public static final JsonCodec<HeartbeatObservationSurface> HEARTBEAT_OBSERVATION_SURFACE =
      StatusCodecs.HEARTBEAT_OBSERVATION;

  /** {@code visibility.heartbeat} (contract 6.2). */
  public static final JsonCodec<HeartbeatSurface> HEARTBEAT_SURFACE = StatusCodecs.HEARTBEAT;

  /** {@code visibility.sequence} (contract 6.2); {@code violations: []} is kept. */
  public static final JsonCodec<SequenceSurface> SEQUENCE_SURFACE = StatusCodecs.SEQUENCE;

  /** {@code visibility.invocationAudit} (contract 6.2; additive {@code inFlight}, H5). */
  public static final JsonCodec<InvocationAuditSurface> INVOCATION_AUDIT_SURFACE =
      StatusCodecs.INVOCATION_AUDIT;

  /** {@code visibility.trace} (contract 6.4; additive {@code distinctTraceIds}, H16). */
  public static final JsonCodec<TraceSurface> TRACE_SURFACE = StatusCodecs.TRACE;

  /**
   * The {@code visibility} object (contract 6.2): {@code heartbeat?, sequence?, invocationAudit?,
   * trace, unreadable?}; a {@code trace} absent or {@code null} on read is {@code missing_field}.
   */
  public static final JsonCodec<VisibilitySummary> VISIBILITY_SUMMARY = StatusCodecs.VISIBILITY;
}
