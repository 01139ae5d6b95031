package io.superloop.visibility.kafka.streams;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.health.Health;
import io.superloop.visibility.core.heartbeat.HeartbeatInput;
import io.superloop.visibility.testkit.gen.Gen;
import io.superloop.visibility.testkit.gen.internal.HealthGens;
import io.superloop.visibility.testkit.gen.internal.HeartbeatGens;
import io.superloop.visibility.testkit.gen.internal.SequenceGens;
import io.superloop.visibility.testkit.gen.internal.ValueGens;
import io.superloop.visibility.testkit.property.Property;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

/**
 * The serdes on the api codecs (v1 JSON both ways, reason-coded errors, dead letters through
 * Kafka's own handler) and the loop store's value (every state written with its codec reads back
 * equal).
 */
class SerdesAndStateTest {
  /** A heartbeat input of every kind the store keeps. */
  private static Gen<HeartbeatInput> heartbeatInputs() {
    return Gen.oneOf(
        Gen.constant(HeartbeatInput.ABSENT),
        ValueGens.nonNullJsonValues().map(HeartbeatInput::of),
        Gen.zip(ValueGens.strings(), ValueGens.strings(), HeartbeatInput::unparseable),
        Gen.longs(1, 1 << 20).map(HeartbeatInput::tooLarge));
  }

  @Test
  void aLoopStateReadsBackEqualFromItsStoredForm() {
    Gen<LoopState> states =
        Gen.<Object>sequence(
                List.of(
                    Gen.optionals(SequenceGens.states()),
                    Gen.optionals(SequenceGens.observations()),
                    Gen.optionals(HeartbeatGens.states()),
                    Gen.optionals(HeartbeatGens.observations()),
                    Gen.optionals(HealthGens.healths()),
                    Gen.optionals(HealthGens.transportHealths()),
                    heartbeatInputs(),
                    heartbeatInputs()))
            .map(
                p -> {
                  @SuppressWarnings("unchecked")
                  LoopState s =
                      new LoopState(
                          (Optional<io.superloop.visibility.api.sequence.SequenceState>) p.get(0),
                          (Optional<io.superloop.visibility.api.sequence.SequenceObservation>)
                              p.get(1),
                          (Optional<io.superloop.visibility.api.heartbeat.HeartbeatState>) p.get(2),
                          (Optional<io.superloop.visibility.api.heartbeat.HeartbeatObservation>)
                              p.get(3),
                          (Optional<Health>) p.get(4),
                          (Optional<io.superloop.visibility.api.health.TransportHealth>) p.get(5),
                          (HeartbeatInput) p.get(6),
                          (HeartbeatInput) p.get(7));
                  return s;
                });
    Property.forAll(states)
        .named("loop state round trip")
        .tries(Math.min(300, Property.defaultTries()))
        .check(s -> assertEquals(s, LoopState.decode(s.encode())));
  }

  @Test
  void aStoredStateThatIsNotOneFailsWithAReasonCode() {
    VisibilityException e =
        assertThrows(
            VisibilityException.class,
            () -> LoopState.decode("[1]".getBytes(StandardCharsets.UTF_8)));
    assertEquals(ErrorCode.INVALID_FIELD_TYPE, e.code());
    assertEquals(
        ErrorCode.INVALID_JSON,
        assertThrows(VisibilityException.class, () -> LoopState.decode(new byte[] {'{'})).code());
  }

  @Test
  void serdesWriteTheFilesV1JsonAndRejectBadBytesWithTheReasonCode() {
    Serde<Health> serde = VisibilitySerdes.health();
    Health h = HealthGens.healths().sample(7);
    byte[] bytes = serde.serializer().serialize("t", h);
    assertEquals(Codecs.HEALTH.encode(h), new String(bytes, StandardCharsets.UTF_8));
    assertEquals(h, serde.deserializer().deserialize("t", bytes));
    assertNull(serde.serializer().serialize("t", null));
    assertNull(serde.deserializer().deserialize("t", null));
    SerializationException bad =
        assertThrows(
            SerializationException.class,
            () ->
                serde
                    .deserializer()
                    .deserialize("t", "{\"schemaVersion\":".getBytes(StandardCharsets.UTF_8)));
    assertTrue(String.valueOf(bad.getMessage()).startsWith("invalid_json: "), bad.getMessage());
    assertEquals(
        ErrorCode.INVALID_JSON, assertInstanceOf(VisibilityException.class, bad.getCause()).code());
  }

  /**
   * A consumer of an output topic that reads with these serdes and the topology's streams settings:
   * Kafka's own deserialization handler, configured as {@link VisibilityTopology#streamsConfig}
   * configures it, resumes the stream thread and gives the record, as read, for the dead-letter
   * topic, with the reason code in its message header. (The handler is called directly: the test
   * driver does not send the dead letters of deserialization failures.)
   */
  @Test
  void theStreamsConfigsDeserializationHandlerDeadLettersBadBytesWithTheReasonCode()
      throws Exception {
    VisibilityTopology visibility = VisibilityTopology.builder().build();
    Properties config = visibility.streamsConfig("health-reader", "unused:9092");
    DeserializationExceptionHandler handler =
        (DeserializationExceptionHandler)
            Class.forName(
                    (String)
                        config.get(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG))
                .getDeclaredConstructor()
                .newInstance();
    Map<String, Object> settings = new HashMap<>();
    config.forEach((k, v) -> settings.put((String) k, v));
    handler.configure(settings);
    byte[] bad = "{\"status\":".getBytes(StandardCharsets.UTF_8);
    byte[] key = "loop-a".getBytes(StandardCharsets.UTF_8);
    SerializationException e =
        assertThrows(
            SerializationException.class,
            () -> VisibilitySerdes.health().deserializer().deserialize("t", bad));
    ConsumerRecord<byte[], byte[]> record =
        new ConsumerRecord<>("visibility.health", 0, 7L, key, bad);
    DeserializationExceptionHandler.Response r = handler.handleError(context(key, bad), record, e);
    assertEquals(DeserializationExceptionHandler.Result.RESUME, r.result());
    assertEquals(1, r.deadLetterQueueRecords().size());
    ProducerRecord<byte[], byte[]> letter = r.deadLetterQueueRecords().get(0);
    assertEquals("visibility.dead-letters", letter.topic());
    assertArrayEquals(bad, letter.value());
    Header message = letter.headers().lastHeader("__streams.errors.message");
    assertTrue(new String(message.value(), StandardCharsets.UTF_8).startsWith("invalid_json: "));
  }

  private static ErrorHandlerContext context(byte[] key, byte[] value) {
    return new ErrorHandlerContext() {
      @Override
      public String topic() {
        return "visibility.health";
      }

      @Override
      public int partition() {
        return 0;
      }

      @Override
      public long offset() {
        return 7L;
      }

      @Override
      public Headers headers() {
        return new RecordHeaders();
      }

      @Override
      public String processorNodeId() {
        return "source";
      }

      @Override
      public TaskId taskId() {
        return new TaskId(0, 0);
      }

      @Override
      public long timestamp() {
        return 0L;
      }

      @Override
      public byte[] sourceRawKey() {
        return key;
      }

      @Override
      public byte[] sourceRawValue() {
        return value;
      }
    };
  }
}
