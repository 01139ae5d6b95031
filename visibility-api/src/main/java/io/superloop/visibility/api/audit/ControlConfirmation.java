package io.superloop.visibility.api.audit;

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

  /** A new builder. */
  public static ImmutableControlConfirmation.Builder builder() {
    return ImmutableControlConfirmation.builder();
  }

  /** Whether confirmation ran (sprite_service: whether the service result holds a confirm result). */
  public abstract boolean attempted();

  /** The confirmation status the manager decided. */
  public abstract ConfirmationStatus status();

  /** The confirm script's exit (local) or {@code result.confirmExitCode // 0} (sprite_service). */
  public abstract long exitCode();

  /**
   * The confirm result object ({@code {intent, confirmed, reason, attempts, ...}}, nulls kept),
   * raw; omitted when there is none.
   */
  public abstract Optional<JsonValue> outcome();

  /** Fields of a newer writer this version does not know, kept in order and written back. */
  public abstract Map<String, JsonValue> unknownFields();
  @Value.Check
  void checkRawValues() {
    Checks.notJsonNull("outcome", outcome());
  }
}
