package io.superloop.visibility.testkit.codecs;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.internal.Values;
import io.superloop.visibility.api.internal.answer.AnswerCodecs;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonCodec;
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
 * JsonCodec} of {@link Codecs}, plus the internal codecs of the sprite service's control and error
 * answers ({@link #ANSWER_CODECS}) and the raw JSON value, trace id and reason code codecs. {@link
 * #codecFields()} finds the codec constants by reflection so that a codec added without a generator
 * fails the tests. Public for the artifact contract doc test ({@code testkit.docs}).
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

  /** The public codec classes of the api: {@link Codecs}. */
  public static final List<Class<?>> CODEC_CLASSES = List.of(Codecs.class);

  /**
   * The codecs of the sprite service's control and error answers, by {@code Class.FIELD} name:
   * internal (the plane never decodes those answers), but their wire form is documented in {@code
   * docs/artifact-contract.md} and checked like the public codecs.
   */
  public static final Map<String, JsonCodec<?>> ANSWER_CODECS =
      Map.of(
          "AnswerCodecs.SERVICE_ERROR", AnswerCodecs.SERVICE_ERROR,
          "AnswerCodecs.ERROR_ANSWER", AnswerCodecs.ERROR_ANSWER,
          "AnswerCodecs.CONTROL_ANSWER", AnswerCodecs.CONTROL_ANSWER);

  /** Every codec with its generator. */
  public static final List<Entry<?>> ALL =
      List.of(
          // heartbeat
          e("Codecs.HEARTBEAT_THRESHOLDS", Codecs.HEARTBEAT_THRESHOLDS, HeartbeatGens.thresholds()),
          e("Codecs.HEARTBEAT_STATE", Codecs.HEARTBEAT_STATE, HeartbeatGens.states()),
          e(
              "Codecs.HEARTBEAT_OBSERVATION_STATUS",
              Codecs.HEARTBEAT_OBSERVATION_STATUS,
              HeartbeatGens.observationStatuses()),
          e(
              "Codecs.HEARTBEAT_OBSERVATION",
              Codecs.HEARTBEAT_OBSERVATION,
              HeartbeatGens.observations()),
          // envelope
          e("Codecs.ENVELOPE_SOURCE", Codecs.ENVELOPE_SOURCE, EnvelopeGens.sources()),
          e("Codecs.ENVELOPE_CURSOR", Codecs.ENVELOPE_CURSOR, EnvelopeGens.cursors()),
          e("Codecs.ARTIFACT_REF", Codecs.ARTIFACT_REF, EnvelopeGens.artifactRefs()),
          e("Codecs.SNAPSHOT_ENVELOPE", Codecs.SNAPSHOT_ENVELOPE, EnvelopeGens.snapshots()),
          e("Codecs.EVENT_ENVELOPE", Codecs.EVENT_ENVELOPE, EnvelopeGens.events()),
          e("Codecs.CURSOR_STATE", Codecs.CURSOR_STATE, EnvelopeGens.cursorStates()),
          e("Codecs.EVENTS_CURSOR", Codecs.EVENTS_CURSOR, EnvelopeGens.eventsCursors()),
          e("Codecs.EVENTS_ANSWER", Codecs.EVENTS_ANSWER, EnvelopeGens.eventsAnswers()),
          e(
              "Codecs.EVENTS_ANSWER_SEQUENCES",
              Codecs.EVENTS_ANSWER_SEQUENCES,
              // answers in the kept form: what the projection reads from any answer
              EnvelopeGens.eventsAnswers()
                  .map(a -> Codecs.EVENTS_ANSWER_SEQUENCES.decode(Codecs.EVENTS_ANSWER.encode(a)))),
          // the sprite service's control and error answers (internal codecs: ANSWER_CODECS)
          e("AnswerCodecs.SERVICE_ERROR", AnswerCodecs.SERVICE_ERROR, EnvelopeGens.serviceErrors()),
          e("AnswerCodecs.ERROR_ANSWER", AnswerCodecs.ERROR_ANSWER, EnvelopeGens.errorAnswers()),
          e(
              "AnswerCodecs.CONTROL_ANSWER",
              AnswerCodecs.CONTROL_ANSWER,
              EnvelopeGens.controlAnswers()),
          // health
          e("Codecs.HEALTH_STATUS", Codecs.HEALTH_STATUS, HealthGens.statuses()),
          e("Codecs.SEVERITY", Codecs.SEVERITY, HealthGens.severities()),
          e("Codecs.INGEST_STATUS", Codecs.INGEST_STATUS, HealthGens.ingestStatuses()),
          e("Codecs.FAILURE_CODE", Codecs.FAILURE_CODE, HealthGens.failureCodes()),
          e("Codecs.HEALTH_REASON", Codecs.HEALTH_REASON, HealthGens.reasons()),
          e("Codecs.HEALTH_METRICS", Codecs.HEALTH_METRICS, HealthGens.metrics()),
          e("Codecs.HEALTH_THRESHOLDS", Codecs.HEALTH_THRESHOLDS, HealthGens.thresholds()),
          e("Codecs.HEALTH_TRANSPORT", Codecs.HEALTH_TRANSPORT, HealthGens.transports()),
          e("Codecs.HEALTH_EVIDENCE", Codecs.HEALTH_EVIDENCE, HealthGens.evidence()),
          e("Codecs.HEALTH", Codecs.HEALTH, HealthGens.healths()),
          e("Codecs.TRANSPORT_HEALTH", Codecs.TRANSPORT_HEALTH, HealthGens.transportHealths()),
          // audit
          e("Codecs.INTENT", Codecs.INTENT, AuditGens.intents()),
          e(
              "Codecs.CONFIRMATION_STATUS",
              Codecs.CONFIRMATION_STATUS,
              AuditGens.confirmationStatuses()),
          e("Codecs.OUTCOME_STATUS", Codecs.OUTCOME_STATUS, AuditGens.outcomeStatuses()),
          e("Codecs.EXECUTION_STATUS", Codecs.EXECUTION_STATUS, AuditGens.executionStatuses()),
          e("Codecs.INVOCATION_PHASE", Codecs.INVOCATION_PHASE, AuditGens.invocationPhases()),
          e("Codecs.CONTROL_REQUEST", Codecs.CONTROL_REQUEST, AuditGens.requests()),
          e("Codecs.CONTROL_EXECUTION", Codecs.CONTROL_EXECUTION, AuditGens.executions()),
          e("Codecs.CONTROL_CONFIRMATION", Codecs.CONTROL_CONFIRMATION, AuditGens.confirmations()),
          e("Codecs.CONTROL_OUTCOME", Codecs.CONTROL_OUTCOME, AuditGens.outcomes()),
          e("Codecs.CONTROL_INVOCATION", Codecs.CONTROL_INVOCATION, AuditGens.invocations()),
          e("Codecs.CONTROL_ROW", Codecs.CONTROL_ROW, AuditGens.controlRows()),
          e("Codecs.INTENT_ROW", Codecs.INTENT_ROW, AuditGens.intentRows()),
          e("Codecs.IN_FLIGHT_ROW", Codecs.IN_FLIGHT_ROW, AuditGens.inFlightRows()),
          // reconcile
          e(
              "Codecs.RECONCILE_SEQUENCE_STATUS",
              Codecs.RECONCILE_SEQUENCE_STATUS,
              ReconcileGens.sequenceStatuses()),
          e("Codecs.ALERT_STATUS", Codecs.ALERT_STATUS, ReconcileGens.alertStatuses()),
          e(
              "Codecs.ALERT_DISPATCH_STATUS",
              Codecs.ALERT_DISPATCH_STATUS,
              ReconcileGens.alertDispatchStatuses()),
          e("Codecs.RECONCILE_ROW", Codecs.RECONCILE_ROW, ReconcileGens.reconcileRows()),
          e(
              "Codecs.ORDERING_DRIFT_ESCALATION",
              Codecs.ORDERING_DRIFT_ESCALATION,
              ReconcileGens.orderingDriftEscalations()),
          e(
              "Codecs.HEALTH_ESCALATION",
              Codecs.HEALTH_ESCALATION,
              ReconcileGens.healthEscalations()),
          e("Codecs.OTHER_ESCALATION", Codecs.OTHER_ESCALATION, ReconcileGens.otherEscalations()),
          e("Codecs.ESCALATION_ROW", Codecs.ESCALATION_ROW, ReconcileGens.escalationRows()),
          e(
              "Codecs.ALERT_DISPATCH_STATE",
              Codecs.ALERT_DISPATCH_STATE,
              ReconcileGens.alertDispatchStates()),
          e("Codecs.ALERT_ROW", Codecs.ALERT_ROW, ReconcileGens.alertRows()),
          // sequence
          e("Codecs.VIOLATION_CODE", Codecs.VIOLATION_CODE, SequenceGens.violationCodes()),
          e("Codecs.SEQUENCE_STATUS", Codecs.SEQUENCE_STATUS, SequenceGens.statuses()),
          e(
              "Codecs.SNAPSHOT_DIAGNOSTICS",
              Codecs.SNAPSHOT_DIAGNOSTICS,
              SequenceGens.snapshotDiagnostics()),
          e("Codecs.EVENT_DIAGNOSTICS", Codecs.EVENT_DIAGNOSTICS, SequenceGens.eventDiagnostics()),
          e("Codecs.SEQUENCE_TRANSITION", Codecs.SEQUENCE_TRANSITION, SequenceGens.transitions()),
          e("Codecs.SEQUENCE_STATE", Codecs.SEQUENCE_STATE, SequenceGens.states()),
          e(
              "Codecs.SEQUENCE_OBSERVATION",
              Codecs.SEQUENCE_OBSERVATION,
              SequenceGens.observations()),
          // status
          e(
              "Codecs.HEARTBEAT_OBSERVATION_SURFACE",
              Codecs.HEARTBEAT_OBSERVATION_SURFACE,
              StatusGens.heartbeatObservationSurfaces()),
          e("Codecs.HEARTBEAT_SURFACE", Codecs.HEARTBEAT_SURFACE, StatusGens.heartbeatSurfaces()),
          e("Codecs.SEQUENCE_SURFACE", Codecs.SEQUENCE_SURFACE, StatusGens.sequenceSurfaces()),
          e(
              "Codecs.INVOCATION_AUDIT_SURFACE",
              Codecs.INVOCATION_AUDIT_SURFACE,
              StatusGens.invocationAuditSurfaces()),
          e("Codecs.TRACE_SURFACE", Codecs.TRACE_SURFACE, StatusGens.traceSurfaces()),
          e(
              "Codecs.VISIBILITY_SUMMARY",
              Codecs.VISIBILITY_SUMMARY,
              StatusGens.visibilitySummaries()),
          // scalar building blocks
          e("Json.RAW", Json.RAW, ValueGens.jsonValues()),
          e("Values.TRACE_ID", Values.TRACE_ID, ValueGens.traceIds()),
          e("Values.REASON_CODE", Values.REASON_CODE, ValueGens.reasonCodes()),
          e("Values.TRANSPORT", Values.TRANSPORT, ValueGens.transports()));

  /**
   * The codec constants found by reflection, by {@code Class.FIELD} name, and the {@link
   * #ANSWER_CODECS}.
   */
  public static Map<String, JsonCodec<?>> codecFields() {
    Map<String, JsonCodec<?>> out = new TreeMap<>(ANSWER_CODECS);
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
   * The simple names of the {@code *Codecs} classes in the api's class directory outside its
   * internal packages (empty when the api is packaged as a jar).
   */
  public static List<String> codecClassesOnDisk() {
    List<String> out = new ArrayList<>();
    try {
      Path root =
          Paths.get(Codecs.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (!Files.isDirectory(root)) {
        return out;
      }
      try (Stream<Path> s = Files.walk(root)) {
        s.filter(p -> !root.relativize(p).toString().contains("internal"))
            .map(p -> p.getFileName().toString())
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
