package io.superloop.visibility.core.store;

import java.util.Optional;

/**
 * The result of {@link TailReader#last}: the last record of a JSONL file that decodes.
 *
 * @param exists whether the file existed
 * @param last the last valid record ({@link JsonlRecord#lineNumber()} is 0: not counted backwards)
 * @param skippedUnparseable how many non-empty lines after it did not decode
 * @param tornTail the unterminated fragment at the end of the file, if any
 * @param bytesRead how many bytes were read to find it (diagnostics: independent of the file size
 *     when the last lines are valid)
 * @param <T> the record type
 */
public record TailRead<T>(
    boolean exists,
    Optional<JsonlRecord<T>> last,
    long skippedUnparseable,
    Optional<TornTail> tornTail,
    long bytesRead) {

  /** {@return the last valid value, if any} */
  public Optional<T> value() {
    return last.map(JsonlRecord::value);
  }
}
