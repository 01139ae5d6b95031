package io.superloop.visibility.core.trace;

import io.superloop.visibility.api.TraceId;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Generates and resolves trace ids. Under {@link IdStyle#REFERENCE} a generated id is a lower-case
 * UUID (version 4) with dashes, as {@code uuidgen} gives; under {@link IdStyle#COLLISION_FREE} it
 * is 32 lower-case hex characters, never all zeros (a W3C trace-id).
 */
public final class TraceIds {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private TraceIds() {}

  /**
   * Generates a trace id.
   *
   * @param style the form: a UUID v4 ({@link IdStyle#REFERENCE}) or 32 hex ({@link
   *     IdStyle#COLLISION_FREE})
   * @param random the source of 128 random bits
   * @return a new trace id, never all zeros
   */
  public static TraceId generate(IdStyle style, RandomGenerator random) {
    long hi;
    long lo;
    do {
      hi = random.nextLong();
      lo = random.nextLong();
    } while (hi == 0 && lo == 0);
    if (style == IdStyle.COLLISION_FREE) {
      return TraceId.of(hex(hi, 16) + hex(lo, 16));
    }
    hi = (hi & 0xffffffffffff0fffL) | 0x0000000000004000L; // version 4
    lo = (lo & 0x3fffffffffffffffL) | 0x8000000000000000L; // IETF variant
    String h = hex(hi, 16);
    String l = hex(lo, 16);
    return TraceId.of(
        h.substring(0, 8)
            + "-"
            + h.substring(8, 12)
            + "-"
            + h.substring(12, 16)
            + "-"
            + l.substring(0, 4)
            + "-"
            + l.substring(4, 16));
  }

  /**
   * Renders the low hex digits of a number.
   *
   * @param v the number, read as unsigned
   * @param digits how many digits, 0 to 16
   * @return {@code digits} lower-case hex digits of {@code v} (the low ones, zero-padded)
   */
  public static String hex(long v, int digits) {
    char[] out = new char[digits];
    long x = v;
    for (int i = digits - 1; i >= 0; i--) {
      out[i] = HEX[(int) (x & 0xf)];
      x >>>= 4;
    }
    return new String(out);
  }

  /**
   * Resolves a step's trace (contract 5.1): the explicit value when non-empty, else the environment
   * value ({@code OPS_MANAGER_TRACE_ID}, passed in by the caller) when non-empty, else a generated
   * one. A non-empty value that is not a valid trace id is rejected.
   *
   * @param explicit the step's explicit trace id ({@code --trace-id}), if any
   * @param environment the environment's trace id, if any
   * @param style the form of a generated id
   * @param random the randomness of a generated id
   * @return the step's trace id
   * @throws io.superloop.visibility.api.VisibilityException {@code invalid_trace_id} when the value
   *     used is not a valid trace id
   */
  public static TraceId resolve(
      Optional<String> explicit,
      Optional<String> environment,
      IdStyle style,
      RandomGenerator random) {
    if (explicit.isPresent() && !explicit.get().isEmpty()) {
      return TraceId.of(explicit.get());
    }
    if (environment.isPresent() && !environment.get().isEmpty()) {
      return TraceId.of(environment.get());
    }
    return generate(style, random);
  }
}
