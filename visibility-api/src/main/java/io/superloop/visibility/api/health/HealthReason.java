package io.superloop.visibility.api.health;

import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.health.internal.ImmutableHealthReason;
import io.superloop.visibility.api.internal.VisibilityStyle;
import io.superloop.visibility.api.json.JsonValue;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One element of {@code health.json.reasons} (contract 1.10, C7): {@code {code, severity, metric,
 * observed, threshold}}. {@link #metric()}, {@link #observed()} and {@link #threshold()} are
 * strings, numbers included ({@code "observed":"121"}), and are omitted when empty (never in
 * practice).
 */
@Value.Immutable
@VisibilityStyle
public abstract class HealthReason {

  /** Only the generated implementation extends this class (its package is not exported). */
  protected HealthReason() {}

  /**
   * {@return a new builder} Its {@code build()} throws {@link IllegalStateException} when a
   * required attribute is unset.
   */
  public static ImmutableHealthReason.Builder builder() {
    return ImmutableHealthReason.builder();
  }

  /**
   * A reason with all five fields.
   *
   * @param code the reason code
   * @param severity its severity
   * @param metric the metric judged ({@code heartbeatLagSeconds}, ...)
   * @param observed the observed value rendered as a string
   * @param threshold the threshold or expected value rendered as a string
   * @return the reason
   */
  public static HealthReason of(
      ReasonCode code, Severity severity, String metric, String observed, String threshold) {
    return builder()
        .code(code)
        .severity(severity)
        .metric(metric)
        .observed(observed)
        .threshold(threshold)
        .build();
  }

  /** {@return the reason code} */
  public abstract ReasonCode code();

  /** {@return its severity} */
  public abstract Severity severity();

  /**
   * {@return the metric judged ({@code heartbeatLagSeconds}, {@code sequence.status}, ...); omitted
   * when empty}
   */
  public abstract Optional<String> metric();

  /** {@return the observed value rendered as a string; omitted when empty} */
  public abstract Optional<String> observed();

  /** {@return the threshold or expected value rendered as a string; omitted when empty} */
  public abstract Optional<String> threshold();

  /**
   * {@return fields of a newer writer this version does not know, kept in order and written back}
   */
  public abstract Map<String, JsonValue> unknownFields();

  /**
   * {@return {@code code + ":" + severity}, the key reasons are unique by and sorted by (contract
   * 2.6)}
   */
  public final String key() {
    return code().wire() + ":" + severity().wire();
  }
}
