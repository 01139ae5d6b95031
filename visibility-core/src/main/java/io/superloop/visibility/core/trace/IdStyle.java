package io.superloop.visibility.core.trace;

import io.superloop.visibility.core.rules.VisibilityRules;

/**
 * How generated trace ids and idempotency keys look (hardening H6, H7): the rules' {@link
 * VisibilityRules#collisionFreeIds()} switch, as the generators take it.
 */
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
  COLLISION_FREE;

  /**
   * The style a plane under {@code rules} generates.
   *
   * @param rules the rules
   * @return {@link #COLLISION_FREE} when {@link VisibilityRules#collisionFreeIds()}, else {@link
   *     #REFERENCE}
   */
  public static IdStyle of(VisibilityRules rules) {
    return rules.collisionFreeIds() ? COLLISION_FREE : REFERENCE;
  }
}
