package io.superloop.visibility.core.store;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * Leader/follower group commit with write combining, for one log file in this JVM (shared by every
 * {@link AppendLog} on it, since an fsync covers the whole file whichever descriptor does it).
 *
 * <p>A writer queues its encoded line. The writers the previous fsync released are expected back
 * within about as long as that fsync took: the writer whose line makes the queue as long as the
 * previous batch, or any writer whose patience (that fsync's duration, at most the configured
 * delay) is over, becomes the leader unless one is at work. The leader is thus a running thread,
 * not one that must be woken. It takes the queued lines, writes them with one write under the
 * in-process and OS locks, forces the file outside the locks, completes the batch with one
 * volatile write, and wakes the owners of its first two lines; each woken owner wakes two more, so the
 * wake-ups are spread over the woken threads. When a leader ends, the first queued writer is woken
 * to lead next, so the next fsync starts as soon as this one ends. A single writer never waits. A
 * failed write or fsync fails every line of its batch; a failed write leaves none of them in the
 * file.
 */
final class GroupCommit {
  /** Most lines one write takes; the rest wait for the next batch. */
  static final int MAX_BATCH_LINES = 256;

  /** Most bytes one write takes (a larger single line goes alone). */
  static final int MAX_BATCH_BYTES = 1 << 20;

  private static final int PENDING = 0;
  private static final int DONE = 1;
  private static final int FAILED = 2;

  /** One queued line and its owner. */
  static final class Line {
    final byte[] bytes;
    final Thread owner;
    /** This line's place in its batch. */
    int index;
    /** Set (after {@link #index}) when a leader takes the line. */
    volatile @Nullable Batch batch;

    Line(byte[] bytes) {
      this.bytes = bytes;
      this.owner = Thread.currentThread();
    }
  }

  /** The lines one leader writes and forces, in queue order, and their outcome. */
  static final class Batch {
    final Thread leader;
    Line[] lines;
    int count;
    @Nullable VisibilityException failure;
    /** Written once, after everything else: completes every line of the batch at once. */
    volatile int state = PENDING;

    Batch(Thread leader, int capacity) {
      this.leader = leader;
      this.lines = new Line[capacity];
    }
  }

  /** What a leader does with a batch; implemented by the leader's {@link AppendLog}. */
  interface Sink {
    /**
     * Appends {@code lines[0..n)} with one write, in order, under the locks; on failure nothing of
     * them remains in the file.
     *
     * @throws VisibilityException reason-coded, on file errors
     */
    void write(Line[] lines, int n);

    /**
     * Forces the file.
     *
     * @throws VisibilityException reason-coded, when the fsync fails
     */
    void force();
  }

  private final ConcurrentLinkedQueue<Line> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final AtomicBoolean leading = new AtomicBoolean();

  /**
   * Lines the previous batch covered, and how long its fsync took: the writers it released are
   * expected back within about that time. Written by the leader.
   */
  private volatile int lastCovered = 1;

  private volatile long lastForceNanos;

  /** {@return the lines queued and not yet taken by a leader (diagnostics and tests)} */
  int queuedLines() {
    return queued.get();
  }

  /**
   * Queues {@code line} and returns once an fsync that started after it was written has ended.
   * Waits uninterruptibly (the line may already be written); an interrupt is kept for the caller.
   *
   * @throws VisibilityException when the write or fsync of its batch failed
   */
  void append(byte[] line, long maxDelayNanos, Sink sink) {
    Line mine = new Line(line);
    long arrived = System.nanoTime();
    long patience = Math.min(maxDelayNanos, lastForceNanos);
    queue.add(mine);
    queued.incrementAndGet();
    boolean interrupted = false;
    Batch done;
    try {
      while (true) {
        Batch b = mine.batch;
        if (b != null && b.state != PENDING) {
          done = b;
          break;
        }
        if (b == null && !leading.get()) {
          long waited = System.nanoTime() - arrived;
          if (queued.get() >= lastCovered || waited >= patience) {
            if (leading.compareAndSet(false, true)) {
              lead(sink);
            }
            continue;
          }
          // too early: the writer that completes the expectation leads, or this one when its
          // patience is over
          LockSupport.parkNanos(this, patience - waited);
        } else {
          LockSupport.park(this);
        }
        interrupted |= Thread.interrupted();
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    wakeChildren(done, mine.index);
    VisibilityException f = done.failure;
    if (done.state == FAILED && f != null) {
      throw done.leader == Thread.currentThread() ? f : relay(f);
    }
  }

  /** Leads one batch: writes the queued lines, forces the file, completes and wakes them. */
  private void lead(Sink sink) {
    Batch b = new Batch(Thread.currentThread(), Math.min(MAX_BATCH_LINES, Math.max(1, queued.get())));
    try {
      long bytes = 0;
      while (true) {
        Line next = queue.peek();
        if (next == null
            || b.count == MAX_BATCH_LINES
            || (b.count > 0 && bytes + next.bytes.length > MAX_BATCH_BYTES)) {
          break;
        }
        queue.poll();
        if (b.count == b.lines.length) {
          b.lines = Arrays.copyOf(b.lines, Math.min(MAX_BATCH_LINES, b.count * 2));
        }
        next.index = b.count;
        b.lines[b.count++] = next;
        bytes += next.bytes.length;
        next.batch = b;
      }
      queued.addAndGet(-b.count);
      if (b.count == 0) {
        return;
      }
      sink.write(b.lines, b.count);
      long start = System.nanoTime();
      sink.force();
      lastForceNanos = System.nanoTime() - start;
      lastCovered = b.count;
      complete(b, DONE, null);
    } catch (VisibilityException e) {
      complete(b, FAILED, e);
    } catch (RuntimeException | Error e) {
      complete(b, FAILED, new VisibilityException(ErrorCode.IO_ERROR, "group commit failed: " + e, e));
      throw e;
    } finally {
      leading.set(false);
      Line head = queue.peek();
      if (head != null) {
        LockSupport.unpark(head.owner);
      }
    }
  }

  private static void complete(Batch b, int state, @Nullable VisibilityException failure) {
    b.failure = failure;
    b.state = state;
    wakeChildren(b, -1);
  }

  /**
   * Wakes the owners of the lines below {@code index} in the batch's wake tree (two children each;
   * the leader, -1, is the root), so that the wake-ups of a batch are spread over the woken threads.
   * Called only once the batch is complete, so a woken owner always finds its line complete (the
   * leader's own line may be among them: waking a running thread only makes its next park return).
   */
  private static void wakeChildren(Batch b, int index) {
    for (int c = 2 * index + 2; c <= 2 * index + 3 && c < b.count; c++) {
      LockSupport.unpark(b.lines[c].owner);
    }
  }

  /** The leader's failure, re-thrown in the owner's thread (the leader's is its cause). */
  private static VisibilityException relay(VisibilityException f) {
    VisibilityException e = new VisibilityException(f.code(), f.detail(), f);
    return f.file().map(e::withFile).orElse(e);
  }
}
