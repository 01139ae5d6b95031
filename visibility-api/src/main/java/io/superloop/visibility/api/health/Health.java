package io.superloop.visibility.api.health;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.health.internal.ImmutableHealth;
import io.superloop.visibility.api.internal.VisibilityStyle;
import io.superloop.visibility.api.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.immutables.value.Value;

/**
 * {@code OPS/health.json}, also {@code state.json.health} (contract 1.10). NOT null-filtered: an
 * empty {@link #traceId()} and every empty optional of the nested objects are written as explicit
 * {@code null}s.
 *
 * <p>Contract rules (2.6) are checked on build and therefore on decode, each failing with {@link
 * ErrorCode#INVALID_FIELD_VALUE}: {@link #reasonCodes()} sorted ascending and unique and equal to
 * the distinct codes of {@link #reasons()}; reasons unique by and sorted by {@link
 * HealthReason#key()} (strings compare by code point, as jq sorts); {@link #status()} {@code
 * critical} iff a reason is critical, {@code degraded} iff there are reasons and none is critical,
 * {@code healthy} iff there is none.
 */
@Value.Immutable
@VisibilityStyle
public abstract class Health {

  /** Only the generated implementation extends this class (its package is not exported). */
  protected Health() {}

  /**
   * {@return a new builder} Its {@code build()} throws {@link IllegalStateException} when a
   * required attribute is unset, and {@link VisibilityException} ({@link
   * ErrorCode#INVALID_FIELD_VALUE}) when a value breaks the record's contract checks.
   */
  public static ImmutableHealth.Builder builder() {
    return ImmutableHealth.builder();
  }

  /** {@return the evaluation time ({@code --now})} */
  public abstract String updatedAt();

  /** {@return the reconcile trace; written {@code null} when absent} */
  public abstract Optional<TraceId> traceId();

  /** {@return the overall status, derived from {@link #reasons()}} */
  public abstract HealthStatus status();

  /** {@return the distinct codes of {@link #reasons()}, sorted ascending} */
  public abstract List<ReasonCode> reasonCodes();

  /** {@return the reasons, unique by and sorted by {@code code:severity}} */
  public abstract List<HealthReason> reasons();

  /** {@return the metrics judged} */
  public abstract HealthMetrics metrics();

  /** {@return the thresholds in force} */
  public abstract HealthThresholds thresholds();

  /** {@return the transport and its ingest result} */
  public abstract HealthTransport transport();

  /** {@return the timestamps judged from} */
  public abstract HealthEvidence evidence();

  /**
   * {@return fields of a newer writer this version does not know, kept in order and written back}
   */
  public abstract Map<String, JsonValue> unknownFields();

  /**
   * The status that {@code reasons} give (contract 2.6): {@code critical} if any is critical, else
   * {@code degraded} if there is any, else {@code healthy}.
   *
   * @param reasons the reasons, in any order
   * @return the overall status
   */
  public static HealthStatus statusOf(List<HealthReason> reasons) {
    HealthStatus s = HealthStatus.HEALTHY;
    for (HealthReason r : reasons) {
      if (r.severity() == Severity.CRITICAL) {
        return HealthStatus.CRITICAL;
      }
      s = HealthStatus.DEGRADED;
    }
    return s;
  }

  /**
   * Compares two strings as jq sorts them: by Unicode code point (the byte order of their UTF-8
   * forms), a prefix first.
   *
   * @param a a string
   * @param b another string
   * @return negative, zero or positive as {@code a} sorts before, with or after {@code b}
   */
  public static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  /** Checks the contract rules of this record; called by the generated implementation. */
  @Value.Check
  protected void check() {
    List<String> codes = new ArrayList<>();
    for (ReasonCode c : reasonCodes()) {
      codes.add(c.wire());
    }
    requireStrictlyAscending("reasonCodes", codes);
    List<String> keys = new ArrayList<>();
    TreeSet<String> reasonCodesOfReasons = new TreeSet<>(Health::compareCodePoints);
    for (HealthReason r : reasons()) {
      keys.add(r.key());
      reasonCodesOfReasons.add(r.code().wire());
    }
    requireStrictlyAscending("reasons (by code:severity)", keys);
    if (!codes.equals(new ArrayList<>(reasonCodesOfReasons))) {
      throw new VisibilityException(
          ErrorCode.INVALID_FIELD_VALUE,
          "reasonCodes must be the distinct codes of reasons "
              + reasonCodesOfReasons
              + ", got "
              + codes);
    }
    HealthStatus expected = statusOf(reasons());
    if (status() != expected) {
      throw new VisibilityException(
          ErrorCode.INVALID_FIELD_VALUE,
          "status must be " + expected.wire() + " for these reasons, got " + status().wire());
    }
  }

  private static void requireStrictlyAscending(String field, List<String> values) {
    for (int i = 1; i < values.size(); i++) {
      if (compareCodePoints(values.get(i - 1), values.get(i)) >= 0) {
        throw new VisibilityException(
            ErrorCode.INVALID_FIELD_VALUE,
            field + " must be sorted ascending and unique, got " + values);
      }
    }
  }
}
