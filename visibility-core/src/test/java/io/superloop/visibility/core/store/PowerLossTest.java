package io.superloop.visibility.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.core.rules.Durability;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Power loss: records a run through {@link RecordingFileOps} and replays it, cut after every
 * recorded operation, keeping only what was forced (and, in a second pass, half of what was not).
 */
class PowerLossTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

  @TempDir Path tmp;

  private Path root;
  private LoopLayout layout;
  private RecordingFileOps ops;

  /** label prefix -> artifact. */
  private final Map<String, LoopArtifact> logs = new HashMap<>();

  @BeforeEach
  void setUp() {
    root = tmp.resolve("repo");
    layout = LoopLayout.of(root, "loop-1");
    ops = new RecordingFileOps();
  }

  private List<RecordingFileOps.Event> run() throws Exception {
    logs.put("audit", LoopArtifact.CONTROL_INVOCATIONS);
    logs.put("recon", LoopArtifact.RECONCILE_TELEMETRY);
    StateFile<TestRow> seqState =
        StateFile.of(
            layout.path(LoopArtifact.SEQUENCE_STATE), TestRow.CODEC, Json.DEFAULT, CLOCK, ops);
    StateFile<TestRow> health =
        StateFile.of(layout.path(LoopArtifact.HEALTH), TestRow.CODEC, Json.DEFAULT, CLOCK, ops);
    LoopLock lock = LoopLock.of(layout.lockFile(), ops);
    try (AppendLog<TestRow> audit =
        AppendLog.open(
            layout.path(LoopArtifact.CONTROL_INVOCATIONS),
            TestRow.CODEC,
            Durability.FSYNC_PER_RECORD,
            ops)) {
      for (int i = 1; i <= 30; i++) {
        try (LoopLock.Held h = lock.acquire()) {
          audit.append(new TestRow("audit", i, "p" + "x".repeat(i * 7)));
          ops.mark("ack:audit:" + i);
          if (i % 3 == 0) {
            seqState.write(new TestRow("seq", i, "s"));
            ops.mark("state:seq:" + i);
          }
          if (i % 5 == 0) {
            health.write(new TestRow("health", i, "h"));
            ops.mark("state:health:" + i);
          }
        }
      }
    }
    try (AppendLog<TestRow> recon =
        AppendLog.open(
            layout.path(LoopArtifact.RECONCILE_TELEMETRY),
            TestRow.CODEC,
            Durability.FSYNC_PER_RECORD,
            ops)) {
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < 3; t++) {
        int base = t * 1000;
        Thread th =
            new Thread(
                () -> {
                  for (int i = 1; i <= 8; i++) {
                    recon.append(new TestRow("recon", base + i, "r"));
                    ops.mark("ack:recon:" + (base + i));
                  }
                },
                "gc-" + t);
        threads.add(th);
        th.start();
      }
      for (Thread th : threads) {
        th.join();
      }
    }
    return ops.events();
  }

  @Test
  void everyStateWriteIsWriteForceRenameDirectoryForce() throws Exception {
    List<RecordingFileOps.Event> events = run();
    int stateWrites = 0;
    for (int i = 0; i < events.size(); i++) {
      if (!(events.get(i) instanceof RecordingFileOps.Open o)
          || o.mode() != FileOps.Mode.CREATE_NEW) {
        continue;
      }
      // the events of this thread from the temp file's creation on
      List<RecordingFileOps.Event> mine = new ArrayList<>();
      for (int j = i; j < events.size() && mine.size() < 8; j++) {
        RecordingFileOps.Event e = events.get(j);
        if (e.thread().equals(o.thread()) && !(e instanceof RecordingFileOps.Mark)) {
          mine.add(e);
        }
      }
      assertTrue(
          o.path().getFileName().toString().startsWith("."), "temp file is hidden: " + o.path());
      assertEquals(o.path().getParent(), layout.opsDir(), "temp file in the target's directory");
      int k = 1;
      assertInstanceOf(RecordingFileOps.Write.class, mine.get(k++));
      assertInstanceOf(RecordingFileOps.Force.class, mine.get(k));
      assertEquals(o.inode(), ((RecordingFileOps.Force) mine.get(k++)).inode());
      RecordingFileOps.Move m = assertInstanceOf(RecordingFileOps.Move.class, mine.get(k++));
      assertEquals(o.path(), m.source());
      RecordingFileOps.ForceDir d = assertInstanceOf(RecordingFileOps.ForceDir.class, mine.get(k));
      assertEquals(m.target().getParent(), d.dir());
      stateWrites++;
    }
    assertEquals(10 + 6, stateWrites);
    System.out.println(
        "[store-figures] power-loss: state writes checked for order = " + stateWrites);
  }

  @Test
  void replayAtEveryCutPointLosesNothingAcknowledged() throws Exception {
    List<RecordingFileOps.Event> events = run();
    int cuts = 0;
    long lost = 0;
    long unreadableStates = 0;
    long tornSeen = 0;
    for (boolean keepHalf : new boolean[] {false, true}) {
      for (int cut = 0; cut <= events.size(); cut++) {
        Path replay = tmp.resolve("cut-" + keepHalf + "-" + cut);
        PowerCut.materialize(PowerCut.survive(events, cut, keepHalf), root, replay);
        LoopLayout l2 = LoopLayout.of(replay, "loop-1");
        // acknowledgements made before the cut
        Map<String, Set<Long>> acked = new HashMap<>();
        Map<String, Long> stateAcked = new HashMap<>();
        for (int i = 0; i < cut; i++) {
          if (events.get(i) instanceof RecordingFileOps.Mark mk) {
            String[] p = mk.label().split(":");
            if (p[0].equals("ack")) {
              acked.computeIfAbsent(p[1], x -> new HashSet<>()).add(Long.parseLong(p[2]));
            } else {
              stateAcked.merge(p[1], Long.parseLong(p[2]), Math::max);
            }
          }
        }
        for (Map.Entry<String, LoopArtifact> log : logs.entrySet()) {
          Path f = l2.path(log.getValue());
          JsonlReadResult<TestRow> r = JsonlReader.readAll(f, TestRow.CODEC);
          assertEquals(0, r.unparseableCount(), "no unparseable lines at cut " + cut);
          Set<Long> seen = new HashSet<>();
          for (TestRow row : r.values()) {
            assertTrue(seen.add(row.seq()), "record present once: " + row + " at cut " + cut);
          }
          Set<Long> missing = new HashSet<>(acked.getOrDefault(log.getKey(), Set.of()));
          missing.removeAll(seen);
          lost += missing.size();
          if (r.tornTail().isPresent()) {
            tornSeen++;
          }
          // the next writer repairs the file
          try (AppendLog<TestRow> w =
              AppendLog.open(f, TestRow.CODEC, Durability.NONE, NoSyncFileOps.INSTANCE)) {
            w.append(new TestRow(log.getKey(), 999_999, "after"));
          }
          JsonlReadResult<TestRow> after = JsonlReader.readAll(f, TestRow.CODEC);
          assertEquals(0, after.unparseableCount());
          assertTrue(after.tornTail().isEmpty(), "no torn tail after the next append");
          assertEquals(r.records().size() + 1, after.records().size());
        }
        for (String name : List.of("seq", "health")) {
          LoopArtifact a = name.equals("seq") ? LoopArtifact.SEQUENCE_STATE : LoopArtifact.HEALTH;
          StateRead<TestRow> s = StateFile.of(l2.path(a), TestRow.CODEC).read();
          if (s.isUnreadable()) {
            unreadableStates++;
            continue;
          }
          Long want = stateAcked.get(name);
          if (want != null) {
            TestRow v = s.require();
            assertTrue(
                v.seq() >= want,
                name + " state is at least the acknowledged version at cut " + cut);
          }
        }
        cuts++;
        DiskImage.deleteTree(replay);
      }
    }
    assertEquals(0, lost, "acknowledged records lost");
    assertEquals(0, unreadableStates, "unreadable state files");
    assertTrue(tornSeen > 0, "the half-kept variant produced torn tails");
    System.out.println(
        "[store-figures] power-loss: events="
            + events.size()
            + " cutPointsReplayed="
            + cuts
            + " recordsLost="
            + lost
            + " unreadableStates="
            + unreadableStates
            + " tornTailsRepaired="
            + tornSeen);
  }
}
