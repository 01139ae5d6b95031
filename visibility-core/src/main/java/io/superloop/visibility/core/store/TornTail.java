package io.superloop.visibility.core.store;

/**
 * An unterminated fragment at the end of a JSONL file: a record whose write was cut short (or is
 * still in progress). Readers never decode it; the next {@link AppendLog} writer moves it to {@code
 * <file>.torn}.
 *
 * @param offset byte offset of the fragment's first byte
 * @param length length of the fragment in bytes (at least 1)
 * @param lineNumber the 1-based line number the fragment would have, or 0 when unknown (tail reads)
 */
public record TornTail(long offset, long length, long lineNumber) {}
