package io.superloop.visibility.testkit.scenario.internal;

/**
 * One event the runtime appends to {@code events.jsonl}: the fields a poll adapter copies into the
 * event envelope's {@code event} and {@code run} objects (contract 1.1).
 *
 * @param timestamp the event's timestamp, as written
 * @param name the event name ({@code event} member of the log line)
 * @param runId the run id
 * @param iteration the iteration
 * @param role the role ({@code planner}, {@code implementer}, ...)
 * @param status the status ({@code running}, {@code ok}, ...)
 * @param message free text (may hold quotes, backslashes and non-ASCII characters)
 * @param payloadJson the {@code payload} object as compact JSON text
 */
public record RuntimeEvent(
    String timestamp,
    String name,
    String runId,
    long iteration,
    String role,
    String status,
    String message,
    String payloadJson) {

  /**
   * Renders this event as a log line.
   *
   * @param loopId the loop the event names
   * @return one compact JSON object, no newline
   */
  public String line(String loopId) {
    return "{\"timestamp\":"
        + JsonText.string(timestamp)
        + ",\"event\":"
        + JsonText.string(name)
        + ",\"loop_id\":"
        + JsonText.string(loopId)
        + ",\"run_id\":"
        + JsonText.string(runId)
        + ",\"iteration\":"
        + iteration
        + ",\"role\":"
        + JsonText.string(role)
        + ",\"status\":"
        + JsonText.string(status)
        + ",\"message\":"
        + JsonText.string(message)
        + ",\"payload\":"
        + payloadJson
        + "}";
  }
}
