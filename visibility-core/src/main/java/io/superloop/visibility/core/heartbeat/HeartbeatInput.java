package io.superloop.visibility.core.heartbeat;

import io.superloop.visibility.api.json.JsonCodec;
import io.superloop.visibility.api.json.JsonValue;
import java.util.Objects;

/**
 * The runtime heartbeat a snapshot carries ({@code snapshot.runtime.heartbeat}): absent or null, a
 * JSON value (normally an object), a file that is not JSON at all (hardening H18), or one longer
 * than its read limit. Made by {@link #of}, {@link #unparseable}, {@link #tooLarge} or {@link
 * #ABSENT}; the {@link FreshnessCalculator} judges it.
 */
public sealed interface HeartbeatInput
    permits HeartbeatAbsent, HeartbeatPresent, HeartbeatTooLarge, HeartbeatUnparseable {

  /** No heartbeat: the key is absent or null, or {@code heartbeat.v1.json} does not exist. */
  HeartbeatInput ABSENT = new HeartbeatAbsent();

  /**
   * The input as one JSON object, for a store that keeps it between evaluations (the Kafka Streams
   * topology's loop state): {@code {"absent":true}}, {@code {"value":V}}, {@code
   * {"text":T,"problem":P}} (not JSON) or {@code {"tooLargeLimit":N}}. Reading anything else is
   * {@link io.superloop.visibility.api.ErrorCode#INVALID_FIELD_VALUE}.
   */
  JsonCodec<HeartbeatInput> CODEC = new HeartbeatInputCodec();

  /**
   * The heartbeat of a snapshot's {@code runtime.heartbeat} value.
   *
   * @param value the value as read (an object when well formed)
   * @return {@link #ABSENT} for JSON {@code null}, else the value, kept raw
   */
  static HeartbeatInput of(JsonValue value) {
    return value.isNull() ? ABSENT : new HeartbeatPresent(value);
  }

  /**
   * A heartbeat file that does not parse as JSON.
   *
   * @param text the file's content, kept so nothing is lost
   * @param problem what is wrong with it
   * @return the input
   */
  static HeartbeatInput unparseable(String text, String problem) {
    return new HeartbeatUnparseable(
        Objects.requireNonNull(text, "text"), Objects.requireNonNull(problem, "problem"));
  }

  /**
   * A heartbeat file longer than its read limit: it was not read, so nothing of it is kept.
   *
   * @param limitBytes the limit it exceeds ({@code ReadLimits.heartbeatBytes()})
   * @return the input
   */
  static HeartbeatInput tooLarge(long limitBytes) {
    return new HeartbeatTooLarge(limitBytes);
  }
}
