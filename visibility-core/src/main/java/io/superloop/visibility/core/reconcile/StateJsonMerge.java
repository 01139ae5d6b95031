package io.superloop.visibility.core.reconcile;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.internal.json.JsonObject;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Contract 1.11: what a reconcile step merges into an existing {@code state.json} (the projection's
 * file, never created or repaired by the step). The step's patch holds {@code health}, {@code
 * reconcileTraceId} and {@code sequence}; merging it replaces {@code health} and {@code sequence}
 * and sets {@code trace.reconcileTraceId}, keeping every other member in its place.
 */
public final class StateJsonMerge {
  private StateJsonMerge() {}

  /**
   * The members a step merges into an existing {@code state.json}.
   *
   * @param result the step's result
   * @return the patch: {@code health}, and {@code reconcileTraceId} and {@code sequence} when the
   *     step has them
   */
  public static JsonObject patch(StepResult result) {
    Map<String, JsonValue> m = new LinkedHashMap<>();
    m.put("health", Json.parse(Codecs.HEALTH.encode(result.health())));
    result.health().traceId().ifPresent(id -> m.put("reconcileTraceId", JsonValue.of(id.value())));
    result
        .sequenceState()
        .ifPresent(seq -> m.put("sequence", Json.parse(Codecs.SEQUENCE_STATE.encode(seq))));
    return new JsonObject(m);
  }

  /**
   * Merges a patch of {@link #patch} into an existing {@code state.json} object: {@code health} and
   * {@code sequence} replaced when the patch has them, {@code trace} made an object (its members
   * kept) with {@code reconcileTraceId} set when the patch has one.
   *
   * @param existing the file's object
   * @param patch the step's patch
   * @return the merged object
   */
  public static JsonObject merge(JsonObject existing, JsonObject patch) {
    Map<String, JsonValue> m = new LinkedHashMap<>(existing.members());
    JsonValue health = patch.members().get("health");
    if (health != null) {
      m.put("health", health);
    }
    Map<String, JsonValue> trace = new LinkedHashMap<>();
    if (m.get("trace") instanceof JsonObject t) {
      trace.putAll(t.members());
    }
    JsonValue traceId = patch.members().get("reconcileTraceId");
    if (traceId != null) {
      trace.put("reconcileTraceId", traceId);
    }
    m.put("trace", JsonValue.object(trace));
    JsonValue seq = patch.members().get("sequence");
    if (seq != null) {
      m.put("sequence", seq);
    }
    return new JsonObject(m);
  }
}
