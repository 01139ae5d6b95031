package io.superloop.visibility.api;

import io.superloop.visibility.api.internal.WireRegistry;

/**
 * A reason code as written in v1 artifacts (health reasons, telemetry rows, escalation categories,
 * warnings). Open: a code this version does not know is kept as written. The constants are every
 * code of the v1 contract and the additive codes of the hardened rules.
 */
public final class ReasonCode extends OpenWireValue {
  private static final WireRegistry<ReasonCode> REGISTRY = new WireRegistry<>(ReasonCode::new);

  /** Heartbeat lag at or above a threshold. */
  public static final ReasonCode RUNTIME_HEARTBEAT_STALE =
      REGISTRY.known("runtime_heartbeat_stale");

  /** The heartbeat has no usable {@code timestamp}/{@code updatedAt}. */
  public static final ReasonCode MISSING_HEARTBEAT_TIMESTAMP =
      REGISTRY.known("missing_heartbeat_timestamp");

  /** The heartbeat timestamp does not parse. */
  public static final ReasonCode INVALID_HEARTBEAT_TIMESTAMP =
      REGISTRY.known("invalid_heartbeat_timestamp");

  /** Sequence diagnostics found a violation. */
  public static final ReasonCode ORDERING_DRIFT_DETECTED =
      REGISTRY.known("ordering_drift_detected");

  /** Divergence between snapshot and event evidence. */
  public static final ReasonCode DIVERGENCE_DETECTED = REGISTRY.known("divergence_detected");

  /** Escalation category (contract 1.14): health became degraded. */
  public static final ReasonCode HEALTH_DEGRADED = REGISTRY.known("health_degraded");

  /** Escalation category (contract 1.14): health became critical. */
  public static final ReasonCode HEALTH_CRITICAL = REGISTRY.known("health_critical");

  /** Escalation category (contract 1.14): the threshold profile drifted. */
  public static final ReasonCode PROFILE_DRIFT_DETECTED = REGISTRY.known("profile_drift_detected");

  /** The last control action was ambiguous. */
  public static final ReasonCode CONTROL_AMBIGUOUS = REGISTRY.known("control_ambiguous");

  /** The last control action's command failed. */
  public static final ReasonCode CONTROL_FAILED_COMMAND = REGISTRY.known("control_failed_command");

  /** Ingest lag at or above a threshold. */
  public static final ReasonCode INGEST_STALE = REGISTRY.known("ingest_stale");

  /** Transport failure streak at or above a threshold, or a transport-level ingest failure. */
  public static final ReasonCode TRANSPORT_UNREACHABLE = REGISTRY.known("transport_unreachable");

  /** The service answered with an invalid payload. */
  public static final ReasonCode INVALID_TRANSPORT_PAYLOAD =
      REGISTRY.known("invalid_transport_payload");

  /** The projection step failed. */
  public static final ReasonCode PROJECTION_FAILED = REGISTRY.known("projection_failed");

  /** The reconcile failed without a failure code. */
  public static final ReasonCode RECONCILE_FAILED = REGISTRY.known("reconcile_failed");

  /** Additive (H2): a previous state file could not be read. */
  public static final ReasonCode PREVIOUS_STATE_UNREADABLE =
      REGISTRY.known("previous_state_unreadable");

  /** Additive (H13): a runtime event log line is malformed. */
  public static final ReasonCode EVENT_LINE_MALFORMED = REGISTRY.known("event_line_malformed");

  /**
   * Additive (H17): the runtime events log changed before the cursor's byte offset (truncated,
   * rotated or rewritten); the batch was found by counting lines, so a new log's lines before the
   * old line offset were not read.
   */
  public static final ReasonCode EVENT_LOG_REWRITTEN = REGISTRY.known("event_log_rewritten");

  /**
   * Additive (H20): the runtime events log held fewer lines than the cursor (truncated or rotated
   * to a shorter log); the step read it from its first line in a new epoch.
   */
  public static final ReasonCode EVENT_LOG_TRUNCATED = REGISTRY.known("event_log_truncated");

  /**
   * Additive (H22): the step found the previous step torn by a crash or an I/O error and completed
   * it first (its journal was whole), or read again the event lines a step of an earlier version
   * moved the cursor past without recording their sequence state.
   */
  public static final ReasonCode TORN_STEP_RECOVERED = REGISTRY.known("torn_step_recovered");

  /**
   * Additive (H22): the step found the previous step torn, but another writer (a bash manager, an
   * operator) changed its state files since; the torn step's remaining writes were dropped.
   */
  public static final ReasonCode TORN_STEP_SUPERSEDED = REGISTRY.known("torn_step_superseded");

  /** Additive (H7): a trace id is invalid. */
  public static final ReasonCode INVALID_TRACE_ID = REGISTRY.known("invalid_trace_id");

  /** Additive (H18): the heartbeat is not a JSON object or not JSON. */
  public static final ReasonCode INVALID_HEARTBEAT_PAYLOAD =
      REGISTRY.known("invalid_heartbeat_payload");

  /**
   * Additive (read limits): the runtime heartbeat file is longer than its read limit; it was not
   * read, and is not copied into the heartbeat row.
   */
  public static final ReasonCode HEARTBEAT_PAYLOAD_TOO_LARGE =
      REGISTRY.known("heartbeat_payload_too_large");

  /** Additive (H9): the heartbeat is beyond the clock skew tolerance in the future. */
  public static final ReasonCode RUNTIME_HEARTBEAT_CLOCK_SKEW =
      REGISTRY.known("runtime_heartbeat_clock_skew");

  /** Additive (H10): a heartbeat is required and none was ever seen. */
  public static final ReasonCode RUNTIME_HEARTBEAT_MISSING =
      REGISTRY.known("runtime_heartbeat_missing");

  /** Additive (H19): escalation category of a transition out of drift. */
  public static final ReasonCode ORDERING_DRIFT_RECOVERED =
      REGISTRY.known("ordering_drift_recovered");

  /** The alert dispatch run itself failed inside reconcile. */
  public static final ReasonCode ALERT_DISPATCH_FAILED = REGISTRY.known("alert_dispatch_failed");

  private ReasonCode(String wire, boolean known) {
    super(wire, known);
  }

  /**
   * Reads a reason code; never fails.
   *
   * @param wire the code as written
   * @return the constant when known, else a new value that keeps the string
   */
  public static ReasonCode of(String wire) {
    return REGISTRY.of(wire);
  }

  /** {@return every constant, in declaration order} */
  public static java.util.Collection<ReasonCode> known() {
    return REGISTRY.values();
  }
}
