package io.superloop.visibility.core.store;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import java.io.IOException;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * One lock file per path and JVM: an in-process {@link ReentrantLock} plus one shared channel that
 * takes the OS lock. Only one channel per JVM ever locks a given lock file, and nothing else opens
 * it, because POSIX record locks belong to the process and are dropped when <em>any</em> descriptor
 * of the file is closed. The channel stays open while any user retains the entry.
 */
final class SharedLockFile {
  private static final ConcurrentHashMap<Path, SharedLockFile> REGISTRY = new ConcurrentHashMap<>();

  private final Path path;
  private final ReentrantLock local = new ReentrantLock();

  /**
   * The log's size right after the last complete record this JVM appended, or -1: when the size is
   * still this, the tail is that record's newline and need not be read again. Guarded by {@link
   * #local}.
   */
  private long knownEnd = -1;

  private FileOps.@Nullable Handle handle;
  private int refs;

  private SharedLockFile(Path path) {
    this.path = path;
  }

  /** Retains the entry of {@code lockFile}; pair with {@link #release()}. */
  static SharedLockFile retain(Path lockFile) {
    Path key = lockFile.toAbsolutePath().normalize();
    while (true) {
      SharedLockFile e = REGISTRY.computeIfAbsent(key, SharedLockFile::new);
      synchronized (e) {
        if (e.refs >= 0) {
          e.refs++;
          return e;
        }
      }
      // the entry was just retired; retry with a fresh one
    }
  }

  /** Drops one retention; the last one closes the channel. */
  void release() {
    FileOps.Handle h = null;
    synchronized (this) {
      if (refs <= 0) {
        return;
      }
      refs--;
      if (refs == 0 && !local.isLocked()) {
        refs = -1;
        REGISTRY.remove(path, this);
        h = handle;
        handle = null;
      }
    }
    if (h != null) {
      try {
        h.close();
      } catch (IOException ignored) {
        // nothing was written through it
      }
    }
  }

  /** The lock file. */
  Path path() {
    return path;
  }

  /** {@return the size after this JVM's last complete append, or -1}; call under the local lock. */
  long knownEnd() {
    return knownEnd;
  }

  /** Records the size after a complete append (-1: unknown); call under the local lock. */
  void knownEnd(long size) {
    knownEnd = size;
  }

  /** The in-process lock. */
  ReentrantLock local() {
    return local;
  }

  /**
   * Takes the OS lock, blocking until {@code deadlineNanos} ({@link Long#MAX_VALUE}: forever). The
   * caller holds {@link #local()}.
   */
  FileLock lockOs(FileOps ops, long deadlineNanos) {
    FileOps.Handle h;
    synchronized (this) {
      h = handle;
      if (h == null) {
        try {
          Path parent = path.getParent();
          if (parent != null) {
            ops.createDirectories(parent);
          }
          h = ops.open(path, FileOps.Mode.LOCK);
        } catch (IOException e) {
          throw IoErrors.of("cannot open lock file", path, e);
        }
        handle = h;
      }
    }
    try {
      if (deadlineNanos == Long.MAX_VALUE) {
        return h.lock();
      }
      long sleepMs = 1;
      while (true) {
        FileLock l = h.tryLock();
        if (l != null) {
          return l;
        }
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
          throw new VisibilityException(ErrorCode.LOCK_FAILED, "lock held by another process")
              .withFile(path.toString());
        }
        Thread.sleep(Math.max(1, Math.min(sleepMs, TimeUnit.NANOSECONDS.toMillis(left))));
        sleepMs = Math.min(sleepMs * 2, 50);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VisibilityException(
              ErrorCode.LOCK_FAILED, "interrupted while waiting for the lock", e)
          .withFile(path.toString());
    } catch (OverlappingFileLockException e) {
      throw new VisibilityException(ErrorCode.LOCK_FAILED, "lock already held in this JVM", e)
          .withFile(path.toString());
    } catch (IOException e) {
      VisibilityException v = IoErrors.of("cannot lock", path, e);
      throw v.code() == ErrorCode.IO_ERROR
          ? new VisibilityException(ErrorCode.LOCK_FAILED, v.detail(), e).withFile(path.toString())
          : v;
    }
  }

  /** Work done while holding both locks. */
  interface LockedWork<R> {
    R run() throws IOException;
  }

  /**
   * Runs {@code work} holding the in-process lock and the OS lock (waiting as long as it takes); an
   * {@link IOException} becomes a reason-coded error about {@code file}.
   */
  <R> R locked(FileOps ops, String what, Path file, LockedWork<R> work) {
    local.lock();
    try {
      FileLock os = lockOs(ops, Long.MAX_VALUE);
      try {
        return work.run();
      } finally {
        unlockOs(os);
      }
    } catch (IOException e) {
      throw IoErrors.of(what, file, e);
    } finally {
      local.unlock();
    }
  }

  /** Releases an OS lock taken by {@link #lockOs}. */
  static void unlockOs(FileLock lock) {
    try {
      if (lock.isValid()) {
        lock.release();
      }
    } catch (IOException ignored) {
      // the lock dies with the channel or the process
    }
  }
}
