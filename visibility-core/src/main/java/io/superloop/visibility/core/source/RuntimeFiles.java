package io.superloop.visibility.core.source;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Opens the runtime's files for reading. They may be symbolic links (the runtime owns them), but
 * what a link leads to must be a regular file: a FIFO, device, socket, directory or a link loop is
 * {@link ErrorCode#NOT_REGULAR_FILE} and is never opened, so nothing blocks and {@code /dev/zero}
 * is never read. (A regular file replaced by a FIFO between the check and the open would still
 * block the open: Java cannot open without blocking.)
 */
final class RuntimeFiles {
  private RuntimeFiles() {}

  /**
   * Opens {@code file} for reading after checking what it is.
   *
   * @throws NoSuchFileException when it does not exist (a dangling link included)
   * @throws VisibilityException {@link ErrorCode#NOT_REGULAR_FILE} naming the file
   */
  static FileChannel openRegular(Path file) throws IOException {
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      throw e;
    } catch (FileSystemException e) {
      String reason = String.valueOf(e.getReason()).toLowerCase(Locale.ROOT);
      if (reason.contains("symbolic link")) {
        throw notRegular(file, "a symbolic link that cannot be resolved");
      }
      throw e;
    }
    if (!a.isRegularFile()) {
      throw notRegular(file, a.isDirectory() ? "a directory" : "a FIFO, device or socket");
    }
    return FileChannel.open(file, StandardOpenOption.READ);
  }

  private static VisibilityException notRegular(Path file, String what) {
    return new VisibilityException(ErrorCode.NOT_REGULAR_FILE, "not a regular file (" + what + ")")
        .withFile(file.toString());
  }

  /**
   * Reads a whole regular file of at most {@code max} bytes; whatever its size says, no more than
   * {@code max + 1} bytes are ever read.
   *
   * @return its bytes, or null when it holds more than {@code max}
   * @throws NoSuchFileException when it does not exist
   * @throws VisibilityException {@link ErrorCode#NOT_REGULAR_FILE} naming the file
   */
  static byte @Nullable [] readAtMost(Path file, int max) throws IOException {
    try (FileChannel ch = openRegular(file)) {
      if (ch.size() > max) {
        return null;
      }
      ByteBuffer b = ByteBuffer.allocate((int) Math.min(max + 1L, Math.max(ch.size() + 1, 4096)));
      while (true) {
        if (!b.hasRemaining()) {
          if (b.capacity() > max) {
            return null; // grew past the limit while being read
          }
          b = ByteBuffer.allocate((int) Math.min(max + 1L, 2L * b.capacity())).put(b.flip());
        }
        if (ch.read(b) < 0) {
          break;
        }
      }
      return Arrays.copyOf(b.array(), b.position());
    }
  }
}
