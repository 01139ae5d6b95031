package io.superloop.visibility.api;

import io.superloop.visibility.api.internal.Values;

/** The two ways a manager reaches a loop's runtime. */
public enum Transport {
  /** The manager reads the runtime's files on its own machine. */
  LOCAL("local"),
  /** The manager calls the sprite service's HTTP endpoints. */
  SPRITE_SERVICE("sprite_service");

  private final String wire;

  Transport(String wire) {
    this.wire = wire;
  }

  /** {@return the exact string written to and read from v1 artifacts} */
  public String wire() {
    return wire;
  }

  /**
   * The transport of a wire string.
   *
   * @param wire {@code local} or {@code sprite_service}
   * @return the transport
   * @throws VisibilityException {@link ErrorCode#INVALID_FIELD_VALUE} for any other string
   */
  public static Transport fromWire(String wire) {
    return Values.lookup(Transport.class, Transport::wire, wire);
  }
}
