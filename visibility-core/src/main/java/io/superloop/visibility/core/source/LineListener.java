package io.superloop.visibility.core.source;

/** Receives the non-empty, newline-terminated lines of a scan, in file order. */
@FunctionalInterface
public interface LineListener {
  /**
   * One line.
   *
   * @param lineNumber the 1-based physical line number (the event's sequence value)
   * @param kind what the line holds
   * @param buf a buffer holding the line's bytes, without the newline; valid only during the call
   * @param offset start of the line in {@code buf}
   * @param length length of the line (it may be cut at the line length limit when malformed)
   */
  void onLine(long lineNumber, LineKind kind, byte[] buf, int offset, int length);
}
