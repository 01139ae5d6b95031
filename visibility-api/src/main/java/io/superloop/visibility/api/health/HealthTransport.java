package io.superloop.visibility.api.health;

import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.health.internal.ImmutableHealthTransport;
import io.superloop.visibility.api.internal.VisibilityStyle;
import io.superloop.visibility.api.json.JsonValue;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * {@code health.json.transport} (contract 1.10): the transport of the step and how its ingest went.
 * Not null-filtered: empty failure codes are written as explicit {@code null}s.
 */
@Value.Immutable
@VisibilityStyle
public abstract class HealthTransport {

  /** Only the generated implementation extends this class (its package is not exported). */
  protected HealthTransport() {}

  /**
   * {@return a new builder} Its {@code build()} throws {@link IllegalStateException} when a
   * required attribute is unset.
   */
  public static ImmutableHealthTransport.Builder builder() {
    return ImmutableHealthTransport.builder();
  }

  /** {@return the manager-side transport} */
  public abstract Transport mode();

  /** {@return whether this step's ingest succeeded} */
  public abstract IngestStatus ingestStatus();

  /** {@return this step's ingest failure code; written {@code null} when none} */
  public abstract Optional<FailureCode> failureCode();

  /** {@return the transport health's last failure code; written {@code null} when none} */
  public abstract Optional<FailureCode> lastFailureCode();

  /**
   * {@return fields of a newer writer this version does not know, kept in order and written back}
   */
  public abstract Map<String, JsonValue> unknownFields();
}
