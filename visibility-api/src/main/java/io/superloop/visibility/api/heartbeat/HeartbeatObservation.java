package io.superloop.visibility.api.heartbeat;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.heartbeat.internal.ImmutableHeartbeatObservation;
import io.superloop.visibility.api.internal.Checks;
import io.superloop.visibility.api.internal.VisibilityStyle;
import io.superloop.visibility.api.json.JsonValue;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * One row of {@code OPS/telemetry/heartbeat.jsonl} (contract 1.4), {@code
 * category:"runtime_heartbeat"}, no {@code schemaVersion}. Variants:
 *
 * <ul>
 *   <li>(a) parsed: status {@code fresh|degraded|critical}, {@link #heartbeatAt()} and {@link
 *       #heartbeatLagSeconds()} present, {@link #reasonCode()} {@code runtime_heartbeat_stale}
 *       unless fresh; null-filtered (an empty {@link #traceId()} is omitted); additive {@link
 *       #clockSkewSeconds()} (H9) when present;
 *   <li>(b) status {@code failed}, {@code missing_heartbeat_timestamp}: no {@code heartbeatAt} key;
 *   <li>(c) status {@code failed}, {@code invalid_heartbeat_timestamp}: {@code heartbeatAt} holds
 *       the raw value rendered as text;
 *   <li>(H18) status {@code failed}, {@code invalid_heartbeat_payload}: the payload is not a JSON
 *       object (kept raw in {@link #heartbeat()}) or not JSON ({@link #heartbeat()} empty);
 *   <li>(read limits) status {@code failed}, {@code heartbeat_payload_too_large}: the file is
 *       longer than its read limit; neither {@code heartbeatAt} nor a {@link #heartbeat()} (written
 *       as {@code null}).
 * </ul>
 *
 * <p>Failed rows are not null-filtered: an empty {@link #traceId()} or {@link #heartbeat()} is
 * written as {@code null}; {@code heartbeatAt} and {@code heartbeatLagSeconds} are keys only when
 * present. The variant rules are checked on build and decode ({@link ErrorCode#MISSING_FIELD} for a
 * field the variant needs, {@link ErrorCode#INVALID_FIELD_VALUE} for one it forbids or a wrong
 * reason code).
 */
@Value.Immutable
@VisibilityStyle
public abstract class HeartbeatObservation {

  /** The constant {@code category} of every row. */
  public static final String CATEGORY = "runtime_heartbeat";

  /** Only the generated implementation extends this class (its package is not exported). */
  protected HeartbeatObservation() {}

  /**
   * {@return a new builder} Its {@code build()} throws {@link IllegalStateException} when a
   * required attribute is unset, and {@link VisibilityException} ({@link
   * ErrorCode#INVALID_LOOP_ID}, {@link ErrorCode#MISSING_FIELD} or {@link
   * ErrorCode#INVALID_FIELD_VALUE}) when a value breaks the record's contract checks, the variant
   * rules above included.
   */
  public static ImmutableHeartbeatObservation.Builder builder() {
    return ImmutableHeartbeatObservation.builder();
  }

  /**
   * {@return the manager clock at ingestion; equals {@link HeartbeatState#updatedAt()} of the same
   * run in (a)}
   */
  public abstract String timestamp();

  /** {@return the loop id} */
  public abstract String loopId();

  /**
   * {@return the reconcile trace; when absent, omitted in (a) and written {@code null} in failed
   * rows}
   */
  public abstract Optional<TraceId> traceId();

  /** {@return the manager-side transport of that reconcile} */
  public abstract Transport transport();

  /** {@return the row category, always {@value #CATEGORY}} */
  public final String category() {
    return CATEGORY;
  }

  /** {@return the row status} */
  public abstract HeartbeatObservationStatus status();

  /**
   * {@return the reason code: {@code runtime_heartbeat_stale} when degraded or critical, empty
   * (omitted) when fresh; the failure reason in failed rows}
   */
  public abstract Optional<ReasonCode> reasonCode();

  /** {@return the raw heartbeat timestamp string (as text in (c)); not a key when empty} */
  public abstract Optional<String> heartbeatAt();

  /** {@return the lag in whole seconds, clamped at 0, in (a) only; not a key when empty} */
  public abstract OptionalLong heartbeatLagSeconds();

  /**
   * {@return the runtime's heartbeat, raw (key order and unknown fields kept); empty only for an
   * {@code invalid_heartbeat_payload} that is not JSON (written {@code null})}
   */
  public abstract Optional<JsonValue> heartbeat();

  /**
   * {@return the seconds the heartbeat lies in the future beyond the tolerance; empty (omitted)
   * when none} Additive (H9).
   */
  public abstract OptionalLong clockSkewSeconds();

  /**
   * {@return fields of a newer writer this version does not know, kept in order and written back}
   */
  public abstract Map<String, JsonValue> unknownFields();

  /** {@return whether this row is null-filtered: variant (a), every status but {@code failed}} */
  public final boolean isNullFiltered() {
    return status() != HeartbeatObservationStatus.FAILED;
  }

  /** Checks the contract rules of this record; called by the generated implementation. */
  @Value.Check
  protected void check() {
    Checks.notJsonNull("heartbeat", heartbeat());
    Checks.loopId(loopId());
    if (clockSkewSeconds().isPresent()) {
      Checks.positive("clockSkewSeconds", clockSkewSeconds().getAsLong());
    }
    if (status() == HeartbeatObservationStatus.FAILED) {
      checkFailed();
    } else {
      checkParsed();
    }
  }

  private void checkParsed() {
    require(heartbeatAt().isPresent(), "heartbeatAt");
    require(heartbeatLagSeconds().isPresent(), "heartbeatLagSeconds");
    require(heartbeat().isPresent(), "heartbeat");
    Checks.nonNegative("heartbeatLagSeconds", heartbeatLagSeconds().getAsLong());
    Optional<ReasonCode> expected =
        status() == HeartbeatObservationStatus.FRESH
            ? Optional.empty()
            : Optional.of(ReasonCode.RUNTIME_HEARTBEAT_STALE);
    if (!reasonCode().equals(expected)) {
      throw new VisibilityException(
          ErrorCode.INVALID_FIELD_VALUE,
          "a "
              + status().wire()
              + " heartbeat row has reasonCode "
              + expected.map(ReasonCode::wire).orElse("omitted")
              + ", got "
              + reasonCode().map(ReasonCode::wire).orElse("none"));
    }
  }

  private void checkFailed() {
    require(reasonCode().isPresent(), "reasonCode");
    ReasonCode code = reasonCode().get();
    forbid(heartbeatLagSeconds().isPresent(), "heartbeatLagSeconds");
    forbid(clockSkewSeconds().isPresent(), "clockSkewSeconds");
    if (code.equals(ReasonCode.MISSING_HEARTBEAT_TIMESTAMP)) {
      forbid(heartbeatAt().isPresent(), "heartbeatAt");
      require(heartbeat().isPresent(), "heartbeat");
    } else if (code.equals(ReasonCode.INVALID_HEARTBEAT_TIMESTAMP)) {
      require(heartbeatAt().isPresent(), "heartbeatAt");
      require(heartbeat().isPresent(), "heartbeat");
    } else if (code.equals(ReasonCode.INVALID_HEARTBEAT_PAYLOAD)) {
      forbid(heartbeatAt().isPresent(), "heartbeatAt");
    } else if (code.equals(ReasonCode.HEARTBEAT_PAYLOAD_TOO_LARGE)) {
      forbid(heartbeatAt().isPresent(), "heartbeatAt");
      forbid(heartbeat().isPresent(), "heartbeat");
    } else if (code.isKnown()) {
      throw new VisibilityException(
          ErrorCode.INVALID_FIELD_VALUE,
          "a failed heartbeat row cannot have reasonCode " + code.wire());
    }
  }

  private void require(boolean present, String field) {
    if (!present) {
      throw new VisibilityException(
          ErrorCode.MISSING_FIELD,
          "a " + variant() + " heartbeat row requires field \"" + field + "\"");
    }
  }

  private void forbid(boolean present, String field) {
    if (present) {
      throw new VisibilityException(
          ErrorCode.INVALID_FIELD_VALUE,
          "a " + variant() + " heartbeat row cannot have field \"" + field + "\"");
    }
  }

  private String variant() {
    return status() == HeartbeatObservationStatus.FAILED
        ? "failed " + reasonCode().map(ReasonCode::wire).orElse("")
        : status().wire();
  }
}
