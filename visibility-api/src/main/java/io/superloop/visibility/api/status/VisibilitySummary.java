package io.superloop.visibility.api.status;

import io.superloop.visibility.api.internal.VisibilityStyle;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.api.status.internal.ImmutableVisibilitySummary;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The {@code visibility} object of the status surface (contract 6.2): {@code heartbeat}, {@code
 * sequence} and {@code invocationAudit}, each omitted when empty, and {@code trace}, always present
 * (possibly {@code {}}). The additive {@code unreadable} names the files that could not be read; a
 * section fed by one of them is left out rather than shown from part of its sources.
 */
@Value.Immutable
@VisibilityStyle
public abstract class VisibilitySummary {

  /**
   * {@return a new builder} Its {@code build()} throws {@link IllegalStateException} when a
   * required attribute is unset.
   */
  public static ImmutableVisibilitySummary.Builder builder() {
    return ImmutableVisibilitySummary.builder();
  }

  /** {@return the heartbeat surface; empty when neither heartbeat state nor row exists} */
  public abstract Optional<HeartbeatSurface> heartbeat();

  /** {@return the sequence surface; empty when neither sequence state nor row exists} */
  public abstract Optional<SequenceSurface> sequence();

  /** {@return the invocation audit surface; empty when no control-invocation row exists} */
  public abstract Optional<InvocationAuditSurface> invocationAudit();

  /** {@return the trace surface (default {@link TraceSurface#EMPTY})} */
  @Value.Default
  public TraceSurface trace() {
    return TraceSurface.EMPTY;
  }

  /**
   * {@return the loop's files that could not be read, by their path in the loop directory (for
   * example {@code sequence-state.json}, {@code telemetry/heartbeat.jsonl}), each with the error
   * code of the reason ({@code invalid_json}, {@code limit_exceeded}, {@code not_regular_file},
   * {@code symlink_refused}, ...); empty (and not written) when every file was readable or absent}
   */
  public abstract Map<String, String> unreadable();

  /**
   * {@return fields of a newer writer this version does not know, kept in order and written back}
   */
  public abstract Map<String, JsonValue> unknownFields();
}
