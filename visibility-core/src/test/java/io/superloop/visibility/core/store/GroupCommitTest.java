package io.superloop.visibility.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Group commit with write combining: lines queued while a leader works share the next write and
 * fsync; failures reach every line of the batch; no writer is left waiting when others stop. A
 * writer left waiting fails its test by the timeout instead of hanging the build.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class GroupCommitTest {
  private static final long DELAY = TimeUnit.MILLISECONDS.toNanos(10);

  @TempDir Path tmp;

  /** A sink that records batch sizes, blocks inside its first write until released, can fail. */
  private static final class BlockingSink implements GroupCommit.Sink {
    final List<Integer> batches = Collections.synchronizedList(new ArrayList<>());
    final CountDownLatch firstWriteEntered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger forces = new AtomicInteger();
    volatile @Nullable VisibilityException forceFailure;

    @Override
    public void write(GroupCommit.Line[] lines, int n) {
      batches.add(n);
      if (batches.size() == 1) {
        firstWriteEntered.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }

    @Override
    public void force() {
      forces.incrementAndGet();
      VisibilityException f = forceFailure;
      if (f != null && forces.get() > 1) {
        throw f;
      }
    }
  }

  private static byte[] line(String s) {
    return (s + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static Thread start(Runnable r, List<Throwable> failures) {
    Thread t =
        new Thread(
            () -> {
              try {
                r.run();
              } catch (Throwable e) {
                failures.add(e);
              }
            });
    t.start();
    return t;
  }

  private static void awaitQueued(GroupCommit gc, int n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (gc.queuedLines() < n) {
      assertTrue(System.nanoTime() < deadline, "writers did not queue");
      Thread.sleep(1);
    }
  }

  /** Starts a writer that leads the first batch and blocks inside its write. */
  private static Thread blockedLeader(GroupCommit gc, BlockingSink sink, List<Throwable> failures)
      throws InterruptedException {
    Thread first = start(() -> gc.append(line("a"), DELAY, sink), failures);
    assertTrue(sink.firstWriteEntered.await(30, TimeUnit.SECONDS));
    return first;
  }

  /** Queues {@code n} writers behind the blocked leader, releases it, and waits for every writer. */
  private static void queueBehindAndRelease(
      GroupCommit gc, BlockingSink sink, Thread first, int n, List<Throwable> failures)
      throws InterruptedException {
    List<Thread> later = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String s = "b" + i;
      later.add(start(() -> gc.append(line(s), DELAY, sink), failures));
    }
    awaitQueued(gc, n);
    sink.release.countDown();
    first.join();
    for (Thread t : later) {
      t.join();
    }
  }

  @Test
  void linesQueuedWhileALeaderWorksShareTheNextWriteAndFsync() throws Exception {
    GroupCommit gc = new GroupCommit();
    BlockingSink sink = new BlockingSink();
    List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    Thread first = blockedLeader(gc, sink, failures);
    queueBehindAndRelease(gc, sink, first, 3, failures);
    assertEquals(List.of(), failures);
    assertEquals(List.of(1, 3), sink.batches, "one write for the first line, one for the three queued");
    assertEquals(2, sink.forces.get(), "one fsync per batch");
  }

  @Test
  void aFailedFsyncFailsEveryLineOfItsBatchEachInItsOwnThread() throws Exception {
    GroupCommit gc = new GroupCommit();
    BlockingSink sink = new BlockingSink();
    VisibilityException cause =
        new VisibilityException(ErrorCode.IO_ERROR, "cannot force the log").withFile("/x/log.jsonl");
    sink.forceFailure = cause;
    List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    Thread first = blockedLeader(gc, sink, failures);
    queueBehindAndRelease(gc, sink, first, 3, failures);
    assertEquals(3, failures.size(), "the first batch succeeded, each line of the second failed");
    int relayed = 0;
    for (Throwable t : failures) {
      VisibilityException e = assertInstanceOf(VisibilityException.class, t);
      assertEquals(ErrorCode.IO_ERROR, e.code());
      assertEquals("/x/log.jsonl", e.file().orElseThrow());
      if (e != cause) {
        assertSame(cause, e.getCause(), "a follower's exception names the leader's as its cause");
        relayed++;
      }
    }
    assertEquals(2, relayed, "the leader throws the failure, the two followers a copy of it");
  }

  @Test
  void anInterruptedFollowerStillWaitsForItsLineAndKeepsTheInterrupt() throws Exception {
    GroupCommit gc = new GroupCommit();
    BlockingSink sink = new BlockingSink();
    List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    Thread first = blockedLeader(gc, sink, failures);
    AtomicReference<@Nullable Boolean> flagAfter = new AtomicReference<>();
    Thread follower =
        start(
            () -> {
              gc.append(line("b"), DELAY, sink);
              flagAfter.set(Thread.currentThread().isInterrupted());
            },
            failures);
    awaitQueued(gc, 1);
    follower.interrupt();
    follower.join(200);
    assertTrue(follower.isAlive(), "an interrupt does not abandon a queued line");
    assertNull(flagAfter.get());
    sink.release.countDown();
    first.join();
    follower.join();
    assertEquals(List.of(), failures);
    Boolean after = flagAfter.get();
    assertTrue(after != null && after, "the interrupt is kept for the caller");
    assertEquals(List.of(1, 1), sink.batches);
  }

  /**
   * Writers that stop at different times must never leave one waiting: each round, 8 threads append
   * a random number of records each (seeded), then the file must hold every record once, in each
   * writer's order.
   */
  @Test
  void writersThatStopAtDifferentTimesNeverStrandAnother() throws Exception {
    Random seeds = new Random(20261125L);
    for (int round = 0; round < 25; round++) {
      Path f = tmp.resolve("r" + round + ".jsonl");
      Random r = new Random(seeds.nextLong());
      int[] counts = new int[8];
      List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
      List<Thread> threads = new ArrayList<>();
      try (AppendLog<TestRow> log = AppendLog.open(f, TestRow.CODEC, Durability.GROUP_COMMIT)) {
        for (int t = 0; t < counts.length; t++) {
          counts[t] = 1 + r.nextInt(40);
          String name = "w" + t;
          int n = counts[t];
          threads.add(
              start(
                  () -> {
                    for (int i = 0; i < n; i++) {
                      log.append(new TestRow(name, i, "p"));
                    }
                  },
                  failures));
        }
        for (Thread t : threads) {
          t.join();
        }
      }
      assertEquals(List.of(), failures);
      Map<String, Integer> next = new HashMap<>();
      int total = 0;
      for (JsonlRecord<TestRow> rec : JsonlReader.readAll(f, TestRow.CODEC).records()) {
        TestRow row = rec.value();
        int expected = next.getOrDefault(row.writer(), 0);
        assertEquals(expected, row.seq(), "round " + round + ": " + row.writer() + " in order, once");
        next.put(row.writer(), expected + 1);
        total++;
      }
      assertEquals(Arrays.stream(counts).sum(), total, "round " + round);
    }
  }

  @Test
  void aFailedBatchWriteFailsEveryWriterAndLeavesNoneOfItsRecords() throws Exception {
    Path f = tmp.resolve("full.jsonl");
    RecordingFileOps ops = new RecordingFileOps();
    try (AppendLog<TestRow> log =
        AppendLog.open(f, TestRow.CODEC, Durability.GROUP_COMMIT, Duration.ofMillis(5), ops)) {
      log.append(new TestRow("kept", 0, "k"));
      ops.fault(
          new RecordingFileOps.Fault() {
            @Override
            public @Nullable IOException before(String op, Path path) {
              return op.equals("write") && path.equals(f) ? new IOException("No space left on device") : null;
            }

            @Override
            public int partialWrite(Path path, int length) {
              return length / 2; // part of the batch landed before the device filled up
            }
          });
      List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < 6; t++) {
        String name = "w" + t;
        threads.add(start(() -> log.append(new TestRow(name, 1, "x".repeat(100))), failures));
      }
      for (Thread t : threads) {
        t.join();
      }
      assertEquals(6, failures.size(), "every writer is told");
      for (Throwable t : failures) {
        VisibilityException e = assertInstanceOf(VisibilityException.class, t);
        assertEquals(ErrorCode.DISK_FULL, e.code());
        assertTrue(e.file().orElseThrow().endsWith("full.jsonl"), e.getMessage());
      }
      ops.fault(null);
      log.append(new TestRow("after", 2, "a"));
    }
    List<JsonlRecord<TestRow>> rows = JsonlReader.readAll(f, TestRow.CODEC).records();
    assertEquals(List.of("kept", "after"), rows.stream().map(x -> x.value().writer()).toList());
    assertFalse(Files.readString(f).contains("\"writer\":\"w"), "no part of a failed batch remains");
  }
}
