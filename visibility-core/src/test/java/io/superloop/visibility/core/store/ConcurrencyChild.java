package io.superloop.visibility.core.store;

import io.superloop.visibility.core.rules.Durability;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Child JVM of {@link ConcurrencyTest}: opens the log, prints {@code READY}, waits for a line on
 * stdin, appends {@code count} records as writer {@code name}, prints {@code DONE}.
 *
 * <p>Arguments: log file, writer name, count, durability.
 */
public final class ConcurrencyChild {
  private ConcurrencyChild() {}

  /** Runs the writer. */
  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    String name = args[1];
    int count = Integer.parseInt(args[2]);
    Durability d = Durability.valueOf(args[3]);
    FileOutputStream out = new FileOutputStream(FileDescriptor.out);
    try (AppendLog<TestRow> log = AppendLog.open(file, TestRow.CODEC, d)) {
      out.write("READY\n".getBytes(StandardCharsets.US_ASCII));
      while (true) {
        int c = System.in.read();
        if (c == '\n' || c < 0) {
          break;
        }
      }
      for (int i = 0; i < count; i++) {
        log.append(ConcurrencyTest.row(name, i));
      }
    }
    out.write("DONE\n".getBytes(StandardCharsets.US_ASCII));
  }
}
