package io.superloop.visibility.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hardening H4. */
class LoopLockTest {
  @TempDir Path tmp;

  /** Child main: takes the lock, prints LOCKED, holds it until stdin closes. */
  public static final class Holder {
    private Holder() {}

    /** Runs the holder. */
    public static void main(String[] args) throws Exception {
      try (LoopLock.Held h = LoopLock.of(Path.of(args[0])).acquire()) {
        System.out.println("LOCKED");
        System.out.flush();
        while (System.in.read() >= 0) {
          // hold
        }
      }
    }
  }

  @Test
  void threadsRunReadModifyWriteOneAtATime() throws Exception {
    LoopLayout layout = LoopLayout.of(tmp, "loop-1");
    StateFile<TestRow> counter = layout.stateFile(LoopArtifact.STATE, TestRow.CODEC);
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger maxInside = new AtomicInteger();
    Thread[] ts = new Thread[4];
    for (int t = 0; t < ts.length; t++) {
      ts[t] =
          new Thread(
              () -> {
                for (int i = 0; i < 25; i++) {
                  try (LoopLock.Held h = layout.lock().acquire()) {
                    maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    long v = counter.read().toOptional().map(TestRow::seq).orElse(0L);
                    counter.writeBytes(
                        new TestRow("c", v + 1, "").line().getBytes(StandardCharsets.UTF_8));
                    inside.decrementAndGet();
                  }
                }
              });
      ts[t].start();
    }
    for (Thread t : ts) {
      t.join();
    }
    assertEquals(1, maxInside.get());
    assertEquals(100, counter.read().require().seq(), "no lost update");
  }

  @Test
  void reentrantTimeoutAndWrongThread() throws Exception {
    LoopLock lock = LoopLock.of(tmp.resolve("ops/.lock"));
    try (LoopLock.Held outer = lock.acquire();
        LoopLock.Held inner = lock.acquire()) {
      assertEquals(tmp.resolve("ops/.lock").toAbsolutePath(), outer.file());
      Thread other =
          new Thread(
              () -> {
                VisibilityException e =
                    assertThrows(
                        VisibilityException.class, () -> lock.acquire(Duration.ofMillis(50)));
                assertEquals(ErrorCode.LOCK_FAILED, e.code());
                assertTrue(lock.tryAcquire().isEmpty());
              });
      other.start();
      other.join();
    }
    assertTrue(
        lock.tryAcquire()
            .map(
                h -> {
                  h.close();
                  return true;
                })
            .orElse(false));
  }

  @Test
  void anotherProcessIsExcluded() throws Exception {
    Path lockFile = tmp.resolve("ops/loop/.lock");
    Process p = ChildJvm.start(Holder.class, lockFile.toString());
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    ChildJvm.pump(p.getInputStream(), buf);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!ChildJvm.text(buf).contains("LOCKED")) {
      if (!p.isAlive() || System.nanoTime() > deadline) {
        fail("holder did not start");
      }
      Thread.sleep(5);
    }
    LoopLock lock = LoopLock.of(lockFile);
    assertTrue(lock.tryAcquire().isEmpty(), "held by the other process");
    VisibilityException e =
        assertThrows(VisibilityException.class, () -> lock.acquire(Duration.ofMillis(100)));
    assertEquals(ErrorCode.LOCK_FAILED, e.code());
    try (OutputStream in = p.getOutputStream()) {
      in.flush();
    }
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    try (LoopLock.Held h = lock.acquire(Duration.ofSeconds(10))) {
      assertEquals(lockFile.toAbsolutePath(), h.file());
    }
  }
}
