package io.superloop.visibility.core.store;

import io.superloop.visibility.core.rules.Durability;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Child JVM of {@link ProcessCrashTest}: appends audit-like rows with {@link
 * Durability#FSYNC_PER_RECORD} and rewrites two state files in a loop until it is killed, and
 * reports each acknowledgement on stdout ({@code A <seq>}, {@code S <name> <seq>}) after the call
 * returned, each report in one write.
 *
 * <p>Arguments: repo root, loop id, first sequence number.
 */
public final class CrashChild {
  private CrashChild() {}

  /** Runs until killed. */
  public static void main(String[] args) throws IOException {
    LoopLayout layout = LoopLayout.of(Path.of(args[0]), args[1]);
    long seq = Long.parseLong(args[2]);
    FileOutputStream out = new FileOutputStream(FileDescriptor.out);
    StateFile<TestRow> seqState = layout.stateFile(LoopArtifact.SEQUENCE_STATE, TestRow.CODEC);
    StateFile<TestRow> health = layout.stateFile(LoopArtifact.HEALTH, TestRow.CODEC);
    String big = "b".repeat(256 * 1024);
    try (AppendLog<TestRow> log =
        layout.openLog(
            LoopArtifact.CONTROL_INVOCATIONS, TestRow.CODEC, Durability.FSYNC_PER_RECORD)) {
      report(out, "READY");
      for (long i = seq; ; i++) {
        String payload = i % 5 == 0 ? big : "p" + i;
        log.append(new TestRow("crash", i, payload));
        report(out, "A " + i);
        if (i == seq && log.tornTailsQuarantined() > 0) {
          report(out, "Q " + log.tornTailsQuarantined());
        }
        if (i % 2 == 0) {
          seqState.write(new TestRow("seq", i, i % 4 == 0 ? big : "s"));
          report(out, "S seq " + i);
        }
        if (i % 3 == 0) {
          health.write(new TestRow("health", i, "h"));
          report(out, "S health " + i);
        }
      }
    }
  }

  private static void report(FileOutputStream out, String line) throws IOException {
    out.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
  }
}
