package io.superloop.visibility.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.superloop.visibility.core.rules.Durability;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Concurrent writers: 8 threads in this JVM (four sharing one {@link AppendLog}, four with their
 * own instance on the same file) plus 2 other processes append to one log; every line must be
 * exactly one record, each writer's records all present once and in its order. The default build
 * runs 10 x 10,000 records with {@link Durability#NONE} and 10 x 300 with {@link
 * Durability#FSYNC_PER_RECORD}; {@code -Plong} runs 10 x 10,000 with {@code FSYNC_PER_RECORD} as
 * well ({@code store.concurrency.fsyncRecords}).
 */
class ConcurrencyTest {
  private static final int THREADS = 8;
  private static final int PROCESSES = 2;

  @TempDir Path tmp;

  static TestRow row(String writer, int i) {
    // mostly small rows, some large ones so that a broken lock would show
    String payload = i % 97 == 0 ? "L".repeat(16 * 1024 + i % 1000) : "p" + "x".repeat(i % 200);
    return new TestRow(writer, i, payload);
  }

  @Test
  void tenWritersWithoutFsync() throws Exception {
    run(Durability.NONE, Integer.getInteger("store.concurrency.records", 10_000));
  }

  @Test
  void tenWritersWithFsync() throws Exception {
    run(Durability.FSYNC_PER_RECORD, Integer.getInteger("store.concurrency.fsyncRecords", 300));
  }

  private void run(Durability durability, int perWriter) throws Exception {
    Path file = tmp.resolve("ops").resolve("telemetry").resolve("control.jsonl");
    List<Process> children = new ArrayList<>();
    List<ByteArrayOutputStream> outs = new ArrayList<>();
    for (int p = 0; p < PROCESSES; p++) {
      Process proc =
          ChildJvm.start(
              ConcurrencyChild.class,
              file.toString(),
              "proc-" + p,
              String.valueOf(perWriter),
              durability.name());
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      ChildJvm.pump(proc.getInputStream(), buf);
      children.add(proc);
      outs.add(buf);
    }
    for (int p = 0; p < PROCESSES; p++) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!ChildJvm.text(outs.get(p)).contains("READY\n")) {
        if (!children.get(p).isAlive() || System.nanoTime() > deadline) {
          fail("child " + p + " did not start");
        }
        Thread.sleep(2);
      }
    }
    long t0 = System.nanoTime();
    CountDownLatch go = new CountDownLatch(1);
    AtomicReference<@Nullable Throwable> error = new AtomicReference<>();
    List<AppendLog<TestRow>> instances = new ArrayList<>();
    AppendLog<TestRow> shared = AppendLog.open(file, TestRow.CODEC, durability);
    instances.add(shared);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      AppendLog<TestRow> log = shared;
      if (t >= THREADS / 2) {
        log = AppendLog.open(file, TestRow.CODEC, durability);
        instances.add(log);
      }
      AppendLog<TestRow> mine = log;
      String name = "thread-" + t;
      Thread th =
          new Thread(
              () -> {
                try {
                  go.await();
                  for (int i = 0; i < perWriter; i++) {
                    mine.append(row(name, i));
                  }
                } catch (Throwable e) {
                  error.compareAndSet(null, e);
                }
              },
              name);
      threads.add(th);
      th.start();
    }
    for (Process p : children) {
      try (OutputStream in = p.getOutputStream()) {
        in.write("GO\n".getBytes(StandardCharsets.US_ASCII));
      }
    }
    go.countDown();
    for (Thread th : threads) {
      th.join();
    }
    long fsyncs = 0;
    for (AppendLog<TestRow> l : instances) {
      fsyncs += l.fsyncCount();
      l.close();
    }
    for (Process p : children) {
      assertTrue(p.waitFor(300, TimeUnit.SECONDS), "child finished");
      assertEquals(0, p.exitValue(), "child exit code");
    }
    long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    Throwable e = error.get();
    if (e != null) {
      throw new AssertionError("writer failed", e);
    }
    // every line is one record; each writer's records present once, in order
    int total = (THREADS + PROCESSES) * perWriter;
    JsonlReadResult<TestRow> r = JsonlReader.readAll(file, TestRow.CODEC);
    long lines;
    try (var s = Files.lines(file, StandardCharsets.UTF_8)) {
      lines = s.count();
    }
    Map<String, Integer> next = new HashMap<>();
    for (TestRow row : r.values()) {
      int expect = next.getOrDefault(row.writer(), 0);
      assertEquals(expect, row.seq(), "writer " + row.writer() + " in order, once each");
      assertEquals(row(row.writer(), (int) row.seq()), row, "record intact");
      next.put(row.writer(), expect + 1);
    }
    assertEquals(0, r.unparseableCount(), "interleaved or broken lines");
    assertTrue(r.tornTail().isEmpty());
    assertEquals(total, r.records().size());
    assertEquals(total, lines);
    assertEquals(THREADS + PROCESSES, next.size());
    next.values().forEach(n -> assertEquals(perWriter, n));
    System.out.println(
        "[store-figures] concurrency "
            + durability
            + ": writers="
            + (THREADS + PROCESSES)
            + " (8 threads + 2 processes) records="
            + total
            + " validLines="
            + r.records().size()
            + " linesInterleaved="
            + r.unparseableCount()
            + " inProcessFsyncs="
            + fsyncs
            + " elapsedMs="
            + elapsedMs);
  }
}
