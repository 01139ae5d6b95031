package io.superloop.visibility.api.status;

import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.internal.VisibilityStyle;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.api.status.internal.ImmutableHeartbeatObservationSurface;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Additive (hardening H16): {@code visibility.heartbeat.lastObservation}, a heartbeat observation
 * newer than the heartbeat state that failed: {@code {status, reasonCode, at}}, null-filtered.
 */
@Value.Immutable
@VisibilityStyle
public abstract class HeartbeatObservationSurface {

  /**
   * {@return a new builder} Its {@code build()} throws {@link IllegalStateException} when a
   * required attribute is unset.
   */
  public static ImmutableHeartbeatObservationSurface.Builder builder() {
    return ImmutableHeartbeatObservationSurface.builder();
  }

  /** {@return the observation's status as written in the heartbeat row (e.g. {@code failed})} */
  public abstract Optional<String> status();

  /** {@return the observation's reason code} */
  public abstract Optional<ReasonCode> reasonCode();

  /** {@return when the observation was made (the row's {@code timestamp})} */
  public abstract Optional<String> at();

  /**
   * {@return fields of a newer writer this version does not know, kept in order and written back}
   */
  public abstract Map<String, JsonValue> unknownFields();
}
