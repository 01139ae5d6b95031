package io.superloop.visibility.core.rules;

/** How generated trace ids and idempotency keys look (hardening H6, H7). */
public enum IdStyle {
  /**
   * As the reference: trace ids are lower-case UUIDs with dashes; idempotency keys are {@code
   * <intent>-<epochSeconds>-<pid>}.
   */
  REFERENCE,
  /**
   * Trace ids are 32 lower-case hex characters, never all zeros (a W3C trace-id); idempotency keys
   * are {@code <intent>-<epochMillis>-<16 lower-case hex random>}.
   */
  COLLISION_FREE
}
