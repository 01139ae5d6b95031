package io.superloop.visibility.api;

import java.util.Locale;

/**
 * Stable reason codes of {@link VisibilityException}. The {@link #wire()} string never changes once
 * released; new codes may be added.
 */
public enum ErrorCode {
  /** The input is not well-formed JSON (or a line of a JSONL file is not). */
  INVALID_JSON,
  /** An object has the same key twice. */
  DUPLICATE_KEY,
  /** The input exceeds a read limit (nesting depth, number or string length, document length). */
  LIMIT_EXCEEDED,
  /** A required field is absent (or null where null is not allowed). */
  MISSING_FIELD,
  /** A field has the wrong JSON type, or a number that is not a whole {@code long}. */
  INVALID_FIELD_TYPE,
  /** A field has the right type but a value the contract forbids (negative lag, blank id, ...). */
  INVALID_FIELD_VALUE,
  /** {@code schemaVersion} is present but not {@code "v1"}. */
  UNSUPPORTED_SCHEMA_VERSION,
  /** {@code envelopeType} is neither {@code loop_run_snapshot} nor {@code loop_run_event}. */
  UNKNOWN_ENVELOPE_TYPE,
  /** A sequence value is not valid under the rules in force. */
  INVALID_SEQUENCE_VALUE,
  /** A trace id is not 1-256 printable ASCII characters (hardening H7). */
  INVALID_TRACE_ID,
  /** A timestamp does not parse under the rules in force. */
  INVALID_TIMESTAMP,
  /**
   * A loop id is blank, longer than 255 bytes in UTF-8, holds a path separator, a control character
   * or an unpaired surrogate, is a dot-only name, or cannot name a directory on this file system.
   */
  INVALID_LOOP_ID,
  /** Heartbeat thresholds are negative or critical is below degraded. */
  INVALID_THRESHOLD,
  /** An argument of an API call is out of its documented range. */
  INVALID_ARGUMENT,
  /** A file or directory the operation needs does not exist. */
  FILE_NOT_FOUND,
  /** The operating system denied access to a file or directory. */
  PERMISSION_DENIED,
  /** The file system has no room left. */
  DISK_FULL,
  /** Another I/O failure. */
  IO_ERROR,
  /** A lock could not be acquired. */
  LOCK_FAILED,
  /** A state file exists but cannot be read as its record (hardening H2). */
  STATE_UNREADABLE,
  /**
   * An operation was called on an object whose state does not allow it, such as completing a
   * control invocation's audit handle a second time.
   */
  INVALID_STATE,
  /**
   * A path the library reads or writes is not a regular file: a FIFO, a device, a socket, a
   * directory or a link that cannot be resolved. The file is never opened, so nothing blocks.
   */
  NOT_REGULAR_FILE,
  /**
   * A path under {@code .superloop/ops-manager/} (the loop's own files) is, or passes through, a
   * symbolic link. The library never reads or writes the loop's files through one.
   */
  SYMLINK_REFUSED;

  private final String wire;

  ErrorCode() {
    this.wire = name().toLowerCase(Locale.ROOT);
  }

  /** {@return the lower-case snake_case code, as printed in messages and CLI findings} */
  public String wire() {
    return wire;
  }
}
