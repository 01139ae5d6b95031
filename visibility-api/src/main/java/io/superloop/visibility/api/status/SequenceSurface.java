package io.superloop.visibility.api.status;

import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.internal.VisibilityStyle;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.api.status.internal.ImmutableSequenceSurface;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * {@code visibility.sequence} (contract 6.2), null-filtered: {@code status, reasonCode,
 * driftActive, violations, snapshotCurrent, eventsLast, updatedAt, transport, traceId}. The
 * sequence status and the violation codes are kept as their wire strings.
 */
@Value.Immutable
@VisibilityStyle
public abstract class SequenceSurface {

  /**
   * {@return a new builder} Its {@code build()} throws {@link IllegalStateException} when a
   * required attribute is unset.
   */
  public static ImmutableSequenceSurface.Builder builder() {
    return ImmutableSequenceSurface.builder();
  }

  /** {@return the sequence status ({@code ok} or {@code ordering_drift_detected}), as written} */
  public abstract Optional<String> status();

  /** {@return the sequence reason code (present with drift)} */
  public abstract Optional<ReasonCode> reasonCode();

  /**
   * {@return whether drift is active} The reference renders it only when {@code true} (empty
   * otherwise); the hardened rules (H16) always render it. This record only holds presence: empty
   * is omitted.
   */
  public abstract Optional<Boolean> driftActive();

  /**
   * {@return the violation codes in their sorted order} Empty means absent; a present empty list is
   * written as {@code []} (the reference keeps it).
   */
  public abstract Optional<List<String>> violations();

  /** {@return the snapshot's current sequence value} */
  public abstract OptionalLong snapshotCurrent();

  /** {@return the last valid event sequence value of the batch (absent after an empty batch)} */
  public abstract OptionalLong eventsLast();

  /** {@return when the sequence state (else the row) was written} */
  public abstract Optional<String> updatedAt();

  /** {@return the transport of that reconcile} */
  public abstract Optional<Transport> transport();

  /** {@return the trace of that reconcile} */
  public abstract Optional<TraceId> traceId();

  /**
   * {@return fields of a newer writer this version does not know, kept in order and written back}
   */
  public abstract Map<String, JsonValue> unknownFields();

  /** {@return this record, normalised; called by the generated implementation} */
  @Value.Check
  protected SequenceSurface normalize() {
    if (violations().isPresent()) {
      List<String> v = violations().get();
      List<String> copy = List.copyOf(v);
      if (copy != v) {
        return ImmutableSequenceSurface.copyOf(this).withViolations(copy);
      }
    }
    return this;
  }
}
