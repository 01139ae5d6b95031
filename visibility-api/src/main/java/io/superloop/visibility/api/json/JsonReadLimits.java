package io.superloop.visibility.api.json;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;

/**
 * Bounds applied to every JSON document the library reads, against hostile or broken input. Input
 * beyond a bound fails with {@link ErrorCode#LIMIT_EXCEEDED}. Duplicate object keys are always
 * rejected ({@link ErrorCode#DUPLICATE_KEY}).
 *
 * <p>A document read into values costs up to about 75 bytes of heap per token, so {@code
 * maxTokenCount}, not the document length, bounds its memory: 65,536 tokens are at most about 5
 * MiB. {@link #DEFAULT} suits documents the caller already holds in memory (no token limit); the
 * files of a loop are read with the tighter limits of {@code ReadLimits} in visibility-core.
 *
 * @param maxNestingDepth deepest nesting of arrays and objects (default 64)
 * @param maxStringLength longest string value, in chars (default 8 MiB)
 * @param maxNameLength longest object key, in chars (default 4,096)
 * @param maxNumberLength longest number literal, in chars (default 64)
 * @param maxDocumentLength longest document, in bytes or chars (default 64 MiB); for JSONL files it
 *     bounds one line
 * @param maxTokenCount most tokens in one document (each of {@code {}, {@code }}, {@code [}, {@code
 *     ]}, a key and a scalar value is one; default {@link Long#MAX_VALUE}: no limit)
 */
public record JsonReadLimits(
    int maxNestingDepth,
    int maxStringLength,
    int maxNameLength,
    int maxNumberLength,
    long maxDocumentLength,
    long maxTokenCount) {

  /** The defaults documented on each component. */
  public static final JsonReadLimits DEFAULT =
      new JsonReadLimits(64, 8 << 20, 4096, 64, 64L << 20, Long.MAX_VALUE);

  /**
   * Validates that every bound is positive.
   *
   * @param maxNestingDepth deepest nesting of arrays and objects
   * @param maxStringLength longest string value, in chars
   * @param maxNameLength longest object key, in chars
   * @param maxNumberLength longest number literal, in chars
   * @param maxDocumentLength longest document (for JSONL files: line), in bytes or chars
   * @param maxTokenCount most tokens in one document
   * @throws VisibilityException {@link ErrorCode#INVALID_ARGUMENT} when a bound is below 1
   */
  public JsonReadLimits {
    if (maxNestingDepth < 1
        || maxStringLength < 1
        || maxNameLength < 1
        || maxNumberLength < 1
        || maxDocumentLength < 1
        || maxTokenCount < 1) {
      throw new VisibilityException(ErrorCode.INVALID_ARGUMENT, "every read limit must be >= 1");
    }
  }

  /**
   * Limits without a token limit (as {@link #DEFAULT}).
   *
   * @param maxNestingDepth deepest nesting of arrays and objects
   * @param maxStringLength longest string value, in chars
   * @param maxNameLength longest object key, in chars
   * @param maxNumberLength longest number literal, in chars
   * @param maxDocumentLength longest document (for JSONL files: line), in bytes or chars
   * @throws VisibilityException {@link ErrorCode#INVALID_ARGUMENT} when a bound is below 1
   */
  public JsonReadLimits(
      int maxNestingDepth,
      int maxStringLength,
      int maxNameLength,
      int maxNumberLength,
      long maxDocumentLength) {
    this(
        maxNestingDepth,
        maxStringLength,
        maxNameLength,
        maxNumberLength,
        maxDocumentLength,
        Long.MAX_VALUE);
  }
}
