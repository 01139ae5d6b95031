package io.superloop.visibility.api.audit;

import io.superloop.visibility.api.audit.internal.ImmutableControlConfirmation;
import io.superloop.visibility.api.internal.Checks;
import io.superloop.visibility.api.internal.VisibilityStyle;
import io.superloop.visibility.api.json.JsonValue;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * {@code confirmation} of an invocation row (contract 1.7, 4.3, 4.4): whether and how the effect
 * was confirmed. Null-filtered level.
 */
@Value.Immutable
@VisibilityStyle
public abstract class ControlConfirmation {

  /**
   * {@return a new builder} Its {@code build()} throws {@link IllegalStateException} when a
   * required attribute is unset, and {@link io.superloop.visibility.api.VisibilityException}
   * ({@link io.superloop.visibility.api.ErrorCode#INVALID_FIELD_VALUE}) when a value breaks the
   * record's contract checks.
   */
  public static ImmutableControlConfirmation.Builder builder() {
    return ImmutableControlConfirmation.builder();
  }

  /**
   * {@return whether confirmation ran (sprite_service: whether the service result holds a confirm
   * result)}
   */
  public abstract boolean attempted();

  /** {@return the confirmation status the manager decided} */
  public abstract ConfirmationStatus status();

  /**
   * {@return the confirm script's exit (local) or {@code result.confirmExitCode // 0}
   * (sprite_service)}
   */
  public abstract long exitCode();

  /**
   * {@return the confirm result object ({@code {intent, confirmed, reason, attempts, ...}}, nulls
   * kept), raw; omitted when there is none}
   */
  public abstract Optional<JsonValue> outcome();

  /**
   * {@return fields of a newer writer this version does not know, kept in order and written back}
   */
  public abstract Map<String, JsonValue> unknownFields();

  /** Checks the contract rules of this record; called by the generated implementation. */
  @Value.Check
  protected void checkRawValues() {
    Checks.notJsonNull("outcome", outcome());
  }
}
