package io.superloop.visibility.api.internal;

import io.superloop.visibility.api.OpenWireValue;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * The constants of one open value set, in declaration order, and the lookup that keeps unknown
 * values. Declare it before the constants.
 *
 * @param <T> the value type
 */
public final class WireRegistry<T extends OpenWireValue> {
  private final Map<String, T> known = new LinkedHashMap<>();
  private final BiFunction<String, Boolean, T> factory;

  /**
   * Creates an empty registry.
   *
   * @param factory creates a value from its wire string and whether it is a declared constant;
   *     usually the subclass's private constructor
   */
  public WireRegistry(BiFunction<String, Boolean, T> factory) {
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
