package io.superloop.visibility.api.internal.answer;

import io.superloop.visibility.api.OpenWireValue;
import io.superloop.visibility.api.internal.WireRegistry;
import java.util.Collection;

/**
 * The {@code error.code} of a sprite service error answer (contract 1.18). Open: a code this
 * version does not know is kept as written.
 *
 * <p>Internal: the plane never reads this answer (see the package).
 */
public final class ServiceErrorCode extends OpenWireValue {
  private static final WireRegistry<ServiceErrorCode> REGISTRY =
      new WireRegistry<>(ServiceErrorCode::new);

  /** HTTP 401: missing or invalid token. */
  public static final ServiceErrorCode UNAUTHORIZED = REGISTRY.known("unauthorized");

  /** HTTP 400: a missing or invalid parameter. */
  public static final ServiceErrorCode INVALID_REQUEST = REGISTRY.known("invalid_request");

  /** HTTP 400: the request body is not JSON. */
  public static final ServiceErrorCode INVALID_JSON = REGISTRY.known("invalid_json");

  /** HTTP 502: an adapter failed or printed non-JSON. */
  public static final ServiceErrorCode RUNTIME_ERROR = REGISTRY.known("runtime_error");

  /** HTTP 404: no such route. */
  public static final ServiceErrorCode NOT_FOUND = REGISTRY.known("not_found");

  private ServiceErrorCode(String wire, boolean known) {
    super(wire, known);
  }

  /**
   * Reads a code; never fails.
   *
   * @param wire the code as written
   * @return the constant when known, else a new value that keeps the string
   */
  public static ServiceErrorCode of(String wire) {
    return REGISTRY.of(wire);
  }

  /** {@return every constant, in declaration order} */
  public static Collection<ServiceErrorCode> known() {
    return REGISTRY.values();
  }
}
