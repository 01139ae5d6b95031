package io.superloop.visibility.core.reconcile;

import io.superloop.visibility.api.health.FailureCode;
import io.superloop.visibility.core.heartbeat.HeartbeatInput;
import java.util.Objects;
import java.util.Optional;

/** What one step's ingest (snapshot + events) gave: envelopes, or a failure. */
public sealed interface Ingest {

  /**
   * The snapshot and the batch arrived.
   *
   * @param heartbeat the snapshot's {@code runtime.heartbeat}
   * @param envelopes the sequence values of the snapshot and the batch
   * @param declaredReplay the batch is a declared replay from the start ({@code --from-start}) or a
   *     rotated log (H15)
   */
  record Succeeded(HeartbeatInput heartbeat, EnvelopeFeed envelopes, boolean declaredReplay)
      implements Ingest {
    /**
     * Requires the parts.
     *
     * @param heartbeat the snapshot's {@code runtime.heartbeat}
     * @param envelopes the sequence values of the snapshot and the batch
     * @param declaredReplay whether the batch is a declared replay or a rotated log (H15)
     */
    public Succeeded {
      Objects.requireNonNull(heartbeat, "heartbeat");
      Objects.requireNonNull(envelopes, "envelopes");
    }
  }

  /**
   * The ingest failed (contract 1.12 failure codes).
   *
   * @param failureCode the failure code; empty folds to {@code reconcile_failed}
   * @param failureMessage the adapter's message (last 40 lines), if any
   */
  record Failed(Optional<FailureCode> failureCode, Optional<String> failureMessage)
      implements Ingest {}
}
