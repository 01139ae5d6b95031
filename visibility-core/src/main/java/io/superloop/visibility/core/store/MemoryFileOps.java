package io.superloop.visibility.core.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@link FileOps} over memory ({@link LoopLayout#inMemory()}): files are byte arrays keyed by their
 * normalized absolute path, directories a set of paths. It keeps the file system's rules the store
 * relies on: a read of an absent file and a file created in an absent directory fail with {@link
 * NoSuchFileException}, {@link Mode#CREATE_NEW} fails on an existing file, a move replaces its
 * target atomically, appends go to the end. Forces do nothing (memory is the durability there is);
 * locks are granted at once (the store's in-process lock serialises the plane's own users, and no
 * other process can see these files). Thread-safe: one monitor guards the whole tree.
 */
final class MemoryFileOps implements FileOps {
  private final Map<Path, MemoryFile> files = new HashMap<>();
  private final Set<Path> dirs = new HashSet<>();

  /** One file's bytes. Guarded by the {@link MemoryFileOps} monitor. */
  private static final class MemoryFile {
    byte[] data = new byte[0];
    int length;
  }

  private static Path key(Path p) {
    return p.toAbsolutePath().normalize();
  }

  @Override
  public synchronized Handle open(Path file, Mode mode) throws IOException {
    Path k = key(file);
    if (dirs.contains(k)) {
      throw new NotRegularFileException(file, "not a regular file (a directory)");
    }
    MemoryFile f = files.get(k);
    if (f == null) {
      if (mode == Mode.READ) {
        throw new NoSuchFileException(file.toString());
      }
      Path parent = k.getParent();
      if (parent != null && !dirs.contains(parent)) {
        throw new NoSuchFileException(file.toString(), null, "no such directory");
      }
      f = new MemoryFile();
      files.put(k, f);
    } else if (mode == Mode.CREATE_NEW) {
      throw new FileAlreadyExistsException(file.toString());
    }
    return new MemoryHandle(f, mode == Mode.APPEND);
  }

  @Override
  public synchronized boolean exists(Path path) {
    Path k = key(path);
    return files.containsKey(k) || dirs.contains(k);
  }

  @Override
  public synchronized void createDirectories(Path dir) throws IOException {
    for (Path d = key(dir); d != null && !dirs.contains(d); d = d.getParent()) {
      if (files.containsKey(d)) {
        throw new FileAlreadyExistsException(
            d.toString(), null, "a file where a directory belongs");
      }
      dirs.add(d);
    }
  }

  @Override
  public synchronized void move(Path source, Path target) throws IOException {
    MemoryFile f = files.get(key(source));
    if (f == null) {
      throw new NoSuchFileException(source.toString());
    }
    Path t = key(target);
    Path parent = t.getParent();
    if (parent != null && !dirs.contains(parent)) {
      throw new NoSuchFileException(target.toString(), null, "no such directory");
    }
    files.remove(key(source));
    files.put(t, f);
  }

  @Override
  public synchronized void forceDirectory(Path dir) throws IOException {
    if (!dirs.contains(key(dir))) {
      throw new NoSuchFileException(dir.toString());
    }
  }

  @Override
  public synchronized void deleteIfExists(Path path) {
    files.remove(key(path));
  }

  /** The entries of {@code dir} (empty when it does not exist), in no particular order. */
  public synchronized List<Path> list(Path dir) {
    Path d = key(dir);
    List<Path> out = new ArrayList<>();
    for (Path p : files.keySet()) {
      if (d.equals(p.getParent())) {
        out.add(p);
      }
    }
    for (Path p : dirs) {
      if (d.equals(p.getParent())) {
        out.add(p);
      }
    }
    return out;
  }

  /** An open memory file; its position starts at 0 (or the end, appending). */
  private final class MemoryHandle implements Handle {
    private final MemoryFile f;
    private final boolean append;
    private long position;
    private boolean closed;

    MemoryHandle(MemoryFile f, boolean append) {
      this.f = f;
      this.append = append;
    }

    private void open() throws ClosedChannelException {
      if (closed) {
        throw new ClosedChannelException();
      }
    }

    @Override
    public long size() throws IOException {
      synchronized (MemoryFileOps.this) {
        open();
        return f.length;
      }
    }

    @Override
    public int read(ByteBuffer dst, long at) throws IOException {
      synchronized (MemoryFileOps.this) {
        open();
        if (at >= f.length) {
          return -1;
        }
        int n = (int) Math.min(dst.remaining(), f.length - at);
        dst.put(f.data, (int) at, n);
        return n;
      }
    }

    @Override
    public void write(ByteBuffer src) throws IOException {
      synchronized (MemoryFileOps.this) {
        open();
        long at = append ? f.length : position;
        int n = src.remaining();
        long end = at + n;
        if (end > Integer.MAX_VALUE - 8) {
          throw new IOException("a memory file holds at most 2 GiB");
        }
        if (end > f.data.length) {
          f.data =
              Arrays.copyOf(
                  f.data,
                  (int) Math.max(end, Math.min(Integer.MAX_VALUE - 8L, f.data.length * 2L)));
        }
        src.get(f.data, (int) at, n);
        f.length = (int) Math.max(f.length, end);
        position = end;
      }
    }

    @Override
    public void force() throws IOException {
      synchronized (MemoryFileOps.this) {
        open();
      }
    }

    @Override
    public void truncate(long size) throws IOException {
      synchronized (MemoryFileOps.this) {
        open();
        if (size < f.length) {
          f.length = (int) size;
        }
        position = Math.min(position, size);
      }
    }

    @Override
    public FileLock lock() throws IOException {
      open();
      return new MemoryLock();
    }

    @Override
    public @Nullable FileLock tryLock() throws IOException {
      return lock();
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  /** A lock of a memory file: valid until released. */
  private static final class MemoryLock extends FileLock {
    private boolean valid = true;

    MemoryLock() {
      super(NoChannel.INSTANCE, 0, Long.MAX_VALUE, false);
    }

    @Override
    public synchronized boolean isValid() {
      return valid;
    }

    @Override
    public synchronized void release() {
      valid = false;
    }
  }

  /** The channel a {@link MemoryLock} names (a {@link FileLock} needs one); it holds nothing. */
  private static final class NoChannel extends FileChannel {
    static final NoChannel INSTANCE = new NoChannel();

    private static UnsupportedOperationException none() {
      return new UnsupportedOperationException("a memory lock's channel holds no data");
    }

    @Override
    public int read(ByteBuffer dst) {
      throw none();
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) {
      throw none();
    }

    @Override
    public int write(ByteBuffer src) {
      throw none();
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) {
      throw none();
    }

    @Override
    public long position() {
      return 0;
    }

    @Override
    public FileChannel position(long newPosition) {
      throw none();
    }

    @Override
    public long size() {
      return 0;
    }

    @Override
    public FileChannel truncate(long size) {
      throw none();
    }

    @Override
    public void force(boolean metaData) {}

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) {
      throw none();
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) {
      throw none();
    }

    @Override
    public int read(ByteBuffer dst, long position) {
      throw none();
    }

    @Override
    public int write(ByteBuffer src, long position) {
      throw none();
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) {
      throw none();
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) {
      throw none();
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) {
      throw none();
    }

    @Override
    protected void implCloseChannel() {}
  }
}
