package io.superloop.visibility.core.rules;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.internal.VisibilityStyle;
import io.superloop.visibility.core.rules.internal.ImmutableVisibilityRules;
import org.immutables.value.Value;

/**
 * The rules of the visibility plane's decisions: one named switch per decision of hardening.md that
 * depends on the preset. Take a preset ({@link #hardened()}, the default, or {@link #reference()})
 * and change single switches with the {@code with*} methods of {@link ImmutableVisibilityRules}.
 * Decisions marked "always" in hardening.md have no switch.
 */
@Value.Immutable
@VisibilityStyle
public abstract class VisibilityRules {

  private static final VisibilityRules HARDENED = ImmutableVisibilityRules.builder().build();

  private static final VisibilityRules REFERENCE =
      ImmutableVisibilityRules.builder()
          .name("reference")
          .writeInFlightAuditRows(false)
          .idStyle(IdStyle.REFERENCE)
          .timestampSyntax(TimestampSyntax.V1_STRICT)
          .detectClockSkew(false)
          .evaluateFreshnessAtEvaluationTime(false)
          .requireHeartbeat(false)
          .blankTimestampFallsBack(false)
          .sequenceValueSyntax(SequenceValueSyntax.WHOLE_VALUE)
          .replayAwareSequencing(false)
          .explicitStatusSurface(false)
          .escalateDriftRecovery(false)
          .restartTruncatedEventLog(false)
          .telemetryRetention(TelemetryRetention.OFF)
          .build();

  /** {@return the hardened preset: the library's default} */
  public static VisibilityRules hardened() {
    return HARDENED;
  }

  /**
   * {@return the reference preset: the same verdicts as the reference ops manager, quirks included}
   */
  public static VisibilityRules reference() {
    return REFERENCE;
  }

  /**
   * A preset by name.
   *
   * @param name {@code reference} or {@code hardened}
   * @return the preset
   * @throws VisibilityException {@link ErrorCode#INVALID_ARGUMENT} for any other name
   */
  public static VisibilityRules named(String name) {
    switch (name) {
      case "reference":
        return REFERENCE;
      case "hardened":
        return HARDENED;
      default:
        throw new VisibilityException(
            ErrorCode.INVALID_ARGUMENT,
            "rules are \"reference\" or \"hardened\", not \"" + name + "\"");
    }
  }

  /**
   * {@return the preset these rules started from ({@code hardened} or {@code reference}), for
   * messages}
   */
  @Value.Default
  public String name() {
    return "hardened";
  }

  /**
   * {@return whether a {@code phase:"started"} row is appended to {@code
   * telemetry/control-invocations.inflight.jsonl} before a control command runs} H5. Hardened:
   * true; reference: false.
   */
  @Value.Default
  public boolean writeInFlightAuditRows() {
    return true;
  }

  /**
   * {@return the form of generated trace ids and idempotency keys} H6, H7. Hardened: {@link
   * IdStyle#COLLISION_FREE}; reference: {@link IdStyle#REFERENCE}.
   */
  @Value.Default
  public IdStyle idStyle() {
    return IdStyle.COLLISION_FREE;
  }

  /** {@return which heartbeat timestamps parse} H8. Hardened: RFC 3339; reference: v1 strict. */
  @Value.Default
  public TimestampSyntax timestampSyntax() {
    return TimestampSyntax.RFC_3339;
  }

  /**
   * {@return whether a heartbeat more than {@link #clockSkewToleranceSeconds()} in the future adds
   * {@code clockSkewSeconds} and a degraded health reason {@code runtime_heartbeat_clock_skew}} H9.
   * Hardened: true; reference: false.
   */
  @Value.Default
  public boolean detectClockSkew() {
    return true;
  }

  /**
   * {@return how many seconds in the future a heartbeat may be before it counts as clock skew
   * (default 30)} H9.
   */
  @Value.Default
  public long clockSkewToleranceSeconds() {
    return 30;
  }

  /**
   * {@return whether freshness is computed at evaluation time from {@code lastHeartbeatAt}, also
   * when the snapshot carries no or an unusable heartbeat} H10. Missing or invalid heartbeat
   * timestamps then add degraded health reasons. Hardened: true; reference: false.
   */
  @Value.Default
  public boolean evaluateFreshnessAtEvaluationTime() {
    return true;
  }

  /**
   * {@return whether a loop that never sent a heartbeat is degraded ({@code
   * runtime_heartbeat_missing})} H10. Default false in both presets; only effective with {@link
   * #evaluateFreshnessAtEvaluationTime()}.
   */
  @Value.Default
  public boolean requireHeartbeat() {
    return false;
  }

  /**
   * {@return whether a blank heartbeat {@code timestamp} falls back to {@code updatedAt}} H11.
   * Hardened: true; reference: false.
   */
  @Value.Default
  public boolean blankTimestampFallsBack() {
    return true;
  }

  /**
   * {@return which sequence values are valid} H12. Hardened: {@link
   * SequenceValueSyntax#INTEGER_LITERAL}; reference: {@link SequenceValueSyntax#WHOLE_VALUE}.
   */
  @Value.Default
  public SequenceValueSyntax sequenceValueSyntax() {
    return SequenceValueSyntax.INTEGER_LITERAL;
  }

  /**
   * {@return whether a declared replay or rotation starts a new epoch ({@code
   * transition.epochReset}) instead of being a regression} H15. High-water marks are then carried
   * across empty batches and missing values. Hardened: true; reference: false.
   */
  @Value.Default
  public boolean replayAwareSequencing() {
    return true;
  }

  /**
   * {@return whether the status surface always carries its booleans, keeps state and telemetry
   * apart ({@code lastObservation}), takes the newer alert trace and counts {@code
   * distinctTraceIds}} H16. Hardened: true; reference: false.
   */
  @Value.Default
  public boolean explicitStatusSurface() {
    return true;
  }

  /**
   * {@return whether a transition out of drift appends an {@code ordering_drift_recovered}
   * escalation} H19. Hardened: true; reference: false.
   */
  @Value.Default
  public boolean escalateDriftRecovery() {
    return true;
  }

  /**
   * {@return whether a local step that finds the runtime's events log shorter than its cursor
   * (fewer lines than {@code cursor.eventLineOffset}: truncated, or rotated to a shorter log) reads
   * the log from its first line, in a new epoch ({@code transition.epochReset: true} with {@link
   * #replayAwareSequencing()}), and warns {@code event_log_truncated}} H20. Otherwise the ingest
   * fails ({@code events_unavailable}, "cursor offset exceeds available events") until a replay is
   * declared, as the reference's does. Hardened: true; reference: false.
   */
  @Value.Default
  public boolean restartTruncatedEventLog() {
    return true;
  }

  /**
   * {@return how much of the step telemetry logs a loop keeps} H21. Hardened: {@link
   * TelemetryRetention#DEFAULT} (rotate at 16 MiB, keep 4 rotated files); reference: {@link
   * TelemetryRetention#OFF} (the logs grow without end).
   */
  @Value.Default
  public TelemetryRetention telemetryRetention() {
    return TelemetryRetention.DEFAULT;
  }

  /** Checks the contract rules of this record; called by the generated implementation. */
  @Value.Check
  protected void check() {
    if (clockSkewToleranceSeconds() < 0) {
      throw new VisibilityException(
          ErrorCode.INVALID_ARGUMENT, "clockSkewToleranceSeconds must be >= 0");
    }
  }
}
