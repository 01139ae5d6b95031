package io.superloop.visibility.testkit.codecs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonCodec;
import io.superloop.visibility.testkit.property.Property;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Round trip of every codec over generated values (the property runner's default tries): {@code
 * decode(encode(x)) == x}, {@code encode(decode(encode(x)))} is {@code encode(x)} byte for byte,
 * and the UTF-8 byte path agrees with the string path.
 */
class CodecRoundTripTest {

  @Test
  void everyCodecConstantHasAGenerator() {
    Set<String> covered = new TreeSet<>();
    for (AllCodecs.Entry<?> e : AllCodecs.ALL) {
      covered.add(e.name());
    }
    Set<String> missing = new TreeSet<>(AllCodecs.codecFields().keySet());
    missing.removeAll(covered);
    assertEquals(Set.of(), missing, "codec constants without a generator");
    for (AllCodecs.Entry<?> e : AllCodecs.ALL) {
      if (AllCodecs.codecFields().containsKey(e.name())) {
        assertTrue(
            AllCodecs.codecFields().get(e.name()) == e.codec(), e.name() + " is that constant");
      }
    }
  }

  @Test
  void everyCodecsClassIsListed() {
    List<String> onDisk = AllCodecs.codecClassesOnDisk();
    for (String name : onDisk) {
      assertTrue(
          AllCodecs.CODEC_CLASSES.stream().anyMatch(c -> c.getSimpleName().equals(name)),
          name + " is not in AllCodecs.CODEC_CLASSES");
    }
  }

  @TestFactory
  Stream<DynamicTest> roundTrip() {
    return AllCodecs.ALL.stream().map(e -> DynamicTest.dynamicTest(e.name(), () -> check(e)));
  }

  private static <T> void check(AllCodecs.Entry<T> e) {
    JsonCodec<T> codec = e.codec();
    Property.forAll(e.gen())
        .named("round trip of " + e.name())
        .check(
            x -> {
              String once = codec.encode(x);
              T back = codec.decode(once);
              assertEquals(x, back, "decode(encode(x))");
              assertEquals(once, codec.encode(back), "encode(decode(encode(x)))");
              byte[] utf8 = Json.DEFAULT.encodeUtf8(codec, x, false);
              assertArrayEquals(once.getBytes(StandardCharsets.UTF_8), utf8, "UTF-8 encoding");
              assertEquals(x, codec.decode(utf8), "decode(UTF-8 bytes)");
            });
  }
}
