package io.superloop.visibility.core.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * {@link FileOps} over {@link FileChannel} and {@link Files}. Links are followed; a path that
 * resolves to anything but a regular file (a FIFO, a device, a socket, a directory, a link loop) is
 * refused before it is opened, so an open never blocks on a FIFO (a FIFO put in place between the
 * check and the open still would: see {@link ConfinedFileOps}).
 */
final class RealFileOps implements FileOps {

  /** The shared instance. */
  static final RealFileOps INSTANCE = new RealFileOps();

  static final boolean WINDOWS =
      System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

  private RealFileOps() {}

  @Override
  public Handle open(Path file, Mode mode) throws IOException {
    requireRegularOrAbsent(file, mode);
    return new ChannelHandle(channel(file, mode));
  }

  /**
   * Refuses a path that resolves to anything but a regular file; an absent one passes when {@code
   * mode} creates it, and fails with {@link java.nio.file.NoSuchFileException} otherwise.
   */
  static void requireRegularOrAbsent(Path file, Mode mode) throws IOException {
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      if (mode == Mode.READ) {
        throw e;
      }
      return;
    } catch (FileSystemException e) {
      if (isLinkLoop(e)) {
        throw new NotRegularFileException(file, "a symbolic link that cannot be resolved");
      }
      throw e;
    }
    if (!a.isRegularFile()) {
      throw new NotRegularFileException(file, "not a regular file (" + kind(a) + ")");
    }
  }

  /** Whether {@code e} is ELOOP: too many levels of symbolic links. */
  static boolean isLinkLoop(FileSystemException e) {
    String reason = e.getReason();
    return reason != null && reason.toLowerCase(Locale.ROOT).contains("symbolic link");
  }

  /** What a non-regular file is, for messages. */
  static String kind(BasicFileAttributes a) {
    if (a.isDirectory()) {
      return "a directory";
    }
    if (a.isSymbolicLink()) {
      return "a symbolic link";
    }
    return "a FIFO, device or socket";
  }

  /** The channel of {@code file} in {@code mode}, links followed. */
  static FileChannel channel(Path file, Mode mode, OpenOption... extra) throws IOException {
    Set<OpenOption> options = new HashSet<>(options(mode));
    options.addAll(Arrays.asList(extra));
    return FileChannel.open(file, options);
  }

  /** The open options of {@code mode}. */
  static Set<OpenOption> options(Mode mode) {
    switch (mode) {
      case READ:
        return Set.of(StandardOpenOption.READ);
      case APPEND:
        return Set.of(
            StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
      case CREATE_NEW:
        return Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      case LOCK:
        return Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      default:
        throw new IllegalArgumentException(String.valueOf(mode));
    }
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

  @Override
  public List<Path> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    } catch (NoSuchFileException e) {
      return List.of();
    }
  }

  /** A {@link Handle} over a {@link FileChannel}. */
  static final class ChannelHandle implements Handle {
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
