package io.superloop.visibility.api.envelope;

import io.superloop.visibility.api.OpenWireValue;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code error.code} of a sprite service error answer (contract 1.18). Open: a code this version
 * does not know is kept as written.
 */
public final class ServiceErrorCode extends OpenWireValue {
  private static final Map<String, ServiceErrorCode> KNOWN = new LinkedHashMap<>();

  /** HTTP 401: missing or invalid token. */
  public static final ServiceErrorCode UNAUTHORIZED = known("unauthorized");
  /** HTTP 400: a missing or invalid parameter. */
  public static final ServiceErrorCode INVALID_REQUEST = known("invalid_request");
  /** HTTP 400: the request body is not JSON. */
  public static final ServiceErrorCode INVALID_JSON = known("invalid_json");
  /** HTTP 502: an adapter failed or printed non-JSON. */
  public static final ServiceErrorCode RUNTIME_ERROR = known("runtime_error");
  /** HTTP 404: no such route. */
  public static final ServiceErrorCode NOT_FOUND = known("not_found");

  private ServiceErrorCode(String wire, boolean known) {
    super(wire, known);
  }

  private static ServiceErrorCode known(String wire) {
    ServiceErrorCode c = new ServiceErrorCode(wire, true);
    KNOWN.put(wire, c);
    return c;
  }

  /** The code of {@code wire}: the constant when known, else a new value that keeps the string. */
  public static ServiceErrorCode of(String wire) {
    Objects.requireNonNull(wire, "wire");
    ServiceErrorCode c = KNOWN.get(wire);
    return c != null ? c : new ServiceErrorCode(wire, false);
  }

  /** Every constant, in declaration order. */
  public static Collection<ServiceErrorCode> known() {
    return Collections.unmodifiableCollection(KNOWN.values());
  }
}
