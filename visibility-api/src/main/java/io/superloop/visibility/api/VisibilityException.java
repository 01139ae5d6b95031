package io.superloop.visibility.api;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * The one exception type of the library. Every failure caused by bad input or by the environment
 * (files, locks) is reported as this unchecked exception with a stable {@link ErrorCode}, and,
 * where known, the JSON pointer of the offending value, the line number (1-based) in a JSONL file,
 * and the file.
 */
public final class VisibilityException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The stable reason code. */
  private final ErrorCode code;

  /** The JSON pointer of the offending value, or {@code null} when unknown. */
  private final @Nullable String path;

  /** The 1-based line number in the file being read, or 0 when unknown. */
  private final long line;

  /** The file being read or written, or {@code null} when unknown. */
  private final @Nullable String file;

  /**
   * Creates an exception with a code and a message.
   *
   * @param code the stable reason code
   * @param message what went wrong, without the code (see {@link #detail()})
   */
  public VisibilityException(ErrorCode code, String message) {
    this(code, message, null, 0, null, null);
  }

  /**
   * Creates an exception with a code, a message and a cause.
   *
   * @param code the stable reason code
   * @param message what went wrong, without the code (see {@link #detail()})
   * @param cause the underlying failure, if any
   */
  public VisibilityException(ErrorCode code, String message, @Nullable Throwable cause) {
    this(code, message, null, 0, null, cause);
  }

  private VisibilityException(
      ErrorCode code,
      String message,
      @Nullable String path,
      long line,
      @Nullable String file,
      @Nullable Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
    this.path = path;
    this.line = line;
    this.file = file;
  }

  /**
   * Creates an exception located at a JSON pointer.
   *
   * @param code the stable reason code
   * @param path the JSON pointer (RFC 6901) of the offending value, such as {@code
   *     /snapshot/current}; {@code ""} is the root
   * @param message what went wrong, without the code
   * @return the new exception (not thrown)
   */
  public static VisibilityException at(ErrorCode code, String path, String message) {
    return new VisibilityException(code, message, path, 0, null, null);
  }

  /** {@return the stable reason code} */
  public ErrorCode code() {
    return code;
  }

  /**
   * {@return the JSON pointer (RFC 6901) of the offending value, if known; {@code ""} is the root}
   */
  public Optional<String> path() {
    return Optional.ofNullable(path);
  }

  /** {@return the 1-based line number in the file being read, if known} */
  public OptionalLong line() {
    return line > 0 ? OptionalLong.of(line) : OptionalLong.empty();
  }

  /** {@return the file being read or written, if known} */
  public Optional<String> file() {
    return Optional.ofNullable(file);
  }

  /**
   * Locates this failure at a JSON pointer.
   *
   * @param path the JSON pointer (RFC 6901) of the offending value
   * @return a copy at {@code path} that keeps code, message, line, file, cause and stack trace
   */
  public VisibilityException withPath(String path) {
    return copy(path, line, file);
  }

  /**
   * Locates this failure at a line of the file being read.
   *
   * @param line the 1-based line number; 0 or less means unknown
   * @return a copy that names {@code line} and keeps everything else
   */
  public VisibilityException withLine(long line) {
    return copy(path, line, file);
  }

  /**
   * Names the file this failure concerns.
   *
   * @param file the file being read or written, as it should appear in the message
   * @return a copy that names {@code file} and keeps everything else
   */
  public VisibilityException withFile(String file) {
    return copy(path, line, file);
  }

  private VisibilityException copy(@Nullable String p, long l, @Nullable String f) {
    VisibilityException e = new VisibilityException(code, rawMessage(), p, l, f, getCause());
    e.setStackTrace(getStackTrace());
    return e;
  }

  private String rawMessage() {
    String m = super.getMessage();
    return m == null ? "" : m;
  }

  /** {@code code: [file:][line:] [at path: ]message}. */
  @Override
  public String getMessage() {
    StringBuilder sb = new StringBuilder(code.wire()).append(": ");
    if (file != null) {
      sb.append(file).append(':');
    }
    if (line > 0) {
      sb.append(line).append(':');
    }
    if (file != null || line > 0) {
      sb.append(' ');
    }
    if (path != null) {
      sb.append("at ").append(path.isEmpty() ? "/" : path).append(": ");
    }
    return sb.append(rawMessage()).toString();
  }

  /** {@return the message without code, file, line or path} */
  public String detail() {
    return rawMessage();
  }
}
