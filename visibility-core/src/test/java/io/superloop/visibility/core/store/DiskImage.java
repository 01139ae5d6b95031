package io.superloop.visibility.core.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a disk holds after a power cut, for a tree that existed (durably) before the recorded
 * operations began: like {@link PowerCut}, a file's content is what it held at its last force and a
 * directory's entries what they were at its last force, but files and directories that existed
 * before the recording keep their content and entries until the recording changes and forces them.
 * With {@code keepHalfUnforced}, half of the bytes a file gained since its last force survive too
 * (a torn write).
 */
final class DiskImage {
  private static final class Inode {
    byte[] current;
    byte[] durable;

    Inode(byte[] current, byte[] durable) {
      this.current = current;
      this.durable = durable;
    }
  }

  private final Path root;
  private final Map<Path, Inode> names = new HashMap<>();

  /** Directory -> its durable entries. */
  private final Map<Path, Map<Path, Inode>> durableNames = new HashMap<>();

  private final Map<Integer, Inode> byNumber = new HashMap<>();

  /** A tree's files and directories at one moment. */
  record Snapshot(Path root, Map<Path, byte[]> files, List<Path> dirs) {}

  /** The tree under {@code root} as it is now. */
  static Snapshot snapshot(Path root) {
    Path r = root.toAbsolutePath().normalize();
    Map<Path, byte[]> files = new HashMap<>();
    List<Path> dirs = new java.util.ArrayList<>();
    try (Stream<Path> s = Files.walk(r)) {
      for (Path p : s.toList()) {
        if (Files.isDirectory(p)) {
          dirs.add(p);
        } else {
          files.put(p, Files.readAllBytes(p));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Snapshot(r, files, dirs);
  }

  /** The tree of {@code before}, taken as durable. */
  DiskImage(Snapshot before) {
    this.root = before.root();
    for (Path d : before.dirs()) {
      durableNames.computeIfAbsent(d, x -> new HashMap<>());
    }
    before
        .files()
        .forEach(
            (p, b) -> {
              Inode i = new Inode(b, b);
              names.put(p, i);
              durableNames.computeIfAbsent(parent(p), d -> new HashMap<>()).put(p, i);
            });
  }

  private static Path parent(Path p) {
    return Objects.requireNonNull(p.getParent(), "no parent");
  }

  private Inode inode(int number, Path path) {
    Inode i = byNumber.get(number);
    if (i == null) {
      i = names.get(path);
      if (i == null) {
        i = new Inode(new byte[0], new byte[0]);
      }
      byNumber.put(number, i);
    }
    return i;
  }

  /** Applies recorded operations, in order. */
  DiskImage apply(List<RecordingFileOps.Event> events) {
    for (RecordingFileOps.Event e : events) {
      if (e instanceof RecordingFileOps.Open o) {
        if (o.existed()) {
          Inode i = names.get(o.path());
          if (i == null) {
            i = new Inode(new byte[0], new byte[0]); // existed, but not known to the image
            names.put(o.path(), i);
          }
          byNumber.put(o.inode(), i);
        } else {
          Inode i = new Inode(new byte[0], new byte[0]);
          names.put(o.path(), i);
          byNumber.put(o.inode(), i);
        }
      } else if (e instanceof RecordingFileOps.Write w) {
        Inode i = inode(w.inode(), w.path());
        int end = (int) w.position() + w.bytes().length;
        byte[] n = Arrays.copyOf(i.current, Math.max(i.current.length, end));
        System.arraycopy(w.bytes(), 0, n, (int) w.position(), w.bytes().length);
        i.current = n;
      } else if (e instanceof RecordingFileOps.Force f) {
        Inode i = inode(f.inode(), f.path());
        i.durable = i.current.clone();
      } else if (e instanceof RecordingFileOps.Truncate t) {
        Inode i = inode(t.inode(), t.path());
        i.current = Arrays.copyOf(i.current, (int) Math.min(i.current.length, t.size()));
      } else if (e instanceof RecordingFileOps.Move m) {
        Inode i = names.remove(m.source());
        if (i == null) {
          i = inode(m.inode(), m.source());
        }
        names.put(m.target(), i);
        byNumber.put(m.inode(), i);
      } else if (e instanceof RecordingFileOps.Delete d) {
        names.remove(d.path());
      } else if (e instanceof RecordingFileOps.ForceDir fd) {
        Map<Path, Inode> entries = new HashMap<>();
        names.forEach(
            (p, i) -> {
              if (fd.dir().equals(p.getParent())) {
                entries.put(p, i);
              }
            });
        durableNames.put(fd.dir(), entries);
      }
    }
    return this;
  }

  /** The files that survive the cut: path relative to the root -> content. */
  Map<Path, byte[]> survivors(boolean keepHalfUnforced) {
    Map<Path, byte[]> out = new TreeMap<>();
    for (Map<Path, Inode> entries : durableNames.values()) {
      entries.forEach(
          (p, i) -> {
            byte[] d = i.durable;
            byte[] c = i.current;
            if (keepHalfUnforced
                && c.length > d.length
                && Arrays.equals(c, 0, d.length, d, 0, d.length)) {
              d = Arrays.copyOf(c, d.length + (c.length - d.length) / 2);
            }
            out.put(root.relativize(p), d);
          });
    }
    return out;
  }

  /** Writes the surviving tree under {@code target} (its directories included). */
  void materialize(Path target, boolean keepHalfUnforced) {
    try {
      for (Path dir : durableNames.keySet()) {
        Files.createDirectories(target.resolve(root.relativize(dir).toString()));
      }
      for (Map.Entry<Path, byte[]> f : survivors(keepHalfUnforced).entrySet()) {
        Path t = target.resolve(f.getKey().toString());
        Files.createDirectories(parent(t));
        Files.write(t, f.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies a tree (every file, lock files included). */
  static void copyTree(Path from, Path to) {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path q = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(q);
        } else {
          Files.copy(p, q, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes a tree, if it exists. */
  static void deleteTree(Path p) {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(x);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return "DiskImage[" + root + "]";
  }
}
