package io.superloop.visibility.testkit.codecs;

import io.superloop.visibility.api.audit.AuditCodecs;
import io.superloop.visibility.api.envelope.EnvelopeCodecs;
import io.superloop.visibility.api.health.HealthCodecs;
import io.superloop.visibility.api.heartbeat.HeartbeatCodecs;
import io.superloop.visibility.api.internal.Values;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonCodec;
import io.superloop.visibility.api.reconcile.ReconcileCodecs;
import io.superloop.visibility.api.sequence.SequenceCodecs;
import io.superloop.visibility.api.status.StatusCodecs;
import io.superloop.visibility.testkit.gen.Gen;
import io.superloop.visibility.testkit.gen.internal.AuditGens;
import io.superloop.visibility.testkit.gen.internal.EnvelopeGens;
import io.superloop.visibility.testkit.gen.internal.HealthGens;
import io.superloop.visibility.testkit.gen.internal.HeartbeatGens;
import io.superloop.visibility.testkit.gen.internal.ReconcileGens;
import io.superloop.visibility.testkit.gen.internal.SequenceGens;
import io.superloop.visibility.testkit.gen.internal.StatusGens;
import io.superloop.visibility.testkit.gen.internal.ValueGens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every public codec of the api with the generator of its values: every {@code public static final
 * JsonCodec} of every {@code XxxCodecs} class, plus the raw JSON value, trace id and reason code
 * codecs. {@link #codecFields()} finds the codec constants by reflection so that a codec added
 * without a generator fails the tests. Public for the artifact contract doc test ({@code
 * testkit.docs}).
 */
public final class AllCodecs {
  private AllCodecs() {}

  /** A codec, its name ({@code Class.FIELD}) and the generator of its values. */
  public record Entry<T>(String name, JsonCodec<T> codec, Gen<T> gen) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static <T> Entry<T> e(String name, JsonCodec<T> codec, Gen<T> gen) {
    return new Entry<>(name, codec, gen);
  }

  /** The {@code XxxCodecs} classes of the api. */
  public static final List<Class<?>> CODEC_CLASSES =
      List.of(
          HeartbeatCodecs.class,
          EnvelopeCodecs.class,
          HealthCodecs.class,
          AuditCodecs.class,
          ReconcileCodecs.class,
          SequenceCodecs.class,
          StatusCodecs.class);

  /** Every codec with its generator. */
  public static final List<Entry<?>> ALL =
      List.of(
          // heartbeat
          e("HeartbeatCodecs.THRESHOLDS", HeartbeatCodecs.THRESHOLDS, HeartbeatGens.thresholds()),
          e("HeartbeatCodecs.STATE", HeartbeatCodecs.STATE, HeartbeatGens.states()),
          e(
              "HeartbeatCodecs.OBSERVATION_STATUS",
              HeartbeatCodecs.OBSERVATION_STATUS,
              HeartbeatGens.observationStatuses()),
          e(
              "HeartbeatCodecs.OBSERVATION",
              HeartbeatCodecs.OBSERVATION,
              HeartbeatGens.observations()),
          // envelope
          e("EnvelopeCodecs.SOURCE", EnvelopeCodecs.SOURCE, EnvelopeGens.sources()),
          e("EnvelopeCodecs.CURSOR", EnvelopeCodecs.CURSOR, EnvelopeGens.cursors()),
          e(
              "EnvelopeCodecs.ARTIFACT_REF",
              EnvelopeCodecs.ARTIFACT_REF,
              EnvelopeGens.artifactRefs()),
          e("EnvelopeCodecs.SNAPSHOT", EnvelopeCodecs.SNAPSHOT, EnvelopeGens.snapshots()),
          e("EnvelopeCodecs.EVENT", EnvelopeCodecs.EVENT, EnvelopeGens.events()),
          e(
              "EnvelopeCodecs.CURSOR_STATE",
              EnvelopeCodecs.CURSOR_STATE,
              EnvelopeGens.cursorStates()),
          e(
              "EnvelopeCodecs.EVENTS_CURSOR",
              EnvelopeCodecs.EVENTS_CURSOR,
              EnvelopeGens.eventsCursors()),
          e(
              "EnvelopeCodecs.EVENTS_ANSWER",
              EnvelopeCodecs.EVENTS_ANSWER,
              EnvelopeGens.eventsAnswers()),
          e(
              "EnvelopeCodecs.EVENTS_ANSWER_SEQUENCES",
              EnvelopeCodecs.EVENTS_ANSWER_SEQUENCES,
              // answers in the kept form: what the projection reads from any answer
              EnvelopeGens.eventsAnswers()
                  .map(
                      a ->
                          EnvelopeCodecs.EVENTS_ANSWER_SEQUENCES.decode(
                              EnvelopeCodecs.EVENTS_ANSWER.encode(a)))),
          e(
              "EnvelopeCodecs.SERVICE_ERROR",
              EnvelopeCodecs.SERVICE_ERROR,
              EnvelopeGens.serviceErrors()),
          e(
              "EnvelopeCodecs.ERROR_ANSWER",
              EnvelopeCodecs.ERROR_ANSWER,
              EnvelopeGens.errorAnswers()),
          e(
              "EnvelopeCodecs.CONTROL_ANSWER",
              EnvelopeCodecs.CONTROL_ANSWER,
              EnvelopeGens.controlAnswers()),
          // health
          e("HealthCodecs.STATUS", HealthCodecs.STATUS, HealthGens.statuses()),
          e("HealthCodecs.SEVERITY", HealthCodecs.SEVERITY, HealthGens.severities()),
          e("HealthCodecs.INGEST_STATUS", HealthCodecs.INGEST_STATUS, HealthGens.ingestStatuses()),
          e("HealthCodecs.FAILURE_CODE", HealthCodecs.FAILURE_CODE, HealthGens.failureCodes()),
          e("HealthCodecs.REASON", HealthCodecs.REASON, HealthGens.reasons()),
          e("HealthCodecs.METRICS", HealthCodecs.METRICS, HealthGens.metrics()),
          e("HealthCodecs.THRESHOLDS", HealthCodecs.THRESHOLDS, HealthGens.thresholds()),
          e("HealthCodecs.TRANSPORT", HealthCodecs.TRANSPORT, HealthGens.transports()),
          e("HealthCodecs.EVIDENCE", HealthCodecs.EVIDENCE, HealthGens.evidence()),
          e("HealthCodecs.HEALTH", HealthCodecs.HEALTH, HealthGens.healths()),
          e(
              "HealthCodecs.TRANSPORT_HEALTH",
              HealthCodecs.TRANSPORT_HEALTH,
              HealthGens.transportHealths()),
          // audit
          e("AuditCodecs.INTENT", AuditCodecs.INTENT, AuditGens.intents()),
          e(
              "AuditCodecs.CONFIRMATION_STATUS",
              AuditCodecs.CONFIRMATION_STATUS,
              AuditGens.confirmationStatuses()),
          e("AuditCodecs.OUTCOME_STATUS", AuditCodecs.OUTCOME_STATUS, AuditGens.outcomeStatuses()),
          e(
              "AuditCodecs.EXECUTION_STATUS",
              AuditCodecs.EXECUTION_STATUS,
              AuditGens.executionStatuses()),
          e(
              "AuditCodecs.INVOCATION_PHASE",
              AuditCodecs.INVOCATION_PHASE,
              AuditGens.invocationPhases()),
          e("AuditCodecs.REQUEST", AuditCodecs.REQUEST, AuditGens.requests()),
          e("AuditCodecs.EXECUTION", AuditCodecs.EXECUTION, AuditGens.executions()),
          e("AuditCodecs.CONFIRMATION", AuditCodecs.CONFIRMATION, AuditGens.confirmations()),
          e("AuditCodecs.OUTCOME", AuditCodecs.OUTCOME, AuditGens.outcomes()),
          e("AuditCodecs.INVOCATION", AuditCodecs.INVOCATION, AuditGens.invocations()),
          e("AuditCodecs.CONTROL_ROW", AuditCodecs.CONTROL_ROW, AuditGens.controlRows()),
          e("AuditCodecs.INTENT_ROW", AuditCodecs.INTENT_ROW, AuditGens.intentRows()),
          e("AuditCodecs.IN_FLIGHT_ROW", AuditCodecs.IN_FLIGHT_ROW, AuditGens.inFlightRows()),
          // reconcile
          e(
              "ReconcileCodecs.SEQUENCE_STATUS",
              ReconcileCodecs.SEQUENCE_STATUS,
              ReconcileGens.sequenceStatuses()),
          e(
              "ReconcileCodecs.ALERT_STATUS",
              ReconcileCodecs.ALERT_STATUS,
              ReconcileGens.alertStatuses()),
          e(
              "ReconcileCodecs.ALERT_DISPATCH_STATUS",
              ReconcileCodecs.ALERT_DISPATCH_STATUS,
              ReconcileGens.alertDispatchStatuses()),
          e(
              "ReconcileCodecs.RECONCILE_ROW",
              ReconcileCodecs.RECONCILE_ROW,
              ReconcileGens.reconcileRows()),
          e(
              "ReconcileCodecs.ORDERING_DRIFT_ESCALATION",
              ReconcileCodecs.ORDERING_DRIFT_ESCALATION,
              ReconcileGens.orderingDriftEscalations()),
          e(
              "ReconcileCodecs.HEALTH_ESCALATION",
              ReconcileCodecs.HEALTH_ESCALATION,
              ReconcileGens.healthEscalations()),
          e(
              "ReconcileCodecs.OTHER_ESCALATION",
              ReconcileCodecs.OTHER_ESCALATION,
              ReconcileGens.otherEscalations()),
          e(
              "ReconcileCodecs.ESCALATION",
              ReconcileCodecs.ESCALATION,
              ReconcileGens.escalationRows()),
          e(
              "ReconcileCodecs.ALERT_DISPATCH_STATE",
              ReconcileCodecs.ALERT_DISPATCH_STATE,
              ReconcileGens.alertDispatchStates()),
          e("ReconcileCodecs.ALERT_ROW", ReconcileCodecs.ALERT_ROW, ReconcileGens.alertRows()),
          // sequence
          e(
              "SequenceCodecs.VIOLATION_CODE",
              SequenceCodecs.VIOLATION_CODE,
              SequenceGens.violationCodes()),
          e("SequenceCodecs.STATUS", SequenceCodecs.STATUS, SequenceGens.statuses()),
          e("SequenceCodecs.SNAPSHOT", SequenceCodecs.SNAPSHOT, SequenceGens.snapshotDiagnostics()),
          e("SequenceCodecs.EVENTS", SequenceCodecs.EVENTS, SequenceGens.eventDiagnostics()),
          e("SequenceCodecs.TRANSITION", SequenceCodecs.TRANSITION, SequenceGens.transitions()),
          e("SequenceCodecs.STATE", SequenceCodecs.STATE, SequenceGens.states()),
          e("SequenceCodecs.OBSERVATION", SequenceCodecs.OBSERVATION, SequenceGens.observations()),
          // status
          e(
              "StatusCodecs.HEARTBEAT_OBSERVATION",
              StatusCodecs.HEARTBEAT_OBSERVATION,
              StatusGens.heartbeatObservationSurfaces()),
          e("StatusCodecs.HEARTBEAT", StatusCodecs.HEARTBEAT, StatusGens.heartbeatSurfaces()),
          e("StatusCodecs.SEQUENCE", StatusCodecs.SEQUENCE, StatusGens.sequenceSurfaces()),
          e(
              "StatusCodecs.INVOCATION_AUDIT",
              StatusCodecs.INVOCATION_AUDIT,
              StatusGens.invocationAuditSurfaces()),
          e("StatusCodecs.TRACE", StatusCodecs.TRACE, StatusGens.traceSurfaces()),
          e("StatusCodecs.VISIBILITY", StatusCodecs.VISIBILITY, StatusGens.visibilitySummaries()),
          // scalar building blocks
          e("Json.RAW", Json.RAW, ValueGens.jsonValues()),
          e("Values.TRACE_ID", Values.TRACE_ID, ValueGens.traceIds()),
          e("Values.REASON_CODE", Values.REASON_CODE, ValueGens.reasonCodes()),
          e("Values.TRANSPORT", Values.TRANSPORT, ValueGens.transports()));

  /** The codec constants found by reflection, by {@code Class.FIELD} name. */
  public static Map<String, JsonCodec<?>> codecFields() {
    Map<String, JsonCodec<?>> out = new TreeMap<>();
    for (Class<?> c : CODEC_CLASSES) {
      for (Field f : c.getFields()) {
        int m = f.getModifiers();
        if (Modifier.isStatic(m)
            && Modifier.isFinal(m)
            && JsonCodec.class.isAssignableFrom(f.getType())) {
          try {
            out.put(c.getSimpleName() + "." + f.getName(), (JsonCodec<?>) f.get(null));
          } catch (IllegalAccessException ex) {
            throw new IllegalStateException(ex);
          }
        }
      }
    }
    return out;
  }

  /**
   * The simple names of the {@code *Codecs} classes in the api's class directory (empty when the
   * api is packaged as a jar).
   */
  public static List<String> codecClassesOnDisk() {
    List<String> out = new ArrayList<>();
    try {
      Path root =
          Paths.get(
              HeartbeatCodecs.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (!Files.isDirectory(root)) {
        return out;
      }
      try (Stream<Path> s = Files.walk(root)) {
        s.map(p -> p.getFileName().toString())
            .filter(n -> n.endsWith("Codecs.class"))
            .map(n -> n.substring(0, n.length() - ".class".length()))
            .sorted()
            .forEach(out::add);
      }
    } catch (URISyntaxException ex) {
      throw new IllegalStateException(ex);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return out;
  }
}
