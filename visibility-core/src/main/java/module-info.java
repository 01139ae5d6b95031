/**
 * The decisions of the visibility plane and the loop artifact store: crash-safe state files,
 * locked append-only JSONL logs, their readers and the per-loop lock.
 */
module io.superloop.visibility.core {
  requires transitive io.superloop.visibility.api;

  exports io.superloop.visibility.core.store;
}
