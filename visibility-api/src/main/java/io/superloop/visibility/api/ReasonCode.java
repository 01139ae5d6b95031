package io.superloop.visibility.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A reason code as written in v1 artifacts (health reasons, telemetry rows, escalation categories,
 * warnings). Open: a code this version does not know is kept as written. The constants are every
 * code of the v1 contract and the additive codes of the hardened rules.
 */
public final class ReasonCode extends OpenWireValue {
  private static final Map<String, ReasonCode> KNOWN = new LinkedHashMap<>();

  /** Heartbeat lag at or above a threshold. */
  public static final ReasonCode RUNTIME_HEARTBEAT_STALE = known("runtime_heartbeat_stale");
  /** The heartbeat has no usable {@code timestamp}/{@code updatedAt}. */
  public static final ReasonCode MISSING_HEARTBEAT_TIMESTAMP = known("missing_heartbeat_timestamp");
  /** The heartbeat timestamp does not parse. */
  public static final ReasonCode INVALID_HEARTBEAT_TIMESTAMP = known("invalid_heartbeat_timestamp");
  /** Sequence diagnostics found a violation. */
  public static final ReasonCode ORDERING_DRIFT_DETECTED = known("ordering_drift_detected");
  /** Divergence between snapshot and event evidence. */
  public static final ReasonCode DIVERGENCE_DETECTED = known("divergence_detected");
  /** Escalation category (contract 1.14): health became degraded. */
  public static final ReasonCode HEALTH_DEGRADED = known("health_degraded");
  /** Escalation category (contract 1.14): health became critical. */
  public static final ReasonCode HEALTH_CRITICAL = known("health_critical");
  /** Escalation category (contract 1.14): the threshold profile drifted. */
  public static final ReasonCode PROFILE_DRIFT_DETECTED = known("profile_drift_detected");
  /** The last control action was ambiguous. */
  public static final ReasonCode CONTROL_AMBIGUOUS = known("control_ambiguous");
  /** The last control action's command failed. */
  public static final ReasonCode CONTROL_FAILED_COMMAND = known("control_failed_command");
  /** Ingest lag at or above a threshold. */
  public static final ReasonCode INGEST_STALE = known("ingest_stale");
  /** Transport failure streak at or above a threshold, or a transport-level ingest failure. */
  public static final ReasonCode TRANSPORT_UNREACHABLE = known("transport_unreachable");
  /** The service answered with an invalid payload. */
  public static final ReasonCode INVALID_TRANSPORT_PAYLOAD = known("invalid_transport_payload");
  /** The projection step failed. */
  public static final ReasonCode PROJECTION_FAILED = known("projection_failed");
  /** The reconcile failed without a failure code. */
  public static final ReasonCode RECONCILE_FAILED = known("reconcile_failed");
  /** Additive (H2): a previous state file could not be read. */
  public static final ReasonCode PREVIOUS_STATE_UNREADABLE = known("previous_state_unreadable");
  /** Additive (H13): a runtime event log line is malformed. */
  public static final ReasonCode EVENT_LINE_MALFORMED = known("event_line_malformed");
  /** Additive (H7): a trace id is invalid. */
  public static final ReasonCode INVALID_TRACE_ID = known("invalid_trace_id");
  /** Additive (H18): the heartbeat is not a JSON object or not JSON. */
  public static final ReasonCode INVALID_HEARTBEAT_PAYLOAD = known("invalid_heartbeat_payload");
  /** Additive (H9): the heartbeat is beyond the clock skew tolerance in the future. */
  public static final ReasonCode RUNTIME_HEARTBEAT_CLOCK_SKEW = known("runtime_heartbeat_clock_skew");
  /** Additive (H10): a heartbeat is required and none was ever seen. */
  public static final ReasonCode RUNTIME_HEARTBEAT_MISSING = known("runtime_heartbeat_missing");
  /** Additive (H19): escalation category of a transition out of drift. */
  public static final ReasonCode ORDERING_DRIFT_RECOVERED = known("ordering_drift_recovered");
  /** The alert dispatch run itself failed inside reconcile. */
  public static final ReasonCode ALERT_DISPATCH_FAILED = known("alert_dispatch_failed");

  private ReasonCode(String wire, boolean known) {
    super(wire, known);
  }

  private static ReasonCode known(String wire) {
    ReasonCode c = new ReasonCode(wire, true);
    KNOWN.put(wire, c);
    return c;
  }

  /** The code of {@code wire}: the constant when known, else a new value that keeps the string. */
  public static ReasonCode of(String wire) {
    Objects.requireNonNull(wire, "wire");
    ReasonCode c = KNOWN.get(wire);
    return c != null ? c : new ReasonCode(wire, false);
  }

  /** Every constant, in declaration order. */
  public static java.util.Collection<ReasonCode> known() {
    return java.util.Collections.unmodifiableCollection(KNOWN.values());
  }
}
