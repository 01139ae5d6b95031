package io.superloop.visibility.core.heartbeat;

import io.superloop.visibility.api.json.JsonValue;
import java.util.Objects;

/**
 * The runtime heartbeat a snapshot carries ({@code snapshot.runtime.heartbeat}): absent or null, a
 * JSON value (normally an object), a file that is not JSON at all (hardening H18), or one longer
 * than its read limit.
 */
public sealed interface HeartbeatInput {

  /** No heartbeat: the key is absent or null, or {@code heartbeat.v1.json} does not exist. */
  HeartbeatInput ABSENT = new Absent();

  /**
   * The heartbeat of a snapshot's {@code runtime.heartbeat} value.
   *
   * @param value the value as read
   * @return {@link #ABSENT} for JSON {@code null}, else a {@link Present} of {@code value}
   */
  static HeartbeatInput of(JsonValue value) {
    return value.isNull() ? ABSENT : new Present(value);
  }

  /** Absent heartbeat. */
  record Absent() implements HeartbeatInput {}

  /**
   * A heartbeat value, kept raw.
   *
   * @param value the value as read (an object when well formed)
   */
  record Present(JsonValue value) implements HeartbeatInput {
    /**
     * Requires a value.
     *
     * @param value the value as read
     */
    public Present {
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * A heartbeat file longer than its read limit: it was not read, so nothing of it is kept.
   *
   * @param limitBytes the limit it exceeds ({@code ReadLimits.heartbeatBytes()})
   */
  record TooLarge(long limitBytes) implements HeartbeatInput {}

  /**
   * A heartbeat file that does not parse as JSON.
   *
   * @param text the file's content, kept so nothing is lost
   * @param problem what is wrong with it
   */
  record Unparseable(String text, String problem) implements HeartbeatInput {}
}
