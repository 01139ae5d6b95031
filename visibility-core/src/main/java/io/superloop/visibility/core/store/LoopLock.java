package io.superloop.visibility.core.store;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The per-loop lock of hardening H4: an OS file lock on {@code <ops>/<loop>/.lock} plus in-process
 * exclusion, held around one reconcile step's read-modify-write so concurrent steps of the same
 * loop, in this JVM or in other processes, run one after another. Reentrant for the thread that
 * holds it. Obtain one with {@link LoopLayout#lock()} or {@link #of(Path)}.
 */
public final class LoopLock {
  /** Waits for the lock longer than this (one second) are logged. */
  static final long LOGGED_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final Path file;
  private final FileOps ops;

  private LoopLock(Path file, FileOps ops) {
    this.file = file;
    this.ops = ops;
  }

  /**
   * The lock on a file.
   *
   * @param lockFile the lock file (created with its directories on first acquisition)
   * @return the lock, not held
   */
  public static LoopLock of(Path lockFile) {
    return of(lockFile, RealFileOps.INSTANCE);
  }

  static LoopLock of(Path lockFile, FileOps ops) {
    return new LoopLock(Objects.requireNonNull(lockFile, "lockFile"), ops);
  }

  /** {@return the lock file} */
  public Path file() {
    return file;
  }

  /**
   * Acquires the lock, waiting as long as it takes.
   *
   * @return the held lock; close it to release
   * @throws VisibilityException {@link ErrorCode#LOCK_FAILED} when interrupted or the OS refuses
   *     the lock; file errors when the lock file cannot be created
   */
  public Held acquire() {
    return acquire(Long.MAX_VALUE);
  }

  /**
   * Acquires the lock, waiting at most {@code timeout}.
   *
   * @param timeout the longest wait; zero or negative: do not wait
   * @return the held lock; close it to release
   * @throws VisibilityException {@link ErrorCode#LOCK_FAILED} on timeout or interruption
   */
  public Held acquire(Duration timeout) {
    long nanos = timeout.toNanos();
    long now = System.nanoTime();
    return acquire(nanos >= Long.MAX_VALUE - now ? Long.MAX_VALUE : now + Math.max(0, nanos));
  }

  /**
   * Acquires the lock if it is free now (or held by this thread).
   *
   * @return the held lock, or empty when another thread or process holds it
   * @throws VisibilityException {@link ErrorCode#LOCK_FAILED} when interrupted; file errors when
   *     the lock file cannot be created
   */
  public Optional<Held> tryAcquire() {
    try {
      return Optional.of(acquire(Duration.ZERO));
    } catch (VisibilityException e) {
      if (e.code() == ErrorCode.LOCK_FAILED && !Thread.currentThread().isInterrupted()) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * Runs {@code step} while holding the lock (waiting at most {@code timeout}) and returns its
   * result.
   *
   * @param <R> the result type
   * @param timeout the longest wait for the lock
   * @param step the work to do under the lock
   * @return what {@code step} returned
   * @throws VisibilityException {@link ErrorCode#LOCK_FAILED} on timeout or interruption, or what
   *     {@code step} throws
   */
  public <R> R call(Duration timeout, Supplier<R> step) {
    try (Held h = acquire(timeout)) {
      return step.get();
    }
  }

  private Held acquire(long deadlineNanos) {
    long startNanos = System.nanoTime();
    SharedLockFile entry = SharedLockFile.retain(file);
    boolean ok = false;
    try {
      if (deadlineNanos == Long.MAX_VALUE) {
        entry.local().lockInterruptibly();
      } else {
        long left = deadlineNanos - System.nanoTime();
        if (!entry.local().tryLock(Math.max(0, left), TimeUnit.NANOSECONDS)) {
          throw new VisibilityException(ErrorCode.LOCK_FAILED, "loop lock held by another thread")
              .withFile(file.toString());
        }
      }
      try {
        FileLock os = null;
        if (entry.local().getHoldCount() == 1) {
          os = entry.lockOs(ops, deadlineNanos);
        }
        ok = true;
        logLongWait(startNanos);
        return new Held(entry, os);
      } finally {
        if (!ok) {
          entry.local().unlock();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VisibilityException(
              ErrorCode.LOCK_FAILED, "interrupted while waiting for the loop lock", e)
          .withFile(file.toString());
    } finally {
      if (!ok) {
        entry.release();
      }
    }
  }

  /** Logs a wait for the lock longer than {@link #LOGGED_WAIT_NANOS}. */
  private void logLongWait(long startNanos) {
    long waited = System.nanoTime() - startNanos;
    if (waited > LOGGED_WAIT_NANOS) {
      StateFile.LOG.log(
          System.Logger.Level.INFO,
          "waited {0} ms for the loop lock {1}",
          TimeUnit.NANOSECONDS.toMillis(waited),
          file);
    }
  }

  /** A held loop lock; {@link #close()} releases it (once). */
  public static final class Held implements AutoCloseable {
    private final SharedLockFile entry;
    private final @Nullable FileLock os;
    private final Thread owner;
    private boolean released;

    private Held(SharedLockFile entry, @Nullable FileLock os) {
      this.entry = entry;
      this.os = os;
      this.owner = Thread.currentThread();
    }

    /** {@return the lock file} */
    public Path file() {
      return entry.path();
    }

    /**
     * Releases the lock. Idempotent; must be called by the thread that acquired it.
     *
     * @throws VisibilityException {@link ErrorCode#LOCK_FAILED} when called from another thread
     */
    @Override
    public void close() {
      if (released) {
        return;
      }
      if (Thread.currentThread() != owner) {
        throw new VisibilityException(
                ErrorCode.LOCK_FAILED, "a loop lock must be released by the thread that holds it")
            .withFile(entry.path().toString());
      }
      released = true;
      try {
        if (os != null) {
          SharedLockFile.unlockOs(os);
        }
      } finally {
        entry.local().unlock();
        entry.release();
      }
    }
  }
}
