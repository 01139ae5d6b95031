package io.superloop.visibility.core.store;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * Leader/follower group commit for one log file in this JVM (shared by every {@link AppendLog} on
 * it, since an fsync covers the whole file whichever descriptor does it). Writers number their
 * records under the in-process lock; after writing, a writer whose record is not yet covered
 * either becomes the leader (when no fsync is running) or waits. The leader waits at most the
 * configured delay while other writers are queued for the lock, or, when the previous fsync covered
 * several records, until as many records are waiting as it covered (at most as long as that fsync
 * took: writers it released are coming back); then it forces the file, covering every record
 * written before the fsync started, and wakes the followers. The next fsync starts as soon as the
 * previous one ends. A single writer never waits.
 */
final class GroupCommit {
  /** Writers that entered {@code append} and have not written yet. */
  final AtomicInteger queued = new AtomicInteger();

  private final AtomicLong written = new AtomicLong();
  private final Object sync = new Object();
  private long synced;
  private boolean syncing;
  /** Records the previous fsync covered, and how long it took: the leader's expectation. */
  private long lastCovered = 1;
  private long lastForceNanos;
  /** The leader waiting for writers, woken by each writer that finished writing. */
  private volatile @Nullable Thread waitingLeader;
  private long failedUpTo;
  private @Nullable IOException failure;

  /** Numbers a record just written; call under the in-process lock. */
  long recordWritten() {
    return written.incrementAndGet();
  }

  /**
   * Wakes a leader waiting for writers; call after a writer has written its record (or given up)
   * and left the queue.
   */
  void writerDone() {
    Thread leader = waitingLeader;
    if (leader != null) {
      LockSupport.unpark(leader);
    }
  }

  /** What a leader does to force the file. */
  interface Force {
    /** Forces the file. */
    void force() throws IOException;
  }

  /**
   * Returns once record {@code seq} is covered by an fsync.
   *
   * @throws IOException when the fsync that was to cover it failed
   * @throws InterruptedException when interrupted while waiting
   */
  void await(long seq, long maxDelayNanos, Force force) throws IOException, InterruptedException {
    long syncedBefore;
    long expect;
    long expectWithinNanos;
    synchronized (sync) {
      while (true) {
        if (synced >= seq) {
          return;
        }
        IOException f = failure;
        if (f != null && failedUpTo >= seq) {
          throw f;
        }
        if (!syncing) {
          syncing = true;
          syncedBefore = synced;
          expect = lastCovered;
          expectWithinNanos = Math.min(maxDelayNanos, lastForceNanos);
          break;
        }
        sync.wait();
      }
    }
    if (maxDelayNanos > 0) {
      waitingLeader = Thread.currentThread();
      try {
        long start = System.nanoTime();
        while (true) {
          long waited = System.nanoTime() - start;
          boolean queuedWriters = queued.get() > 0;
          boolean expected = written.get() - syncedBefore < expect && waited < expectWithinNanos;
          if (waited >= maxDelayNanos || !(queuedWriters || expected)) {
            break;
          }
          long limit = queuedWriters ? maxDelayNanos : Math.min(maxDelayNanos, expectWithinNanos);
          LockSupport.parkNanos(Math.max(1, limit - waited));
        }
      } finally {
        waitingLeader = null;
      }
    }
    long target = written.get();
    IOException err = null;
    long forceStart = System.nanoTime();
    try {
      force.force();
    } catch (IOException e) {
      err = e;
    } finally {
      long took = System.nanoTime() - forceStart;
      synchronized (sync) {
        syncing = false;
        lastForceNanos = took;
        lastCovered = Math.max(1, target - syncedBefore);
        if (err == null) {
          synced = Math.max(synced, target);
        } else {
          failure = err;
          failedUpTo = Math.max(failedUpTo, target);
        }
        sync.notifyAll();
      }
    }
    if (err != null) {
      throw err;
    }
  }
}
