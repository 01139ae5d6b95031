package io.superloop.visibility.api.audit;

import io.superloop.visibility.api.audit.internal.ImmutableControlExecution;
import io.superloop.visibility.api.internal.VisibilityStyle;
import io.superloop.visibility.api.json.JsonValue;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * {@code execution} of an invocation row (contract 1.7): how the control command (local) or the
 * service call (sprite_service) ended. Null-filtered level.
 */
@Value.Immutable
@VisibilityStyle
public abstract class ControlExecution {

  /**
   * {@return a new builder} Its {@code build()} throws {@link IllegalStateException} when a
   * required attribute is unset.
   */
  public static ImmutableControlExecution.Builder builder() {
    return ImmutableControlExecution.builder();
  }

  /** {@return {@code succeeded} or {@code failed_command}} */
  public abstract ExecutionStatus status();

  /** {@return the command's exit status (local) or the service response's {@code exitCode}} */
  public abstract long exitCode();

  /**
   * {@return the command run} Local: the shell-quoted argv; sprite_service: {@code POST
   * <base>/ops/control}.
   */
  public abstract String command();

  /**
   * {@return the command's output; empty when there was none} Local: the last 40 lines of combined
   * output; sprite_service: the compact service response ({@code {}} on transport failure). Omitted
   * when empty: an empty string is normalised to absent.
   */
  public abstract Optional<String> output();

  /**
   * {@return whether the service replayed a stored answer} sprite_service: the response's {@code
   * replayed}; local: {@code false}.
   */
  public abstract boolean replayed();

  /**
   * {@return fields of a newer writer this version does not know, kept in order and written back}
   */
  public abstract Map<String, JsonValue> unknownFields();

  /** {@return this record, normalised; called by the generated implementation} */
  @Value.Check
  protected ControlExecution normalize() {
    if (output().isPresent() && output().get().isEmpty()) {
      return ImmutableControlExecution.copyOf(this).withOutput(Optional.empty());
    }
    return this;
  }
}
