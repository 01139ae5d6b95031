package io.superloop.visibility.core.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A {@link FileOps} that delegates to another one and records every operation that changes the file
 * system or forces it, with the inode it concerns, in one global order; and can inject failures.
 * Used to check the order of state writes and to replay a run as if power was lost at any point
 * (see {@link PowerCut}).
 */
final class RecordingFileOps implements FileOps {

  /** One recorded operation. */
  sealed interface Event {
    /** The thread that did it. */
    String thread();
  }

  /**
   * A file was opened; {@code created} when it got a new inode number (made by the open, or seen
   * for the first time), {@code existed} when it existed before the open.
   */
  record Open(String thread, Path path, Mode mode, int inode, boolean created, boolean existed)
      implements Event {}

  /** Bytes were written at {@code position}. */
  record Write(String thread, Path path, int inode, long position, byte[] bytes) implements Event {}

  /** The file's content was forced. */
  record Force(String thread, Path path, int inode) implements Event {}

  /** The file was truncated. */
  record Truncate(String thread, Path path, int inode, long size) implements Event {}

  /** A file was renamed. */
  record Move(String thread, Path source, Path target, int inode) implements Event {}

  /** A directory was forced. */
  record ForceDir(String thread, Path dir) implements Event {}

  /** A file was deleted. */
  record Delete(String thread, Path path) implements Event {}

  /** A test marker (an acknowledgement). */
  record Mark(String thread, String label) implements Event {}

  /** Decides whether an operation fails. */
  interface Fault {
    /**
     * Called before each operation ({@code open}, {@code write}, {@code force}, {@code truncate},
     * {@code move}, {@code forceDir}, {@code delete}, {@code mkdirs}, {@code list}); returns the
     * exception to throw or null. For {@code write}, {@link #partialWrite} says how many bytes land
     * first.
     */
    @Nullable IOException before(String op, Path path);

    /** For a failing write, how many bytes of it are written before the failure. */
    default int partialWrite(Path path, int length) {
      return 0;
    }
  }

  private final FileOps delegate;
  private final List<Event> events = new ArrayList<>();
  private final Map<Path, Integer> inodes = new HashMap<>();
  private final AtomicInteger nextInode = new AtomicInteger(1);
  private volatile @Nullable Fault fault;
  private volatile boolean recording = true;

  RecordingFileOps(FileOps delegate) {
    this.delegate = delegate;
  }

  /** Over the production operations ({@link ConfinedTestOps}). */
  RecordingFileOps() {
    this(ConfinedTestOps.INSTANCE);
  }

  void fault(@Nullable Fault f) {
    this.fault = f;
  }

  void recording(boolean on) {
    this.recording = on;
  }

  synchronized List<Event> events() {
    return List.copyOf(events);
  }

  void mark(String label) {
    add(new Mark(thread(), label));
  }

  private static String thread() {
    return Thread.currentThread().getName();
  }

  private synchronized void add(Event e) {
    if (recording) {
      events.add(e);
    }
  }

  private void check(String op, Path path) throws IOException {
    Fault f = fault;
    if (f != null) {
      IOException e = f.before(op, path);
      if (e != null) {
        throw e;
      }
    }
  }

  private static Path key(Path p) {
    return p.toAbsolutePath().normalize();
  }

  @Override
  public Handle open(Path file, Mode mode) throws IOException {
    check("open", file);
    Path k = key(file);
    synchronized (this) {
      boolean existed = delegate.exists(file);
      Handle h = delegate.open(file, mode);
      Integer ino = inodes.get(k);
      boolean created = !existed || ino == null;
      if (ino == null || !existed) {
        ino = nextInode.getAndIncrement();
        inodes.put(k, ino);
      }
      add(new Open(thread(), k, mode, ino, created, existed));
      return new RecHandle(h, k, ino, mode == Mode.APPEND);
    }
  }

  @Override
  public boolean exists(Path path) {
    return delegate.exists(path);
  }

  @Override
  public void createDirectories(Path dir) throws IOException {
    check("mkdirs", dir);
    delegate.createDirectories(dir);
  }

  @Override
  public void move(Path source, Path target) throws IOException {
    check("move", source);
    synchronized (this) {
      delegate.move(source, target);
      Integer ino = inodes.remove(key(source));
      int i = ino == null ? nextInode.getAndIncrement() : ino;
      inodes.put(key(target), i);
      add(new Move(thread(), key(source), key(target), i));
    }
  }

  @Override
  public void forceDirectory(Path dir) throws IOException {
    check("forceDir", dir);
    delegate.forceDirectory(dir);
    add(new ForceDir(thread(), key(dir)));
  }

  @Override
  public void deleteIfExists(Path path) throws IOException {
    check("delete", path);
    synchronized (this) {
      delegate.deleteIfExists(path);
      inodes.remove(key(path));
      add(new Delete(thread(), key(path)));
    }
  }

  @Override
  public List<Path> list(Path dir) throws IOException {
    check("list", dir);
    return delegate.list(dir);
  }

  private final class RecHandle implements Handle {
    private final Handle h;
    private final Path path;
    private final int inode;
    private final boolean append;
    private long position;

    RecHandle(Handle h, Path path, int inode, boolean append) {
      this.h = h;
      this.path = path;
      this.inode = inode;
      this.append = append;
    }

    @Override
    public long size() throws IOException {
      return h.size();
    }

    @Override
    public int read(ByteBuffer dst, long pos) throws IOException {
      return h.read(dst, pos);
    }

    @Override
    public void write(ByteBuffer src) throws IOException {
      Fault f = fault;
      IOException e = f == null ? null : f.before("write", path);
      byte[] bytes = new byte[src.remaining()];
      src.get(bytes);
      int n = bytes.length;
      if (e != null && f != null) {
        n = Math.min(n, Math.max(0, f.partialWrite(path, bytes.length)));
        if (n == 0) {
          throw e;
        }
      }
      byte[] out = n == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, n);
      synchronized (RecordingFileOps.this) {
        long pos = append ? h.size() : position;
        h.write(ByteBuffer.wrap(out));
        position = pos + n;
        add(new Write(thread(), path, inode, pos, out));
      }
      if (e != null) {
        throw e;
      }
    }

    @Override
    public void force() throws IOException {
      check("force", path);
      // record before the force returns: anything written before this point is covered
      synchronized (RecordingFileOps.this) {
        h.force();
        add(new Force(thread(), path, inode));
      }
    }

    @Override
    public void truncate(long size) throws IOException {
      check("truncate", path);
      synchronized (RecordingFileOps.this) {
        h.truncate(size);
        add(new Truncate(thread(), path, inode, size));
      }
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
  }
}
