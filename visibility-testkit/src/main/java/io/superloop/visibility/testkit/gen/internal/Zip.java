package io.superloop.visibility.testkit.gen.internal;

import io.superloop.visibility.testkit.gen.Gen;
import java.util.List;
import java.util.Objects;

/**
 * Three- and four-way {@link Gen#zip}: the library's own generators combine up to four values with
 * these; a user nests {@code Gen.zip} (which shrinks the same way: in order, independently).
 */
public final class Zip {
  private Zip() {}

  /**
   * Values of three generators combined with {@code f}; shrinks them in order, independently.
   *
   * @param a the first generator
   * @param b the second generator
   * @param c the third generator
   * @param f combines the values
   * @param <A> the first type
   * @param <B> the second type
   * @param <C> the third type
   * @param <R> the combined type
   * @return the generator
   */
  public static <A, B, C, R> Gen<R> zip(
      Gen<A> a, Gen<B> b, Gen<C> c, Fn3<? super A, ? super B, ? super C, ? extends R> f) {
    Objects.requireNonNull(f, "f");
    return Gen.sequence(List.<Gen<?>>of(a, b, c))
        .map(l -> f.apply(Zip.<A>cast(l.get(0)), Zip.<B>cast(l.get(1)), Zip.<C>cast(l.get(2))));
  }

  /**
   * Values of four generators combined with {@code f}; shrinks them in order, independently.
   *
   * @param a the first generator
   * @param b the second generator
   * @param c the third generator
   * @param d the fourth generator
   * @param f combines the values
   * @param <A> the first type
   * @param <B> the second type
   * @param <C> the third type
   * @param <D> the fourth type
   * @param <R> the combined type
   * @return the generator
   */
  public static <A, B, C, D, R> Gen<R> zip(
      Gen<A> a,
      Gen<B> b,
      Gen<C> c,
      Gen<D> d,
      Fn4<? super A, ? super B, ? super C, ? super D, ? extends R> f) {
    Objects.requireNonNull(f, "f");
    return Gen.sequence(List.<Gen<?>>of(a, b, c, d))
        .map(
            l ->
                f.apply(
                    Zip.<A>cast(l.get(0)),
                    Zip.<B>cast(l.get(1)),
                    Zip.<C>cast(l.get(2)),
                    Zip.<D>cast(l.get(3))));
  }

  /** An unchecked cast of a value whose type the caller knows. */
  @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"})
  private static <T> T cast(Object value) {
    return (T) value;
  }

  /**
   * A function of three arguments.
   *
   * @param <A> the first argument type
   * @param <B> the second argument type
   * @param <C> the third argument type
   * @param <R> the result type
   */
  @FunctionalInterface
  public interface Fn3<A, B, C, R> {
    /**
     * Applies the function.
     *
     * @param a the first argument
     * @param b the second argument
     * @param c the third argument
     * @return the result
     */
    R apply(A a, B b, C c);
  }

  /**
   * A function of four arguments.
   *
   * @param <A> the first argument type
   * @param <B> the second argument type
   * @param <C> the third argument type
   * @param <D> the fourth argument type
   * @param <R> the result type
   */
  @FunctionalInterface
  public interface Fn4<A, B, C, D, R> {
    /**
     * Applies the function.
     *
     * @param a the first argument
     * @param b the second argument
     * @param c the third argument
     * @param d the fourth argument
     * @return the result
     */
    R apply(A a, B b, C c, D d);
  }
}
