package io.superloop.visibility.core.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The production file operations ({@link ConfinedTestOps}) without any fsync: for checks that do
 * not test durability.
 */
final class NoSyncFileOps implements FileOps {
  static final NoSyncFileOps INSTANCE = new NoSyncFileOps();

  private final FileOps d = ConfinedTestOps.INSTANCE;

  @Override
  public Handle open(Path file, Mode mode) throws IOException {
    Handle h = d.open(file, mode);
    return new Handle() {
      @Override
      public long size() throws IOException {
        return h.size();
      }

      @Override
      public int read(ByteBuffer dst, long position) throws IOException {
        return h.read(dst, position);
      }

      @Override
      public void write(ByteBuffer src) throws IOException {
        h.write(src);
      }

      @Override
      public void force() {}

      @Override
      public void truncate(long size) throws IOException {
        h.truncate(size);
      }

      @Override
      public FileLock lock() throws IOException {
        return h.lock();
      }

      @Override
      public @Nullable FileLock tryLock() throws IOException {
        return h.tryLock();
      }

      @Override
      public void close() throws IOException {
        h.close();
      }
    };
  }

  @Override
  public boolean exists(Path path) {
    return d.exists(path);
  }

  @Override
  public void createDirectories(Path dir) throws IOException {
    d.createDirectories(dir);
  }

  @Override
  public void move(Path source, Path target) throws IOException {
    d.move(source, target);
  }

  @Override
  public void forceDirectory(Path dir) {}

  @Override
  public void deleteIfExists(Path path) throws IOException {
    d.deleteIfExists(path);
  }

  @Override
  public java.util.List<Path> list(Path dir) throws IOException {
    return d.list(dir);
  }
}
