package io.superloop.visibility.core.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** {@link FileOps} over {@link FileChannel} and {@link Files}. */
final class RealFileOps implements FileOps {

  /** The shared instance. */
  static final RealFileOps INSTANCE = new RealFileOps();

  private static final boolean WINDOWS =
      System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

  private RealFileOps() {}

  @Override
  public Handle open(Path file, Mode mode) throws IOException {
    FileChannel ch;
    switch (mode) {
      case READ:
        ch = FileChannel.open(file, StandardOpenOption.READ);
        break;
      case APPEND:
        ch =
            FileChannel.open(
                file,
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        break;
      case CREATE_NEW:
        ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        break;
      case LOCK:
        ch =
            FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        break;
      default:
        throw new IllegalArgumentException(String.valueOf(mode));
    }
    return new ChannelHandle(ch);
  }

  @Override
  public boolean exists(Path path) {
    return Files.exists(path);
  }

  @Override
  public void createDirectories(Path dir) throws IOException {
    Files.createDirectories(dir);
  }

  @Override
  public void move(Path source, Path target) throws IOException {
    Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public void forceDirectory(Path dir) throws IOException {
    if (WINDOWS) {
      return; // directories cannot be opened for fsync there; NTFS journals renames
    }
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    }
  }

  @Override
  public void deleteIfExists(Path path) throws IOException {
    Files.deleteIfExists(path);
  }

  private static final class ChannelHandle implements Handle {
    private final FileChannel ch;

    ChannelHandle(FileChannel ch) {
      this.ch = ch;
    }

    @Override
    public long size() throws IOException {
      return ch.size();
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
      return ch.read(dst, position);
    }

    @Override
    public void write(ByteBuffer src) throws IOException {
      while (src.hasRemaining()) {
        ch.write(src);
      }
    }

    @Override
    public void force() throws IOException {
      ch.force(false);
    }

    @Override
    public void truncate(long size) throws IOException {
      ch.truncate(size);
    }

    @Override
    public FileLock lock() throws IOException {
      return ch.lock();
    }

    @Override
    public @Nullable FileLock tryLock() throws IOException {
      return ch.tryLock();
    }

    @Override
    public void close() throws IOException {
      ch.close();
    }
  }
}
