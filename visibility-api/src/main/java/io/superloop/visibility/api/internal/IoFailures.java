package io.superloop.visibility.api.internal;

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

/**
 * Maps {@link IOException}s to reason-coded {@link VisibilityException}s naming the file: the one
 * mapping of the modules that touch files (core's stores, the producer's runtime files).
 */
public final class IoFailures {
  private IoFailures() {}

  /**
   * The exception for {@code e}, raised while doing {@code what} on {@code file}.
   *
   * @param what what was being done, for example {@code cannot write the heartbeat}
   * @param file the file it was done on
   * @param e the failure
   * @return the exception, with {@link #code(IOException)} and {@code file}
   */
  public static VisibilityException of(String what, Path file, IOException e) {
    return new VisibilityException(code(e), what + ": " + describe(e), e).withFile(file.toString());
  }

  /**
   * The error code of {@code e}: {@link ErrorCode#FILE_NOT_FOUND}, {@link
   * ErrorCode#PERMISSION_DENIED}, {@link ErrorCode#LOCK_FAILED}, {@link ErrorCode#DISK_FULL} by its
   * type or the platform's message, else {@link ErrorCode#IO_ERROR}.
   *
   * @param e the failure
   * @return its code
   */
  public static ErrorCode code(IOException e) {
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

  /**
   * {@code e} in a message: its simple class name and message, or {@code channel closed}.
   *
   * @param e the failure
   * @return the text
   */
  public static String describe(IOException e) {
    if (e instanceof ClosedChannelException) {
      return "channel closed";
    }
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : " (" + m + ")");
  }
}
