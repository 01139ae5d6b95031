package io.superloop.visibility.kafka.streams;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The topics of the visibility topology. Every record is keyed by loop id; every value is v1 JSON
 * in UTF-8, one document per record, exactly what the file-based plane writes as one file or one
 * JSONL row (without the newline).
 *
 * @param envelopes input: the sprite_service poll adapter's envelopes, {@code loop_run_event} and
 *     {@code loop_run_snapshot} in one topic, so that one partition orders a loop's events before
 *     the snapshot that closes their batch
 * @param heartbeats input: the runtime's {@code heartbeat.v1.json} documents (a null value: the
 *     file is gone); must have as many partitions as {@code envelopes} (co-partitioned)
 * @param sequenceRows output: {@code telemetry/sequence.jsonl} rows, one per step
 * @param heartbeatRows output: {@code telemetry/heartbeat.jsonl} rows
 * @param health output: {@code health.json} after each step or re-evaluation (compact it: the
 *     latest value per loop is the loop's health)
 * @param escalations output: {@code escalations.jsonl} rows
 * @param deadLetters output: input records that are not a JSON object or have no usable key, as
 *     read, with reason-coded headers ({@link VisibilityTopology#ERROR_CODE_HEADER})
 */
public record VisibilityTopics(
    String envelopes,
    String heartbeats,
    String sequenceRows,
    String heartbeatRows,
    String health,
    String escalations,
    String deadLetters) {

  /** The default names: {@link #withPrefix withPrefix("visibility.")}. */
  public static final VisibilityTopics DEFAULT = withPrefix("visibility.");

  /**
   * Requires seven distinct, non-empty names.
   *
   * @param envelopes input: envelopes
   * @param heartbeats input: runtime heartbeats
   * @param sequenceRows output: sequence rows
   * @param heartbeatRows output: heartbeat rows
   * @param health output: health
   * @param escalations output: escalation rows
   * @param deadLetters output: dead letters
   * @throws IllegalArgumentException when a name is empty or two names are equal
   */
  public VisibilityTopics {
    List<String> all =
        List.of(
            envelopes, heartbeats, sequenceRows, heartbeatRows, health, escalations, deadLetters);
    Set<String> seen = new HashSet<>();
    for (String t : all) {
      if (Objects.requireNonNull(t, "topic").isEmpty() || !seen.add(t)) {
        throw new IllegalArgumentException("topic names must be non-empty and distinct: " + all);
      }
    }
  }

  /**
   * The topics named {@code prefix} + {@code envelopes}, {@code heartbeats}, {@code sequence},
   * {@code heartbeat}, {@code health}, {@code escalations} and {@code dead-letters}.
   *
   * @param prefix the common prefix (may be empty)
   * @return the topics
   */
  public static VisibilityTopics withPrefix(String prefix) {
    return new VisibilityTopics(
        prefix + "envelopes",
        prefix + "heartbeats",
        prefix + "sequence",
        prefix + "heartbeat",
        prefix + "health",
        prefix + "escalations",
        prefix + "dead-letters");
  }

  /** {@return the input topics: envelopes, then heartbeats} */
  public List<String> inputs() {
    return List.of(envelopes, heartbeats);
  }

  /**
   * {@return the output topics: sequence rows, heartbeat rows, health, escalations, dead letters}
   */
  public List<String> outputs() {
    return List.of(sequenceRows, heartbeatRows, health, escalations, deadLetters);
  }
}
