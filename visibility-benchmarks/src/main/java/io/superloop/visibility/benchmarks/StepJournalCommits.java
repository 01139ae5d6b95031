package io.superloop.visibility.benchmarks;

import io.superloop.visibility.core.plane.StepOptions;
import io.superloop.visibility.core.plane.VisibilityPlane;
import io.superloop.visibility.core.rules.Durability;
import io.superloop.visibility.testkit.scenario.internal.Workloads;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;

/**
 * Counts the ext4 journal commits of the W7 step ({@link IncrementalStepBenchmark}'s workload: 100
 * new event lines per step on a 1 MiB log): each {@code fsync}/{@code fdatasync} that finds its
 * data or directory entry not yet committed waits for one commit of the file system's journal, so
 * commits, not force calls, are what a step waits for on ext4. Not a JMH benchmark: a count, read
 * from the file system's {@code /proc/fs/jbd2/<device>/info} ("N transactions ...") before and
 * after the steps, so the loop must live on a file system no one else writes (a loop-mounted
 * image):
 *
 * <pre>
 * truncate -s 1G /tmp/w7.img &amp;&amp; mkfs.ext4 -q -F /tmp/w7.img &amp;&amp; mkdir -p /tmp/w7 &amp;&amp; mount -o loop /tmp/w7.img /tmp/w7
 * java -cp visibility-benchmarks/target/benchmarks.jar io.superloop.visibility.benchmarks.StepJournalCommits \
 *     /tmp/w7 /proc/fs/jbd2/loop0-8/info 300 FSYNC_PER_RECORD
 * </pre>
 */
public final class StepJournalCommits {
  private StepJournalCommits() {}

  /**
   * Runs the steps and prints the commits per step.
   *
   * @param args the directory on the file system to count, its jbd2 {@code info} file, the number
   *     of steps counted (after 50 not counted), and the telemetry durability
   * @throws IOException when the files cannot be written or the info file read
   */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    Path info = Path.of(args[1]);
    int steps = Integer.parseInt(args[2]);
    Durability durability = Durability.valueOf(args[3]);
    Path repo = Files.createTempDirectory(dir, "w7-commits-");
    try {
      Path events = RuntimeLoop.create(repo, "w7-loop");
      Workloads.appendRuntimeEventLog(events, 1 << 20, 13);
      byte[] hundredLines = Workloads.runtimeEventLog(100, 17);
      VisibilityPlane plane =
          VisibilityPlane.builder(repo, "w7-loop").durability(durability).build();
      for (int i = 0; i < 50; i++) {
        Files.write(events, hundredLines, StandardOpenOption.APPEND);
        plane.reconcileLocal(StepOptions.defaults());
      }
      long before = transactions(info);
      for (int i = 0; i < steps; i++) {
        Files.write(events, hundredLines, StandardOpenOption.APPEND);
        plane.reconcileLocal(StepOptions.defaults());
      }
      long after = transactions(info);
      System.out.printf(
          Locale.ROOT,
          "%s: %.2f journal commits per step (%d steps)%n",
          durability,
          (after - before) / (double) steps,
          steps);
    } finally {
      TempFiles.deleteTree(repo);
    }
  }

  /** The first number of the jbd2 info file: the transactions committed so far. */
  private static long transactions(Path info) throws IOException {
    List<String> lines = Files.readAllLines(info, StandardCharsets.US_ASCII);
    return Long.parseLong(lines.get(0).trim().split(" ")[0]);
  }
}
