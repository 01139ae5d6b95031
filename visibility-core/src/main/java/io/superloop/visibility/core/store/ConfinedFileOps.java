package io.superloop.visibility.core.store;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@link FileOps} that never follows a symbolic link under a root directory (the loop files' {@code
 * <repo>/.superloop/ops-manager}): every path component from the root down, the root itself
 * included, must be a real directory and the last one a regular file (or absent where the operation
 * creates it). A link anywhere there is a {@link SymlinkException} naming it; a FIFO, device,
 * socket or directory where a file belongs is a {@link NotRegularFileException}, raised before
 * anything is opened. What lies above the root ({@code .superloop}, the repository) may be a link.
 *
 * <p>Where the platform offers a {@link SecureDirectoryStream} (Linux, macOS), each operation walks
 * down from the root's parent opening one directory at a time relative to the previous one with
 * {@code O_NOFOLLOW} ({@code openat}), and opens, renames or deletes the file relative to its
 * directory, also without following a link. A link swapped in for a component between the check and
 * the use therefore makes the operation fail, and nothing is ever read or written through it. Two
 * gaps remain, both needing write access to a directory under the root and a window of
 * microseconds: a directory created by {@link #createDirectories} is created by path, so a link
 * swapped in for its parent at that instant makes an empty directory appear at the link's target
 * (the next operation then refuses the link); and a regular file replaced by a FIFO between the
 * check and the open blocks that open, as Java cannot open without blocking. Elsewhere (Windows)
 * each component is checked by path before use, which narrows but does not close the window.
 *
 * <p>Paths outside the root (overridden artifact paths) are checked only at their last component,
 * which is never followed; their directories may be links.
 */
final class ConfinedFileOps implements FileOps {
  private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

  private final Path root;
  private final Path top;

  /**
   * Confines the paths under {@code root}.
   *
   * @param root an absolute directory with a parent (the parent may be a link)
   */
  ConfinedFileOps(Path root) {
    this.root = root.toAbsolutePath().normalize();
    Path parent = this.root.getParent();
    if (parent == null || this.root.getFileName() == null) {
      throw new IllegalArgumentException("the confined root needs a parent: " + root);
    }
    this.top = parent;
  }

  /** {@return the confined root} */
  Path root() {
    return root;
  }

  private boolean confined(Path p) {
    return p.startsWith(root);
  }

  private static Path abs(Path p) {
    return p.toAbsolutePath().normalize();
  }

  private static Path name(Path p) {
    Path n = p.getFileName();
    if (n == null) {
      throw new IllegalArgumentException("not a file path: " + p);
    }
    return n;
  }

  private static Path parent(Path p) {
    Path parent = p.getParent();
    if (parent == null) {
      throw new IllegalArgumentException("not a file path: " + p);
    }
    return parent;
  }

  @Override
  public Handle open(Path file, Mode mode) throws IOException {
    Path f = abs(file);
    if (!confined(f) || f.equals(root)) {
      requireFileOrAbsent(f, lstat(f), mode);
      return new RealFileOps.ChannelHandle(RealFileOps.channel(f, mode, LinkOption.NOFOLLOW_LINKS));
    }
    try (Dir d = walk(parent(f))) {
      return new RealFileOps.ChannelHandle(d.open(name(f), f, mode));
    }
  }

  @Override
  public boolean exists(Path path) {
    return Files.exists(abs(path), NOFOLLOW);
  }

  @Override
  public void createDirectories(Path dir) throws IOException {
    Path d = abs(dir);
    if (!confined(d)) {
      Files.createDirectories(d);
      return;
    }
    Files.createDirectories(top);
    Path at = top;
    for (Path component : components(d)) {
      at = at.resolve(component);
      BasicFileAttributes a = lstat(at);
      if (a == null) {
        try {
          Files.createDirectory(at); // mkdir never follows a link in the last component
        } catch (java.nio.file.FileAlreadyExistsException e) {
          // created meanwhile by another writer: checked below
        }
        a = lstat(at);
      }
      requireDirectory(at, a);
    }
    // a link swapped in after the checks above is refused by the walk of the next operation
  }

  @Override
  public void move(Path source, Path target) throws IOException {
    Path s = abs(source);
    Path t = abs(target);
    if (!confined(s) && !confined(t)) {
      Files.move(s, t, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return;
    }
    if (!confined(s) || !confined(t) || s.equals(root) || t.equals(root)) {
      throw new IOException("cannot move across the confined root: " + s + " -> " + t);
    }
    try (Dir from = walk(parent(s))) {
      if (parent(s).equals(parent(t))) {
        from.move(name(s), from, name(t));
      } else {
        try (Dir to = walk(parent(t))) {
          from.move(name(s), to, name(t));
        }
      }
    }
  }

  @Override
  public void forceDirectory(Path dir) throws IOException {
    if (RealFileOps.WINDOWS) {
      return; // directories cannot be opened for fsync there; NTFS journals renames
    }
    Path d = abs(dir);
    if (!confined(d)) {
      RealFileOps.INSTANCE.forceDirectory(d);
      return;
    }
    try (Dir at = walk(d)) {
      at.forceSelf();
    }
  }

  @Override
  public List<Path> list(Path dir) throws IOException {
    Path d = abs(dir);
    if (!confined(d)) {
      return RealFileOps.INSTANCE.list(d);
    }
    try (Dir at = walk(d)) {
      return at.entries();
    } catch (NoSuchFileException e) {
      return List.of();
    }
  }

  @Override
  public void deleteIfExists(Path path) throws IOException {
    Path p = abs(path);
    if (!confined(p) || p.equals(root)) {
      Files.deleteIfExists(p);
      return;
    }
    try (Dir d = walk(parent(p))) {
      d.delete(name(p));
    } catch (NoSuchFileException e) {
      // already gone, or its directory is
    }
  }

  /** The attributes of {@code p} itself (a link is not followed), or null when absent. */
  private static @Nullable BasicFileAttributes lstat(Path p) throws IOException {
    try {
      return Files.readAttributes(p, BasicFileAttributes.class, NOFOLLOW);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  private static void requireDirectory(Path p, @Nullable BasicFileAttributes a) throws IOException {
    if (a == null) {
      throw new NoSuchFileException(p.toString());
    }
    if (a.isSymbolicLink()) {
      throw new SymlinkException(p);
    }
    if (!a.isDirectory()) {
      throw new NotRegularFileException(p, "not a directory (" + RealFileOps.kind(a) + ")");
    }
  }

  /** Checks the last component before an open in {@code mode}. */
  private static void requireFileOrAbsent(Path p, @Nullable BasicFileAttributes a, Mode mode)
      throws IOException {
    if (a == null) {
      if (mode == Mode.READ) {
        throw new NoSuchFileException(p.toString());
      }
      return;
    }
    if (a.isSymbolicLink()) {
      throw new SymlinkException(p);
    }
    if (!a.isRegularFile()) {
      throw new NotRegularFileException(p, "not a regular file (" + RealFileOps.kind(a) + ")");
    }
  }

  /** Opens the directory {@code dir} (under or at the root) without following a link on the way. */
  private Dir walk(Path dir) throws IOException {
    DirectoryStream<Path> start = Files.newDirectoryStream(top);
    if (!(start instanceof SecureDirectoryStream<Path> sds)) {
      start.close();
      return new PathDir(checkedPath(dir));
    }
    SecureDirectoryStream<Path> at = sds;
    Path atPath = top;
    try {
      for (Path component : components(dir)) {
        atPath = atPath.resolve(component);
        BasicFileAttributes a;
        try {
          a =
              at.getFileAttributeView(component, BasicFileAttributeView.class, NOFOLLOW)
                  .readAttributes();
        } catch (NoSuchFileException e) {
          throw new NoSuchFileException(atPath.toString());
        }
        requireDirectory(atPath, a);
        SecureDirectoryStream<Path> next;
        try {
          next = at.newDirectoryStream(component, NOFOLLOW);
        } catch (FileSystemException e) {
          if (RealFileOps.isLinkLoop(e)) {
            throw new SymlinkException(atPath); // swapped for a link after the check
          }
          throw e;
        }
        at.close();
        at = next;
      }
      return new SecureDir(at, atPath);
    } catch (IOException | RuntimeException e) {
      at.close();
      throw e;
    }
  }

  /** The names from {@link #top} down to {@code dir}, which lies under it. */
  private Iterable<Path> components(Path dir) {
    return dir.equals(top) ? java.util.List.of() : top.relativize(dir);
  }

  /** Checks every component of {@code dir} below {@link #top} by path (no secure streams here). */
  private Path checkedPath(Path dir) throws IOException {
    Path at = top;
    for (Path component : components(dir)) {
      at = at.resolve(component);
      requireDirectory(at, lstat(at));
    }
    return at;
  }

  /** One open directory of the walk. */
  private interface Dir extends Closeable {
    FileChannel open(Path name, Path full, Mode mode) throws IOException;

    void move(Path name, Dir target, Path targetName) throws IOException;

    void delete(Path name) throws IOException;

    void forceSelf() throws IOException;

    /** The directory's entries (not followed), as full paths. */
    List<Path> entries() throws IOException;
  }

  private static Set<OpenOption> noFollow(Mode mode) {
    Set<OpenOption> options = new HashSet<>(RealFileOps.options(mode));
    options.add(LinkOption.NOFOLLOW_LINKS);
    return options;
  }

  /** A directory opened relative to its parent ({@code openat}): race-free. */
  private static final class SecureDir implements Dir {
    private final SecureDirectoryStream<Path> sds;
    private final Path path;

    SecureDir(SecureDirectoryStream<Path> sds, Path path) {
      this.sds = sds;
      this.path = path;
    }

    @Override
    public FileChannel open(Path name, Path full, Mode mode) throws IOException {
      BasicFileAttributes a;
      try {
        a = sds.getFileAttributeView(name, BasicFileAttributeView.class, NOFOLLOW).readAttributes();
      } catch (NoSuchFileException e) {
        a = null;
      }
      requireFileOrAbsent(full, a, mode);
      SeekableByteChannel ch;
      try {
        ch = sds.newByteChannel(name, noFollow(mode));
      } catch (FileSystemException e) {
        if (RealFileOps.isLinkLoop(e)) {
          throw new SymlinkException(full); // swapped for a link after the check
        }
        if (e instanceof NoSuchFileException) {
          throw new NoSuchFileException(full.toString());
        }
        throw e;
      }
      if (ch instanceof FileChannel fc) {
        return fc;
      }
      ch.close();
      throw new IOException("no file channel for " + full);
    }

    @Override
    public void move(Path name, Dir target, Path targetName) throws IOException {
      if (!(target instanceof SecureDir t)) {
        throw new IOException("cannot move between directory kinds");
      }
      sds.move(name, t.sds, targetName); // renameat: neither name is followed
    }

    @Override
    public void delete(Path name) throws IOException {
      sds.deleteFile(name); // unlinkat: a link is removed, never followed
    }

    @Override
    public void forceSelf() throws IOException {
      SeekableByteChannel ch = sds.newByteChannel(Path.of("."), Set.of(StandardOpenOption.READ));
      try (ch) {
        if (ch instanceof FileChannel fc) {
          fc.force(true);
        }
      }
    }

    @Override
    public List<Path> entries() {
      List<Path> out = new ArrayList<>();
      for (Path e : sds) {
        Path n = e.getFileName();
        if (n != null) {
          out.add(path.resolve(n.toString()));
        }
      }
      return out;
    }

    @Override
    public void close() throws IOException {
      sds.close();
    }

    @Override
    public String toString() {
      return "SecureDir[" + path + "]";
    }
  }

  /** A directory checked by path (platforms without secure directory streams). */
  private static final class PathDir implements Dir {
    private final Path path;

    PathDir(Path path) {
      this.path = path;
    }

    @Override
    public FileChannel open(Path name, Path full, Mode mode) throws IOException {
      Path f = path.resolve(name);
      requireFileOrAbsent(full, lstat(f), mode);
      return RealFileOps.channel(f, mode, LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public void move(Path name, Dir target, Path targetName) throws IOException {
      if (!(target instanceof PathDir t)) {
        throw new IOException("cannot move between directory kinds");
      }
      Files.move(
          path.resolve(name),
          t.path.resolve(targetName),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void delete(Path name) throws IOException {
      Files.delete(path.resolve(name));
    }

    @Override
    public void forceSelf() throws IOException {
      RealFileOps.INSTANCE.forceDirectory(path);
    }

    @Override
    public List<Path> entries() throws IOException {
      return RealFileOps.INSTANCE.list(path);
    }

    @Override
    public void close() {}
  }
}
