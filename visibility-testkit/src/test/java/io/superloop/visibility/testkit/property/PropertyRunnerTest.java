package io.superloop.visibility.testkit.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.testkit.gen.Gen;
import io.superloop.visibility.testkit.gen.internal.GenerationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PropertyRunnerTest {
  private @Nullable String savedTries;
  private @Nullable String savedSeed;

  @BeforeEach
  void saveSystemProperties() {
    savedTries = System.getProperty(Property.TRIES_PROPERTY);
    savedSeed = System.getProperty(Property.SEED_PROPERTY);
    System.clearProperty(Property.TRIES_PROPERTY);
    System.clearProperty(Property.SEED_PROPERTY);
  }

  @AfterEach
  void restoreSystemProperties() {
    restore(Property.TRIES_PROPERTY, savedTries);
    restore(Property.SEED_PROPERTY, savedSeed);
  }

  private static void restore(String key, @Nullable String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }

  private static String message(Throwable t) {
    return String.valueOf(t.getMessage());
  }

  @Test
  void passingPropertyRunsExactlyTheRequestedTries() {
    AtomicInteger calls = new AtomicInteger();
    Property.forAll(Gen.ints(0, 10)).tries(37).check(x -> calls.incrementAndGet());
    assertEquals(37, calls.get());
    PropertyResult<Integer> r = Property.forAll(Gen.ints(0, 10)).tries(5).runThat(x -> x <= 10);
    assertTrue(r.passed());
    assertEquals(5, r.triesRun());
    assertEquals(5, r.triesRequested());
    assertTrue(r.counterexample().isEmpty());
    assertTrue(r.report().contains("passed 5 tries"), r.report());
  }

  @Test
  void defaultTriesComeFromTheSystemPropertyElseOneThousand() {
    AtomicInteger calls = new AtomicInteger();
    Property.forAll(Gen.booleans()).check(b -> calls.incrementAndGet());
    assertEquals(1000, calls.get());
    System.setProperty(Property.TRIES_PROPERTY, "23");
    calls.set(0);
    Property.forAll(Gen.booleans()).check(b -> calls.incrementAndGet());
    assertEquals(23, calls.get());
    calls.set(0);
    Property.forAll(Gen.booleans()).tries(4).check(b -> calls.incrementAndGet());
    assertEquals(4, calls.get(), "an explicit tries() wins over the system property");
    System.setProperty(Property.TRIES_PROPERTY, "many");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Property.forAll(Gen.booleans()).check(b -> {}));
    assertTrue(message(e).contains(Property.TRIES_PROPERTY), message(e));
  }

  @Test
  void seedComesFromTheSystemPropertyUnlessSetExplicitly() {
    List<Long> fromProperty = new ArrayList<>();
    List<Long> explicit = new ArrayList<>();
    System.setProperty(Property.SEED_PROPERTY, "777");
    PropertyResult<Long> r =
        Property.forAll(Gen.longs(0, Long.MAX_VALUE)).tries(20).run(fromProperty::add);
    assertEquals(777L, r.seed());
    Property.forAll(Gen.longs(0, Long.MAX_VALUE)).tries(20).seed(777L).run(explicit::add);
    assertEquals(explicit, fromProperty);
    assertEquals(
        5L, Property.forAll(Gen.booleans()).tries(1).seed(5L).run(b -> {}).seed(), "explicit wins");
    System.setProperty(Property.SEED_PROPERTY, "0x12");
    assertThrows(
        IllegalArgumentException.class, () -> Property.forAll(Gen.booleans()).check(b -> {}));
  }

  @Test
  void withoutASeedEachRunPicksItsOwn() {
    long a = Property.forAll(Gen.booleans()).tries(1).run(b -> {}).seed();
    long b = Property.forAll(Gen.booleans()).tries(1).run(x -> {}).seed();
    long c = Property.forAll(Gen.booleans()).tries(1).run(x -> {}).seed();
    assertFalse(a == b && b == c, "three random 64-bit seeds are not all equal");
  }

  @Test
  void failureMessageNamesEverythingNeededToReplay() {
    IllegalStateException[] first = new IllegalStateException[1];
    AssertionError e =
        assertThrows(
            AssertionError.class,
            () ->
                Property.forAll(Gen.longs(0, 1_000_000_000L))
                    .named("below a thousand")
                    .seed(4242L)
                    .tries(300)
                    .check(
                        x -> {
                          if (x >= 1000) {
                            IllegalStateException ex = new IllegalStateException("too big: " + x);
                            if (first[0] == null) {
                              first[0] = ex;
                            }
                            throw ex;
                          }
                        }));
    PropertyResult<Long> r =
        Property.forAll(Gen.longs(0, 1_000_000_000L)).seed(4242L).tries(300).runThat(x -> x < 1000);
    Counterexample<Long> ce = r.counterexample().orElseThrow();
    String m = message(e);
    assertTrue(
        m.startsWith("Property 'below a thousand' failed on try " + ce.tryNumber() + " of 300"), m);
    assertTrue(m.contains("seed 4242"), m);
    assertTrue(m.contains("original counterexample: " + ce.original() + "\n"), m);
    assertTrue(m.contains("shrunk counterexample:   1000\n"), m);
    assertTrue(m.contains("failure: java.lang.IllegalStateException: too big: 1000"), m);
    assertTrue(
        m.contains("original failure: java.lang.IllegalStateException: too big: " + ce.original()),
        m);
    assertTrue(m.endsWith("replay: -Dvisibility.property.seed=4242"), m);
    assertSame(first[0], e.getCause(), "the original failure is the cause");
    assertEquals(1, e.getSuppressed().length, "the shrunk failure is attached");
    assertEquals("too big: 1000", e.getSuppressed()[0].getMessage());
  }

  @Test
  void aRandomSeedFromTheMessageReplaysTheSameCounterexample() {
    Gen<List<Integer>> gen = Gen.listOf(Gen.ints(-1000, 1000), 0, 30);
    PropertyResult<List<Integer>> first =
        Property.forAll(gen).tries(1000).runThat(l -> l.stream().mapToInt(x -> x).sum() < 1500);
    Counterexample<List<Integer>> ce = first.counterexample().orElseThrow();
    String replayFlag = "-D" + Property.SEED_PROPERTY + "=";
    String report = first.report();
    String seedText = report.substring(report.indexOf(replayFlag) + replayFlag.length()).trim();
    System.setProperty(Property.SEED_PROPERTY, seedText);
    PropertyResult<List<Integer>> replay =
        Property.forAll(gen).tries(1000).runThat(l -> l.stream().mapToInt(x -> x).sum() < 1500);
    Counterexample<List<Integer>> again = replay.counterexample().orElseThrow();
    assertEquals(first.seed(), replay.seed());
    assertEquals(ce.tryNumber(), again.tryNumber());
    assertEquals(ce.original(), again.original());
    assertEquals(ce.shrunk(), again.shrunk());
    assertEquals(ce.shrinkSteps(), again.shrinkSteps());
  }

  @Test
  void falseFromCheckThatIsAFailure() {
    AssertionError e =
        assertThrows(
            AssertionError.class,
            () -> Property.forAll(Gen.ints(0, 100)).seed(1L).checkThat(x -> x < 50));
    assertTrue(
        message(e).contains("failure: java.lang.AssertionError: condition returned false"),
        message(e));
    assertTrue(message(e).contains("shrunk counterexample:   50\n"), message(e));
  }

  @Test
  void defaultNameIsTheCallingClassAndMethod() {
    PropertyResult<Integer> r = Property.forAll(Gen.ints(0, 1)).tries(1).runThat(x -> false);
    assertEquals("PropertyRunnerTest.defaultNameIsTheCallingClassAndMethod", r.name());
    assertTrue(
        r.report()
            .startsWith(
                "Property 'PropertyRunnerTest.defaultNameIsTheCallingClassAndMethod' failed"));
  }

  @Test
  void shrinkingIsBoundedByMaxShrinkSteps() {
    AtomicInteger calls = new AtomicInteger();
    PropertyResult<Long> r =
        Property.forAll(Gen.longs(0, 1_000_000_000L))
            .seed(3L)
            .maxShrinkSteps(5)
            .run(
                x -> {
                  calls.incrementAndGet();
                  assertTrue(x < 1000);
                });
    Counterexample<Long> ce = r.counterexample().orElseThrow();
    assertEquals(5, ce.shrinkSteps());
    assertTrue(ce.shrinkLimitReached());
    assertEquals(ce.tryNumber() + 5, calls.get(), "the tries plus five candidates");
    assertTrue(r.report().contains("shrink budget spent"), r.report());
    assertTrue(ce.shrunk() >= 1000 && ce.shrunk() <= ce.original());
    // Five steps cannot reach 1000 from a value this large (about 30 halvings are needed).
    assertTrue(ce.original() > 1_000_000L && ce.shrunk() > 1000, ce.toString());

    PropertyResult<Long> none =
        Property.forAll(Gen.longs(5, 1_000_000)).seed(3L).maxShrinkSteps(0).runThat(x -> false);
    Counterexample<Long> n = none.counterexample().orElseThrow();
    assertEquals(n.original(), n.shrunk());
    assertEquals(0, n.shrinkSteps());
  }

  @Test
  void shrinkingIsBoundedByMaxShrinkTime() {
    AtomicInteger calls = new AtomicInteger();
    PropertyResult<Long> r =
        Property.forAll(Gen.longs(0, 1_000_000_000L))
            .seed(3L)
            .maxShrinkTime(Duration.ZERO)
            .run(
                x -> {
                  calls.incrementAndGet();
                  assertTrue(x < 1000);
                });
    Counterexample<Long> ce = r.counterexample().orElseThrow();
    assertEquals(0, ce.shrinkSteps(), "a spent time budget runs no candidate");
    assertTrue(ce.shrinkLimitReached());
    assertEquals(ce.original(), ce.shrunk());
    assertEquals(ce.tryNumber(), calls.get());
    assertTrue(r.report().contains("shrink budget spent"), r.report());
  }

  @Test
  void shrinkBudgetsComeFromSystemPropertiesUnlessSet() {
    String steps = System.getProperty(Property.SHRINK_STEPS_PROPERTY);
    String seconds = System.getProperty(Property.SHRINK_SECONDS_PROPERTY);
    try {
      System.clearProperty(Property.SHRINK_STEPS_PROPERTY);
      System.clearProperty(Property.SHRINK_SECONDS_PROPERTY);
      assertEquals(2_000, Property.defaultMaxShrinkSteps());
      assertTrue(Property.defaultMaxShrinkTime().isEmpty());
      System.setProperty(Property.SHRINK_STEPS_PROPERTY, "3");
      System.setProperty(Property.SHRINK_SECONDS_PROPERTY, "60");
      assertEquals(Duration.ofSeconds(60), Property.defaultMaxShrinkTime().orElseThrow());
      Counterexample<Long> ce =
          Property.forAll(Gen.longs(0, 1_000_000_000L))
              .seed(3L)
              .runThat(x -> x < 1000)
              .counterexample()
              .orElseThrow();
      assertEquals(3, ce.shrinkSteps());
      assertTrue(ce.shrinkLimitReached());
      Counterexample<Long> own =
          Property.forAll(Gen.longs(0, 1_000_000_000L))
              .seed(3L)
              .maxShrinkSteps(7)
              .runThat(x -> x < 1000)
              .counterexample()
              .orElseThrow();
      assertEquals(7, own.shrinkSteps(), "the property's own budget wins");
      System.setProperty(Property.SHRINK_STEPS_PROPERTY, "-1");
      assertThrows(IllegalArgumentException.class, Property::defaultMaxShrinkSteps);
      System.setProperty(Property.SHRINK_SECONDS_PROPERTY, "soon");
      assertThrows(IllegalArgumentException.class, Property::defaultMaxShrinkTime);
    } finally {
      restore(Property.SHRINK_STEPS_PROPERTY, steps);
      restore(Property.SHRINK_SECONDS_PROPERTY, seconds);
    }
  }

  @Test
  void filterExhaustionNamesTheSeedAndDoesNotLookLikeAPropertyFailure() {
    GenerationException e =
        assertThrows(
            GenerationException.class,
            () ->
                Property.forAll(Gen.ints(0, 10).filter(x -> x > 10))
                    .named("impossible")
                    .seed(99L)
                    .check(x -> {}));
    assertTrue(
        message(e).contains("Property 'impossible': the generator failed on try 1 (seed 99)"),
        message(e));
    assertTrue(message(e).contains("filter rejected 100 generated values in a row"), message(e));
    assertTrue(message(e).contains("-Dvisibility.property.seed=99"), message(e));
  }

  @Test
  void anyExceptionCountsAsFailureAndShrinksMayFailDifferently() {
    PropertyResult<Integer> r =
        Property.forAll(Gen.ints(0, 1000))
            .seed(8L)
            .run(
                x -> {
                  if (x > 500) {
                    throw new IllegalArgumentException("big");
                  }
                  if (x > 100) {
                    throw new UnsupportedOperationException("medium");
                  }
                });
    Counterexample<Integer> ce = r.counterexample().orElseThrow();
    assertEquals(101, ce.shrunk(), "any failure is kept while shrinking");
    assertEquals(UnsupportedOperationException.class, ce.shrunkFailure().getClass());
  }

  @Test
  void candidateComputationErrorsStopShrinkingButKeepTheCounterexample() {
    Gen<Long> fragile =
        Gen.longs(0, 1000)
            .map(
                x -> {
                  if (x < 10) {
                    throw new IllegalStateException("mapping cannot handle " + x);
                  }
                  return x;
                });
    PropertyResult<Long> r =
        Property.forAll(fragile.filter(x -> x >= 10)).seed(2L).runThat(x -> x < 20);
    Counterexample<Long> ce = r.counterexample().orElseThrow();
    assertTrue(ce.shrunk() >= 20);
    assertTrue(r.report().contains("stopped early"), r.report());
    AssertionError e = assertThrows(AssertionError.class, r::assertPassed);
    assertNotEquals(0, e.getSuppressed().length);
  }

  @Test
  void settersValidateTheirArguments() {
    Property<Integer> p = Property.forAll(Gen.ints(0, 1));
    assertThrows(IllegalArgumentException.class, () -> p.tries(0));
    assertThrows(IllegalArgumentException.class, () -> p.size(-1));
    assertThrows(IllegalArgumentException.class, () -> p.maxShrinkSteps(-1));
    assertThrows(IllegalArgumentException.class, () -> p.maxShrinkTime(Duration.ofSeconds(-1)));
  }

  @Test
  void sizeHintReachesTheGenerator() {
    AtomicInteger longest = new AtomicInteger();
    Property.forAll(Gen.listOf(Gen.booleans(), 0, 1000))
        .size(7)
        .seed(1L)
        .tries(300)
        .check(l -> longest.accumulateAndGet(l.size(), Math::max));
    assertEquals(7, longest.get());
  }
}
