package io.superloop.visibility.testkit.gen.internal;

import io.superloop.visibility.testkit.gen.Gen;
import java.util.SplittableRandom;

/**
 * The source a {@link Gen} draws from: a seeded {@link SplittableRandom} and a size hint. Two
 * contexts created with the same seed and size make the same draws in the same order, which is what
 * makes every generator reproducible. The size hint bounds the length of collections whose own
 * bounds leave room (see {@link Gen#listOf}); recursive generators can read it with {@link
 * Gen#sized}.
 *
 * <p>A context is not thread-safe; use one per thread (or per try).
 */
public final class GenContext {
  /** The size hint of {@link #of(long)}. */
  public static final int DEFAULT_SIZE = 100;

  private final SplittableRandom random;
  private final int size;

  private GenContext(SplittableRandom random, int size) {
    this.random = random;
    this.size = size;
  }

  /**
   * A context seeded with {@code seed} and the {@link #DEFAULT_SIZE default size}.
   *
   * @param seed the seed; equal seeds give equal draws
   * @return a fresh context
   */
  public static GenContext of(long seed) {
    return of(seed, DEFAULT_SIZE);
  }

  /**
   * A context seeded with {@code seed} and the size hint {@code size}.
   *
   * @param seed the seed; equal seeds give equal draws
   * @param size the size hint, at least 0
   * @return a fresh context
   * @throws IllegalArgumentException if {@code size} is negative
   */
  public static GenContext of(long seed, int size) {
    return new GenContext(new SplittableRandom(seed), checkSize(size));
  }

  private static int checkSize(int size) {
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0, got " + size);
    }
    return size;
  }

  /**
   * The size hint.
   *
   * @return the size hint, at least 0
   */
  public int size() {
    return size;
  }

  /**
   * A context with size hint {@code size} that shares this context's random source (draws from
   * either advance both).
   *
   * @param size the new size hint, at least 0
   * @return a context with the new size
   */
  public GenContext withSize(int size) {
    return size == this.size ? this : new GenContext(random, checkSize(size));
  }

  /**
   * A uniformly drawn {@code long} in {@code [min, max]} (both inclusive; the full {@code long}
   * range is allowed).
   *
   * @param min the smallest value
   * @param max the largest value, at least {@code min}
   * @return the drawn value
   * @throws IllegalArgumentException if {@code min > max}
   */
  public long nextLong(long min, long max) {
    if (min > max) {
      throw new IllegalArgumentException("min " + min + " > max " + max);
    }
    if (max < Long.MAX_VALUE) {
      return random.nextLong(min, max + 1);
    }
    if (min > Long.MIN_VALUE) {
      return random.nextLong(min - 1, max) + 1;
    }
    return random.nextLong();
  }

  /**
   * A uniformly drawn {@code int} in {@code [min, max]} (both inclusive).
   *
   * @param min the smallest value
   * @param max the largest value, at least {@code min}
   * @return the drawn value
   * @throws IllegalArgumentException if {@code min > max}
   */
  public int nextInt(int min, int max) {
    return (int) nextLong(min, max);
  }

  /**
   * A uniformly drawn boolean.
   *
   * @return the drawn value
   */
  public boolean nextBoolean() {
    return random.nextBoolean();
  }

  /**
   * A uniformly drawn {@code double} in {@code [0, 1)}.
   *
   * @return the drawn value
   */
  public double nextDouble() {
    return random.nextDouble();
  }

  /**
   * A fresh seed for an independent sub-generation (used by {@link Gen#flatMap} so that the inner
   * generator can be re-run with the same draws while the outer value shrinks).
   *
   * @return a seed drawn from this context
   */
  public long nextSeed() {
    return random.nextLong();
  }
}
