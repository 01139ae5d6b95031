package io.superloop.visibility.core.store;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileLock;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The one seam through which the store touches the file system. {@link RealFileOps} is the
 * production implementation; tests wrap it to record every operation (power-loss replay) or to
 * inject failures (full disk, permission denied).
 */
interface FileOps {

  /**
   * A path that must be a regular file (or a directory on the way to one) is something else: a
   * FIFO, a device, a socket, a directory, or a link that cannot be resolved. Thrown before the
   * path is opened, so a FIFO never blocks.
   */
  final class NotRegularFileException extends FileSystemException {
    private static final long serialVersionUID = 1L;

    NotRegularFileException(Path file, String reason) {
      super(file.toString(), null, reason);
    }
  }

  /** A path under the confined root is, or passes through, a symbolic link. */
  final class SymlinkException extends FileSystemException {
    private static final long serialVersionUID = 1L;

    SymlinkException(Path link) {
      super(
          link.toString(), null, "is a symbolic link; the loop's files are never used through one");
    }
  }

  /** How a file is opened. */
  enum Mode {
    /** Read only; the file must exist. */
    READ,
    /** Write in append mode, creating the file when absent. */
    APPEND,
    /** Write a new file; fails when it exists. */
    CREATE_NEW,
    /** Read and write, creating the file when absent (lock files). */
    LOCK
  }

  /** An open file. */
  interface Handle extends Closeable {
    /** The current size in bytes. */
    long size() throws IOException;

    /** Reads at an absolute position; returns the bytes read or -1 at end of file. */
    int read(ByteBuffer dst, long position) throws IOException;

    /** Writes all remaining bytes of {@code src} (at the end, in append mode). */
    void write(ByteBuffer src) throws IOException;

    /** Forces content (not necessarily metadata) to the storage device. */
    void force() throws IOException;

    /** Truncates to {@code size} bytes. */
    void truncate(long size) throws IOException;

    /** Acquires an exclusive OS lock on the whole file, blocking. */
    FileLock lock() throws IOException;

    /** Tries to acquire an exclusive OS lock; null when another process holds it. */
    @Nullable FileLock tryLock() throws IOException;

    /** Closes the file. */
    @Override
    void close() throws IOException;
  }

  /** Opens {@code file} in {@code mode}. */
  Handle open(Path file, Mode mode) throws IOException;

  /** Whether {@code path} exists. */
  boolean exists(Path path);

  /** Creates {@code dir} and its missing parents. */
  void createDirectories(Path dir) throws IOException;

  /** Renames {@code source} to {@code target} atomically, replacing {@code target}. */
  void move(Path source, Path target) throws IOException;

  /** Forces the directory entries of {@code dir} (best effort where the platform cannot). */
  void forceDirectory(Path dir) throws IOException;

  /** Deletes {@code path} if it exists. */
  void deleteIfExists(Path path) throws IOException;

  /** The entries of {@code dir} (empty when it does not exist). */
  List<Path> list(Path dir) throws IOException;
}
