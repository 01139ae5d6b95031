package io.superloop.visibility.testkit.scenario.internal;

import java.util.List;

/**
 * What happens to the existing events log at the start of a step, before new lines are appended.
 *
 * @param kind the change
 * @param keepLines for {@link Kind#TRUNCATE}: how many leading lines survive (at most the log's)
 * @param replacement for {@link Kind#ROTATE}: the new log's lines (every line newline-terminated)
 */
public record LogChange(Kind kind, int keepLines, List<LogLine> replacement) {

  /** The kinds of change. */
  public enum Kind {
    /** The log is kept. */
    NONE,
    /** The log is cut after its first {@code keepLines} lines. */
    TRUNCATE,
    /** The log is replaced by a new one ({@code replacement}). */
    ROTATE
  }

  /** No change. */
  public static final LogChange NONE = new LogChange(Kind.NONE, 0, List.of());

  /**
   * A compact constructor keeping the replacement unmodifiable.
   *
   * @param kind the change
   * @param keepLines for {@link Kind#TRUNCATE}: how many leading lines survive (at most the log's)
   * @param replacement for {@link Kind#ROTATE}: the new log's lines (every line newline-terminated)
   */
  public LogChange {
    replacement = List.copyOf(replacement);
  }

  /**
   * A truncation.
   *
   * @param keepLines how many of the log's lines remain
   * @return the change
   */
  public static LogChange truncate(int keepLines) {
    return new LogChange(Kind.TRUNCATE, keepLines, List.of());
  }

  /**
   * A rotation to a new log.
   *
   * @param lines the new log's lines
   * @return the change
   */
  public static LogChange rotate(List<LogLine> lines) {
    return new LogChange(Kind.ROTATE, 0, lines);
  }

  @Override
  public String toString() {
    switch (kind) {
      case TRUNCATE:
        return "TRUNCATE(" + keepLines + ")";
      case ROTATE:
        return "ROTATE" + replacement;
      default:
        return "NONE";
    }
  }
}
