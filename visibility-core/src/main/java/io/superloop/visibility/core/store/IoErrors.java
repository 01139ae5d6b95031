package io.superloop.visibility.core.store;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileLockInterruptionException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/** Maps {@link IOException}s to reason-coded {@link VisibilityException}s naming the file. */
final class IoErrors {
  private IoErrors() {}

  /** The exception for {@code e}, raised while doing {@code what} on {@code file}. */
  static VisibilityException of(String what, Path file, IOException e) {
    return new VisibilityException(code(e), what + ": " + describe(e), e).withFile(file.toString());
  }

  /** The error code of {@code e}. */
  static ErrorCode code(IOException e) {
    if (e instanceof FileOps.SymlinkException) {
      return ErrorCode.SYMLINK_REFUSED;
    }
    if (e instanceof FileOps.NotRegularFileException) {
      return ErrorCode.NOT_REGULAR_FILE;
    }
    if (e instanceof NoSuchFileException || e instanceof NotDirectoryException) {
      return ErrorCode.FILE_NOT_FOUND;
    }
    if (e instanceof AccessDeniedException) {
      return ErrorCode.PERMISSION_DENIED;
    }
    if (e instanceof FileLockInterruptionException) {
      return ErrorCode.LOCK_FAILED;
    }
    String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    if (m.contains("no space left") || m.contains("disk quota") || m.contains("not enough space")) {
      return ErrorCode.DISK_FULL;
    }
    if (m.contains("permission denied") || m.contains("operation not permitted")) {
      return ErrorCode.PERMISSION_DENIED;
    }
    if (m.contains("no such file")) {
      return ErrorCode.FILE_NOT_FOUND;
    }
    return ErrorCode.IO_ERROR;
  }

  private static String describe(IOException e) {
    if (e instanceof ClosedChannelException) {
      return "channel closed";
    }
    if (e instanceof FileOps.SymlinkException || e instanceof FileOps.NotRegularFileException) {
      return String.valueOf(e.getMessage());
    }
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : " (" + m + ")");
  }
}
