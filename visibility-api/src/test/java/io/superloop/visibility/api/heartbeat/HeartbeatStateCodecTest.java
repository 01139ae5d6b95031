package io.superloop.visibility.api.heartbeat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.testing.RepoFiles;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class HeartbeatStateCodecTest {

  @TestFactory
  Stream<DynamicTest> everyExpectedHeartbeatJsonReencodesAsJqCompact() {
    return RepoFiles.reencodeExpectedAsJqCompact("heartbeat.json", Codecs.HEARTBEAT_STATE);
  }

  @Test
  void unknownFieldsSurviveARoundTrip() {
    String in =
        "{\"schemaVersion\":\"v1\",\"updatedAt\":\"2026-03-01T12:00:00Z\",\"loopId\":\"l\","
            + "\"transport\":\"local\",\"lastHeartbeatAt\":\"x\",\"heartbeatLagSeconds\":0,"
            + "\"freshnessStatus\":\"fresh\",\"thresholds\":{\"degradedHeartbeatLagSeconds\":1,"
            + "\"criticalHeartbeatLagSeconds\":2,\"newer\":[1]},\"heartbeat\":{\"b\":1,\"a\":2},\"zz\":{\"k\":null}}";
    assertEquals(in, Codecs.HEARTBEAT_STATE.encode(Codecs.HEARTBEAT_STATE.decode(in)));
  }

  @Test
  void negativeLagCannotBeDecoded() {
    String in =
        "{\"schemaVersion\":\"v1\",\"updatedAt\":\"t\",\"loopId\":\"l\",\"transport\":\"local\",\"lastHeartbeatAt\":\"x\","
            + "\"heartbeatLagSeconds\":-1,\"freshnessStatus\":\"fresh\",\"thresholds\":"
            + "{\"degradedHeartbeatLagSeconds\":1,\"criticalHeartbeatLagSeconds\":2},\"heartbeat\":{}}";
    VisibilityException e =
        assertThrows(VisibilityException.class, () -> Codecs.HEARTBEAT_STATE.decode(in));
    assertEquals(ErrorCode.INVALID_FIELD_VALUE, e.code());
  }
}
