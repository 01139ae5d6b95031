package io.superloop.visibility.testkit.gen;

import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.audit.ControlInvocation;
import io.superloop.visibility.api.audit.ControlRow;
import io.superloop.visibility.api.audit.IntentRow;
import io.superloop.visibility.api.envelope.EventEnvelope;
import io.superloop.visibility.api.envelope.EventsAnswer;
import io.superloop.visibility.api.envelope.SnapshotEnvelope;
import io.superloop.visibility.api.health.Health;
import io.superloop.visibility.api.heartbeat.HeartbeatObservation;
import io.superloop.visibility.api.heartbeat.HeartbeatState;
import io.superloop.visibility.api.reconcile.AlertRow;
import io.superloop.visibility.api.reconcile.EscalationRow;
import io.superloop.visibility.api.reconcile.ReconcileRow;
import io.superloop.visibility.api.sequence.SequenceObservation;
import io.superloop.visibility.api.sequence.SequenceState;
import io.superloop.visibility.api.status.VisibilitySummary;
import io.superloop.visibility.testkit.gen.internal.AuditGens;
import io.superloop.visibility.testkit.gen.internal.EnvelopeGens;
import io.superloop.visibility.testkit.gen.internal.HealthGens;
import io.superloop.visibility.testkit.gen.internal.HeartbeatGens;
import io.superloop.visibility.testkit.gen.internal.ReconcileGens;
import io.superloop.visibility.testkit.gen.internal.SequenceGens;
import io.superloop.visibility.testkit.gen.internal.StatusGens;
import io.superloop.visibility.testkit.gen.internal.ValueGens;

/**
 * Generators of the library's v1 records and envelopes, one per type, valid by construction (every
 * check of the record holds) and covering the wire's corners: optional fields present and absent,
 * empty and non-empty lists, unknown fields, open enum values the library does not know, edge
 * numbers, and strings with unicode, control characters and quotes. Each generator shrinks toward
 * small, plain values.
 *
 * <pre>{@code
 * Property.forAll(VisibilityGens.heartbeatStates())
 *     .check(s -> assertEquals(s, codec.decode(codec.encode(s))));
 * }</pre>
 */
public final class VisibilityGens {
  private VisibilityGens() {}

  /**
   * Heartbeat states ({@code heartbeat_state.json}).
   *
   * @return the generator
   */
  public static Gen<HeartbeatState> heartbeatStates() {
    return HeartbeatGens.states();
  }

  /**
   * Heartbeat observations (the {@code heartbeat} telemetry rows).
   *
   * @return the generator
   */
  public static Gen<HeartbeatObservation> heartbeatObservations() {
    return HeartbeatGens.observations();
  }

  /**
   * Sequence states ({@code sequence_state.json}).
   *
   * @return the generator
   */
  public static Gen<SequenceState> sequenceStates() {
    return SequenceGens.states();
  }

  /**
   * Sequence observations (the {@code sequence} telemetry rows).
   *
   * @return the generator
   */
  public static Gen<SequenceObservation> sequenceObservations() {
    return SequenceGens.observations();
  }

  /**
   * Loop health records ({@code health.json}).
   *
   * @return the generator
   */
  public static Gen<Health> healths() {
    return HealthGens.healths();
  }

  /**
   * Control invocation audit rows.
   *
   * @return the generator
   */
  public static Gen<ControlInvocation> controlInvocations() {
    return AuditGens.invocations();
  }

  /**
   * Control telemetry rows.
   *
   * @return the generator
   */
  public static Gen<ControlRow> controlRows() {
    return AuditGens.controlRows();
  }

  /**
   * Control intent rows.
   *
   * @return the generator
   */
  public static Gen<IntentRow> intentRows() {
    return AuditGens.intentRows();
  }

  /**
   * Reconcile telemetry rows.
   *
   * @return the generator
   */
  public static Gen<ReconcileRow> reconcileRows() {
    return ReconcileGens.reconcileRows();
  }

  /**
   * Escalation rows (every kind).
   *
   * @return the generator
   */
  public static Gen<EscalationRow> escalationRows() {
    return ReconcileGens.escalationRows();
  }

  /**
   * Alert rows.
   *
   * @return the generator
   */
  public static Gen<AlertRow> alertRows() {
    return ReconcileGens.alertRows();
  }

  /**
   * {@code /ops/snapshot} envelopes.
   *
   * @return the generator
   */
  public static Gen<SnapshotEnvelope> snapshotEnvelopes() {
    return EnvelopeGens.snapshots();
  }

  /**
   * Event envelopes (the elements of an {@code /ops/events} answer).
   *
   * @return the generator
   */
  public static Gen<EventEnvelope> eventEnvelopes() {
    return EnvelopeGens.events();
  }

  /**
   * {@code /ops/events} answers.
   *
   * @return the generator
   */
  public static Gen<EventsAnswer> eventsAnswers() {
    return EnvelopeGens.eventsAnswers();
  }

  /**
   * The {@code visibility} status objects.
   *
   * @return the generator
   */
  public static Gen<VisibilitySummary> visibilitySummaries() {
    return StatusGens.visibilitySummaries();
  }

  /**
   * Valid trace ids (hardening H7): printable ASCII without space, 1 to 256 characters, in the
   * forms seen in practice (W3C 32-hex, UUID, 16-hex, legacy {@code trace-...}) and arbitrary ones.
   *
   * @return the generator
   */
  public static Gen<TraceId> traceIds() {
    return ValueGens.traceIds();
  }
}
