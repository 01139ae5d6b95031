package io.superloop.visibility.testkit.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import io.superloop.visibility.testkit.gen.Gen;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * {@link PropertyTest}: JUnit runs an annotated method as a test; its tries and seed reach the
 * properties the method checks; a failing property's report names the seed, and that seed, given
 * back through the annotation or the system property, replays the same counterexample.
 */
class PropertyTestTest {
  private static final Gen<Long> VALUES = Gen.longs(0, 1_000_000_000L);

  /** Tests launched by the tests below (never run on their own). */
  static final class Launched {
    static volatile boolean launching;
    static final List<Long> FIRST_VALUES = new ArrayList<>();
    static volatile int tries;

    @PropertyTest(tries = 7)
    void sevenTries() {
      Assumptions.assumeTrue(launching);
      tries = 0;
      Property.forAll(VALUES).check(v -> tries++);
    }

    @PropertyTest(seed = "424242", tries = 3)
    void fixedSeed() {
      Assumptions.assumeTrue(launching);
      Property.forAll(VALUES).check(v -> FIRST_VALUES.add(v));
    }

    @PropertyTest(tries = 500)
    void failsAboveAThreshold() {
      Assumptions.assumeTrue(launching);
      Property.forAll(VALUES)
          .named("below a threshold")
          .check(v -> assertTrue(v < 600_000_000L, "too big: " + v));
    }

    @PropertyTest(seed = "not a number")
    void badSeed() {
      Assumptions.assumeTrue(launching);
    }
  }

  private static TestExecutionSummary launch(String method) {
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(selectMethod(Launched.class, method))
            .build();
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    Launched.launching = true;
    try {
      launcher.execute(request, listener);
    } finally {
      Launched.launching = false;
    }
    return listener.getSummary();
  }

  private static String failure(TestExecutionSummary s) {
    assertEquals(1, s.getTotalFailureCount(), "one failure expected");
    return String.valueOf(s.getFailures().get(0).getException().getMessage());
  }

  @Test
  void anAnnotatedMethodRunsAsATestWithTheAnnotationsTries() {
    TestExecutionSummary s = launch("sevenTries");
    assertEquals(1, s.getTestsSucceededCount());
    assertEquals(7, Launched.tries);
  }

  @Test
  void theAnnotationsSeedFixesTheValues() {
    Launched.FIRST_VALUES.clear();
    assertEquals(1, launch("fixedSeed").getTestsSucceededCount());
    List<Long> expected = new ArrayList<>();
    Property.forAll(VALUES).seed(424242).tries(3).check(expected::add);
    assertEquals(expected, Launched.FIRST_VALUES);
  }

  @Test
  void aFailureNamesItsSeedAndTheSeedReplaysIt() {
    String first = failure(launch("failsAboveAThreshold"));
    Matcher m =
        Pattern.compile(
                "replay: @PropertyTest\\(seed = \"(-?\\d+)\"\\) or -Dvisibility\\.property\\.seed=(-?\\d+)")
            .matcher(first);
    assertTrue(m.find(), first);
    assertEquals(m.group(1), m.group(2));
    String seed = m.group(1);
    String again;
    String previous = System.getProperty(Property.SEED_PROPERTY);
    System.setProperty(Property.SEED_PROPERTY, seed);
    try {
      again = failure(launch("failsAboveAThreshold"));
    } finally {
      if (previous == null) {
        System.clearProperty(Property.SEED_PROPERTY);
      } else {
        System.setProperty(Property.SEED_PROPERTY, previous);
      }
    }
    // the same try fails with the same original and shrunk counterexample
    assertEquals(
        lines(first, "failed on try", "original counterexample", "shrunk counterexample"),
        lines(again, "failed on try", "original counterexample", "shrunk counterexample"));
    assertTrue(first.contains("shrunk counterexample:   600000000"), first);
  }

  @Test
  void anAnnotationSeedThatIsNotANumberIsNamed() {
    String message = failure(launch("badSeed"));
    assertTrue(
        message.contains(
            "@PropertyTest(seed = \"not a number\") on Launched.badSeed: must be a decimal long"),
        message);
  }

  @Test
  void outsideAnAnnotatedTestTheReportNamesOnlyTheSystemProperty() {
    PropertyResult<Long> r =
        Property.forAll(VALUES).seed(5).tries(500).run(v -> assertTrue(v < 600_000_000L));
    assertTrue(r.report().contains("replay: -Dvisibility.property.seed=5"), r.report());
    assertNotEquals(-1, r.report().indexOf("seed 5"));
    assertTrue(!r.report().contains("@PropertyTest"), r.report());
  }

  private static List<String> lines(String report, String... prefixes) {
    List<String> out = new ArrayList<>();
    for (String line : report.split("\n")) {
      for (String p : prefixes) {
        if (line.contains(p)) {
          out.add(line.replaceAll("'[^']*'", "")); // the name aside
        }
      }
    }
    return Optional.of(out).filter(l -> l.size() == prefixes.length).orElseThrow();
  }
}
