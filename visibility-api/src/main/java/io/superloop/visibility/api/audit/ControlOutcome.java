package io.superloop.visibility.api.audit;

import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.audit.internal.ImmutableControlOutcome;
import io.superloop.visibility.api.internal.Checks;
import io.superloop.visibility.api.internal.VisibilityStyle;
import io.superloop.visibility.api.json.JsonValue;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * {@code outcome} of an invocation row (contract 1.7, 4.3, 4.4): the control call's verdict.
 * Null-filtered level.
 */
@Value.Immutable
@VisibilityStyle
public abstract class ControlOutcome {

  /**
   * {@return a new builder} Its {@code build()} throws {@link IllegalStateException} when a
   * required attribute is unset, and {@link io.superloop.visibility.api.VisibilityException}
   * ({@link io.superloop.visibility.api.ErrorCode#INVALID_FIELD_VALUE}) when a value breaks the
   * record's contract checks.
   */
  public static ImmutableControlOutcome.Builder builder() {
    return ImmutableControlOutcome.builder();
  }

  /**
   * {@return the outcome status (sprite_service: whatever the service's {@code result.status}
   * says)}
   */
  public abstract OutcomeStatus status();

  /** {@return whether the effect was confirmed} */
  public abstract boolean confirmed();

  /**
   * {@return the reason code: {@code control_ambiguous} or {@code control_failed_command}; empty
   * (omitted) otherwise}
   */
  public abstract Optional<ReasonCode> reasonCode();

  /** {@return whole seconds from start to completion, clamped at 0} */
  public abstract long durationSeconds();

  /**
   * {@return fields of a newer writer this version does not know, kept in order and written back}
   */
  public abstract Map<String, JsonValue> unknownFields();

  /** Checks the contract rules of this record; called by the generated implementation. */
  @Value.Check
  protected void check() {
    Checks.nonNegative("durationSeconds", durationSeconds());
  }
}
