package io.superloop.visibility.testkit.gen.internal;

import io.superloop.visibility.testkit.gen.Gen;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * A generated value together with its shrink candidates: a lazily unfolded tree whose children are
 * "smaller" values, best (most aggressive) first. A property runner walks the tree greedily: it
 * moves to the first child that still fails and stops when no child fails.
 *
 * <p>Children are computed on each call of {@link #shrinks()}, never stored, so a large tree costs
 * nothing until it is walked. Instances are immutable if the values are.
 *
 * @param <T> the value type
 */
public final class Shrinkable<T> {
  private final T value;
  private final Supplier<? extends Stream<Shrinkable<T>>> shrinks;

  private Shrinkable(T value, Supplier<? extends Stream<Shrinkable<T>>> shrinks) {
    this.value = value;
    this.shrinks = shrinks;
  }

  /**
   * A value without shrink candidates.
   *
   * @param value the value
   * @param <T> the value type
   * @return a leaf
   */
  public static <T> Shrinkable<T> of(T value) {
    return new Shrinkable<>(value, Stream::empty);
  }

  /**
   * A value whose candidates are computed by {@code shrinks} on demand.
   *
   * @param value the value
   * @param shrinks computes the direct candidates, best first
   * @param <T> the value type
   * @return the tree
   */
  public static <T> Shrinkable<T> of(T value, Supplier<? extends Stream<Shrinkable<T>>> shrinks) {
    return new Shrinkable<>(value, Objects.requireNonNull(shrinks, "shrinks"));
  }

  /**
   * The tree obtained by applying {@code shrinker} to {@code value}, then to each candidate, and so
   * on. {@code shrinker} must eventually return no candidates (each candidate strictly "smaller").
   *
   * @param value the root value
   * @param shrinker the direct candidates of a value, best first
   * @param <T> the value type
   * @return the tree
   */
  public static <T> Shrinkable<T> unfold(
      T value, Function<? super T, ? extends Stream<? extends T>> shrinker) {
    return new Shrinkable<>(
        value, () -> shrinker.apply(value).map(v -> Shrinkable.<T>unfold(v, shrinker)));
  }

  /**
   * The tree of a whole number shrinking toward {@code target}: candidates are {@code target}
   * itself, then values ever closer to {@code value} by halving the distance, ending with the
   * neighbour of {@code value}. For a predicate that fails exactly above (or below) a threshold,
   * greedy shrinking therefore reaches the threshold exactly.
   *
   * @param value the root value
   * @param target the value to shrink toward
   * @return the tree
   */
  public static Shrinkable<Long> towards(long value, long target) {
    return unfold(value, v -> towardsCandidates(v, target));
  }

  private static Stream<Long> towardsCandidates(long value, long target) {
    if (value == target) {
      return Stream.empty();
    }
    // Halving the difference of the halves cannot overflow (as in Hedgehog's `towards`).
    long diff = (value / 2) - (target / 2);
    List<Long> out = new ArrayList<>(66);
    out.add(target);
    for (long d = diff; d != 0; d /= 2) {
      long candidate = value - d;
      if (candidate != target && candidate != value) {
        out.add(candidate);
      }
    }
    long neighbour = value > target ? value - 1 : value + 1;
    if (out.get(out.size() - 1) != neighbour) {
      out.add(neighbour);
    }
    return out.stream();
  }

  /**
   * The value.
   *
   * @return the value
   */
  public T value() {
    return value;
  }

  /**
   * The direct shrink candidates, best first, freshly computed on each call.
   *
   * @return a new stream of candidates
   */
  public Stream<Shrinkable<T>> shrinks() {
    return shrinks.get();
  }

  /**
   * This tree with {@code f} applied to every value.
   *
   * @param f the mapping, applied lazily while shrinking
   * @param <R> the new value type
   * @return the mapped tree
   */
  public <R> Shrinkable<R> map(Function<? super T, ? extends R> f) {
    R mapped = f.apply(value);
    return new Shrinkable<>(mapped, () -> shrinks().map(s -> s.<R>map(f)));
  }

  /**
   * This tree without the candidates (and their subtrees) whose value fails {@code predicate}. The
   * root is kept as it is.
   *
   * @param predicate which candidates to keep
   * @return the filtered tree
   */
  public Shrinkable<T> filter(Predicate<? super T> predicate) {
    return new Shrinkable<>(
        value, () -> shrinks().filter(s -> predicate.test(s.value)).map(s -> s.filter(predicate)));
  }

  /**
   * The monadic bind of trees: {@code f} gives a tree for every value of this tree. Candidates are
   * first this tree's candidates (each with its own {@code f} tree), then the candidates of the
   * root's {@code f} tree. {@link Gen#flatMap} uses a variant that regenerates from a fixed seed.
   *
   * @param f the dependent tree of a value
   * @param <R> the new value type
   * @return the combined tree
   */
  public <R> Shrinkable<R> flatMap(Function<? super T, Shrinkable<R>> f) {
    Shrinkable<R> inner = f.apply(value);
    return new Shrinkable<>(
        inner.value, () -> Stream.concat(shrinks().map(s -> s.flatMap(f)), inner.shrinks()));
  }

  /**
   * This tree without candidates.
   *
   * @return a leaf with this value
   */
  public Shrinkable<T> withoutShrinks() {
    return of(value);
  }

  /**
   * The product of two trees combined with {@code f}: first {@code a}'s candidates (with {@code b}
   * fixed), then {@code b}'s candidates (with {@code a} fixed).
   *
   * @param a the first tree
   * @param b the second tree
   * @param f combines two values
   * @param <A> the first value type
   * @param <B> the second value type
   * @param <R> the combined type
   * @return the combined tree
   */
  public static <A, B, R> Shrinkable<R> zip(
      Shrinkable<A> a, Shrinkable<B> b, BiFunction<? super A, ? super B, ? extends R> f) {
    R combined = f.apply(a.value, b.value);
    return new Shrinkable<>(
        combined,
        () ->
            Stream.concat(
                a.shrinks().map(sa -> Shrinkable.<A, B, R>zip(sa, b, f)),
                b.shrinks().map(sb -> Shrinkable.<A, B, R>zip(a, sb, f))));
  }

  /**
   * A fixed-length list of trees as a tree of lists: candidates shrink one element at a time, first
   * element first. The length never changes.
   *
   * @param elements the element trees
   * @param <T> the element type
   * @return the tree of unmodifiable lists
   */
  public static <T> Shrinkable<List<T>> sequence(List<Shrinkable<T>> elements) {
    List<Shrinkable<T>> copy = List.copyOf(elements);
    return new Shrinkable<>(values(copy), () -> elementShrinks(copy).map(Shrinkable::sequence));
  }

  /**
   * A variable-length list of trees as a tree of lists that never gets shorter than {@code
   * minSize}. Candidates: first removals (all excess elements at once, then chunks of half that
   * size, down to single elements), then each element's candidates in order.
   *
   * @param elements the element trees
   * @param minSize the shortest length a candidate may have
   * @param <T> the element type
   * @return the tree of unmodifiable lists
   */
  public static <T> Shrinkable<List<T>> list(List<Shrinkable<T>> elements, int minSize) {
    List<Shrinkable<T>> copy = List.copyOf(elements);
    return new Shrinkable<>(
        values(copy),
        () ->
            Stream.concat(removals(copy, minSize), elementShrinks(copy))
                .map(l -> Shrinkable.list(l, minSize)));
  }

  private static <T> List<T> values(List<Shrinkable<T>> elements) {
    List<T> out = new ArrayList<>(elements.size());
    for (Shrinkable<T> e : elements) {
      out.add(e.value);
    }
    return Collections.unmodifiableList(out);
  }

  private static <T> Stream<List<Shrinkable<T>>> removals(
      List<Shrinkable<T>> elements, int minSize) {
    int n = elements.size();
    int excess = n - minSize;
    if (excess <= 0) {
      return Stream.empty();
    }
    List<Integer> chunkSizes = new ArrayList<>();
    for (int k = excess; k > 0; k /= 2) {
      chunkSizes.add(k);
    }
    return concatLazily(
        chunkSizes.size(),
        j -> {
          int k = chunkSizes.get(j);
          return Stream.iterate(0, start -> start + k <= n, start -> start + k)
              .map(start -> without(elements, start, k));
        });
  }

  private static <T> List<Shrinkable<T>> without(
      List<Shrinkable<T>> elements, int start, int count) {
    List<Shrinkable<T>> out = new ArrayList<>(elements.size() - count);
    out.addAll(elements.subList(0, start));
    out.addAll(elements.subList(start + count, elements.size()));
    return out;
  }

  private static <T> Stream<List<Shrinkable<T>>> elementShrinks(List<Shrinkable<T>> elements) {
    return concatLazily(
        elements.size(),
        i ->
            elements
                .get(i)
                .shrinks()
                .map(
                    s -> {
                      List<Shrinkable<T>> out = new ArrayList<>(elements);
                      out.set(i, s);
                      return out;
                    }));
  }

  /** The value's {@code toString}. */
  @Override
  public String toString() {
    return String.valueOf(value);
  }

  /**
   * The concatenation of {@code part.apply(0)}, ..., {@code part.apply(count - 1)}, each part
   * created only when the previous one is used up and each element pulled one at a time ({@code
   * Stream.flatMap} would buffer a whole part when traversed through an iterator).
   */
  private static <T> Stream<T> concatLazily(
      int count, IntFunction<? extends Stream<? extends T>> part) {
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
}
