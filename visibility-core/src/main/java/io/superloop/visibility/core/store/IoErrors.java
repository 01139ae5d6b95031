package io.superloop.visibility.core.store;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.internal.IoFailures;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Maps {@link IOException}s to reason-coded {@link VisibilityException}s naming the file: the
 * store's own refusals ({@link FileOps.SymlinkException}, {@link FileOps.NotRegularFileException}),
 * then the library's shared mapping ({@link IoFailures}).
 */
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
    return IoFailures.code(e);
  }

  private static String describe(IOException e) {
    if (e instanceof FileOps.SymlinkException || e instanceof FileOps.NotRegularFileException) {
      return String.valueOf(e.getMessage());
    }
    return IoFailures.describe(e);
  }
}
