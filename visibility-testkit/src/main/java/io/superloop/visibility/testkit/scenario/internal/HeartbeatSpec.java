package io.superloop.visibility.testkit.scenario.internal;

import java.util.Optional;

/**
 * The runtime's {@code heartbeat.v1.json} during a step.
 *
 * @param fileText the file's text; empty when the file does not exist
 * @param label what the generator meant (for reports), e.g. {@code "lag=degraded-1"}
 * @param parseable whether {@code fileText} is JSON (a sprite_service snapshot cannot carry a file
 *     that is not: the service's snapshot adapter fails)
 */
public record HeartbeatSpec(Optional<String> fileText, String label, boolean parseable) {

  /** No heartbeat file. */
  public static final HeartbeatSpec ABSENT = new HeartbeatSpec(Optional.empty(), "absent", true);

  /**
   * A heartbeat file holding JSON text.
   *
   * @param json the file's text, JSON (not necessarily an object)
   * @param label a short name for failure reports
   * @return the spec
   */
  public static HeartbeatSpec json(String json, String label) {
    return new HeartbeatSpec(Optional.of(json), label, true);
  }

  /**
   * A heartbeat file whose text is not JSON (local only).
   *
   * @param text the file's text
   * @param label a short name for failure reports
   * @return the spec
   */
  public static HeartbeatSpec unparseable(String text, String label) {
    return new HeartbeatSpec(Optional.of(text), label, false);
  }

  @Override
  public String toString() {
    return "Heartbeat[" + label + (fileText.isPresent() ? " " + fileText.get() : "") + "]";
  }
}
