package io.superloop.visibility.core.health;

import io.superloop.visibility.api.audit.IntentRow;
import io.superloop.visibility.api.json.JsonValue;
import java.util.Optional;

/**
 * What a reconcile step's health reads besides the visibility state files (contract 2.6, 4.6,
 * 1.10): written by other components, read as the reference reads them.
 *
 * @param divergence {@code state.json .divergence.any == true} (health source 1)
 * @param lastControlStatus the last valid {@code intents.jsonl} row's {@code status} (source 2)
 * @param lastEventAt {@code state.json .projection.lastEventAt} when it is a string (source 3 and
 *     {@code evidence.lastEventAt})
 * @param lifecycleState {@code .transition.currentState // .projection.status // "unknown"} of
 *     {@code state.json}, strings only ({@code metrics.lifecycleState})
 */
public record HealthSources(
    boolean divergence,
    Optional<String> lastControlStatus,
    Optional<String> lastEventAt,
    String lifecycleState) {

  /** No {@code state.json} and no intents: nothing to report. */
  public static final HealthSources NONE =
      new HealthSources(false, Optional.empty(), Optional.empty(), "unknown");

  /**
   * The sources as the reference reads them from {@code state.json} (the projection's file) and the
   * last valid {@code intents.jsonl} row. No {@code state.json}, or one that is not an object,
   * reads as a document without members: no divergence, no event time, no state.
   *
   * @param stateJson {@code state.json} as read, if it exists and is readable
   * @param lastIntent the last valid intent row, if any
   * @return the sources, {@link #NONE} parts where absent
   */
  public static HealthSources of(Optional<JsonValue> stateJson, Optional<IntentRow> lastIntent) {
    Optional<String> lastControlStatus = lastIntent.map(r -> r.status().wire());
    JsonValue s = stateJson.orElse(JsonValue.nullValue());
    boolean divergence =
        member(s, "divergence", "any").flatMap(JsonValue::booleanValue).orElse(false);
    Optional<String> lastEventAt = string(s, "projection", "lastEventAt");
    String lifecycle =
        string(s, "transition", "currentState")
            .or(() -> string(s, "projection", "status"))
            .orElse(NONE.lifecycleState());
    return new HealthSources(divergence, lastControlStatus, lastEventAt, lifecycle);
  }

  /** {@code v.outer.inner}; empty when either level is not an object or lacks the member. */
  private static Optional<JsonValue> member(JsonValue v, String outer, String inner) {
    return v.get(outer).flatMap(m -> m.get(inner));
  }

  private static Optional<String> string(JsonValue v, String outer, String inner) {
    return member(v, outer, inner).flatMap(JsonValue::stringValue);
  }
}
