package io.superloop.visibility.testkit.property;

import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one {@link Property} run: passed, or the counterexample with everything needed to
 * replay it. {@link #report()} is the text {@link #assertPassed()} puts in its {@link
 * AssertionError}.
 *
 * @param <T> the value type
 */
public final class PropertyResult<T> {
  private static final int MAX_VALUE_CHARS = 4000;

  private final String name;
  private final long seed;
  private final int size;
  private final int triesRequested;
  private final int triesRun;
  private final @Nullable Counterexample<T> counterexample;
  private @Nullable RuntimeException shrinkError;
  private boolean annotated;

  PropertyResult(
      String name,
      long seed,
      int size,
      int triesRequested,
      int triesRun,
      @Nullable Counterexample<T> counterexample) {
    this.name = name;
    this.seed = seed;
    this.size = size;
    this.triesRequested = triesRequested;
    this.triesRun = triesRun;
    this.counterexample = counterexample;
  }

  /** The run was a {@link PropertyTest}'s: the report names the annotation's replay too. */
  void noteAnnotated() {
    annotated = true;
  }

  void noteShrinkError(RuntimeException e) {
    this.shrinkError = e;
  }

  /**
   * The property's name.
   *
   * @return the name given with {@link Property#named} or the calling class and method
   */
  public String name() {
    return name;
  }

  /**
   * The seed of the run; {@code -Dvisibility.property.seed=<seed>} replays it.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  /**
   * The generator size hint of the run.
   *
   * @return the size hint
   */
  public int size() {
    return size;
  }

  /**
   * The number of tries the run was set to make.
   *
   * @return the requested tries
   */
  public int triesRequested() {
    return triesRequested;
  }

  /**
   * The number of values checked before the run ended (the failing try included).
   *
   * @return the tries made
   */
  public int triesRun() {
    return triesRun;
  }

  /**
   * Whether every try passed.
   *
   * @return true if no counterexample was found
   */
  public boolean passed() {
    return counterexample == null;
  }

  /**
   * The counterexample, if a try failed.
   *
   * @return the counterexample, or empty if the property passed
   */
  public Optional<Counterexample<T>> counterexample() {
    return Optional.ofNullable(counterexample);
  }

  /**
   * A human-readable report: one line if passed; else the property name, seed, try, the original
   * and shrunk counterexample, the failures and the replay flag.
   *
   * @return the report
   */
  public String report() {
    Counterexample<T> ce = counterexample;
    if (ce == null) {
      return "Property '" + name + "' passed " + triesRun + " tries (seed " + seed + ")";
    }
    StringBuilder sb = new StringBuilder(256);
    sb.append("Property '")
        .append(name)
        .append("' failed on try ")
        .append(ce.tryNumber())
        .append(" of ")
        .append(triesRequested)
        .append(" (seed ")
        .append(seed)
        .append(", size ")
        .append(size)
        .append(")\n  original counterexample: ")
        .append(show(ce.original()))
        .append("\n  shrunk counterexample:   ")
        .append(show(ce.shrunk()))
        .append("\n  shrinking: ")
        .append(ce.shrinksTaken())
        .append(" shrinks taken, ")
        .append(ce.shrinkSteps())
        .append(" candidates run in ")
        .append(String.format(Locale.ROOT, "%.1f", ce.shrinkTime().toMillis() / 1000.0))
        .append(" s")
        .append(ce.shrinkLimitReached() ? " (shrink budget spent: may not be minimal)" : "");
    RuntimeException se = shrinkError;
    if (se != null) {
      sb.append(" (stopped early: computing candidates threw ").append(describe(se)).append(')');
    }
    sb.append("\n  failure: ").append(describe(ce.shrunkFailure()));
    if (ce.shrunkFailure() != ce.originalFailure()) {
      sb.append("\n  original failure: ").append(describe(ce.originalFailure()));
    }
    sb.append("\n  replay: ");
    if (annotated) {
      sb.append("@PropertyTest(seed = \"").append(seed).append("\") or ");
    }
    sb.append("-D").append(Property.SEED_PROPERTY).append('=').append(seed);
    return sb.toString();
  }

  /**
   * Throws if the property failed.
   *
   * @throws AssertionError with {@link #report()} as message, the original failure as cause, and
   *     the shrunk failure (if it is another throwable) as suppressed exception
   */
  public void assertPassed() {
    Counterexample<T> ce = counterexample;
    if (ce == null) {
      return;
    }
    AssertionError error = new AssertionError(report(), ce.originalFailure());
    if (ce.shrunkFailure() != ce.originalFailure()) {
      error.addSuppressed(ce.shrunkFailure());
    }
    RuntimeException se = shrinkError;
    if (se != null) {
      error.addSuppressed(se);
    }
    throw error;
  }

  private static String show(@Nullable Object value) {
    String s = String.valueOf(value);
    if (s.length() > MAX_VALUE_CHARS) {
      return s.substring(0, MAX_VALUE_CHARS) + "... (" + s.length() + " characters)";
    }
    return s;
  }

  private static String describe(Throwable t) {
    String message = t.getMessage();
    return t.getClass().getName() + (message == null ? "" : ": " + show(message));
  }

  /** The {@link #report()}. */
  @Override
  public String toString() {
    return report();
  }
}
