package io.superloop.visibility.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The runtime side of the step workloads (W7, W9): a loop's runtime directory with a running
 * runtime's {@code heartbeat.v1.json}, where the workload writes its {@code events.jsonl}.
 */
final class RuntimeLoop {
  private RuntimeLoop() {}

  /**
   * Creates {@code repo/.superloop/loops/<loop>} with its heartbeat.
   *
   * @return the loop's events log, {@code events.jsonl} (not written)
   */
  static Path create(Path repo, String loop) throws IOException {
    Path runtime =
        Files.createDirectories(repo.resolve(".superloop").resolve("loops").resolve(loop));
    Files.writeString(
        runtime.resolve("heartbeat.v1.json"),
        "{\"schemaVersion\":\"v1\",\"timestamp\":\"2026-02-22T11:59:50Z\",\"source\":\"runtime\",\"status\":\"running\"}\n",
        StandardCharsets.UTF_8);
    return runtime.resolve("events.jsonl");
  }
}
