package io.superloop.visibility.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.Transport;
import io.superloop.visibility.core.rules.Durability;
import io.superloop.visibility.core.rules.VisibilityRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole reconcile steps killed with SIGKILL at random moments: a child JVM ({@link StepCrashChild})
 * appends event lines and reconciles them, round after round, until it is killed; the next child
 * continues on the same files. After the last kill one clean step runs here. Every artifact parses,
 * every step a child acknowledged is in the logs once, every step is in all of its logs or none,
 * and the rows chain from line 0 to the last line (no line lost, none counted twice). Cycles:
 * {@code store.stepcrash.cycles} (6 by default, 100 with {@code -Plong}).
 */
class StepCrashTest {
  @TempDir Path tmp;

  @Test
  void killedStepsLoseNoLineAndWriteNoRowTwice() throws Exception {
    int cycles = Integer.getInteger("store.stepcrash.cycles", 6);
    long seed = Long.getLong("store.stepcrash.seed", System.nanoTime());
    Random rnd = new Random(seed);
    Path repo = tmp.resolve("repo");
    LoopLayout layout = LoopLayout.of(repo, TestLoop.LOOP);
    Files.createDirectories(layout.opsDir());
    Files.writeString(
        layout.path(LoopArtifact.STATE), "{\"schemaVersion\":\"v1\"}\n"); // the projection's
    Set<String> acked = new HashSet<>();
    int recoveredByNextChild = 0;
    for (int c = 0; c < cycles; c++) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      ChildJvm.Running child =
          ChildJvm.startReady(
              StepCrashChild.class, deadline, "seed " + seed, repo.toString(), String.valueOf(c));
      // kill after a random number of steps, plus a random delay: often inside a step
      int waitSteps = rnd.nextInt(4);
      while (child.process().isAlive()
          && child.lines("S ") < waitSteps
          && System.nanoTime() < deadline) {
        Thread.sleep(1);
      }
      Thread.sleep(rnd.nextInt(15));
      String out = child.kill();
      boolean first = true;
      for (String line : out.substring(0, out.lastIndexOf('\n') + 1).split("\n")) {
        if (line.startsWith("S ")) {
          acked.add(line.split(" ")[1]);
          if (first && line.contains("torn_step_recovered")) {
            recoveredByNextChild++;
          }
          first = false;
        }
      }
    }
    TestLoop loop =
        new TestLoop(repo, Transport.LOCAL, VisibilityRules.hardened(), Durability.FSYNC_PER_RECORD)
            .resume(
                StepCrashChild.lines(repo),
                Instant.parse("2026-03-01T00:00:00Z").plusSeconds(3600L * cycles))
            .append(1);
    loop.step(ConfinedTestOps.INSTANCE, "final");
    LoopChecks.Parsed parsed = LoopChecks.parseAll(loop.layout());
    List<String> traces = LoopChecks.traces(parsed.rows());
    assertEquals(
        traces.size(),
        new HashSet<>(traces).size(),
        "a step's row twice (seed " + seed + "): " + traces);
    assertEquals(
        traces,
        parsed.sequenceRowTraces(),
        "every step in all its logs or none (seed " + seed + ")");
    assertEquals(
        traces,
        parsed.heartbeatRowTraces(),
        "every step in all its logs or none (seed " + seed + ")");
    List<String> missing = new ArrayList<>(acked);
    missing.removeAll(traces);
    assertEquals(List.of(), missing, "acknowledged steps lost (seed " + seed + ")");
    long[] chain = LoopChecks.chain(parsed.rows());
    assertEquals(loop.lines(), chain[0], "every line read (seed " + seed + ")");
    assertEquals(0, chain[1], "no line read twice (seed " + seed + ")");
    assertTrue(
        parsed.sequence().violations().isEmpty() && parsed.sequenceRowsClean(),
        "no drift (seed " + seed + ")");
    System.out.println(
        "[store-figures] step-crash: killCycles="
            + cycles
            + " steps="
            + traces.size()
            + " acknowledged="
            + acked.size()
            + " lines="
            + loop.lines()
            + " tornStepsCompletedByTheNextChild="
            + recoveredByNextChild
            + " linesLost="
            + (loop.lines() - chain[0])
            + " linesCountedTwice="
            + chain[1]
            + " seed="
            + seed);
  }
}
