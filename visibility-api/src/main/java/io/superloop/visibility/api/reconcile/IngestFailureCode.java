package io.superloop.visibility.api.reconcile;

import io.superloop.visibility.api.OpenWireValue;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A reconcile ingest failure code ({@code failureCode} of the reconcile row and of health
 * escalations; contract 1.12, 1.14). Open: a code this version does not know is kept as written.
 */
public final class IngestFailureCode extends OpenWireValue {
  private static final Map<String, IngestFailureCode> KNOWN = new LinkedHashMap<>();

  /** The snapshot could not be obtained. */
  public static final IngestFailureCode SNAPSHOT_UNAVAILABLE = known("snapshot_unavailable");
  /** The events could not be obtained. */
  public static final IngestFailureCode EVENTS_UNAVAILABLE = known("events_unavailable");
  /** The sprite service request failed. */
  public static final IngestFailureCode SERVICE_REQUEST_FAILED = known("service_request_failed");
  /** The sprite service answered with an invalid payload. */
  public static final IngestFailureCode SERVICE_RESPONSE_INVALID = known("service_response_invalid");
  /** The projection step failed. */
  public static final IngestFailureCode PROJECTION_FAILED = known("projection_failed");

  private IngestFailureCode(String wire, boolean known) {
    super(wire, known);
  }

  private static IngestFailureCode known(String wire) {
    IngestFailureCode v = new IngestFailureCode(wire, true);
    KNOWN.put(wire, v);
    return v;
  }

  /** The value of {@code wire}: the constant when known, else a new value that keeps the string. */
  public static IngestFailureCode of(String wire) {
    Objects.requireNonNull(wire, "wire");
    IngestFailureCode v = KNOWN.get(wire);
    return v != null ? v : new IngestFailureCode(wire, false);
  }

  /** Every constant, in declaration order. */
  public static Collection<IngestFailureCode> known() {
    return Collections.unmodifiableCollection(KNOWN.values());
  }
}
