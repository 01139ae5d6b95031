package io.superloop.visibility.testkit.property;

import java.time.Duration;

/**
 * A failing value found by a {@link Property} run, and the result of shrinking it.
 *
 * @param tryNumber the 1-based try on which the original value failed
 * @param original the value as first generated
 * @param originalFailure what the check threw (or the {@link AssertionError} for {@code false}) for
 *     the original value
 * @param shrunk the smallest failing value found (equal to {@code original} if nothing smaller
 *     fails)
 * @param shrunkFailure what the check threw for the shrunk value
 * @param shrinkSteps how many candidates were run while shrinking
 * @param shrinksTaken how many of them failed and were taken as the new smallest value
 * @param shrinkLimitReached whether shrinking stopped at the shrink budget ({@link
 *     Property#maxShrinkSteps} candidate runs or {@link Property#maxShrinkTime}) rather than at a
 *     value without failing candidates
 * @param shrinkTime the wall-clock time spent shrinking
 * @param <T> the value type
 */
public record Counterexample<T>(
    int tryNumber,
    T original,
    Throwable originalFailure,
    T shrunk,
    Throwable shrunkFailure,
    int shrinkSteps,
    int shrinksTaken,
    boolean shrinkLimitReached,
    Duration shrinkTime) {}
