package io.superloop.visibility.core.store;

import io.superloop.visibility.api.Transport;
import io.superloop.visibility.core.plane.VisibilityPlane;
import io.superloop.visibility.core.rules.Durability;
import io.superloop.visibility.core.rules.VisibilityRules;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Child JVM of {@link StepCrashTest}: the runtime and the manager of one local loop, until it is
 * killed. Each round appends 1-3 event lines, then runs one reconcile step ({@code
 * FSYNC_PER_RECORD}, real file operations) and reports {@code S <trace> <warnings>} after it
 * returned.
 *
 * <p>Arguments: repo root, cycle number.
 */
public final class StepCrashChild {
  private StepCrashChild() {}

  /** Runs until killed. */
  public static void main(String[] args) throws IOException {
    Path repo = Path.of(args[0]);
    int cycle = Integer.parseInt(args[1]);
    FileOutputStream out = new FileOutputStream(FileDescriptor.out);
    TestLoop loop =
        new TestLoop(repo, Transport.LOCAL, VisibilityRules.hardened(), Durability.FSYNC_PER_RECORD)
            .resume(lines(repo), Instant.parse("2026-03-01T00:00:00Z").plusSeconds(3600L * cycle));
    report(out, "READY");
    for (int i = 1; ; i++) {
      loop.append(1 + i % 3);
      String trace = "c" + cycle + "-s" + i;
      VisibilityPlane.Reconciliation r = loop.step(ConfinedTestOps.INSTANCE, trace);
      report(out, "S " + trace + " " + r.warnings().stream().map(w -> w.wire()).toList());
    }
  }

  /** The newline count of the loop's events log (0 when absent). */
  static int lines(Path repo) throws IOException {
    Path log =
        new TestLoop(repo, Transport.LOCAL, VisibilityRules.hardened(), Durability.NONE)
            .eventsFile();
    if (!Files.exists(log)) {
      return 0;
    }
    int n = 0;
    for (byte b : Files.readAllBytes(log)) {
      if (b == '\n') {
        n++;
      }
    }
    return n;
  }

  private static void report(FileOutputStream out, String line) throws IOException {
    out.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
  }
}
