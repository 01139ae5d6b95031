package io.superloop.visibility.testkit.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.testkit.gen.internal.GenContext;
import io.superloop.visibility.testkit.gen.internal.Generation;
import io.superloop.visibility.testkit.gen.internal.GenerationException;
import io.superloop.visibility.testkit.gen.internal.Shrinkable;
import io.superloop.visibility.testkit.gen.internal.Zip;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class GenBoundsTest {
  private static final int DRAWS = 2000;

  /** Every drawn value and the first levels of its shrink tree satisfy {@code ok}. */
  private static <T> List<T> drawAll(Gen<T> gen, long seed, Predicate<T> ok) {
    GenContext ctx = GenContext.of(seed);
    List<T> roots = new ArrayList<>();
    for (int i = 0; i < DRAWS; i++) {
      Shrinkable<T> s = Generation.generate(gen, ctx);
      roots.add(s.value());
      for (T v : Trees.values(s, i < 30 ? 3 : 1, 5)) {
        assertTrue(ok.test(v), () -> "out of bounds: " + v);
      }
    }
    return roots;
  }

  @Test
  void longsStayInRangeAndReachBothEnds() {
    List<Long> xs = drawAll(Gen.longs(-7, 13), 1L, x -> x >= -7 && x <= 13);
    assertEquals(21, new HashSet<>(xs).size(), "every value of a 21-value range appears");
  }

  @Test
  void longsWithPositiveRangeShrinkTowardMin() {
    Shrinkable<Long> s = Shrinkable.towards(1_000_000L, 500L);
    assertEquals(500L, Trees.children(s).get(0));
    drawAll(Gen.longs(500, 1_000_000), 2L, x -> x >= 500 && x <= 1_000_000);
  }

  @Test
  void longsWithNegativeRangeStayNegative() {
    drawAll(Gen.longs(-1_000_000, -3), 3L, x -> x >= -1_000_000 && x <= -3);
  }

  @Test
  void fullLongRangeWorks() {
    List<Long> xs = drawAll(Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE), 4L, x -> true);
    assertTrue(xs.contains(Long.MIN_VALUE), "edge value min drawn");
    assertTrue(xs.contains(Long.MAX_VALUE), "edge value max drawn");
    assertTrue(xs.stream().anyMatch(x -> x < -1_000_000_000_000L));
    assertTrue(xs.stream().anyMatch(x -> x > 1_000_000_000_000L));
    // Shrinking the extremes toward zero neither overflows nor leaves the range.
    assertEquals(0L, Trees.children(Shrinkable.towards(Long.MIN_VALUE, 0)).get(0));
    assertEquals(Long.MIN_VALUE + 1, last(Trees.children(Shrinkable.towards(Long.MIN_VALUE, 0))));
    assertEquals(Long.MAX_VALUE - 1, last(Trees.children(Shrinkable.towards(Long.MAX_VALUE, 0))));
  }

  @Test
  void singleValueRange() {
    assertEquals(List.of(9L, 9L, 9L), Gen.longs(9, 9).samples(5L, 3));
    assertTrue(Trees.children(Generation.generate(Gen.longs(9, 9), GenContext.of(1L))).isEmpty());
  }

  @Test
  void towardsCandidatesStartAtTargetEndAtNeighbourAndStrictlyApproach() {
    List<Long> c = Trees.children(Shrinkable.towards(1001, 0));
    assertEquals(List.of(0L, 501L, 751L, 876L, 939L, 970L, 986L, 994L, 998L, 1000L), c);
    List<Long> n = Trees.children(Shrinkable.towards(-10, 0));
    assertEquals(0L, n.get(0));
    assertEquals(-9L, last(n));
    assertTrue(Trees.children(Shrinkable.towards(0, 0)).isEmpty());
  }

  @Test
  void intsStayInRange() {
    drawAll(Gen.ints(Integer.MIN_VALUE, Integer.MAX_VALUE), 6L, x -> true);
    List<Integer> xs = drawAll(Gen.ints(3, 6), 6L, x -> x >= 3 && x <= 6);
    assertEquals(Set.of(3, 4, 5, 6), new HashSet<>(xs));
  }

  @Test
  void booleansGiveBothAndShrinkToFalse() {
    List<Boolean> xs = drawAll(Gen.booleans(), 7L, b -> true);
    assertTrue(xs.contains(true) && xs.contains(false));
    Shrinkable<Boolean> t = Generation.generate(Gen.booleans().filter(b -> b), GenContext.of(1L));
    assertEquals(true, t.value());
    assertEquals(List.of(), Trees.children(t), "filtered shrinks keep only true values");
    Shrinkable<Boolean> any =
        Generation.generate(Gen.booleans().filter(b -> b, 1000).map(b -> b), GenContext.of(2L));
    assertTrue(any.value());
  }

  @Test
  void elementsOnlyGivenValuesAndAllOfThem() {
    List<String> xs =
        drawAll(Gen.elements("x", "y", "z"), 8L, v -> Set.of("x", "y", "z").contains(v));
    assertEquals(Set.of("x", "y", "z"), new HashSet<>(xs));
    assertThrows(IllegalArgumentException.class, () -> Gen.elements(List.of()));
  }

  @Test
  void oneOfDrawsFromEveryAlternative() {
    Gen<Integer> g = Gen.oneOf(Gen.ints(0, 9), Gen.ints(100, 109), Gen.constant(-1));
    List<Integer> xs = drawAll(g, 9L, x -> (x >= 0 && x <= 9) || (x >= 100 && x <= 109) || x == -1);
    assertTrue(xs.stream().anyMatch(x -> x < 10 && x >= 0));
    assertTrue(xs.stream().anyMatch(x -> x >= 100));
    assertTrue(xs.contains(-1));
  }

  @Test
  void frequencyFollowsWeights() {
    Gen<String> g =
        Gen.frequency(
            Gen.weighted(1, Gen.constant("rare")), Gen.weighted(9, Gen.constant("common")));
    Map<String, Integer> counts = new HashMap<>();
    for (String s : g.samples(10L, 10_000)) {
      counts.merge(s, 1, Integer::sum);
    }
    assertEquals(Set.of("rare", "common"), counts.keySet());
    int rare = counts.getOrDefault("rare", 0);
    // Expected 1000 of 10000; a binomial standard deviation is 30, so this cannot fail by chance.
    assertTrue(rare > 850 && rare < 1150, "rare drawn " + rare + " times");
    assertThrows(IllegalArgumentException.class, () -> Gen.weighted(0, Gen.constant(1)));
  }

  @Test
  void optionalsGiveBothEmptyAndPresent() {
    List<Optional<Integer>> xs =
        drawAll(Gen.optionals(Gen.ints(1, 5)), 11L, o -> o.map(x -> x >= 1 && x <= 5).orElse(true));
    long empty = xs.stream().filter(Optional::isEmpty).count();
    assertTrue(empty > DRAWS / 8 && empty < DRAWS / 2, "empty " + empty + " of " + DRAWS);
  }

  @Test
  void stringsRespectAlphabetAndLength() {
    List<String> xs =
        drawAll(
            Gen.strings("abc", 2, 7),
            12L,
            s ->
                s.length() >= 2
                    && s.length() <= 7
                    && s.chars().allMatch(c -> "abc".indexOf(c) >= 0));
    assertEquals(6, xs.stream().map(String::length).distinct().count(), "lengths 2..7 all appear");
    drawAll(
        Gen.strings(Gen.chars('0', '9'), 0, 3),
        13L,
        s -> s.length() <= 3 && s.chars().allMatch(Character::isDigit));
    drawAll(
        Gen.strings(Gen.PRINTABLE_ASCII, 0, 40),
        14L,
        s -> s.chars().allMatch(c -> c >= 0x20 && c <= 0x7e));
    assertEquals(95, Gen.PRINTABLE_ASCII.chars().distinct().count(), "all of 0x20-0x7E, once each");
  }

  @Test
  void listsRespectSizeBoundsAndSizeHint() {
    List<List<Integer>> xs =
        drawAll(
            Gen.listOf(Gen.ints(0, 5), 3, 8),
            15L,
            l -> l.size() >= 3 && l.size() <= 8 && l.stream().allMatch(x -> x >= 0 && x <= 5));
    assertEquals(6, xs.stream().map(List::size).distinct().count(), "sizes 3..8 all appear");
    // The size hint caps lists whose own bounds allow more: [2, 2 + 10].
    List<List<Integer>> hinted =
        drawAll(
            Gen.listOf(Gen.ints(0, 1), 2, 1000).resize(10),
            16L,
            l -> l.size() >= 2 && l.size() <= 12);
    assertTrue(hinted.stream().anyMatch(l -> l.size() == 12));
    assertThrows(UnsupportedOperationException.class, () -> xs.get(0).add(1));
    assertThrows(IllegalArgumentException.class, () -> Gen.listOf(Gen.ints(0, 1), 5, 4));
  }

  @Test
  void listShrinksRemoveExcessFirstThenShrinkElements() {
    Shrinkable<List<Long>> s =
        Shrinkable.list(
            List.of(Shrinkable.towards(3, 0), Shrinkable.towards(1, 0), Shrinkable.towards(2, 0)),
            1);
    List<List<Long>> c = Trees.children(s);
    // excess 2: chunks of 2 at offset 0; then chunks of 1 at 0, 1, 2; then element shrinks.
    assertEquals(List.of(2L), c.get(0));
    assertEquals(List.of(1L, 2L), c.get(1));
    assertEquals(List.of(3L, 2L), c.get(2));
    assertEquals(List.of(3L, 1L), c.get(3));
    assertEquals(List.of(0L, 1L, 2L), c.get(4));
    assertTrue(c.stream().allMatch(l -> !l.isEmpty()));
  }

  @Test
  void zipCombinesInOrderAndShrinksEachSide() {
    Gen<String> g = Gen.zip(Gen.ints(1, 3), Gen.elements("p", "q"), (i, s) -> i + s);
    List<String> xs = drawAll(g, 17L, v -> v.matches("[1-3][pq]"));
    assertEquals(6, new HashSet<>(xs).size());
    Gen<Integer> sum3 =
        Zip.zip(Gen.ints(0, 1), Gen.ints(10, 11), Gen.ints(100, 101), (a, b, c) -> a + b + c);
    drawAll(sum3, 18L, v -> v >= 110 && v <= 113);
  }

  @Test
  void flatMapInnerRespectsOuterValue() {
    Gen<List<Integer>> g = Gen.ints(0, 6).flatMap(n -> Gen.listOf(Gen.ints(0, 9), n, n));
    List<List<Integer>> xs = drawAll(g, 19L, l -> l.size() <= 6);
    assertEquals(7, xs.stream().map(List::size).distinct().count());
    // Every candidate of a sized list is itself well formed: all elements in range.
    drawAll(g, 20L, l -> l.stream().allMatch(x -> x >= 0 && x <= 9));
  }

  @Test
  void filterKeepsValuesAndCandidatesValid() {
    drawAll(Gen.longs(0, 1_000_000).filter(x -> x % 7 == 3), 21L, x -> x % 7 == 3);
    drawAll(Gen.listOf(Gen.ints(0, 9), 0, 10).filter(l -> l.contains(4)), 22L, l -> l.contains(4));
  }

  @Test
  void filterExhaustionIsAClearError() {
    Gen<Long> impossible = Gen.longs(0, 10).filter(x -> x > 100, 25);
    GenerationException e = assertThrows(GenerationException.class, () -> impossible.sample(1L));
    assertTrue(
        String.valueOf(e.getMessage()).contains("filter rejected 25 generated values in a row"),
        e.getMessage());
    GenerationException d =
        assertThrows(
            GenerationException.class, () -> Gen.longs(0, 10).filter(x -> x > 100).sample(1L));
    assertTrue(
        String.valueOf(d.getMessage()).contains("rejected " + Gen.DEFAULT_FILTER_TRIES),
        d.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Gen.longs(0, 1).filter(x -> true, 0));
  }

  @Test
  void invalidRangesAreRejectedWhenBuilt() {
    assertThrows(IllegalArgumentException.class, () -> Gen.longs(2, 1));
    assertThrows(IllegalArgumentException.class, () -> Gen.ints(2, 1));
    assertThrows(IllegalArgumentException.class, () -> Gen.chars('b', 'a'));
    assertThrows(IllegalArgumentException.class, () -> Gen.chars(""));
    assertThrows(IllegalArgumentException.class, () -> GenContext.of(1L, -1));
  }

  @Test
  void sizedAndLazySupportRecursion() {
    List<String> trees = drawAll(tree(), 23L, t -> depth(t) <= 8);
    assertTrue(trees.stream().anyMatch(t -> depth(t) >= 3), "some nesting happens");
    assertTrue(trees.stream().anyMatch(t -> t.equals("L")), "leaves happen");
  }

  private static Gen<String> tree() {
    return Gen.sized(
        n ->
            n <= 1
                ? Gen.constant("L")
                : Gen.frequency(
                    Gen.weighted(1, Gen.constant("L")),
                    Gen.weighted(
                        2,
                        Gen.zip(
                            Gen.lazy(GenBoundsTest::tree).resize(n / 2),
                            Gen.lazy(GenBoundsTest::tree).resize(n / 2),
                            (a, b) -> "(" + a + " " + b + ")"))));
  }

  private static int depth(String t) {
    int d = 0;
    int max = 0;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '(') {
        max = Math.max(max, ++d);
      } else if (c == ')') {
        d--;
      }
    }
    return max;
  }

  @Test
  void noShrinkDropsCandidates() {
    Shrinkable<Long> s = Generation.generate(Gen.longs(10, 1000).noShrink(), GenContext.of(3L));
    assertFalse(s.value() < 10);
    assertTrue(Trees.children(s).isEmpty());
  }

  private static <T> T last(List<T> xs) {
    return xs.get(xs.size() - 1);
  }
}
