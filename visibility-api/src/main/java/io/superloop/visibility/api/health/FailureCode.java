package io.superloop.visibility.api.health;

import io.superloop.visibility.api.OpenWireValue;
import io.superloop.visibility.api.internal.WireRegistry;
import java.util.Collection;

/**
 * Why a reconcile ingest or transport attempt failed (contract 1.10, 1.12, 1.13). Open: a code this
 * version does not know is kept as written.
 */
public final class FailureCode extends OpenWireValue {
  private static final WireRegistry<FailureCode> REGISTRY = new WireRegistry<>(FailureCode::new);

  /** The snapshot could not be obtained. */
  public static final FailureCode SNAPSHOT_UNAVAILABLE = REGISTRY.known("snapshot_unavailable");

  /** The events could not be obtained. */
  public static final FailureCode EVENTS_UNAVAILABLE = REGISTRY.known("events_unavailable");

  /** A request to the sprite service failed. */
  public static final FailureCode SERVICE_REQUEST_FAILED = REGISTRY.known("service_request_failed");

  /** The sprite service answered with an invalid payload. */
  public static final FailureCode SERVICE_RESPONSE_INVALID =
      REGISTRY.known("service_response_invalid");

  /** The projection step failed. */
  public static final FailureCode PROJECTION_FAILED = REGISTRY.known("projection_failed");

  private FailureCode(String wire, boolean known) {
    super(wire, known);
  }

  /**
   * Reads a code; never fails.
   *
   * @param wire the code as written
   * @return the constant when known, else a new value that keeps the string
   */
  public static FailureCode of(String wire) {
    return REGISTRY.of(wire);
  }

  /** {@return every constant, in declaration order} */
  public static Collection<FailureCode> known() {
    return REGISTRY.values();
  }
}
