package io.superloop.visibility.api.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonReadLimits#maxNumberLength()} bounds float literals too (jackson-core checks them only
 * when their value is parsed, which a raw literal never is).
 */
class FloatLiteralLimitTest {

  private static final Json SMALL = Json.withLimits(new JsonReadLimits(64, 1024, 1024, 8, 1 << 20));

  @Test
  void rawFloatLiteralBeyondTheLimitIsLimitExceeded() {
    VisibilityException e =
        assertThrows(VisibilityException.class, () -> SMALL.parseValue("[1.2345678]"));
    assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code());
    e =
        assertThrows(
            VisibilityException.class,
            () -> SMALL.decode(Json.RAW, "{\"a\":1e+123456}".getBytes(StandardCharsets.UTF_8)));
    assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code());
    assertEquals("[1.234567]", SMALL.parseValue("[1.234567]").toJson());
  }

  @Test
  void floatLiteralInALongFieldBeyondTheLimitIsLimitExceeded() {
    String thresholds =
        "{\"degradedHeartbeatLagSeconds\":1.0000000,\"criticalHeartbeatLagSeconds\":2}";
    VisibilityException e =
        assertThrows(
            VisibilityException.class, () -> SMALL.decode(Codecs.HEARTBEAT_THRESHOLDS, thresholds));
    assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code());
    String defaults =
        "{\"degradedHeartbeatLagSeconds\":0."
            + "0".repeat(70)
            + ",\"criticalHeartbeatLagSeconds\":2}";
    e = assertThrows(VisibilityException.class, () -> Codecs.HEARTBEAT_THRESHOLDS.decode(defaults));
    assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code());
  }
}
