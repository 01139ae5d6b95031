package io.superloop.visibility.api.internal;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;

/** Contract checks shared by the records' {@code @Value.Check} methods. */
public final class Checks {
  private Checks() {}

  /** The longest loop id, in UTF-8 bytes: the longest file name of common file systems. */
  public static final int MAX_LOOP_ID_BYTES = 255;

  /**
   * Validates a loop id: 1-255 bytes in UTF-8, not blank, not {@code .} or {@code ..}, with no
   * {@code /}, {@code \}, NUL or other control character and no unpaired surrogate (so it is always
   * one file name on common file systems).
   *
   * @param loopId the candidate
   * @return {@code loopId}
   * @throws VisibilityException {@link ErrorCode#INVALID_LOOP_ID} when it is not valid
   */
  public static String loopId(String loopId) {
    if (!isValidLoopId(loopId)) {
      throw new VisibilityException(
          ErrorCode.INVALID_LOOP_ID,
          "a loop id is 1-255 bytes in UTF-8, not blank, '.' or '..', without '/', '\\', control"
              + " characters or unpaired surrogates");
    }
    return loopId;
  }

  /**
   * Checks a loop id without throwing.
   *
   * @param loopId the candidate
   * @return whether {@link #loopId} accepts {@code loopId}
   */
  public static boolean isValidLoopId(String loopId) {
    int n = loopId.length();
    if (n == 0
        || n > MAX_LOOP_ID_BYTES
        || loopId.equals(".")
        || loopId.equals("..")
        || loopId.isBlank()) {
      return false;
    }
    int bytes = 0;
    for (int i = 0; i < n; i++) {
      char c = loopId.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '/' || c == '\\' || (c >= 0x80 && c < 0xa0)) {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 == n || !Character.isLowSurrogate(loopId.charAt(i + 1))) {
          return false; // unpaired: not encodable as a file name
        }
        i++;
        bytes += 4;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      } else {
        bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
      }
    }
    return bytes <= MAX_LOOP_ID_BYTES;
  }

  /**
   * Requires {@code value >= 0}.
   *
   * @param field the field's name, for the message
   * @param value the value
   * @return {@code value}
   * @throws VisibilityException {@link ErrorCode#INVALID_FIELD_VALUE} when it is negative
   */
  public static long nonNegative(String field, long value) {
    if (value < 0) {
      throw new VisibilityException(
          ErrorCode.INVALID_FIELD_VALUE, field + " must be >= 0, got " + value);
    }
    return value;
  }

  /**
   * Requires {@code value > 0}.
   *
   * @param field the field's name, for the message
   * @param value the value
   * @return {@code value}
   * @throws VisibilityException {@link ErrorCode#INVALID_FIELD_VALUE} when it is 0 or negative
   */
  public static long positive(String field, long value) {
    if (value <= 0) {
      throw new VisibilityException(
          ErrorCode.INVALID_FIELD_VALUE, field + " must be > 0, got " + value);
    }
    return value;
  }

  /**
   * Requires a non-blank string.
   *
   * @param field the field's name, for the message
   * @param value the value
   * @return {@code value}
   * @throws VisibilityException {@link ErrorCode#INVALID_FIELD_VALUE} when it is empty or white
   *     space only
   */
  public static String nonBlank(String field, String value) {
    if (value.isBlank()) {
      throw new VisibilityException(ErrorCode.INVALID_FIELD_VALUE, field + " must not be blank");
    }
    return value;
  }

  /**
   * Requires that a present raw value is not JSON {@code null}: absence is {@code
   * Optional.empty()}, so that a record survives a round trip (a written {@code null} reads back as
   * absent).
   *
   * @param field the field's name, for the message
   * @param value the value
   * @throws VisibilityException {@link ErrorCode#INVALID_FIELD_VALUE} when it holds JSON {@code
   *     null}
   */
  public static void notJsonNull(
      String field, java.util.Optional<io.superloop.visibility.api.json.JsonValue> value) {
    if (value.isPresent() && value.get().isNull()) {
      throw new VisibilityException(
          ErrorCode.INVALID_FIELD_VALUE, field + " must be empty rather than hold JSON null");
    }
  }

  /**
   * Requires that a raw value is not JSON {@code null}.
   *
   * @param field the field's name, for the message
   * @param value the value
   * @throws VisibilityException {@link ErrorCode#INVALID_FIELD_VALUE} when it is JSON {@code null}
   */
  public static void notJsonNull(String field, io.superloop.visibility.api.json.JsonValue value) {
    if (value.isNull()) {
      throw new VisibilityException(
          ErrorCode.INVALID_FIELD_VALUE, field + " must not be JSON null");
    }
  }
}
