package io.superloop.visibility.core.store;

/** When an appended record is forced to the storage device (hardening H3). */
public enum Durability {
  /** One fsync per record, before {@link AppendLog#append} returns (the default). */
  FSYNC_PER_RECORD,
  /**
   * Records written by concurrent appenders share an fsync: a writer returns once an fsync that
   * started after its write has ended. The next fsync starts as soon as the previous one ends
   * (leader/follower); a leader waits at most the configured delay for writers already queued.
   */
  GROUP_COMMIT,
  /** No fsync: the record is in the operating system's cache when {@code append} returns. */
  NONE
}
