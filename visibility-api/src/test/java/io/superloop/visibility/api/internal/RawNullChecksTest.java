package io.superloop.visibility.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.audit.Intent;
import io.superloop.visibility.api.audit.IntentRow;
import io.superloop.visibility.api.audit.OutcomeStatus;
import io.superloop.visibility.api.heartbeat.FreshnessStatus;
import io.superloop.visibility.api.heartbeat.HeartbeatState;
import io.superloop.visibility.api.heartbeat.HeartbeatThresholds;
import io.superloop.visibility.api.json.JsonValue;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A raw value holding JSON null could not survive a round trip (it reads back as absent): rejected.
 */
class RawNullChecksTest {

  @Test
  void heartbeatStateRejectsANullHeartbeat() {
    VisibilityException e =
        assertThrows(
            VisibilityException.class,
            () ->
                HeartbeatState.builder()
                    .updatedAt("2026-03-01T12:00:00Z")
                    .loopId("l")
                    .transport(Transport.LOCAL)
                    .lastHeartbeatAt("2026-03-01T12:00:00Z")
                    .heartbeatLagSeconds(0)
                    .freshnessStatus(FreshnessStatus.FRESH)
                    .thresholds(HeartbeatThresholds.DEFAULT)
                    .heartbeat(JsonValue.nullValue())
                    .build());
    assertEquals(ErrorCode.INVALID_FIELD_VALUE, e.code());
  }

  @Test
  void intentRowRejectsANullConfirmButReadsANullAsAbsent() {
    VisibilityException e =
        assertThrows(
            VisibilityException.class,
            () ->
                IntentRow.builder()
                    .timestamp("2026-03-01T12:00:00Z")
                    .loopId("l")
                    .intent(Intent.CANCEL)
                    .status(OutcomeStatus.CONFIRMED)
                    .confirm(JsonValue.nullValue())
                    .build());
    assertEquals(ErrorCode.INVALID_FIELD_VALUE, e.code());
    IntentRow read =
        Codecs.INTENT_ROW.decode(
            "{\"timestamp\":\"2026-03-01T12:00:00Z\",\"loopId\":\"l\",\"intent\":\"cancel\",\"status\":\"confirmed\",\"confirm\":null}");
    assertEquals(Optional.empty(), read.confirm());
  }
}
