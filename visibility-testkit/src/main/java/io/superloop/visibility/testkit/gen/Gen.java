package io.superloop.visibility.testkit.gen;

import io.superloop.visibility.testkit.gen.internal.GenContext;
import io.superloop.visibility.testkit.gen.internal.Generation;
import io.superloop.visibility.testkit.gen.internal.GenerationException;
import io.superloop.visibility.testkit.gen.internal.Shrinkable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A seeded, deterministic generator of values with integrated shrinking. Each draw gives a value
 * and a lazy tree of smaller candidates; the combinators ({@link #map}, {@link #flatMap}, {@link
 * #filter}, {@link #zip}, {@link #listOf}, ...) transform whole trees, so composed generators
 * shrink automatically and their candidates keep the generator's own constraints.
 *
 * <p>Generators are built from the factories here ({@link #longs}, {@link #elements}, {@link
 * #strings}, {@link #frequency}, ...) and {@link VisibilityGens}, and combined; one seed reproduces
 * every value ({@link #sample}). Instances are immutable and can be shared.
 *
 * @param <T> the type of generated values
 */
public final class Gen<T> {
  static {
    Generation.install(
        new Generation.Bridge() {
          @Override
          public <T> Gen<T> gen(Function<GenContext, Shrinkable<T>> draw) {
            return of(draw);
          }

          @Override
          public <T> Shrinkable<T> generate(Gen<T> gen, GenContext ctx) {
            return gen.generate(ctx);
          }
        });
  }

  /** How many consecutive rejections {@link #filter(Predicate)} tolerates before giving up. */
  public static final int DEFAULT_FILTER_TRIES = 100;

  /**
   * Printable ASCII (0x20-0x7E), ordered so that shrinking goes toward {@code 'a'}: lower-case
   * letters, digits, upper-case letters, space, then punctuation.
   */
  public static final String PRINTABLE_ASCII =
      "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

  private final Function<GenContext, Shrinkable<T>> draw;

  private Gen(Function<GenContext, Shrinkable<T>> draw) {
    this.draw = draw;
  }

  /** {@return the generator that draws with {@code draw}} */
  static <T> Gen<T> of(Function<GenContext, Shrinkable<T>> draw) {
    return new Gen<>(Objects.requireNonNull(draw, "draw"));
  }

  /** Draws one value with its shrink tree from {@code ctx}. */
  Shrinkable<T> generate(GenContext ctx) {
    return draw.apply(ctx);
  }

  // ---------------------------------------------------------------- sampling

  /**
   * The first value drawn from a fresh context seeded with {@code seed}.
   *
   * @param seed the seed
   * @return the value (equal seeds give equal values)
   */
  public T sample(long seed) {
    return generate(GenContext.of(seed)).value();
  }

  /**
   * {@code count} values drawn one after the other from one fresh context seeded with {@code seed}.
   *
   * @param seed the seed
   * @param count how many values
   * @return the values, in draw order (equal seeds give equal lists)
   */
  public List<T> samples(long seed, int count) {
    GenContext ctx = GenContext.of(seed);
    List<T> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(generate(ctx).value());
    }
    return out;
  }

  // ---------------------------------------------------------------- combinators

  /**
   * A generator of {@code f} applied to this generator's values; candidates are mapped too.
   *
   * @param f the mapping (should be pure)
   * @param <R> the new value type
   * @return the mapped generator
   */
  public <R> Gen<R> map(Function<? super T, ? extends R> f) {
    Objects.requireNonNull(f, "f");
    return of(ctx -> generate(ctx).map(f));
  }

  /**
   * A generator whose second stage depends on the first value. The inner generator draws from its
   * own sub-seed, so when the outer value shrinks the inner one is regenerated with the same draws;
   * candidates are first the outer value's, then the inner value's.
   *
   * @param f the dependent generator of a value
   * @param <R> the new value type
   * @return the combined generator
   */
  public <R> Gen<R> flatMap(Function<? super T, ? extends Gen<R>> f) {
    Objects.requireNonNull(f, "f");
    return of(
        ctx -> {
          Shrinkable<T> outer = generate(ctx);
          long seed = ctx.nextSeed();
          int size = ctx.size();
          return GenSupport.bind(outer, f, seed, size);
        });
  }

  /**
   * A generator of this generator's values that satisfy {@code predicate}, retrying at most {@link
   * #DEFAULT_FILTER_TRIES} times in a row; shrink candidates that fail the predicate are dropped.
   *
   * @param predicate which values to keep
   * @return the filtered generator
   * @throws IllegalStateException (when generating) if every one of the tries is rejected
   */
  public Gen<T> filter(Predicate<? super T> predicate) {
    return filter(predicate, DEFAULT_FILTER_TRIES);
  }

  /**
   * A generator of this generator's values that satisfy {@code predicate}, retrying at most {@code
   * maxTries} times in a row; shrink candidates that fail the predicate are dropped.
   *
   * @param predicate which values to keep
   * @param maxTries how many consecutive rejections end generation with an error, at least 1
   * @return the filtered generator
   * @throws IllegalStateException (when generating) if every one of the tries is rejected
   */
  public Gen<T> filter(Predicate<? super T> predicate, int maxTries) {
    Objects.requireNonNull(predicate, "predicate");
    if (maxTries < 1) {
      throw new IllegalArgumentException("maxTries must be >= 1, got " + maxTries);
    }
    return of(
        ctx -> {
          for (int i = 0; i < maxTries; i++) {
            Shrinkable<T> s = generate(ctx);
            if (predicate.test(s.value())) {
              return s.filter(predicate);
            }
          }
          throw new GenerationException(
              "filter rejected "
                  + maxTries
                  + " generated values in a row; the predicate is too strict for this generator: "
                  + "generate valid values directly (map/flatMap) or raise maxTries");
        });
  }

  /**
   * This generator without shrinking.
   *
   * @return a generator of the same values whose trees are leaves
   */
  public Gen<T> noShrink() {
    return of(ctx -> generate(ctx).withoutShrinks());
  }

  /**
   * This generator run with the size hint {@code size}: the bound on the length of collections
   * whose own bounds leave room ({@link #listOf}, {@link #strings}), and what {@link #sized} passes
   * on (100 unless a property sets another, {@code Property.size}).
   *
   * @param size the size hint, at least 0
   * @return the resized generator
   */
  public Gen<T> resize(int size) {
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0, got " + size);
    }
    return of(ctx -> generate(ctx.withSize(size)));
  }

  // ---------------------------------------------------------------- basic generators

  /**
   * Always {@code value}; never shrinks.
   *
   * @param value the value
   * @param <T> the value type
   * @return the constant generator
   */
  public static <T> Gen<T> constant(T value) {
    Shrinkable<T> leaf = Shrinkable.of(value);
    return of(ctx -> leaf);
  }

  /**
   * Whole numbers in {@code [min, max]}, shrinking toward 0 when 0 is in range, else toward the
   * bound nearest to 0. About one draw in 16 is an edge value ({@code min}, {@code max} or that
   * target).
   *
   * @param min the smallest value
   * @param max the largest value, at least {@code min}
   * @return the generator
   * @throws IllegalArgumentException if {@code min > max}
   */
  public static Gen<Long> longs(long min, long max) {
    if (min > max) {
      throw new IllegalArgumentException("longs: min " + min + " > max " + max);
    }
    long target = min > 0 ? min : (max < 0 ? max : 0);
    return of(
        ctx -> {
          long v;
          if (ctx.nextInt(0, 15) == 0) {
            int edge = ctx.nextInt(0, 2);
            v = edge == 0 ? min : (edge == 1 ? max : target);
          } else {
            v = ctx.nextLong(min, max);
          }
          return Shrinkable.towards(v, target);
        });
  }

  /**
   * Whole numbers in {@code [min, max]}, shrinking like {@link #longs}.
   *
   * @param min the smallest value
   * @param max the largest value, at least {@code min}
   * @return the generator
   * @throws IllegalArgumentException if {@code min > max}
   */
  public static Gen<Integer> ints(int min, int max) {
    if (min > max) {
      throw new IllegalArgumentException("ints: min " + min + " > max " + max);
    }
    return longs(min, max).map(Long::intValue);
  }

  /**
   * {@code false} or {@code true}, shrinking toward {@code false}.
   *
   * @return the generator
   */
  public static Gen<Boolean> booleans() {
    return of(ctx -> ctx.nextBoolean() ? GenSupport.TRUE : GenSupport.FALSE);
  }

  /**
   * One of {@code values}, uniformly (without the edge bias of {@link #longs}), shrinking toward
   * earlier values.
   *
   * @param values the choices, at least one
   * @param <T> the value type
   * @return the generator
   */
  @SafeVarargs
  public static <T> Gen<T> elements(T... values) {
    List<T> list = new ArrayList<>(values.length);
    for (T v : values) {
      list.add(v);
    }
    return elements(list);
  }

  /**
   * One of {@code values}, uniformly (without the edge bias of {@link #longs}), shrinking toward
   * earlier values.
   *
   * @param values the choices, at least one
   * @param <T> the value type
   * @return the generator
   */
  public static <T> Gen<T> elements(List<? extends T> values) {
    List<T> copy = List.copyOf(values);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("elements: no values to choose from");
    }
    return GenSupport.choice(copy.size()).map(i -> copy.get(i.intValue()));
  }

  /**
   * A value of one of {@code gens}, chosen uniformly; shrinks first toward earlier generators, then
   * within the chosen one.
   *
   * @param gens the alternatives, at least one
   * @param <T> the value type
   * @return the generator
   */
  @SafeVarargs
  public static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
    List<Gen<? extends T>> copy = new ArrayList<>(gens.length);
    for (Gen<? extends T> g : gens) {
      copy.add(Objects.requireNonNull(g, "gen"));
    }
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("oneOf: no generators to choose from");
    }
    return GenSupport.choice(copy.size()).flatMap(i -> GenSupport.widen(copy.get(i.intValue())));
  }

  /**
   * An alternative for {@link #frequency}: {@code gen} chosen with relative weight {@code weight}.
   *
   * @param weight the relative weight, at least 1
   * @param gen the alternative
   * @param <T> the value type
   * @return the pair (weight, generator)
   * @throws IllegalArgumentException if {@code weight < 1}
   */
  public static <T> Map.Entry<Integer, Gen<? extends T>> weighted(
      int weight, Gen<? extends T> gen) {
    if (weight < 1) {
      throw new IllegalArgumentException("weight must be >= 1, got " + weight);
    }
    return Map.entry(weight, Objects.requireNonNull(gen, "gen"));
  }

  /**
   * A value of one of the alternatives, chosen with probability proportional to its weight; shrinks
   * first toward earlier alternatives, then within the chosen one.
   *
   * @param alternatives the weighted generators ({@link #weighted}), at least one
   * @param <T> the value type
   * @return the generator
   */
  @SafeVarargs
  public static <T> Gen<T> frequency(
      Map.Entry<Integer, ? extends Gen<? extends T>>... alternatives) {
    List<Map.Entry<Integer, ? extends Gen<? extends T>>> list =
        new ArrayList<>(alternatives.length);
    for (Map.Entry<Integer, ? extends Gen<? extends T>> w : alternatives) {
      list.add(w);
    }
    return frequency(list);
  }

  /**
   * A value of one of the alternatives, chosen with probability proportional to its weight; shrinks
   * first toward earlier alternatives, then within the chosen one.
   *
   * @param alternatives the weighted generators ({@link #weighted}), at least one
   * @param <T> the value type
   * @return the generator
   * @throws IllegalArgumentException if there is no alternative or a weight is below 1
   */
  public static <T> Gen<T> frequency(
      List<? extends Map.Entry<Integer, ? extends Gen<? extends T>>> alternatives) {
    List<Map.Entry<Integer, ? extends Gen<? extends T>>> copy = List.copyOf(alternatives);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("frequency: no alternatives");
    }
    long[] upper = new long[copy.size()];
    long total = 0;
    for (int i = 0; i < copy.size(); i++) {
      int weight = copy.get(i).getKey();
      if (weight < 1) {
        throw new IllegalArgumentException("weight must be >= 1, got " + weight);
      }
      total += weight;
      upper[i] = total;
    }
    long sum = total;
    return GenSupport.choice(sum)
        .flatMap(
            r -> {
              int i = 0;
              while (r >= upper[i]) {
                i++;
              }
              return GenSupport.<T>widen(copy.get(i).getValue());
            });
  }

  /**
   * {@link Optional#empty()} about one time in four, else a value of {@code gen}; shrinks toward
   * empty first.
   *
   * @param gen the generator of present values
   * @param <T> the value type
   * @return the generator
   */
  public static <T> Gen<Optional<T>> optionals(Gen<T> gen) {
    return frequency(
        weighted(1, constant(Optional.<T>empty())), weighted(3, gen.map(Optional::of)));
  }

  /**
   * Characters of {@code alphabet}, uniformly, shrinking toward the alphabet's first character.
   *
   * @param alphabet the characters to choose from, not empty
   * @return the generator
   */
  public static Gen<Character> chars(String alphabet) {
    if (alphabet.isEmpty()) {
      throw new IllegalArgumentException("chars: empty alphabet");
    }
    String a = alphabet;
    return GenSupport.choice(a.length()).map(i -> a.charAt(i.intValue()));
  }

  /**
   * Characters in {@code [min, max]}, uniformly, shrinking toward {@code min}.
   *
   * @param min the smallest character
   * @param max the largest character, at least {@code min}
   * @return the generator
   */
  public static Gen<Character> chars(char min, char max) {
    if (min > max) {
      throw new IllegalArgumentException("chars: min > max");
    }
    return GenSupport.choice(max - min + 1L).map(i -> (char) (min + i));
  }

  /**
   * Strings of characters from {@code alphabet} with a length in {@code [minLength, maxLength]}
   * (limited further by the size hint as in {@link #listOf}); shrink shorter first, then toward the
   * alphabet's first character.
   *
   * @param alphabet the characters to use, not empty
   * @param minLength the shortest length, at least 0
   * @param maxLength the longest length, at least {@code minLength}
   * @return the generator
   */
  public static Gen<String> strings(String alphabet, int minLength, int maxLength) {
    return strings(chars(alphabet), minLength, maxLength);
  }

  /**
   * Strings of characters from {@code chars} with a length in {@code [minLength, maxLength]}
   * (limited further by the size hint as in {@link #listOf}); shrink shorter first, then each
   * character.
   *
   * @param chars the character generator
   * @param minLength the shortest length, at least 0
   * @param maxLength the longest length, at least {@code minLength}
   * @return the generator
   */
  public static Gen<String> strings(Gen<Character> chars, int minLength, int maxLength) {
    return listOf(chars, minLength, maxLength)
        .map(
            cs -> {
              StringBuilder sb = new StringBuilder(cs.size());
              for (Character c : cs) {
                sb.append(c.charValue());
              }
              return sb.toString();
            });
  }

  /**
   * Lists of values of {@code element} with a size in {@code [minSize, maxSize]}: the size is drawn
   * uniformly from {@code [minSize, min(maxSize, minSize + size hint)]}. Shrinks by removing
   * elements (all excess at once, then halving chunks, then single elements), never below {@code
   * minSize}, then by shrinking elements in order. The lists are unmodifiable.
   *
   * @param element the element generator
   * @param minSize the smallest size, at least 0
   * @param maxSize the largest size, at least {@code minSize}
   * @param <T> the element type
   * @return the generator
   */
  public static <T> Gen<List<T>> listOf(Gen<T> element, int minSize, int maxSize) {
    Objects.requireNonNull(element, "element");
    if (minSize < 0 || minSize > maxSize) {
      throw new IllegalArgumentException(
          "listOf: need 0 <= minSize <= maxSize, got " + minSize + ", " + maxSize);
    }
    return of(
        ctx -> {
          long cap = Math.min((long) maxSize, (long) minSize + ctx.size());
          int n = ctx.nextInt(minSize, (int) cap);
          List<Shrinkable<T>> elements = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            elements.add(element.generate(ctx));
          }
          return Shrinkable.list(elements, minSize);
        });
  }

  /**
   * Fixed-length lists: one value of each of {@code gens}, in order; shrinks element by element.
   * This is the n-ary form of {@link #zip}.
   *
   * @param gens the element generators
   * @param <T> the element type
   * @return the generator of unmodifiable lists
   */
  public static <T> Gen<List<T>> sequence(List<? extends Gen<? extends T>> gens) {
    List<Gen<? extends T>> copy = List.copyOf(gens);
    return of(
        ctx -> {
          List<Shrinkable<T>> elements = new ArrayList<>(copy.size());
          for (Gen<? extends T> g : copy) {
            elements.add(GenSupport.<T>widen(g).generate(ctx));
          }
          return Shrinkable.sequence(elements);
        });
  }

  /**
   * Values of {@code a} and {@code b} combined with {@code f}; shrinks {@code a} first, then {@code
   * b}, each independently of the other.
   *
   * @param a the first generator
   * @param b the second generator
   * @param f combines the values
   * @param <A> the first type
   * @param <B> the second type
   * @param <R> the combined type
   * @return the generator
   */
  public static <A, B, R> Gen<R> zip(
      Gen<A> a, Gen<B> b, BiFunction<? super A, ? super B, ? extends R> f) {
    Objects.requireNonNull(f, "f");
    return of(
        ctx -> {
          Shrinkable<A> sa = a.generate(ctx);
          Shrinkable<B> sb = b.generate(ctx);
          return Shrinkable.zip(sa, sb, f);
        });
  }

  /**
   * A generator built from the current size hint, for recursive structures: for example {@code
   * sized(n -> n == 0 ? leaf : oneOf(leaf, node(lazy(() -> self).resize(n / 2))))}.
   *
   * @param f the generator for a size hint
   * @param <T> the value type
   * @return the generator
   */
  public static <T> Gen<T> sized(IntFunction<? extends Gen<T>> f) {
    Objects.requireNonNull(f, "f");
    return of(ctx -> f.apply(ctx.size()).generate(ctx));
  }

  /**
   * A generator that asks {@code supplier} for the real generator at each draw, so that recursive
   * generators can refer to themselves before they are built.
   *
   * @param supplier supplies the generator
   * @param <T> the value type
   * @return the generator
   */
  public static <T> Gen<T> lazy(Supplier<? extends Gen<T>> supplier) {
    Objects.requireNonNull(supplier, "supplier");
    return of(ctx -> supplier.get().generate(ctx));
  }
}
