package io.superloop.visibility.core.rules;

/**
 * When an appended record is forced to the storage device (hardening H3): a setting of the plane
 * ({@code VisibilityPlane.Builder.durability}).
 */
public enum Durability {
  /** One fsync per record, before the append returns (the default). */
  FSYNC_PER_RECORD,
  /** No fsync: the record is in the operating system's cache when the append returns. */
  NONE
}
