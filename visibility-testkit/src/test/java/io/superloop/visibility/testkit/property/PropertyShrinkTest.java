package io.superloop.visibility.testkit.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.testkit.gen.Gen;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Shrinking through the runner, checked against minimal counterexamples worked out by hand from the
 * property and the generator's bounds (never read back from the code under test).
 */
class PropertyShrinkTest {

  private static <T> Counterexample<T> failing(Gen<T> gen, long seed, Predicate<? super T> p) {
    PropertyResult<T> r = Property.forAll(gen).tries(1000).seed(seed).runThat(p);
    assertFalse(r.passed(), "the property must fail for this test to mean anything");
    Counterexample<T> ce = r.counterexample().orElseThrow();
    assertFalse(
        ce.shrinkLimitReached(), "shrinking ended at a local minimum, not at the step limit");
    assertFalse(p.test(ce.shrunk()), "the shrunk value still fails");
    return ce;
  }

  @Test
  void longsShrinkToTheExactThreshold() {
    for (long seed = 1; seed <= 5; seed++) {
      Counterexample<Long> ce = failing(Gen.longs(0, 1_000_000_000L), seed, x -> x < 1000);
      assertEquals(1000L, ce.shrunk());
      assertTrue(ce.original() >= 1000);
    }
  }

  @Test
  void negativeRangeShrinksTowardTheBoundNearestZero() {
    // Values are in [-1e9, -5]; failing values are <= -1000; the one nearest to -5 is -1000.
    assertEquals(-1000L, failing(Gen.longs(-1_000_000_000L, -5), 1L, x -> x > -1000).shrunk());
    // Always failing: the minimal value is the bound nearest zero.
    assertEquals(-5L, failing(Gen.longs(-1_000_000_000L, -5), 2L, x -> false).shrunk());
    assertEquals(500L, failing(Gen.longs(500, 1_000_000_000L), 3L, x -> false).shrunk());
  }

  @Test
  void fullRangeShrinksToTheThresholdOnEitherSide() {
    Counterexample<Long> ce =
        failing(Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE), 4L, x -> x > -12345 && x < 12345);
    assertEquals(12345L, Math.abs(ce.shrunk()));
    assertEquals(Long.signum(ce.original()), Long.signum(ce.shrunk()));
  }

  @Test
  void intsShrinkToTheThreshold() {
    // Failing values are <= -50 or >= 70; shrinking toward 0 stays on the original's side.
    for (long seed = 1; seed <= 6; seed++) {
      Counterexample<Integer> ce = failing(Gen.ints(-100, 100), seed, x -> x > -50 && x < 70);
      assertEquals(ce.original() < 0 ? -50 : 70, ce.shrunk());
    }
    assertEquals(70, failing(Gen.ints(0, 100), 6L, x -> x < 70).shrunk());
  }

  @Test
  void listSizeShrinksToExactlyThreeMinimalElements() {
    Counterexample<List<Integer>> ce =
        failing(Gen.listOf(Gen.ints(5, 100), 0, 50), 7L, l -> l.size() < 3);
    assertEquals(List.of(5, 5, 5), ce.shrunk());
    assertTrue(ce.original().size() >= 3);
  }

  @Test
  void listShrinksKeepTheMinimumSizeAndTheCulprit() {
    Counterexample<List<Integer>> ce =
        failing(Gen.listOf(Gen.ints(0, 100), 2, 30), 8L, l -> l.stream().allMatch(x -> x < 42));
    List<Integer> sorted = new ArrayList<>(ce.shrunk());
    sorted.sort(null);
    assertEquals(List.of(0, 42), sorted);
  }

  @Test
  void stringsShrinkToMinimalLengthAndSimplestCharacters() {
    assertEquals("aaaaa", failing(Gen.strings("abc", 0, 40), 9L, s -> s.length() < 5).shrunk());
    assertEquals("c", failing(Gen.strings("abc", 0, 40), 10L, s -> s.indexOf('c') < 0).shrunk());
    assertEquals("aaa", failing(Gen.strings(Gen.PRINTABLE_ASCII, 3, 40), 11L, s -> false).shrunk());
  }

  @Test
  void mapShrinksThroughTheMapping() {
    // Odd numbers 1..1_000_001; the smallest odd number >= 1001 is 1001.
    Counterexample<Long> ce =
        failing(Gen.longs(0, 500_000).map(x -> 2 * x + 1), 12L, x -> x < 1001);
    assertEquals(1001L, ce.shrunk());
  }

  @Test
  void filterKeepsEveryShrinkCandidateValid() {
    List<Long> seen = new ArrayList<>();
    Gen<Long> odd = Gen.longs(0, 1_000_000).filter(x -> x % 2 == 1);
    PropertyResult<Long> r =
        Property.forAll(odd)
            .seed(13L)
            .tries(100)
            .run(
                x -> {
                  seen.add(x);
                  assertTrue(x < 1001);
                });
    Counterexample<Long> ce = r.counterexample().orElseThrow();
    assertTrue(seen.size() > 1 + ce.tryNumber(), "candidates were run");
    assertTrue(seen.stream().allMatch(x -> x % 2 == 1), "every value given to the body is odd");
    assertTrue(ce.shrunk() >= 1001 && ce.shrunk() <= ce.original());
  }

  @Test
  void zipShrinksBothSidesToTheBoundary() {
    Counterexample<long[]> ce =
        failing(
            Gen.zip(Gen.longs(0, 1_000_000), Gen.longs(0, 1_000_000), (a, b) -> new long[] {a, b}),
            14L,
            p -> p[0] + p[1] < 1000);
    assertEquals(1000L, ce.shrunk()[0] + ce.shrunk()[1]);
  }

  @Test
  void flatMapShrinksTheOuterValueAndRegeneratesTheInner() {
    Counterexample<List<Integer>> ce =
        failing(
            Gen.ints(1, 100).flatMap(n -> Gen.listOf(Gen.ints(0, 9), n, n)),
            15L,
            l -> l.size() < 10);
    assertEquals(List.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0), ce.shrunk());
  }

  @Test
  void choicesShrinkTowardTheFirstAlternative() {
    assertEquals(
        "a", failing(Gen.oneOf(Gen.constant("a"), Gen.constant("b")), 16L, s -> false).shrunk());
    assertEquals("p", failing(Gen.elements("p", "q", "r"), 17L, s -> false).shrunk());
    assertEquals(false, failing(Gen.booleans(), 18L, b -> false).shrunk());
    assertEquals(
        Optional.empty(), failing(Gen.optionals(Gen.ints(0, 9)), 19L, o -> false).shrunk());
    assertEquals(
        0,
        failing(
                Gen.frequency(
                    Gen.weighted(1, Gen.constant(0)), Gen.weighted(1000, Gen.constant(1))),
                20L,
                x -> false)
            .shrunk());
    assertEquals('0', failing(Gen.chars('0', '9'), 21L, c -> false).shrunk());
  }

  @Test
  void optionalPresentValuesShrinkInside() {
    assertEquals(
        Optional.of(7),
        failing(Gen.optionals(Gen.ints(0, 100)), 22L, o -> o.orElse(0) < 7).shrunk());
  }
}
