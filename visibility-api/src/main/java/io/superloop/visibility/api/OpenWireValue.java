package io.superloop.visibility.api;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Base of the value sets that other writers may extend (service answer statuses, failure codes,
 * reason codes). A value keeps its wire string exactly as written, known or not, so reading a newer
 * writer's file never fails and never loses the value. Two values are equal when they are of the
 * same class and have the same wire string.
 */
public abstract class OpenWireValue implements WireValue {
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

  @Override
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

  /**
   * The constants of one open value set, in declaration order, and the lookup that keeps unknown
   * values. Declare it before the constants.
   *
   * @param <T> the value type
   */
  protected static final class Registry<T extends OpenWireValue> {
    private final Map<String, T> known = new LinkedHashMap<>();
    private final BiFunction<String, Boolean, T> factory;

    /**
     * Creates an empty registry.
     *
     * @param factory creates a value from its wire string and whether it is a declared constant;
     *     usually the subclass's private constructor
     */
    public Registry(BiFunction<String, Boolean, T> factory) {
      this.factory = factory;
    }

    /**
     * Declares the constant {@code wire}.
     *
     * @param wire the constant's exact wire string
     * @return the new constant, {@link OpenWireValue#isKnown() known}
     */
    public T known(String wire) {
      T t = factory.apply(wire, true);
      known.put(wire, t);
      return t;
    }

    /**
     * Looks a wire string up; never fails for an unknown string.
     *
     * @param wire the wire string as read
     * @return the constant of {@code wire} when declared, else a new, not {@link
     *     OpenWireValue#isKnown() known} value that keeps the string exactly
     */
    public T of(String wire) {
      Objects.requireNonNull(wire, "wire");
      T t = known.get(wire);
      return t != null ? t : factory.apply(wire, false);
    }

    /** {@return every constant, in declaration order} */
    public Collection<T> values() {
      return Collections.unmodifiableCollection(known.values());
    }
  }
}
