package io.superloop.visibility.api.health;

import io.superloop.visibility.api.health.internal.ImmutableHealthEvidence;
import io.superloop.visibility.api.internal.VisibilityStyle;
import io.superloop.visibility.api.json.JsonValue;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * {@code health.json.evidence} (contract 1.10): the timestamps health was judged from, kept as the
 * strings written. Not null-filtered: an empty one is written as an explicit {@code null}.
 */
@Value.Immutable
@VisibilityStyle
public abstract class HealthEvidence {

  /** Only the generated implementation extends this class (its package is not exported). */
  protected HealthEvidence() {}

  /**
   * {@return a new builder} Its {@code build()} throws {@link IllegalStateException} when a
   * required attribute is unset.
   */
  public static ImmutableHealthEvidence.Builder builder() {
    return ImmutableHealthEvidence.builder();
  }

  /**
   * {@return {@code state.projection.lastEventAt} as written; empty (written {@code null}) when
   * none}
   */
  public abstract Optional<String> lastEventAt();

  /** {@return the heartbeat state's {@code lastHeartbeatAt}; written {@code null} when none} */
  public abstract Optional<String> lastHeartbeatAt();

  /** {@return the sequence state's {@code updatedAt}; written {@code null} when none} */
  public abstract Optional<String> sequenceUpdatedAt();

  /**
   * {@return fields of a newer writer this version does not know, kept in order and written back}
   */
  public abstract Map<String, JsonValue> unknownFields();
}
