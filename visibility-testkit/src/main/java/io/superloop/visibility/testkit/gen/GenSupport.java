package io.superloop.visibility.testkit.gen;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/** Package-private helpers of {@link Gen}. */
final class GenSupport {
  static final Shrinkable<Boolean> FALSE = Shrinkable.of(false);
  static final Shrinkable<Boolean> TRUE = Shrinkable.of(true, () -> Stream.of(FALSE));

  private GenSupport() {}

  /** A uniform choice in {@code [0, n)} (no edge bias), shrinking toward 0. */
  static Gen<Long> choice(long n) {
    return ctx -> Shrinkable.towards(ctx.nextLong(0, n - 1), 0);
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

  /**
   * The concatenation of {@code part.apply(0)}, ..., {@code part.apply(count - 1)}, each part
   * created only when the previous one is used up and each element pulled one at a time ({@code
   * Stream.flatMap} would buffer a whole part when traversed through an iterator).
   */
  static <T> Stream<T> concatLazily(int count, IntFunction<? extends Stream<? extends T>> part) {
    Iterator<T> it =
        new Iterator<T>() {
          private int next;
          private @Nullable Iterator<? extends T> current;

          @Override
          public boolean hasNext() {
            while (true) {
              Iterator<? extends T> c = current;
              if (c != null && c.hasNext()) {
                return true;
              }
              if (next >= count) {
                return false;
              }
              current = part.apply(next++).iterator();
            }
          }

          @Override
          public T next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            Iterator<? extends T> c = current;
            if (c == null) {
              throw new NoSuchElementException(); // unreachable: hasNext() set it
            }
            return c.next();
          }
        };
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  /** A generator of a subtype seen as a generator of the supertype (generators only produce). */
  @SuppressWarnings("unchecked")
  static <T> Gen<T> widen(Gen<? extends T> gen) {
    return (Gen<T>) gen;
  }
}
