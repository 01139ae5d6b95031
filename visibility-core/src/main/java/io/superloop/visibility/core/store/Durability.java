package io.superloop.visibility.core.store;

/** When an appended record is forced to the storage device (hardening H3). */
public enum Durability {
  /** One fsync per record, before {@link AppendLog#append} returns (the default). */
  FSYNC_PER_RECORD,
  /** No fsync: the record is in the operating system's cache when {@code append} returns. */
  NONE
}
