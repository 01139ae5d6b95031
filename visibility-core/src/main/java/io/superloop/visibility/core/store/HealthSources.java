package io.superloop.visibility.core.store;

import java.util.Optional;

/**
 * What a reconcile step's health reads besides the visibility state files (contract 2.6, 4.6,
 * 1.10): written by other components, read as the reference reads them.
 *
 * @param divergence {@code state.json .divergence.any == true} (health source 1)
 * @param lastControlStatus the last valid {@code intents.jsonl} row's {@code status} (source 2)
 * @param lastEventAt {@code state.json .projection.lastEventAt} when it is a string (source 3 and
 *     {@code evidence.lastEventAt})
 * @param lifecycleState {@code .transition.currentState // .projection.status // "unknown"} of {@code
 *     state.json}, strings only ({@code metrics.lifecycleState})
 */
public record HealthSources(
    boolean divergence, Optional<String> lastControlStatus, Optional<String> lastEventAt, String lifecycleState) {

  /** No {@code state.json} and no intents: nothing to report. */
  public static final HealthSources NONE = new HealthSources(false, Optional.empty(), Optional.empty(), "unknown");
}
