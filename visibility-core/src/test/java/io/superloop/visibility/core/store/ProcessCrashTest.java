package io.superloop.visibility.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.core.rules.Durability;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Process crash: a child JVM ({@link CrashChild}) appends and rewrites state files until it is
 * killed with SIGKILL at a random moment; after each kill every state file parses and is at least
 * at its acknowledged version, every acknowledged record is present exactly once, no line holds two
 * records, and the next writer quarantines a torn tail. Cycles: {@code store.crash.cycles} (20 by
 * default, 200 with {@code -Plong}).
 */
class ProcessCrashTest {
  @TempDir Path tmp;

  @Test
  void killedWritersLoseNothingAcknowledged() throws Exception {
    int cycles = Integer.getInteger("store.crash.cycles", 20);
    long seed = Long.getLong("store.crash.seed", System.nanoTime());
    Random rnd = new Random(seed);
    Path repo = tmp.resolve("repo");
    LoopLayout layout = LoopLayout.of(repo, "crash-loop");
    Path log = layout.path(LoopArtifact.CONTROL_INVOCATIONS);
    Set<Long> acked = new HashSet<>();
    Map<String, Long> stateAcked = new HashMap<>();
    long tornObserved = 0;
    long childQuarantines = 0;
    long interleaved = 0;
    long lost = 0;
    long injected = 0;
    for (int c = 0; c < cycles; c++) {
      if (c % 4 == 3) {
        // as if a writer had been killed in the middle of its write call
        byte[] whole = new TestRow("crash", 1, "torn-" + c).line().getBytes(StandardCharsets.UTF_8);
        Files.write(
            log,
            java.util.Arrays.copyOf(whole, 1 + rnd.nextInt(whole.length - 2)),
            java.nio.file.StandardOpenOption.APPEND);
        injected++;
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      ChildJvm.Running child =
          ChildJvm.startReady(
              CrashChild.class,
              deadline,
              "seed " + seed,
              repo.toString(),
              "crash-loop",
              String.valueOf((c + 1) * 10_000_000L));
      Process p = child.process();
      // kill at a random moment: after a random number of acknowledgements, plus a random delay
      int waitAcks = rnd.nextInt(10);
      while (p.isAlive() && child.lines("A ") < waitAcks && System.nanoTime() < deadline) {
        Thread.sleep(1);
      }
      if (rnd.nextBoolean()) {
        Thread.sleep(rnd.nextInt(20));
      }
      String out = child.kill();
      int lastNl = out.lastIndexOf('\n');
      for (String line : out.substring(0, lastNl + 1).split("\n")) {
        String[] f = line.split(" ");
        if (f[0].equals("A")) {
          acked.add(Long.parseLong(f[1]));
        } else if (f[0].equals("S")) {
          stateAcked.merge(f[1], Long.parseLong(f[2]), Math::max);
        } else if (f[0].equals("Q")) {
          childQuarantines += Long.parseLong(f[1]);
        }
      }
      // state files: always parse, old or new version, never older than acknowledged
      for (String name : List.of("seq", "health")) {
        LoopArtifact a = name.equals("seq") ? LoopArtifact.SEQUENCE_STATE : LoopArtifact.HEALTH;
        StateRead<TestRow> s = layout.stateFile(a, TestRow.CODEC).read();
        assertFalse(
            s.isUnreadable(), name + " unreadable after kill " + c + " (seed " + seed + ")");
        Long want = stateAcked.get(name);
        if (want != null) {
          assertTrue(s.require().seq() >= want, name + " older than acknowledged, seed " + seed);
        }
      }
      JsonlReadResult<TestRow> r = JsonlReader.readAll(log, TestRow.CODEC);
      interleaved += r.unparseableCount();
      Set<Long> present = new HashSet<>();
      for (TestRow row : r.values()) {
        assertTrue(present.add(row.seq()), "record twice: " + row.seq() + " (seed " + seed + ")");
      }
      Set<Long> missing = new HashSet<>(acked);
      missing.removeAll(present);
      lost += missing.size();
      if (r.tornTail().isPresent()) {
        tornObserved++;
      }
    }
    // the next writer (here: this JVM) quarantines whatever torn tail the last kill left
    long before = JsonlReader.readAll(log, TestRow.CODEC).records().size();
    boolean tornAtEnd = JsonlReader.readAll(log, TestRow.CODEC).tornTail().isPresent();
    try (AppendLog<TestRow> w = AppendLog.open(log, TestRow.CODEC, Durability.FSYNC_PER_RECORD)) {
      w.append(new TestRow("parent", 1, "final"));
      assertEquals(tornAtEnd ? 1 : 0, w.tornTailsQuarantined());
    }
    JsonlReadResult<TestRow> fin = JsonlReader.readAll(log, TestRow.CODEC);
    assertEquals(0, fin.unparseableCount());
    assertTrue(fin.tornTail().isEmpty());
    assertEquals(before + 1, fin.records().size());
    // every quarantined fragment is an incomplete record line
    long tornLines = 0;
    Path torn = AppendLog.sibling(log, ".torn");
    if (Files.exists(torn)) {
      for (String frag : Files.readAllLines(torn, StandardCharsets.UTF_8)) {
        tornLines++;
        assertTrue(frag.startsWith("{") && !frag.isEmpty(), "fragment of a record");
        assertTrue(isUnparseable(frag), "a quarantined fragment is not a whole record");
      }
    }
    assertTrue(tornLines >= childQuarantines + (tornAtEnd ? 1 : 0), "quarantined fragments");
    assertTrue(tornLines <= injected + tornObserved, "no fragment quarantined twice");
    assertTrue(injected == 0 || tornLines > 0);
    assertEquals(0, lost, "acknowledged records lost (seed " + seed + ")");
    assertEquals(0, interleaved, "lines holding other than one record (seed " + seed + ")");
    System.out.println(
        "[store-figures] process-crash: killCycles="
            + cycles
            + " acknowledged="
            + acked.size()
            + " recordsLost="
            + lost
            + " linesInterleaved="
            + interleaved
            + " tornTailsInjected="
            + injected
            + " tornTailsSeenAfterKill="
            + tornObserved
            + " quarantinedByNextWriter="
            + tornLines
            + " (children reported "
            + childQuarantines
            + ") seed="
            + seed);
  }

  private static boolean isUnparseable(String line) {
    try {
      Json.DEFAULT.decode(TestRow.CODEC, line);
      return false;
    } catch (RuntimeException e) {
      return true;
    }
  }
}
