package io.superloop.visibility.core.store;

/**
 * One decoded record of a JSONL file.
 *
 * @param value the decoded record
 * @param lineNumber its 1-based line number, or 0 when unknown ({@link TailReader} reads backwards)
 * @param offset byte offset of the line's first byte
 * @param length length of the line in bytes, without its {@code \n}
 * @param <T> the record type
 */
public record JsonlRecord<T>(T value, long lineNumber, long offset, int length) {}
