package io.superloop.visibility.core.store;

import java.util.List;
import java.util.Optional;

/**
 * A whole JSONL file read forward by {@link JsonlReader#readAll}.
 *
 * @param exists whether the file existed (an absent log reads as empty)
 * @param records the records that decoded, in file order
 * @param unparseableCount how many non-empty lines did not decode
 * @param unparseableLines the 1-based numbers of those lines (at most {@link
 *     JsonlReader#MAX_REPORTED_LINES} of them)
 * @param emptyLines how many empty lines were skipped (not counted as unparseable)
 * @param tornTail the unterminated fragment at the end, if any
 * @param <T> the record type
 */
public record JsonlReadResult<T>(
    boolean exists,
    List<JsonlRecord<T>> records,
    long unparseableCount,
    List<Long> unparseableLines,
    long emptyLines,
    Optional<TornTail> tornTail) {

  /**
   * Copies the lists.
   *
   * @param exists whether the file existed
   * @param records the records that decoded, in file order
   * @param unparseableCount how many non-empty lines did not decode
   * @param unparseableLines the 1-based numbers of those lines (the first ones)
   * @param emptyLines how many empty lines were skipped
   * @param tornTail the unterminated fragment at the end, if any
   */
  public JsonlReadResult {
    records = List.copyOf(records);
    unparseableLines = List.copyOf(unparseableLines);
  }

  /** {@return the decoded values, in file order} */
  public List<T> values() {
    return records.stream().map(JsonlRecord::value).toList();
  }
}
