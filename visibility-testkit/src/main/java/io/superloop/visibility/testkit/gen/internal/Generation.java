package io.superloop.visibility.testkit.gen.internal;

import io.superloop.visibility.testkit.gen.Gen;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The testkit's own access to what {@link Gen} keeps out of its public face: building a generator
 * from a draw function and drawing a value with its shrink tree from a {@link GenContext} (the
 * property runner, the scenario generators). {@link Gen} installs the bridge when it is
 * initialized.
 */
public final class Generation {
  private static volatile @Nullable Bridge bridge;

  private Generation() {}

  /** What {@link Gen} lends: its constructor and its draw. */
  public interface Bridge {
    /**
     * A generator drawing with {@code draw}.
     *
     * @param draw draws a value and its shrink tree
     * @param <T> the value type
     * @return the generator
     */
    <T> Gen<T> gen(Function<GenContext, Shrinkable<T>> draw);

    /**
     * Draws from {@code gen}.
     *
     * @param gen the generator
     * @param ctx the random source and size hint
     * @param <T> the value type
     * @return the value and its shrink tree
     */
    <T> Shrinkable<T> generate(Gen<T> gen, GenContext ctx);
  }

  /**
   * Called once, by {@link Gen}'s initializer.
   *
   * @param b the bridge
   */
  public static void install(Bridge b) {
    bridge = b;
  }

  private static Bridge bridge() {
    Bridge b = bridge;
    if (b == null) {
      try {
        Class.forName(Gen.class.getName(), true, Gen.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("cannot initialize " + Gen.class, e);
      }
      b = bridge;
      if (b == null) {
        throw new IllegalStateException(Gen.class + " installed no bridge");
      }
    }
    return b;
  }

  /**
   * A generator drawing with {@code draw}, which must draw only from the context it is given (so
   * that one seed reproduces every value).
   *
   * @param draw draws a value and its shrink tree
   * @param <T> the value type
   * @return the generator
   */
  public static <T> Gen<T> gen(Function<GenContext, Shrinkable<T>> draw) {
    return bridge().gen(draw);
  }

  /**
   * Draws one value with its shrink tree from {@code ctx}.
   *
   * @param gen the generator
   * @param ctx the random source and size hint
   * @param <T> the value type
   * @return the value and its shrink candidates
   */
  public static <T> Shrinkable<T> generate(Gen<T> gen, GenContext ctx) {
    return bridge().generate(gen, ctx);
  }
}
