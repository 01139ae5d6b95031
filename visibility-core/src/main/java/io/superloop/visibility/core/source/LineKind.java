package io.superloop.visibility.core.source;

/** What a non-empty, newline-terminated line of a runtime events log holds (hardening H13). */
public enum LineKind {
  /** A JSON object with {@code event} or {@code type}, and {@code timestamp}. */
  EVENT,
  /**
   * Anything else: not JSON, not an object, no {@code event}/{@code type} or {@code timestamp},
   * white space only, or over the line length limit. It consumes its line number, counts in {@code
   * ingestedCount} and is judged a missing sequence value ({@code event_line_malformed}).
   */
  MALFORMED
}
