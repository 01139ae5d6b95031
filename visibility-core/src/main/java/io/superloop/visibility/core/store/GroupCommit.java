package io.superloop.visibility.core.store;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * Leader/follower group commit for one log file in this JVM (shared by every {@link AppendLog} on
 * it, since an fsync covers the whole file whichever descriptor does it). Writers number their
 * records under the in-process lock; after writing, a writer whose record is not yet covered
 * either becomes the leader (when no fsync is running) or waits. The leader waits at most the
 * configured delay while other writers are queued for the lock, then forces the file, covering
 * every record written before the fsync started, and wakes the followers. The next fsync starts as
 * soon as the previous one ends.
 */
final class GroupCommit {
  /** Writers that entered {@code append} and have not written yet. */
  final AtomicInteger queued = new AtomicInteger();

  private final AtomicLong written = new AtomicLong();
  private final Object sync = new Object();
  private long synced;
  private boolean syncing;
  private long failedUpTo;
  private @Nullable IOException failure;

  /** Numbers a record just written; call under the in-process lock. */
  long recordWritten() {
    return written.incrementAndGet();
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
          break;
        }
        sync.wait();
      }
    }
    if (maxDelayNanos > 0 && queued.get() > 0) {
      long deadline = System.nanoTime() + maxDelayNanos;
      while (queued.get() > 0 && System.nanoTime() < deadline) {
        LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(20));
      }
    }
    long target = written.get();
    IOException err = null;
    try {
      force.force();
    } catch (IOException e) {
      err = e;
    } finally {
      synchronized (sync) {
        syncing = false;
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
