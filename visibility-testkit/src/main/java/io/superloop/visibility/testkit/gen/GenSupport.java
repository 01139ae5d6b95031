package io.superloop.visibility.testkit.gen;

import io.superloop.visibility.testkit.gen.internal.GenContext;
import io.superloop.visibility.testkit.gen.internal.GenerationException;
import io.superloop.visibility.testkit.gen.internal.Shrinkable;
import java.util.function.Function;
import java.util.stream.Stream;

/** Package-private helpers of {@link Gen}. */
final class GenSupport {
  static final Shrinkable<Boolean> FALSE = Shrinkable.of(false);
  static final Shrinkable<Boolean> TRUE = Shrinkable.of(true, () -> Stream.of(FALSE));

  private GenSupport() {}

  /** A uniform choice in {@code [0, n)} (no edge bias), shrinking toward 0. */
  static Gen<Long> choice(long n) {
    return Gen.of(ctx -> Shrinkable.towards(ctx.nextLong(0, n - 1), 0));
  }

  /** The tree of {@code f} regenerated from a fixed seed for each value of {@code outer}. */
  static <T, R> Shrinkable<R> bind(
      Shrinkable<T> outer, Function<? super T, ? extends Gen<R>> f, long seed, int size) {
    Shrinkable<R> inner = f.apply(outer.value()).generate(GenContext.of(seed, size));
    return Shrinkable.of(
        inner.value(),
        () ->
            Stream.concat(
                outer.shrinks().flatMap(o -> tryBind(o, f, seed, size)), inner.shrinks()));
  }

  private static <T, R> Stream<Shrinkable<R>> tryBind(
      Shrinkable<T> outer, Function<? super T, ? extends Gen<R>> f, long seed, int size) {
    try {
      return Stream.of(bind(outer, f, seed, size));
    } catch (GenerationException e) {
      // The inner generator cannot produce a value for this smaller outer value: skip the
      // candidate.
      return Stream.empty();
    }
  }

  /** A generator of a subtype seen as a generator of the supertype (generators only produce). */
  @SuppressWarnings("unchecked")
  static <T> Gen<T> widen(Gen<? extends T> gen) {
    return (Gen<T>) gen;
  }
}
