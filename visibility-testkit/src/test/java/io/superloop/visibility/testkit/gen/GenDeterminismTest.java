package io.superloop.visibility.testkit.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.superloop.visibility.testkit.gen.internal.GenContext;
import io.superloop.visibility.testkit.gen.internal.Generation;
import io.superloop.visibility.testkit.gen.internal.Zip;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class GenDeterminismTest {

  /** Fresh instances on every call, so no state can leak between the two runs compared. */
  private static final Map<String, Supplier<Gen<?>>> GENS =
      Map.ofEntries(
          Map.entry("longs", () -> Gen.longs(-1_000_000_000L, 1_000_000_000L)),
          Map.entry("longsFullRange", () -> Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE)),
          Map.entry("ints", () -> Gen.ints(-5, 5000)),
          Map.entry("booleans", Gen::booleans),
          Map.entry("elements", () -> Gen.elements("a", "b", "c", "d")),
          Map.entry("strings", () -> Gen.strings(Gen.PRINTABLE_ASCII, 0, 30)),
          Map.entry("listOf", () -> Gen.listOf(Gen.ints(0, 99), 0, 20)),
          Map.entry("optionals", () -> Gen.optionals(Gen.ints(0, 9))),
          Map.entry(
              "frequency",
              () ->
                  Gen.frequency(
                      Gen.weighted(1, Gen.constant(-1)), Gen.weighted(5, Gen.ints(0, 9)))),
          Map.entry("oneOf", () -> Gen.oneOf(Gen.ints(0, 9), Gen.ints(100, 109))),
          Map.entry(
              "flatMap", () -> Gen.ints(0, 10).flatMap(n -> Gen.listOf(Gen.booleans(), n, n))),
          Map.entry("filter", () -> Gen.ints(0, 1000).filter(x -> x % 3 == 0)),
          Map.entry(
              "zip4",
              () ->
                  Zip.zip(
                      Gen.ints(0, 9),
                      Gen.booleans(),
                      Gen.strings("xy", 0, 3),
                      Gen.longs(0, 5),
                      (a, b, c, d) -> a + "/" + b + "/" + c + "/" + d)));

  @TestFactory
  Stream<DynamicTest> sameSeedGivesSameValuesAndSameShrinkTrees() {
    return GENS.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.getKey(),
                    () -> {
                      assertEquals(
                          e.getValue().get().samples(42L, 300),
                          e.getValue().get().samples(42L, 300));
                      assertEquals(trees(e.getValue().get(), 7L), trees(e.getValue().get(), 7L));
                    }));
  }

  private static List<List<?>> trees(Gen<?> gen, long seed) {
    GenContext ctx = GenContext.of(seed);
    List<List<?>> out = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      out.add(Trees.values(Generation.generate(gen, ctx), 3, 4));
    }
    return out;
  }

  @Test
  void differentSeedsGiveDifferentValues() {
    Gen<Long> g = Gen.longs(0, Long.MAX_VALUE);
    assertNotEquals(g.samples(1L, 50), g.samples(2L, 50));
  }

  @Test
  void sampleIsTheFirstOfSamples() {
    Gen<String> g = Gen.strings("abc", 1, 10);
    assertEquals(g.samples(99L, 5).get(0), g.sample(99L));
  }

  @Test
  void contextDrawsAreReproducible() {
    GenContext a = GenContext.of(5L);
    GenContext b = GenContext.of(5L);
    for (int i = 0; i < 100; i++) {
      assertEquals(
          a.nextLong(Long.MIN_VALUE, Long.MAX_VALUE), b.nextLong(Long.MIN_VALUE, Long.MAX_VALUE));
      assertEquals(a.nextSeed(), b.nextSeed());
    }
  }

  @Test
  void optionalsAreDeterministicToo() {
    List<Optional<Integer>> first = Gen.optionals(Gen.ints(0, 3)).samples(3L, 100);
    assertEquals(first, Gen.optionals(Gen.ints(0, 3)).samples(3L, 100));
  }
}
