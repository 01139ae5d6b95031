package io.superloop.visibility.benchmarks;

import io.superloop.visibility.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The command-line demo's loop (a reconciled loop with one confirmed cancel), written for a
 * workload.
 */
final class DemoLoop {
  static final String LOOP = "demo-loop";

  private DemoLoop() {}

  /** Runs the demo into {@code repo}; returns the loop's ops directory. */
  static Path write(Path repo) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        Main.run(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            "demo",
            "--dir",
            repo.toString());
    if (status != 0) {
      throw new IOException(
          "demo failed (" + status + "): " + err.toString(StandardCharsets.UTF_8));
    }
    return repo.resolve(".superloop").resolve("ops-manager").resolve(LOOP);
  }

  /** The demo's {@code control-invocations.jsonl} row, as written. */
  static String controlInvocationRow(Path repo) throws IOException {
    List<String> lines =
        Files.readAllLines(
            write(repo).resolve("telemetry").resolve("control-invocations.jsonl"),
            StandardCharsets.UTF_8);
    return lines.get(lines.size() - 1);
  }
}
