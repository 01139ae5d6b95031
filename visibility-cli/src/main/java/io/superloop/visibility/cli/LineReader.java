package io.superloop.visibility.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Reads a file's lines as bytes, one at a time, never holding more than {@code max} bytes of one
 * line: a longer line is reported as too long and skipped to its newline. Lines are undecoded, so
 * that invalid UTF-8 is found (and named) per line.
 */
final class LineReader {
  /**
   * One line: its bytes (without the newline) in {@code bytes[0, length)}, valid until the next
   * call; {@code last} when no newline ends it.
   */
  record Line(long number, byte[] bytes, int length, boolean tooLong, boolean last) {}

  private final InputStream in;
  private final int max;
  private byte[] buf = new byte[8192];
  private long number;
  private boolean eof;

  LineReader(InputStream in, long max) {
    this.in = in;
    this.max = (int) Math.min(max, Integer.MAX_VALUE - 16);
  }

  /** The next line, or {@code null} after the last one. */
  @Nullable Line next() throws IOException {
    if (eof) {
      return null;
    }
    int len = 0;
    boolean tooLong = false;
    int b;
    while ((b = in.read()) >= 0 && b != '\n') {
      if (tooLong) {
        continue;
      }
      if (len == max) {
        tooLong = true;
        continue;
      }
      if (len == buf.length) {
        buf = Arrays.copyOf(buf, (int) Math.min((long) buf.length * 2, max));
      }
      buf[len++] = (byte) b;
    }
    if (b < 0) {
      eof = true;
      if (len == 0 && !tooLong) {
        return null; // the file ended with a newline (or is empty)
      }
    }
    number++;
    return new Line(number, buf, len, tooLong, b < 0);
  }

  /** The whole rest of the input, or {@code null} when it is longer than {@code max} bytes. */
  byte @Nullable [] all() throws IOException {
    byte[] out = in.readNBytes(max);
    if (in.read() >= 0) {
      return null;
    }
    return out;
  }
}
