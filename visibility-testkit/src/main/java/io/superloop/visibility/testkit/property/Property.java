package io.superloop.visibility.testkit.property;

import io.superloop.visibility.testkit.gen.Gen;
import io.superloop.visibility.testkit.gen.internal.GenContext;
import io.superloop.visibility.testkit.gen.internal.Generation;
import io.superloop.visibility.testkit.gen.internal.GenerationException;
import io.superloop.visibility.testkit.gen.internal.Shrinkable;
import java.time.Duration;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * A property over the values of a generator, and its runner. Usable from JUnit 5 or any other code:
 *
 * <pre>{@code
 * Property.forAll(Gen.longs(0, 1_000_000_000L))
 *     .named("parse(format(x)) == x")
 *     .tries(500)
 *     .check(x -> assertEquals(x, parse(format(x))));
 * }</pre>
 *
 * <p>Each try draws a value and runs the body; the body fails by throwing anything (an {@link
 * AssertionError} or any exception) or, for {@link #checkThat}, by returning {@code false}. On the
 * first failure the value is shrunk greedily: the runner moves to the first candidate that still
 * fails (with any failure) until none does, or until the shrink budget is spent. {@link #check}
 * then throws an {@link AssertionError} naming the property, seed, try, the original and the shrunk
 * counterexample, the failure, and the replay flag {@code -Dvisibility.property.seed=<seed>}, with
 * the original failure as its cause; {@link #run} returns a {@link PropertyResult} instead.
 *
 * <p><b>Shrink budget.</b> Shrinking stops at whichever comes first: {@link #maxShrinkSteps}
 * candidate runs (default: the system property {@value #SHRINK_STEPS_PROPERTY}, else {@value
 * #DEFAULT_MAX_SHRINK_STEPS}), or {@link #maxShrinkTime} of wall-clock time (default: the system
 * property {@value #SHRINK_SECONDS_PROPERTY} in whole seconds, else no limit). A counterexample
 * that stopped at the budget says so ({@link Counterexample#shrinkLimitReached()}); it still fails,
 * it may just not be the smallest. The step budget keeps shrinking reproducible (the same seed
 * shrinks to the same value); the time budget does not, which is why it is off by default.
 *
 * <p>In JUnit 5, annotate the test method with {@link PropertyTest} to set the tries and replay a
 * seed there.
 *
 * <p>Defaults: tries from the system property {@value #TRIES_PROPERTY} (else {@value
 * #DEFAULT_TRIES}); the seed from {@value #SEED_PROPERTY} if set, else a random one. Values set on
 * the property itself ({@link #tries}, {@link #seed}, {@link #maxShrinkSteps}, {@link
 * #maxShrinkTime}) take precedence over the system properties. All tries of a run draw, in order,
 * from one random source seeded with the run's seed, so the same seed replays the same values. A
 * property object is immutable; the setters return copies.
 *
 * @param <T> the type of the values checked
 */
public final class Property<T> {
  /** The system property giving the default number of tries. */
  public static final String TRIES_PROPERTY = "visibility.property.tries";

  /** The system property fixing the seed of every property that does not set its own. */
  public static final String SEED_PROPERTY = "visibility.property.seed";

  /** Tries per property when neither {@link #tries} nor {@value #TRIES_PROPERTY} is set. */
  public static final int DEFAULT_TRIES = 1000;

  /**
   * The system property giving the default bound on candidate runs while shrinking ({@link
   * #maxShrinkSteps}).
   */
  public static final String SHRINK_STEPS_PROPERTY = "visibility.property.shrinkSteps";

  /**
   * The system property giving the default wall-clock bound on shrinking, in whole seconds ({@link
   * #maxShrinkTime}); unset: no time bound.
   */
  public static final String SHRINK_SECONDS_PROPERTY = "visibility.property.shrinkSeconds";

  /**
   * The bound on candidate runs while shrinking one counterexample when neither {@link
   * #maxShrinkSteps} nor {@value #SHRINK_STEPS_PROPERTY} is set.
   */
  public static final int DEFAULT_MAX_SHRINK_STEPS = 2_000;

  private final Gen<T> gen;
  private final @Nullable String name;
  private final int tries; // 0 = from the system property
  private final boolean seeded;
  private final long seed;
  private final int size;
  private final int maxShrinkSteps; // -1 = from the system property
  private final @Nullable Duration maxShrinkTime; // null = from the system property

  private Property(
      Gen<T> gen,
      @Nullable String name,
      int tries,
      boolean seeded,
      long seed,
      int size,
      int maxShrinkSteps,
      @Nullable Duration maxShrinkTime) {
    this.gen = gen;
    this.name = name;
    this.tries = tries;
    this.seeded = seeded;
    this.seed = seed;
    this.size = size;
    this.maxShrinkSteps = maxShrinkSteps;
    this.maxShrinkTime = maxShrinkTime;
  }

  /**
   * A property over the values of {@code gen}, with default settings.
   *
   * @param gen the generator of values
   * @param <T> the value type
   * @return the property
   */
  public static <T> Property<T> forAll(Gen<T> gen) {
    return new Property<>(
        Objects.requireNonNull(gen, "gen"), null, 0, false, 0L, GenContext.DEFAULT_SIZE, -1, null);
  }

  /**
   * This property with a name for reports (by default the calling class and method).
   *
   * @param name the name
   * @return a copy with the name
   */
  public Property<T> named(String name) {
    return new Property<>(
        gen,
        Objects.requireNonNull(name, "name"),
        tries,
        seeded,
        seed,
        size,
        maxShrinkSteps,
        maxShrinkTime);
  }

  /**
   * This property with {@code tries} tries (overrides {@value #TRIES_PROPERTY}).
   *
   * @param tries the number of values to check, at least 1
   * @return a copy with the number of tries
   */
  public Property<T> tries(int tries) {
    if (tries < 1) {
      throw new IllegalArgumentException("tries must be >= 1, got " + tries);
    }
    return new Property<>(gen, name, tries, seeded, seed, size, maxShrinkSteps, maxShrinkTime);
  }

  /**
   * This property with a fixed seed (overrides {@value #SEED_PROPERTY}).
   *
   * @param seed the seed
   * @return a copy with the seed
   */
  public Property<T> seed(long seed) {
    return new Property<>(gen, name, tries, true, seed, size, maxShrinkSteps, maxShrinkTime);
  }

  /**
   * This property with the generator size hint {@code size} (default 100): the bound on the length
   * of generated collections whose own bounds leave room.
   *
   * @param size the size hint, at least 0
   * @return a copy with the size hint
   */
  public Property<T> size(int size) {
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0, got " + size);
    }
    return new Property<>(gen, name, tries, seeded, seed, size, maxShrinkSteps, maxShrinkTime);
  }

  /**
   * This property with at most {@code maxShrinkSteps} candidate runs while shrinking (0 disables
   * shrinking); overrides {@value #SHRINK_STEPS_PROPERTY}.
   *
   * @param maxShrinkSteps the bound, at least 0
   * @return a copy with the bound
   */
  public Property<T> maxShrinkSteps(int maxShrinkSteps) {
    if (maxShrinkSteps < 0) {
      throw new IllegalArgumentException("maxShrinkSteps must be >= 0, got " + maxShrinkSteps);
    }
    return new Property<>(gen, name, tries, seeded, seed, size, maxShrinkSteps, maxShrinkTime);
  }

  /**
   * This property with at most {@code maxShrinkTime} of wall-clock time spent shrinking one
   * counterexample (checked before each candidate run; a run in progress is not interrupted);
   * overrides {@value #SHRINK_SECONDS_PROPERTY}.
   *
   * @param maxShrinkTime the bound, not negative ({@link Duration#ZERO} disables shrinking)
   * @return a copy with the bound
   */
  public Property<T> maxShrinkTime(Duration maxShrinkTime) {
    if (maxShrinkTime.isNegative()) {
      throw new IllegalArgumentException(
          "maxShrinkTime must not be negative, got " + maxShrinkTime);
    }
    return new Property<>(gen, name, tries, seeded, seed, size, maxShrinkSteps, maxShrinkTime);
  }

  /**
   * Runs {@code body} for every try; it fails by throwing anything (an {@link AssertionError}, an
   * exception, checked ones included).
   *
   * @param body the check of one value
   * @throws AssertionError describing the shrunk counterexample if some value fails
   * @throws IllegalStateException if the generator cannot produce a value (the message names the
   *     seed)
   */
  public void check(ThrowingConsumer<? super T> body) {
    run(body).assertPassed();
  }

  /**
   * Runs {@code condition} for every try; it fails by returning {@code false} or throwing.
   *
   * @param condition the condition every value must meet
   * @throws AssertionError describing the shrunk counterexample if some value fails
   * @throws IllegalStateException if the generator cannot produce a value (the message names the
   *     seed)
   */
  public void checkThat(Predicate<? super T> condition) {
    runThat(condition).assertPassed();
  }

  /**
   * Like {@link #checkThat} but returns the result instead of throwing on a failing value.
   *
   * @param condition the condition every value must meet
   * @return the outcome
   * @throws IllegalStateException if the generator cannot produce a value (the message names the
   *     seed)
   */
  public PropertyResult<T> runThat(Predicate<? super T> condition) {
    Objects.requireNonNull(condition, "condition");
    return run(
        v -> {
          if (!condition.test(v)) {
            throw new AssertionError("condition returned false");
          }
        });
  }

  /**
   * Like {@link #check} but returns the result instead of throwing on a failing value.
   *
   * @param body the check of one value
   * @return the outcome
   * @throws IllegalStateException if the generator cannot produce a value (the message names the
   *     seed)
   */
  public PropertyResult<T> run(ThrowingConsumer<? super T> body) {
    Objects.requireNonNull(body, "body");
    String propertyName = name != null ? name : callerName();
    Optional<PropertyScope> scope = PropertyScope.current();
    OptionalLong scopeSeed = scope.map(PropertyScope::seed).orElse(OptionalLong.empty());
    long runSeed =
        seeded
            ? seed
            : scopeSeed.isPresent()
                ? scopeSeed.getAsLong()
                : configuredSeed().orElseGet(() -> ThreadLocalRandom.current().nextLong());
    int scopeTries = scope.map(PropertyScope::tries).orElse(0);
    int runTries = tries > 0 ? tries : scopeTries > 0 ? scopeTries : defaultTries();
    GenContext ctx = GenContext.of(runSeed, size);
    for (int i = 1; i <= runTries; i++) {
      Shrinkable<T> drawn;
      try {
        drawn = Generation.generate(gen, ctx);
      } catch (GenerationException e) {
        throw new GenerationException(
            "Property '"
                + propertyName
                + "': the generator failed on try "
                + i
                + " (seed "
                + runSeed
                + "): "
                + e.getMessage()
                + "\n  replay: -D"
                + SEED_PROPERTY
                + "="
                + runSeed,
            e);
      }
      Throwable failure = evaluate(body, drawn.value());
      if (failure != null) {
        PropertyResult<T> r = shrink(propertyName, runSeed, runTries, i, drawn, failure, body);
        if (scope.isPresent()) {
          r.noteAnnotated();
        }
        return r;
      }
    }
    return new PropertyResult<>(propertyName, runSeed, size, runTries, runTries, null);
  }

  private PropertyResult<T> shrink(
      String propertyName,
      long runSeed,
      int runTries,
      int tryNumber,
      Shrinkable<T> original,
      Throwable originalFailure,
      ThrowingConsumer<? super T> body) {
    int stepBudget = maxShrinkSteps >= 0 ? maxShrinkSteps : defaultMaxShrinkSteps();
    Duration timeBudget =
        maxShrinkTime != null ? maxShrinkTime : defaultMaxShrinkTime().orElse(null);
    long started = System.nanoTime();
    long deadline = timeBudget == null ? Long.MAX_VALUE : started + saturatedNanos(timeBudget);
    Shrinkable<T> current = original;
    Throwable currentFailure = originalFailure;
    int steps = 0;
    int taken = 0;
    boolean limitReached = false;
    @Nullable RuntimeException shrinkError = null;
    search:
    while (true) {
      try {
        Iterator<Shrinkable<T>> candidates = current.shrinks().iterator();
        while (candidates.hasNext()) {
          if (steps >= stepBudget || (timeBudget != null && System.nanoTime() - deadline >= 0)) {
            limitReached = true;
            break search;
          }
          Shrinkable<T> candidate = candidates.next();
          steps++;
          Throwable f = evaluate(body, candidate.value());
          if (f != null) {
            current = candidate;
            currentFailure = f;
            taken++;
            continue search;
          }
        }
      } catch (RuntimeException e) {
        // Computing candidates failed (for example a mapping function threw): keep what we have.
        shrinkError = e;
      }
      break;
    }
    Counterexample<T> ce =
        new Counterexample<>(
            tryNumber,
            original.value(),
            originalFailure,
            current.value(),
            currentFailure,
            steps,
            taken,
            limitReached,
            Duration.ofNanos(System.nanoTime() - started));
    PropertyResult<T> result =
        new PropertyResult<>(propertyName, runSeed, size, runTries, tryNumber, ce);
    if (shrinkError != null) {
      result.noteShrinkError(shrinkError);
    }
    return result;
  }

  private static <T> @Nullable Throwable evaluate(ThrowingConsumer<? super T> body, T value) {
    try {
      body.accept(value);
      return null;
    } catch (VirtualMachineError e) {
      if (e instanceof StackOverflowError) {
        return e;
      }
      throw e;
    } catch (Throwable t) {
      if (t instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return t;
    }
  }

  private static long saturatedNanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE / 2;
    }
  }

  /**
   * The bound on candidate runs while shrinking of properties that do not set their own: the system
   * property {@value #SHRINK_STEPS_PROPERTY}, else {@value #DEFAULT_MAX_SHRINK_STEPS}.
   *
   * @return the default shrink step budget
   * @throws IllegalArgumentException if the system property is not a whole number of at least 0
   */
  public static int defaultMaxShrinkSteps() {
    return (int)
        wholeProperty(SHRINK_STEPS_PROPERTY, 0, Integer.MAX_VALUE, "a whole number >= 0")
            .orElse(DEFAULT_MAX_SHRINK_STEPS);
  }

  /**
   * The wall-clock bound on shrinking of properties that do not set their own: the system property
   * {@value #SHRINK_SECONDS_PROPERTY} in whole seconds, if set.
   *
   * @return the bound, or empty for none
   * @throws IllegalArgumentException if the system property is not a whole number of at least 0
   */
  public static Optional<Duration> defaultMaxShrinkTime() {
    OptionalLong seconds =
        wholeProperty(SHRINK_SECONDS_PROPERTY, 0, Long.MAX_VALUE, "a whole number of seconds >= 0");
    return seconds.isPresent()
        ? Optional.of(Duration.ofSeconds(seconds.getAsLong()))
        : Optional.empty();
  }

  /**
   * The number of tries of properties that do not set their own: the system property {@value
   * #TRIES_PROPERTY}, else {@value #DEFAULT_TRIES}.
   *
   * @return the default number of tries
   * @throws IllegalArgumentException if the system property is not a positive integer
   */
  public static int defaultTries() {
    return (int)
        wholeProperty(TRIES_PROPERTY, 1, Integer.MAX_VALUE, "a positive integer")
            .orElse(DEFAULT_TRIES);
  }

  /**
   * The whole number in the system property {@code key}, if set; {@code expected} names the range
   * {@code [min, max]} in the error.
   */
  private static OptionalLong wholeProperty(String key, long min, long max, String expected) {
    String raw = System.getProperty(key);
    if (raw == null || raw.isBlank()) {
      return OptionalLong.empty();
    }
    try {
      long n = Long.parseLong(raw.trim());
      if (n >= min && n <= max) {
        return OptionalLong.of(n);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("-D" + key + " must be " + expected + ", got '" + raw + "'");
  }

  /**
   * The seed fixed by the system property {@value #SEED_PROPERTY}, if set.
   *
   * @return the seed, or empty for a random seed per run
   * @throws IllegalArgumentException if the system property is not a decimal {@code long}
   */
  public static OptionalLong configuredSeed() {
    String raw = System.getProperty(SEED_PROPERTY);
    if (raw == null || raw.isBlank()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(raw.trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "-D" + SEED_PROPERTY + " must be a decimal long, got '" + raw + "'", e);
    }
  }

  private static String callerName() {
    return StackWalker.getInstance()
        .walk(
            frames ->
                frames
                    .filter(f -> !isRunnerClass(f.getClassName()))
                    .findFirst()
                    .map(f -> simpleName(f.getClassName()) + "." + f.getMethodName())
                    .orElse("property"));
  }

  private static boolean isRunnerClass(String className) {
    String p = Property.class.getName();
    return className.equals(p)
        || className.startsWith(p + "$")
        || className.equals(PropertyResult.class.getName());
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }
}
