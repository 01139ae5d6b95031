package io.superloop.visibility.core.rules;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.internal.VisibilityStyle;
import io.superloop.visibility.core.rules.internal.ImmutableVisibilityRules;
import org.immutables.value.Value;

/**
 * The rules of the visibility plane's decisions: one named switch per decision of hardening.md that
 * depends on the preset. Take a preset ({@link #hardened()}, the default, or {@link #reference()})
 * and change single switches with its {@code with*} methods, e.g. {@code
 * VisibilityRules.hardened().withReplayAwareSequencing(false)}. Decisions marked "always" in
 * hardening.md have no switch.
 */
@Value.Immutable
@VisibilityStyle
public abstract class VisibilityRules {

  private static final VisibilityRules HARDENED = ImmutableVisibilityRules.builder().build();

  private static final VisibilityRules REFERENCE =
      ImmutableVisibilityRules.builder()
          .name("reference")
          .writeInFlightAuditRows(false)
          .collisionFreeIds(false)
          .rfc3339Timestamps(false)
          .detectClockSkew(false)
          .evaluateFreshnessAtEvaluationTime(false)
          .requireHeartbeat(false)
          .blankTimestampFallsBack(false)
          .integerLiteralSequenceValues(false)
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
   * {@return whether generated ids cannot collide} H6, H7. True: a generated trace id is 32
   * lower-case hex characters, never all zeros (a W3C trace-id), and a generated idempotency key is
   * {@code <intent>-<epochMillis>-<16 lower-case hex random>}. False: a trace id is a lower-case
   * UUID with dashes and a key is {@code <intent>-<epochSeconds>-<pid>}, as the reference's. Ids a
   * caller gives are kept as given either way. Hardened: true; reference: false.
   */
  @Value.Default
  public boolean collisionFreeIds() {
    return true;
  }

  /**
   * {@return whether heartbeat timestamps parse as full RFC 3339} H8. True: fractions, {@code
   * +hh:mm} offsets, {@code t}/{@code z} in either case and a leap second {@code :60} in the last
   * minute of a UTC month (counted as the next second). False: exactly {@code
   * YYYY-MM-DDTHH:MM:SSZ}, zero-padded, a valid calendar date, not before 1970 (contract 2.2 step 5
   * and C10). Timestamps the library writes are {@code YYYY-MM-DDTHH:MM:SSZ} either way. Hardened:
   * true; reference: false.
   */
  @Value.Default
  public boolean rfc3339Timestamps() {
    return true;
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
   * {@return whether only a JSON integer literal is a valid sequence value} H12. True: only a JSON
   * integer literal from 0 to 2^63-1. False: a JSON number whose value is whole ({@code 7}, {@code
   * 3.0}, {@code 1e2}, {@code 0.0}) or a string of ASCII digits ({@code "08"} is 8), from 0 to
   * 2^63-1; {@code -0}, negatives, fractions, other strings, booleans and null are missing
   * (contract C1). Both keep values exact up to 2^63-1. Hardened: true; reference: false.
   */
  @Value.Default
  public boolean integerLiteralSequenceValues() {
    return true;
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

  // One wither per switch, implemented by the generated class (same signature, a covariant return):
  // declared here so that every switch is reachable from the exported type and a user never names
  // the generated class.

  /**
   * {@return these rules with {@link #writeInFlightAuditRows()} set to {@code value}; every other
   * switch and the {@link #name()} kept} H5.
   *
   * @param value the new value
   */
  public abstract VisibilityRules withWriteInFlightAuditRows(boolean value);

  /**
   * {@return these rules with {@link #collisionFreeIds()} set to {@code value}; every other switch
   * and the {@link #name()} kept} H6, H7.
   *
   * @param value the new value
   */
  public abstract VisibilityRules withCollisionFreeIds(boolean value);

  /**
   * {@return these rules with {@link #rfc3339Timestamps()} set to {@code value}; every other switch
   * and the {@link #name()} kept} H8.
   *
   * @param value the new value
   */
  public abstract VisibilityRules withRfc3339Timestamps(boolean value);

  /**
   * {@return these rules with {@link #detectClockSkew()} set to {@code value}; every other switch
   * and the {@link #name()} kept} H9.
   *
   * @param value the new value
   */
  public abstract VisibilityRules withDetectClockSkew(boolean value);

  /**
   * {@return these rules with {@link #clockSkewToleranceSeconds()} set to {@code value}; every
   * other switch and the {@link #name()} kept} H9.
   *
   * @param value the new value (at least 0)
   */
  public abstract VisibilityRules withClockSkewToleranceSeconds(long value);

  /**
   * {@return these rules with {@link #evaluateFreshnessAtEvaluationTime()} set to {@code value};
   * every other switch and the {@link #name()} kept} H10.
   *
   * @param value the new value
   */
  public abstract VisibilityRules withEvaluateFreshnessAtEvaluationTime(boolean value);

  /**
   * {@return these rules with {@link #requireHeartbeat()} set to {@code value}; every other switch
   * and the {@link #name()} kept} H10.
   *
   * @param value the new value
   */
  public abstract VisibilityRules withRequireHeartbeat(boolean value);

  /**
   * {@return these rules with {@link #blankTimestampFallsBack()} set to {@code value}; every other
   * switch and the {@link #name()} kept} H11.
   *
   * @param value the new value
   */
  public abstract VisibilityRules withBlankTimestampFallsBack(boolean value);

  /**
   * {@return these rules with {@link #integerLiteralSequenceValues()} set to {@code value}; every
   * other switch and the {@link #name()} kept} H12.
   *
   * @param value the new value
   */
  public abstract VisibilityRules withIntegerLiteralSequenceValues(boolean value);

  /**
   * {@return these rules with {@link #replayAwareSequencing()} set to {@code value}; every other
   * switch and the {@link #name()} kept} H15.
   *
   * @param value the new value
   */
  public abstract VisibilityRules withReplayAwareSequencing(boolean value);

  /**
   * {@return these rules with {@link #explicitStatusSurface()} set to {@code value}; every other
   * switch and the {@link #name()} kept} H16.
   *
   * @param value the new value
   */
  public abstract VisibilityRules withExplicitStatusSurface(boolean value);

  /**
   * {@return these rules with {@link #escalateDriftRecovery()} set to {@code value}; every other
   * switch and the {@link #name()} kept} H19.
   *
   * @param value the new value
   */
  public abstract VisibilityRules withEscalateDriftRecovery(boolean value);

  /**
   * {@return these rules with {@link #restartTruncatedEventLog()} set to {@code value}; every other
   * switch and the {@link #name()} kept} H20.
   *
   * @param value the new value
   */
  public abstract VisibilityRules withRestartTruncatedEventLog(boolean value);

  /**
   * {@return these rules with {@link #telemetryRetention()} set to {@code value}; every other
   * switch and the {@link #name()} kept} H21.
   *
   * @param value the new value
   */
  public abstract VisibilityRules withTelemetryRetention(TelemetryRetention value);

  /** Checks the contract rules of this record; called by the generated implementation. */
  @Value.Check
  protected void check() {
    if (clockSkewToleranceSeconds() < 0) {
      throw new VisibilityException(
          ErrorCode.INVALID_ARGUMENT, "clockSkewToleranceSeconds must be >= 0");
    }
  }
}
