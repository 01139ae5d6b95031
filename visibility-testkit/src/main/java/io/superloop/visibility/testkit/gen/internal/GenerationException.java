package io.superloop.visibility.testkit.gen.internal;

import io.superloop.visibility.testkit.gen.Gen;

/**
 * A generator could not produce a value: typically a {@link Gen#filter filter} rejected too many
 * candidates in a row, or a generator was built with inconsistent bounds. This signals a badly
 * configured generator, not a failing property.
 */
public final class GenerationException extends IllegalStateException {
  /**
   * A generation failure with {@code message}.
   *
   * @param message what went wrong and how to fix it
   */
  public GenerationException(String message) {
    super(message);
  }

  /**
   * A generation failure with {@code message} caused by {@code cause}.
   *
   * @param message what went wrong
   * @param cause the underlying failure
   */
  public GenerationException(String message, Throwable cause) {
    super(message, cause);
  }
}
