package io.superloop.visibility.testkit.scenario.internal;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.audit.ControlInvocation;
import io.superloop.visibility.api.audit.ControlRow;
import io.superloop.visibility.api.audit.IntentRow;
import io.superloop.visibility.api.envelope.CursorState;
import io.superloop.visibility.api.health.Health;
import io.superloop.visibility.api.health.TransportHealth;
import io.superloop.visibility.api.heartbeat.HeartbeatObservation;
import io.superloop.visibility.api.heartbeat.HeartbeatState;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonCodec;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.api.reconcile.EscalationRow;
import io.superloop.visibility.api.reconcile.ReconcileRow;
import io.superloop.visibility.api.reconcile.internal.ImmutableReconcileRow;
import io.superloop.visibility.api.sequence.SequenceObservation;
import io.superloop.visibility.api.sequence.SequenceState;
import io.superloop.visibility.api.status.VisibilitySummary;
import io.superloop.visibility.core.store.LoopArtifact;
import io.superloop.visibility.core.store.LoopLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A loop directory's visibility files, each decoded with its v1 codec (a file that does not decode
 * fails the read), and the status surface. {@link #normalized} renders them as one JSON value with
 * the differences contract 7.3 allows between transports taken out.
 *
 * @param heartbeat {@code heartbeat.json}
 * @param sequence {@code sequence-state.json}
 * @param health {@code health.json}
 * @param transportHealth {@code telemetry/transport-health.json}
 * @param cursor {@code cursor.json}
 * @param state {@code state.json}, raw
 * @param heartbeatRows {@code telemetry/heartbeat.jsonl}
 * @param sequenceRows {@code telemetry/sequence.jsonl}
 * @param reconcileRows {@code telemetry/reconcile.jsonl}
 * @param escalations {@code escalations.jsonl}
 * @param intents {@code intents.jsonl}
 * @param controlRows {@code telemetry/control.jsonl}
 * @param invocations {@code telemetry/control-invocations.jsonl}
 * @param visibility the {@code visibility} status object
 */
public record LoopFiles(
    Optional<HeartbeatState> heartbeat,
    Optional<SequenceState> sequence,
    Optional<Health> health,
    Optional<TransportHealth> transportHealth,
    Optional<CursorState> cursor,
    Optional<JsonValue> state,
    List<HeartbeatObservation> heartbeatRows,
    List<SequenceObservation> sequenceRows,
    List<ReconcileRow> reconcileRows,
    List<EscalationRow> escalations,
    List<IntentRow> intents,
    List<ControlRow> controlRows,
    List<ControlInvocation> invocations,
    VisibilitySummary visibility) {

  /** Keys whose values contract 7.3 lets differ in control rows: command, output, exit, replay. */
  private static final Set<String> CONTROL_ROW_KEYS =
      Set.of("command", "commandOutput", "output", "replayed", "exitCode", "request");

  /** Transport failure codes; all fold into the same health reason (contract 7.3). */
  private static final Set<String> TRANSPORT_FAILURES =
      Set.of("snapshot_unavailable", "events_unavailable", "service_request_failed");

  /**
   * A compact constructor keeping the lists unmodifiable.
   *
   * @param heartbeat {@code heartbeat.json}
   * @param sequence {@code sequence-state.json}
   * @param health {@code health.json}
   * @param transportHealth {@code telemetry/transport-health.json}
   * @param cursor {@code cursor.json}
   * @param state {@code state.json}, raw
   * @param heartbeatRows {@code telemetry/heartbeat.jsonl}
   * @param sequenceRows {@code telemetry/sequence.jsonl}
   * @param reconcileRows {@code telemetry/reconcile.jsonl}
   * @param escalations {@code escalations.jsonl}
   * @param intents {@code intents.jsonl}
   * @param controlRows {@code telemetry/control.jsonl}
   * @param invocations {@code telemetry/control-invocations.jsonl}
   * @param visibility the {@code visibility} status object
   */
  public LoopFiles {
    heartbeatRows = List.copyOf(heartbeatRows);
    sequenceRows = List.copyOf(sequenceRows);
    reconcileRows = List.copyOf(reconcileRows);
    escalations = List.copyOf(escalations);
    intents = List.copyOf(intents);
    controlRows = List.copyOf(controlRows);
    invocations = List.copyOf(invocations);
  }

  /**
   * Reads the loop directory of {@code layout}.
   *
   * @param layout the loop's layout
   * @param visibility the status surface as the plane projects it now
   * @return every state file and every log's non-empty rows; an absent file is empty
   * @throws io.superloop.visibility.api.VisibilityException when a file does not decode (a row that
   *     does not decode is not skipped)
   * @throws java.io.UncheckedIOException when a file cannot be read
   */
  public static LoopFiles read(LoopLayout layout, VisibilitySummary visibility) {
    return new LoopFiles(
        state(layout, LoopArtifact.HEARTBEAT_STATE, Codecs.HEARTBEAT_STATE),
        state(layout, LoopArtifact.SEQUENCE_STATE, Codecs.SEQUENCE_STATE),
        state(layout, LoopArtifact.HEALTH, Codecs.HEALTH),
        state(layout, LoopArtifact.TRANSPORT_HEALTH, Codecs.TRANSPORT_HEALTH),
        state(layout, LoopArtifact.CURSOR, Codecs.CURSOR_STATE),
        state(layout, LoopArtifact.STATE, Json.RAW),
        rows(layout, LoopArtifact.HEARTBEAT_TELEMETRY, Codecs.HEARTBEAT_OBSERVATION),
        rows(layout, LoopArtifact.SEQUENCE_TELEMETRY, Codecs.SEQUENCE_OBSERVATION),
        rows(layout, LoopArtifact.RECONCILE_TELEMETRY, Codecs.RECONCILE_ROW),
        rows(layout, LoopArtifact.ESCALATIONS, Codecs.ESCALATION_ROW),
        rows(layout, LoopArtifact.INTENTS, Codecs.INTENT_ROW),
        rows(layout, LoopArtifact.CONTROL_TELEMETRY, Codecs.CONTROL_ROW),
        rows(layout, LoopArtifact.CONTROL_INVOCATIONS, Codecs.CONTROL_INVOCATION),
        visibility);
  }

  /**
   * Every file as one JSON object, normalized so that two transports' loops compare equal when
   * contract 7.2 says they must: every {@code transport} value and {@code health.transport.mode}
   * become {@code "<transport>"}; the transport failure codes become {@code "<transport_failure>"}
   * and {@code failureMessage} is dropped; the repository path becomes {@code "<repo>"}; the local
   * cursor's additive {@code eventByteOffset} and {@code eventTailCrc32} (H17) are dropped; control
   * rows lose {@code command}, {@code commandOutput}, {@code output}, {@code replayed}, {@code
   * exitCode} and {@code request} (contract 7.3: command, output and replay differ; the exit code
   * is the superloop command's locally and the server's control exit over sprite_service); {@code
   * visibility.invocationAudit.replayed} is dropped.
   *
   * @param repoRoot the manager-side repository path to replace
   * @return one object with a member per file
   */
  public JsonValue normalized(Path repoRoot) {
    Map<String, JsonValue> m = new LinkedHashMap<>();
    put(m, "heartbeat.json", heartbeat.map(Codecs.HEARTBEAT_STATE::encode));
    put(m, "sequence-state.json", sequence.map(Codecs.SEQUENCE_STATE::encode));
    put(m, "health.json", health.map(Codecs.HEALTH::encode));
    put(m, "transport-health.json", transportHealth.map(Codecs.TRANSPORT_HEALTH::encode));
    put(m, "cursor.json", cursor.map(Codecs.CURSOR_STATE::encode));
    put(m, "state.json", state.map(JsonValue::toJson));
    m.put("heartbeat.jsonl", encodeAll(heartbeatRows, Codecs.HEARTBEAT_OBSERVATION));
    m.put("sequence.jsonl", encodeAll(sequenceRows, Codecs.SEQUENCE_OBSERVATION));
    m.put(
        "reconcile.jsonl",
        encodeAll(withoutLocalOnlyWarnings(reconcileRows), Codecs.RECONCILE_ROW));
    m.put("escalations.jsonl", encodeAll(escalations, Codecs.ESCALATION_ROW));
    m.put("intents.jsonl", controlRows(encodeAll(intents, Codecs.INTENT_ROW)));
    m.put("control.jsonl", controlRows(encodeAll(controlRows, Codecs.CONTROL_ROW)));
    m.put(
        "control-invocations.jsonl",
        controlRows(encodeAll(invocations, Codecs.CONTROL_INVOCATION)));
    JsonValue vis = Json.parse(Codecs.VISIBILITY_SUMMARY.encode(visibility));
    m.put("visibility", drop(vis, "replayed"));
    return normalize(JsonValue.object(m), repoRoot.toAbsolutePath().toString(), "");
  }

  private static void put(Map<String, JsonValue> m, String name, Optional<String> json) {
    m.put(name, json.map(Json::parse).orElse(JsonValue.nullValue()));
  }

  private static <T> JsonValue encodeAll(List<T> rows, JsonCodec<T> codec) {
    List<JsonValue> out = new ArrayList<>(rows.size());
    for (T r : rows) {
      out.add(Json.parse(codec.encode(r)));
    }
    return JsonValue.array(out);
  }

  private static JsonValue controlRows(JsonValue rows) {
    JsonValue v = rows;
    for (String k : CONTROL_ROW_KEYS) {
      v = drop(v, k);
    }
    return v;
  }

  /** {@code v} without members named {@code key}, at any depth. */
  private static JsonValue drop(JsonValue v, String key) {
    if (v.isObject()) {
      Map<String, JsonValue> m = new LinkedHashMap<>();
      v.members()
          .forEach(
              (k, x) -> {
                if (!k.equals(key)) {
                  m.put(k, drop(x, key));
                }
              });
      return JsonValue.object(m);
    }
    if (v.isArray()) {
      List<JsonValue> out = new ArrayList<>();
      for (JsonValue x : v.elements()) {
        out.add(drop(x, key));
      }
      return JsonValue.array(out);
    }
    return v;
  }

  private static JsonValue normalize(JsonValue v, String repo, String key) {
    if (v.isObject()) {
      Map<String, JsonValue> m = new LinkedHashMap<>();
      v.members()
          .forEach(
              (k, x) -> {
                if (k.equals("failureMessage")
                    || k.equals("eventByteOffset")
                    || k.equals("eventTailCrc32")) {
                  return;
                }
                m.put(k, normalize(x, repo, k));
              });
      return JsonValue.object(m);
    }
    if (v.isArray()) {
      List<JsonValue> out = new ArrayList<>();
      for (JsonValue x : v.elements()) {
        out.add(normalize(x, repo, key));
      }
      return JsonValue.array(out);
    }
    if (v.stringValue().isPresent()) {
      String t = v.stringValue().get();
      if ((key.equals("transport") || key.equals("mode") || key.equals("lastTransport"))
          && (t.equals("local") || t.equals("sprite_service"))) {
        return JsonValue.of("<transport>");
      }
      if ((key.equals("failureCode") || key.equals("lastFailureCode"))
          && TRANSPORT_FAILURES.contains(t)) {
        return JsonValue.of("<transport_failure>");
      }
      if (t.contains(repo)) {
        return JsonValue.of(t.replace(repo, "<repo>"));
      }
    }
    return v;
  }

  private static <T> Optional<T> state(
      LoopLayout layout, LoopArtifact artifact, JsonCodec<T> codec) {
    Path p = layout.path(artifact);
    if (!Files.isRegularFile(p)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Json.DEFAULT.decode(codec, Files.readString(p, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> List<T> rows(LoopLayout layout, LoopArtifact artifact, JsonCodec<T> codec) {
    Path p = layout.path(artifact);
    if (!Files.isRegularFile(p)) {
      return List.of();
    }
    try {
      List<T> out = new ArrayList<>();
      for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
        if (!line.isEmpty()) {
          out.add(Json.DEFAULT.decode(codec, line));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reconcile rows without the warning {@code event_log_rewritten}: only the local source can see a
   * log rewritten before its cursor (by the byte offset and tail CRC of {@code cursor.json}, H17);
   * a sprite_service answer carries no bytes to check.
   */
  private static List<ReconcileRow> withoutLocalOnlyWarnings(List<ReconcileRow> rows) {
    return rows.stream()
        .map(
            r ->
                r.warnings().contains(ReasonCode.EVENT_LOG_REWRITTEN)
                    ? ImmutableReconcileRow.copyOf(r)
                        .withWarnings(
                            r.warnings().stream()
                                .filter(w -> !w.equals(ReasonCode.EVENT_LOG_REWRITTEN))
                                .toList())
                    : r)
        .toList();
  }
}
