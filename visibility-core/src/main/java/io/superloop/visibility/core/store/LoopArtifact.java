package io.superloop.visibility.core.store;

/**
 * The loop-scoped files of the visibility plane (contract section 1.0), with their default paths
 * relative to the loop directory {@code <repo>/.superloop/ops-manager/<loopId>/}.
 */
public enum LoopArtifact {
  /** {@code heartbeat.json}: heartbeat freshness projection (contract 1.3). */
  HEARTBEAT_STATE("heartbeat.json", Kind.STATE),
  /** {@code sequence-state.json}: latest sequence diagnostics (contract 1.5). */
  SEQUENCE_STATE("sequence-state.json", Kind.STATE),
  /** {@code health.json} (contract 1.10). */
  HEALTH("health.json", Kind.STATE),
  /** {@code state.json} (contract 1.11). */
  STATE("state.json", Kind.STATE),
  /** {@code cursor.json}: the events cursor (contract 1.16). */
  CURSOR("cursor.json", Kind.STATE),
  /** {@code telemetry/transport-health.json} (contract 1.13). */
  TRANSPORT_HEALTH("telemetry/transport-health.json", Kind.STATE),
  /** {@code alert-dispatch-state.json} (contract 1.15). */
  ALERT_DISPATCH_STATE("alert-dispatch-state.json", Kind.STATE),
  /** {@code intents.jsonl}: control intent log (contract 1.9). */
  INTENTS("intents.jsonl", Kind.LOG),
  /** {@code escalations.jsonl} (contract 1.14). */
  ESCALATIONS("escalations.jsonl", Kind.LOG),
  /** {@code telemetry/reconcile.jsonl} (contract 1.12). */
  RECONCILE_TELEMETRY("telemetry/reconcile.jsonl", Kind.LOG),
  /** {@code telemetry/control.jsonl} (contract 1.8). */
  CONTROL_TELEMETRY("telemetry/control.jsonl", Kind.LOG),
  /** {@code telemetry/control-invocations.jsonl}: control invocation audit (contract 1.7). */
  CONTROL_INVOCATIONS("telemetry/control-invocations.jsonl", Kind.LOG),
  /**
   * {@code telemetry/control-invocations.inflight.jsonl}: started invocations, an additive file
   * (hardening H5).
   */
  CONTROL_INVOCATIONS_INFLIGHT("telemetry/control-invocations.inflight.jsonl", Kind.LOG),
  /** {@code telemetry/heartbeat.jsonl}: heartbeat ingestion history (contract 1.4). */
  HEARTBEAT_TELEMETRY("telemetry/heartbeat.jsonl", Kind.LOG),
  /** {@code telemetry/sequence.jsonl}: sequence diagnostics history (contract 1.6). */
  SEQUENCE_TELEMETRY("telemetry/sequence.jsonl", Kind.LOG),
  /** {@code telemetry/alerts.jsonl}: alert dispatch telemetry (contract 1.15). */
  ALERTS_TELEMETRY("telemetry/alerts.jsonl", Kind.LOG);

  /** Whether an artifact is a single JSON state file or an append-only JSONL log. */
  public enum Kind {
    /** A single JSON document, overwritten atomically ({@link StateFile}). */
    STATE,
    /** An append-only JSONL file ({@link AppendLog}). */
    LOG
  }

  private final String defaultPath;
  private final Kind kind;

  LoopArtifact(String defaultPath, Kind kind) {
    this.defaultPath = defaultPath;
    this.kind = kind;
  }

  /** {@return the default path relative to the loop directory, with {@code /} separators} */
  public String defaultPath() {
    return defaultPath;
  }

  /** {@return whether this is a state file or a log} */
  public Kind kind() {
    return kind;
  }
}
