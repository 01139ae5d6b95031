package io.superloop.visibility.api;

import java.util.Objects;

/**
 * Base of the value sets that other writers may extend (service answer statuses, failure codes,
 * reason codes). A value keeps its wire string exactly as written, known or not, so reading a newer
 * writer's file never fails and never loses the value. Two values are equal when they are of the
 * same class and have the same wire string.
 */
public abstract class OpenWireValue {
  private final String wire;
  private final boolean known;

  /**
   * Creates a value.
   *
   * @param wire the wire string, kept as given
   * @param known whether it is one of the constants of the subclass
   */
  protected OpenWireValue(String wire, boolean known) {
    this.wire = Objects.requireNonNull(wire, "wire");
    this.known = known;
  }

  /** {@return the exact string written to and read from v1 artifacts, as read} */
  public final String wire() {
    return wire;
  }

  /** {@return whether this value is one of the constants this library version knows} */
  public final boolean isKnown() {
    return known;
  }

  @Override
  public final boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && ((OpenWireValue) o).wire.equals(wire);
  }

  @Override
  public final int hashCode() {
    return getClass().hashCode() * 31 + wire.hashCode();
  }

  @Override
  public final String toString() {
    return wire;
  }
}
