package io.superloop.visibility.core.store;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of reading a state file: {@link Present}, {@link Absent} or {@link Unreadable}
 * (hardening H2: an unreadable file is never silently an empty state).
 *
 * @param <T> the state type
 */
public sealed interface StateRead<T>
    permits StateRead.Present, StateRead.Absent, StateRead.Unreadable {

  /** {@return the file this outcome is about} */
  Path file();

  /**
   * {@return the value when {@link Present}, else empty (the verdict treats an unreadable state as
   * absent)}
   */
  Optional<T> toOptional();

  /** {@return whether the file exists but could not be read as a {@code T}} */
  default boolean isUnreadable() {
    return this instanceof Unreadable;
  }

  /**
   * Requires a present state.
   *
   * @return the value when {@link Present}
   * @throws VisibilityException {@link ErrorCode#FILE_NOT_FOUND} when absent, {@link
   *     ErrorCode#STATE_UNREADABLE} when unreadable, naming the file
   */
  T require();

  /**
   * The file holds a valid state.
   *
   * @param file the file
   * @param value the decoded state
   * @param <T> the state type
   */
  record Present<T>(Path file, T value) implements StateRead<T> {
    /**
     * Requires non-null parts.
     *
     * @param file the file
     * @param value the decoded state
     */
    public Present {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(value, "value");
    }

    @Override
    public Optional<T> toOptional() {
      return Optional.of(value);
    }

    @Override
    public T require() {
      return value;
    }
  }

  /**
   * The file does not exist.
   *
   * @param file the file
   * @param <T> the state type
   */
  record Absent<T>(Path file) implements StateRead<T> {
    /**
     * Requires a non-null file.
     *
     * @param file the file
     */
    public Absent {
      Objects.requireNonNull(file, "file");
    }

    @Override
    public Optional<T> toOptional() {
      return Optional.empty();
    }

    @Override
    public T require() {
      throw new VisibilityException(ErrorCode.FILE_NOT_FOUND, "state file does not exist")
          .withFile(file.toString());
    }
  }

  /**
   * The file exists but is empty, not JSON, or not a valid {@code T}.
   *
   * @param file the file (its original path)
   * @param cause why it could not be read ({@link ErrorCode#INVALID_JSON}, {@link
   *     ErrorCode#MISSING_FIELD}, ...)
   * @param movedTo where it was renamed aside ({@code <name>.corrupt-<yyyyMMddTHHmmssZ>}), when the
   *     read was {@link StateFile#readQuarantining()}
   * @param <T> the state type
   */
  record Unreadable<T>(Path file, VisibilityException cause, Optional<Path> movedTo)
      implements StateRead<T> {
    /**
     * Requires non-null parts.
     *
     * @param file the file (its original path)
     * @param cause why it could not be read
     * @param movedTo where it was renamed aside, if it was
     */
    public Unreadable {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(cause, "cause");
      Objects.requireNonNull(movedTo, "movedTo");
    }

    @Override
    public Optional<T> toOptional() {
      return Optional.empty();
    }

    @Override
    public T require() {
      throw toException();
    }

    /**
     * {@return a {@link ErrorCode#STATE_UNREADABLE} exception naming the file, caused by {@link
     * #cause()}}
     */
    public VisibilityException toException() {
      return new VisibilityException(ErrorCode.STATE_UNREADABLE, cause.getMessage(), cause)
          .withFile(file.toString());
    }
  }
}
