package io.superloop.visibility.core.audit;

import io.superloop.visibility.api.audit.Intent;
import io.superloop.visibility.core.trace.IdStyle;
import io.superloop.visibility.core.trace.TraceIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** Idempotency keys of control actions (contract 4.2; hardening H6). */
public final class IdempotencyKeys {
  /** The default prefix of fleet handoff keys. */
  public static final String FLEET_HANDOFF_PREFIX = "fleet-handoff";

  private IdempotencyKeys() {}

  /**
   * The key of a control action: the caller's key when non-empty (kept as given), else a generated
   * one: {@code <intent>-<epochSeconds>-<pid>} under {@link IdStyle#REFERENCE}, {@code
   * <intent>-<epochMillis>-<16 lower-case hex random>} under {@link IdStyle#COLLISION_FREE}.
   *
   * @param given the caller's key ({@code --idempotency-key}), if any
   * @param intent the action's intent
   * @param now the clock
   * @param pid the process id used by the reference form
   * @param style which generated form
   * @param random the randomness of the collision-free form
   * @return the key; never empty
   */
  public static String resolve(
      Optional<String> given,
      Intent intent,
      Instant now,
      long pid,
      IdStyle style,
      RandomGenerator random) {
    if (given.isPresent() && !given.get().isEmpty()) {
      return given.get();
    }
    if (style == IdStyle.REFERENCE) {
      return intent.wire() + "-" + now.getEpochSecond() + "-" + pid;
    }
    return intent.wire() + "-" + now.toEpochMilli() + "-" + TraceIds.hex(random.nextLong(), 16);
  }

  /**
   * The fleet handoff key: {@code
   * slug(prefix)-slug(fleetTrace)-slug(loopId)-slug(category)-slug(intent)} with empty parts
   * dropped; the prefix defaults to {@value #FLEET_HANDOFF_PREFIX} when empty.
   *
   * @param prefix the key prefix; empty for the default
   * @param fleetTrace the fleet's trace id
   * @param loopId the loop
   * @param category the escalation category
   * @param intent the action's intent
   * @return the key
   */
  public static String fleetHandoff(
      String prefix, String fleetTrace, String loopId, String category, String intent) {
    List<String> parts = new ArrayList<>(5);
    for (String p :
        new String[] {
          prefix.isEmpty() ? FLEET_HANDOFF_PREFIX : prefix, fleetTrace, loopId, category, intent
        }) {
      String s = slug(p);
      if (!s.isEmpty()) {
        parts.add(s);
      }
    }
    return String.join("-", parts);
  }

  /**
   * The fallback fleet handoff key when the parts are absent.
   *
   * @param prefix the key prefix; empty for {@value #FLEET_HANDOFF_PREFIX}
   * @param loopId the loop
   * @param intent the action's intent
   * @return {@code <prefix>-<loopId>-<intent>}, the parts not slugged
   */
  public static String fleetHandoffFallback(String prefix, String loopId, String intent) {
    return (prefix.isEmpty() ? FLEET_HANDOFF_PREFIX : prefix) + "-" + loopId + "-" + intent;
  }

  /**
   * Lower-case, every character outside {@code [a-z0-9._-]} replaced by {@code -}, runs of {@code
   * -} collapsed, leading and trailing {@code -} trimmed.
   *
   * @param s any string
   * @return its slug; empty when {@code s} has no character of {@code [A-Za-z0-9._]}
   */
  public static String slug(String s) {
    String lower = s.toLowerCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder(lower.length());
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      boolean keep =
          (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
      char out = keep ? c : '-';
      if (out == '-' && sb.length() > 0 && sb.charAt(sb.length() - 1) == '-') {
        continue;
      }
      sb.append(out);
    }
    int start = 0;
    int end = sb.length();
    while (start < end && sb.charAt(start) == '-') {
      start++;
    }
    while (end > start && sb.charAt(end - 1) == '-') {
      end--;
    }
    return sb.substring(start, end);
  }
}
