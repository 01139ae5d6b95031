package io.superloop.visibility.core.store;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Rotation of a telemetry log ({@link io.superloop.visibility.core.rules.TelemetryRetention}): the
 * log is renamed to {@code <log>.<n>} with one rename, so a crash leaves either the old log or the
 * rotated one, never half of each; the oldest rotated files beyond the number kept are deleted.
 * Numbers only grow, so the newest rotated file is the one with the highest number.
 */
final class LogRotation {
  private LogRotation() {}

  /** A rotated file of a log. */
  record Rotated(Path path, long number) {}

  /** The rotated files of {@code log}, oldest first. */
  static List<Rotated> rotated(FileOps ops, Path log) {
    Path name = log.getFileName();
    Path dir = AppendLog.parentOf(log);
    String prefix = name + ".";
    List<Rotated> out = new ArrayList<>();
    List<Path> entries;
    try {
      entries = ops.list(dir);
    } catch (IOException e) {
      throw IoErrors.of("cannot list the rotated files of", log, e);
    }
    for (Path p : entries) {
      String n = String.valueOf(p.getFileName());
      if (n.startsWith(prefix)
          && n.length() > prefix.length()
          && n.length() - prefix.length() <= 18) {
        String digits = n.substring(prefix.length());
        if (digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
          out.add(new Rotated(dir.resolve(n), Long.parseLong(digits)));
        }
      }
    }
    out.sort(Comparator.comparingLong(Rotated::number));
    return out;
  }

  /** The number the next rotation of {@code log} takes. */
  static long nextNumber(FileOps ops, Path log) {
    List<Rotated> r = rotated(ops, log);
    return r.isEmpty() ? 1 : r.get(r.size() - 1).number() + 1;
  }

  /** The newest rotated file of {@code log}, if any. */
  static Optional<Path> newest(FileOps ops, Path log) {
    List<Rotated> r = rotated(ops, log);
    return r.isEmpty() ? Optional.empty() : Optional.of(r.get(r.size() - 1).path());
  }

  /**
   * Renames {@code log} to {@code <log>.<number>} if it still has {@code sizeBefore} bytes and that
   * name is free (so applying the same rotation again does nothing), then deletes rotated files
   * numbered {@code number - keep} or lower. Holds the log's append locks meanwhile.
   *
   * @return whether the directory changed (its entries must be forced)
   */
  static boolean rotate(FileOps ops, Path log, long sizeBefore, long number, int keep) {
    SharedLockFile lockFile = SharedLockFile.retain(AppendLog.sibling(log, ".lock"));
    try {
      return lockFile.locked(
          ops,
          "cannot rotate the log",
          log,
          () -> {
            boolean changed = false;
            Path target = AppendLog.sibling(log, "." + number);
            if (size(ops, log) == sizeBefore && !ops.exists(target)) {
              ops.move(log, target);
              lockFile.knownEnd(-1);
              changed = true;
            }
            for (Rotated r : rotated(ops, log)) {
              if (r.number() <= number - keep) {
                ops.deleteIfExists(r.path());
                changed = true;
              }
            }
            return changed;
          });
    } finally {
      lockFile.release();
    }
  }

  private static long size(FileOps ops, Path file) throws IOException {
    try (FileOps.Handle h = ops.open(file, FileOps.Mode.READ)) {
      return h.size();
    } catch (NoSuchFileException e) {
      return -1;
    }
  }
}
