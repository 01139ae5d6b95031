package io.superloop.visibility.api.health;

import io.superloop.visibility.api.OpenWireValue;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Why a reconcile ingest or transport attempt failed (contract 1.10, 1.12, 1.13). Open: a code this
 * version does not know is kept as written.
 */
public final class FailureCode extends OpenWireValue {
  private static final Map<String, FailureCode> KNOWN = new LinkedHashMap<>();

  /** The snapshot could not be obtained. */
  public static final FailureCode SNAPSHOT_UNAVAILABLE = known("snapshot_unavailable");
  /** The events could not be obtained. */
  public static final FailureCode EVENTS_UNAVAILABLE = known("events_unavailable");
  /** A request to the sprite service failed. */
  public static final FailureCode SERVICE_REQUEST_FAILED = known("service_request_failed");
  /** The sprite service answered with an invalid payload. */
  public static final FailureCode SERVICE_RESPONSE_INVALID = known("service_response_invalid");
  /** The projection step failed. */
  public static final FailureCode PROJECTION_FAILED = known("projection_failed");

  private FailureCode(String wire, boolean known) {
    super(wire, known);
  }

  private static FailureCode known(String wire) {
    FailureCode c = new FailureCode(wire, true);
    KNOWN.put(wire, c);
    return c;
  }

  /** The code of {@code wire}: the constant when known, else a new value that keeps the string. */
  public static FailureCode of(String wire) {
    Objects.requireNonNull(wire, "wire");
    FailureCode c = KNOWN.get(wire);
    return c != null ? c : new FailureCode(wire, false);
  }

  /** Every constant, in declaration order. */
  public static Collection<FailureCode> known() {
    return Collections.unmodifiableCollection(KNOWN.values());
  }
}
