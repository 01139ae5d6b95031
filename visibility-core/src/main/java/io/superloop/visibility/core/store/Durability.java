package io.superloop.visibility.core.store;

/** When an appended record is forced to the storage device (hardening H3). */
public enum Durability {
  /** One fsync per record, before {@link AppendLog#append} returns (the default). */
  FSYNC_PER_RECORD,
  /**
   * Records of concurrent appenders share a write and an fsync: a writer returns once an fsync that
   * started after its record was written has ended. One writer at a time leads: it writes the
   * queued records with one write and forces the file, then hands over, so the next fsync starts as
   * soon as the previous one ends. A leader first waits for as many records as the previous fsync
   * covered, at most as long as that fsync took and at most the configured delay. A failed write
   * or fsync fails every record of its batch (none of a failed write stays in the file).
   */
  GROUP_COMMIT,
  /** No fsync: the record is in the operating system's cache when {@code append} returns. */
  NONE
}
