package io.superloop.visibility.api.sequence;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.internal.Checks;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Contract checks shared by the sequence records. */
final class SequenceChecks {
  private SequenceChecks() {}

  /** A stored sequence value is a whole number from 0 to 2^63-1 (C1, H12). */
  static void sequenceValue(String field, OptionalLong value) {
    if (value.isPresent() && value.getAsLong() < 0) {
      throw new VisibilityException(
          ErrorCode.INVALID_SEQUENCE_VALUE,
          field + " must be a sequence value >= 0, got " + value.getAsLong());
    }
  }

  /** A count is {@code >= 0}. */
  static void count(String field, long value) {
    Checks.nonNegative(field, value);
  }

  /** An optional count is {@code >= 0} when present. */
  static void count(String field, OptionalLong value) {
    if (value.isPresent()) {
      Checks.nonNegative(field, value.getAsLong());
    }
  }

  /**
   * The verdict rules of contract 3.4/3.5: violations strictly ascending (sorted, unique); {@code
   * driftActive} iff violations; status and reason code {@code ordering_drift_detected} iff drift,
   * else {@code ok} and no reason code.
   */
  static void verdict(
      String loopId,
      SequenceStatus status,
      Optional<ReasonCode> reasonCode,
      boolean driftActive,
      List<ViolationCode> violations) {
    Checks.loopId(loopId);
    for (int i = 1; i < violations.size(); i++) {
      if (violations.get(i - 1).compareTo(violations.get(i)) >= 0) {
        throw new VisibilityException(
            ErrorCode.INVALID_FIELD_VALUE,
            "violations must be sorted ascending and unique, got " + wires(violations));
      }
    }
    if (driftActive == violations.isEmpty()) {
      throw new VisibilityException(
          ErrorCode.INVALID_FIELD_VALUE,
          "driftActive must be true iff violations is non-empty, got driftActive="
              + driftActive
              + " with violations "
              + wires(violations));
    }
    if (driftActive) {
      if (status != SequenceStatus.ORDERING_DRIFT_DETECTED) {
        throw new VisibilityException(
            ErrorCode.INVALID_FIELD_VALUE,
            "status must be ordering_drift_detected when driftActive, got " + status.wire());
      }
      if (!reasonCode.equals(Optional.of(ReasonCode.ORDERING_DRIFT_DETECTED))) {
        throw new VisibilityException(
            ErrorCode.INVALID_FIELD_VALUE,
            "reasonCode must be ordering_drift_detected when driftActive, got "
                + reasonCode.map(ReasonCode::wire).orElse("none"));
      }
    } else {
      if (status != SequenceStatus.OK) {
        throw new VisibilityException(
            ErrorCode.INVALID_FIELD_VALUE,
            "status must be ok when drift is not active, got " + status.wire());
      }
      if (reasonCode.isPresent()) {
        throw new VisibilityException(
            ErrorCode.INVALID_FIELD_VALUE,
            "reasonCode must be absent when status is ok, got " + reasonCode.get().wire());
      }
    }
  }

  private static String wires(List<ViolationCode> violations) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < violations.size(); i++) {
      sb.append(i == 0 ? "" : ",").append(violations.get(i).wire());
    }
    return sb.append(']').toString();
  }
}
