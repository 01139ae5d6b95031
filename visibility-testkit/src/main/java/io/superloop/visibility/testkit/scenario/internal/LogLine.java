package io.superloop.visibility.testkit.scenario.internal;

import java.util.Optional;

/**
 * One physical line the runtime writes to {@code events.jsonl} (its newline excluded).
 *
 * @param kind what the line is
 * @param text the line's bytes as text (empty for {@link Kind#BLANK})
 * @param event the event of an {@link Kind#EVENT} line; empty otherwise
 */
public record LogLine(Kind kind, String text, Optional<RuntimeEvent> event) {

  /** The kinds of log lines. */
  public enum Kind {
    /** A valid event object: both transports deliver it as an envelope. */
    EVENT,
    /**
     * An empty line: it consumes a line number and is delivered by neither transport (contract
     * 3.1); a sprite_service carries it as a gap in the line numbers.
     */
    BLANK,
    /** A line of white space only (local only: malformed, H13). */
    WHITE_SPACE,
    /** A non-empty line that is not a valid event (local only: malformed, H13). */
    MALFORMED
  }

  /**
   * An event line.
   *
   * @param e the event
   * @param loopId the loop the event names
   * @return the line
   */
  public static LogLine event(RuntimeEvent e, String loopId) {
    return new LogLine(Kind.EVENT, e.line(loopId), Optional.of(e));
  }

  /** {@return an empty line} */
  public static LogLine blank() {
    return new LogLine(Kind.BLANK, "", Optional.empty());
  }

  /**
   * A white-space-only line.
   *
   * @param text only spaces, tabs or a lone carriage return
   * @return the line
   */
  public static LogLine whiteSpace(String text) {
    return new LogLine(Kind.WHITE_SPACE, text, Optional.empty());
  }

  /**
   * A malformed line.
   *
   * @param text non-empty, not a valid event, no newline
   * @return the line
   */
  public static LogLine malformed(String text) {
    return new LogLine(Kind.MALFORMED, text, Optional.empty());
  }

  /**
   * {@return whether both transports can carry this line ({@link Kind#EVENT} or {@link
   * Kind#BLANK})}
   */
  public boolean carriableByBoth() {
    return kind == Kind.EVENT || kind == Kind.BLANK;
  }

  @Override
  public String toString() {
    return kind == Kind.EVENT
        ? "EVENT(" + event.map(RuntimeEvent::name).orElse("") + ")"
        : kind + "(" + text + ")";
  }
}
