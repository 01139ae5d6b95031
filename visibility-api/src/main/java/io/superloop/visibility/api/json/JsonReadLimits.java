package io.superloop.visibility.api.json;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;

/**
 * Bounds applied to every JSON document the library reads, against hostile or broken input. Input
 * beyond a bound fails with {@link ErrorCode#LIMIT_EXCEEDED}. Duplicate object keys are always
 * rejected ({@link ErrorCode#DUPLICATE_KEY}).
 *
 * @param maxNestingDepth deepest nesting of arrays and objects (default 64)
 * @param maxStringLength longest string value, in chars (default 8 MiB)
 * @param maxNameLength longest object key, in chars (default 4,096)
 * @param maxNumberLength longest number literal, in chars (default 64)
 * @param maxDocumentLength longest document, in bytes or chars (default 64 MiB); for JSONL files it
 *     bounds one line
 */
public record JsonReadLimits(
    int maxNestingDepth,
    int maxStringLength,
    int maxNameLength,
    int maxNumberLength,
    long maxDocumentLength) {

  /** The defaults documented on each component. */
  public static final JsonReadLimits DEFAULT =
      new JsonReadLimits(64, 8 << 20, 4096, 64, 64L << 20);

  /**
   * Validates that every bound is positive.
   *
   * @param maxNestingDepth deepest nesting of arrays and objects
   * @param maxStringLength longest string value, in chars
   * @param maxNameLength longest object key, in chars
   * @param maxNumberLength longest number literal, in chars
   * @param maxDocumentLength longest document (for JSONL files: line), in bytes or chars
   * @throws VisibilityException {@link ErrorCode#INVALID_ARGUMENT} when a bound is below 1
   */
  public JsonReadLimits {
    if (maxNestingDepth < 1
        || maxStringLength < 1
        || maxNameLength < 1
        || maxNumberLength < 1
        || maxDocumentLength < 1) {
      throw new VisibilityException(ErrorCode.INVALID_ARGUMENT, "every read limit must be >= 1");
    }
  }
}
