package io.superloop.visibility.producer;

import io.superloop.visibility.api.internal.Checks;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The file operations of the producer: the runtime directory of a loop, atomic replacement of a
 * small file (temp file in the same directory, force, rename, force the directory: hardening H1 on
 * the runtime side) and whole writes; {@link io.superloop.visibility.api.internal.IoFailures} gives
 * the reason-coded errors naming the file.
 */
final class RuntimeFiles {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private RuntimeFiles() {}

  /** The runtime directory {@code <repo>/.superloop/loops/<loopId>} of a checked loop id. */
  static Path runtimeDir(Path repoRoot, String loopId) {
    Objects.requireNonNull(repoRoot, "repoRoot");
    Checks.loopId(Objects.requireNonNull(loopId, "loopId"));
    return repoRoot
        .toAbsolutePath()
        .normalize()
        .resolve(".superloop")
        .resolve("loops")
        .resolve(loopId);
  }

  /** {@code YYYY-MM-DDTHH:MM:SSZ}, the only timestamp form the reference's parser accepts. */
  static String timestamp(Instant t) {
    return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
  }

  /** {@code yyyyMMddTHHmmssZ}, for the names of files moved aside. */
  static String stamp(Instant t) {
    return STAMP.format(t);
  }

  /**
   * Replaces {@code target} by {@code bytes} so that a reader sees the old or the new file, never a
   * part: a temp file {@code .<name>.tmp-<hex>} in the same directory, created new (never through a
   * link), written whole, forced when {@code force}, renamed over the target, then the directory
   * forced when {@code force}. The temp file is removed when anything fails.
   */
  static void replace(Path target, byte[] bytes, boolean force) throws IOException {
    Path dir = Objects.requireNonNull(target.getParent(), "target has no directory");
    Files.createDirectories(dir);
    byte[] nonce = new byte[8];
    RANDOM.nextBytes(nonce);
    Path tmp = dir.resolve("." + target.getFileName() + ".tmp-" + HexFormat.of().formatHex(nonce));
    boolean moved = false;
    try {
      try (FileChannel ch =
          FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        writeFully(ch, ByteBuffer.wrap(bytes));
        if (force) {
          ch.force(true);
        }
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      moved = true;
      if (force) {
        forceDirectory(dir);
      }
    } finally {
      if (!moved) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  /** Writes every byte of {@code b} (a channel may write fewer than asked). */
  static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
    while (b.hasRemaining()) {
      ch.write(b);
    }
  }

  /** Forces a directory's entries (a rename, a new file) to disk where the platform allows it. */
  static void forceDirectory(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (AccessDeniedException e) {
      // some platforms cannot open a directory for reading: the rename is then as durable as it
      // gets
    }
  }

  /**
   * A name beside {@code file} that does not exist yet: {@code <name>.<suffix>}, then -2, -3, ...
   */
  static Path freeName(Path file, String suffix) {
    Path dir = Objects.requireNonNull(file.getParent());
    String base = file.getFileName() + "." + suffix;
    Path p = dir.resolve(base);
    for (int i = 2; Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS); i++) {
      p = dir.resolve(base + "-" + i);
    }
    return p;
  }
}
