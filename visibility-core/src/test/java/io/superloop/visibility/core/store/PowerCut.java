package io.superloop.visibility.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rebuilds what a disk would hold if power were lost after the first {@code cut} recorded events: a
 * file's content is what it held at its last {@code force} (nothing, if never forced), and a
 * directory's entries are what they were at its last directory force (so a created or renamed file
 * whose directory was not forced afterwards is not there, and a rename not yet made durable leaves
 * the old file in place). With {@code keepHalfUnforced}, half of the bytes appended after a file's
 * last force survive as well (a torn write).
 */
final class PowerCut {
  private PowerCut() {}

  /** The surviving files (absolute original path to content) after {@code cut} events. */
  static Map<Path, byte[]> survive(
      List<RecordingFileOps.Event> events, int cut, boolean keepHalfUnforced) {
    Map<Integer, byte[]> cur = new HashMap<>();
    Map<Integer, byte[]> dur = new HashMap<>();
    Map<Path, Integer> ns = new HashMap<>();
    Map<Path, Map<Path, Integer>> durNs = new HashMap<>();
    for (int i = 0; i < cut; i++) {
      RecordingFileOps.Event e = events.get(i);
      if (e instanceof RecordingFileOps.Open o) {
        if (o.created()) {
          ns.put(o.path(), o.inode());
          cur.put(o.inode(), new byte[0]);
        }
      } else if (e instanceof RecordingFileOps.Write w) {
        byte[] c = cur.getOrDefault(w.inode(), new byte[0]);
        int end = (int) w.position() + w.bytes().length;
        byte[] n = Arrays.copyOf(c, Math.max(c.length, end));
        System.arraycopy(w.bytes(), 0, n, (int) w.position(), w.bytes().length);
        cur.put(w.inode(), n);
      } else if (e instanceof RecordingFileOps.Force f) {
        dur.put(f.inode(), cur.getOrDefault(f.inode(), new byte[0]).clone());
      } else if (e instanceof RecordingFileOps.Truncate t) {
        byte[] c = cur.getOrDefault(t.inode(), new byte[0]);
        cur.put(t.inode(), Arrays.copyOf(c, (int) Math.min(c.length, t.size())));
      } else if (e instanceof RecordingFileOps.Move m) {
        Integer ino = ns.remove(m.source());
        if (ino != null) {
          ns.put(m.target(), ino);
        }
      } else if (e instanceof RecordingFileOps.Delete d) {
        ns.remove(d.path());
      } else if (e instanceof RecordingFileOps.ForceDir fd) {
        Map<Path, Integer> entries = new HashMap<>();
        ns.forEach(
            (p, ino) -> {
              if (fd.dir().equals(p.getParent())) {
                entries.put(p, ino);
              }
            });
        durNs.put(fd.dir(), entries);
      }
    }
    Map<Path, byte[]> out = new TreeMap<>();
    for (Map<Path, Integer> entries : durNs.values()) {
      entries.forEach(
          (p, ino) -> {
            byte[] d = dur.getOrDefault(ino, new byte[0]);
            byte[] c = cur.getOrDefault(ino, new byte[0]);
            if (keepHalfUnforced && c.length > d.length && startsWith(c, d)) {
              d = Arrays.copyOf(c, d.length + (c.length - d.length) / 2);
            }
            out.put(p, d);
          });
    }
    return out;
  }

  /** Writes {@code files} under {@code newRoot}, mapping paths from {@code oldRoot}. */
  static void materialize(Map<Path, byte[]> files, Path oldRoot, Path newRoot) throws IOException {
    Path o = oldRoot.toAbsolutePath().normalize();
    for (Map.Entry<Path, byte[]> f : files.entrySet()) {
      Path target = newRoot.resolve(o.relativize(f.getKey()));
      Files.createDirectories(target.getParent());
      Files.write(target, f.getValue());
    }
  }

  private static boolean startsWith(byte[] a, byte[] prefix) {
    return Arrays.equals(a, 0, prefix.length, prefix, 0, prefix.length);
  }
}
