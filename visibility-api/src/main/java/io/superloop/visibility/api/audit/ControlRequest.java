package io.superloop.visibility.api.audit;

import io.superloop.visibility.api.audit.internal.ImmutableControlRequest;
import io.superloop.visibility.api.internal.Checks;
import io.superloop.visibility.api.internal.VisibilityStyle;
import io.superloop.visibility.api.json.JsonValue;
import java.util.Map;
import org.immutables.value.Value;

/**
 * {@code request} of an invocation row (contract 1.7): the options the control call ran with. This
 * level is not null-filtered (it never holds a null). Every number is {@code >= 0}.
 */
@Value.Immutable
@VisibilityStyle
public abstract class ControlRequest {

  /** The CLI defaults: confirm, timeout 30 s, interval 2 s, 3 retry attempts, backoff 1 s. */
  public static final ControlRequest DEFAULT = of(true, 30, 2, 3, 1);

  /**
   * {@return a new builder} Its {@code build()} throws {@link IllegalStateException} when a
   * required attribute is unset, and {@link io.superloop.visibility.api.VisibilityException}
   * ({@link io.superloop.visibility.api.ErrorCode#INVALID_FIELD_VALUE}) when a value breaks the
   * record's contract checks.
   */
  public static ImmutableControlRequest.Builder builder() {
    return ImmutableControlRequest.builder();
  }

  /**
   * A request of the given options.
   *
   * @param doConfirm whether the effect is confirmed by polling
   * @param timeoutSeconds confirmation timeout in seconds, {@code >= 0}
   * @param intervalSeconds confirmation poll interval in seconds, {@code >= 0}
   * @param retryAttempts service call attempts, {@code >= 0}
   * @param retryBackoffSeconds backoff between service call attempts in seconds, {@code >= 0}
   * @return the request
   * @throws io.superloop.visibility.api.VisibilityException {@link
   *     io.superloop.visibility.api.ErrorCode#INVALID_FIELD_VALUE} when a number is negative
   */
  public static ControlRequest of(
      boolean doConfirm,
      long timeoutSeconds,
      long intervalSeconds,
      long retryAttempts,
      long retryBackoffSeconds) {
    return builder()
        .doConfirm(doConfirm)
        .timeoutSeconds(timeoutSeconds)
        .intervalSeconds(intervalSeconds)
        .retryAttempts(retryAttempts)
        .retryBackoffSeconds(retryBackoffSeconds)
        .build();
  }

  /**
   * {@return whether the effect is confirmed by polling ({@code false} with {@code --no-confirm})}
   */
  public abstract boolean doConfirm();

  /** {@return the confirmation timeout in seconds (default 30)} */
  public abstract long timeoutSeconds();

  /** {@return the confirmation poll interval in seconds (default 2; 0 is polled as 1)} */
  public abstract long intervalSeconds();

  /** {@return service call attempts (default 3; recorded for the local transport too)} */
  public abstract long retryAttempts();

  /** {@return the backoff between service call attempts in seconds (default 1)} */
  public abstract long retryBackoffSeconds();

  /**
   * {@return fields of a newer writer this version does not know, kept in order and written back}
   */
  public abstract Map<String, JsonValue> unknownFields();

  /** Checks the contract rules of this record; called by the generated implementation. */
  @Value.Check
  protected void check() {
    Checks.nonNegative("timeoutSeconds", timeoutSeconds());
    Checks.nonNegative("intervalSeconds", intervalSeconds());
    Checks.nonNegative("retryAttempts", retryAttempts());
    Checks.nonNegative("retryBackoffSeconds", retryBackoffSeconds());
  }
}
