package io.superloop.visibility.testkit.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.testkit.docs.DocFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every case of the repository's {@code conformance/cases} through the case runner under
 * {@code reference} rules and compares the outputs with the reference's ({@code
 * conformance/expected}) by {@link OutputComparison}: zero differences allowed.
 */
class ConformanceTest {
  @TempDir Path work;

  static ConformanceSuite suite() {
    return ConformanceSuite.at(DocFiles.repoRoot().resolve("conformance"));
  }

  @Test
  void everyCaseHasTheReferencesOutputs() {
    List<String> names = suite().caseNames();
    assertEquals(60, names.size(), "the conformance set has 60 cases");
    for (String name : names) {
      Path expected = suite().root().resolve("expected").resolve(name);
      for (String f : List.of("sequence-state.json", "health.json", "visibility.json")) {
        assertTrue(Files.isRegularFile(expected.resolve(f)), name + "/" + f);
      }
    }
  }

  @TestFactory
  Stream<DynamicTest> referenceRulesMatchTheReference() {
    ConformanceSuite suite = suite();
    return suite.caseNames().stream()
        .map(
            name ->
                DynamicTest.dynamicTest(
                    name,
                    () -> {
                      ConformanceSuite.CaseResult r = suite.run(name, VisibilityRules.reference(), work.resolve("ref-" + name));
                      assertEquals(
                          "",
                          r.differences().stream().map(Object::toString).collect(Collectors.joining("\n")),
                          "differences from the reference for " + name);
                    }));
  }

  @TestFactory
  Stream<DynamicTest> hardenedRulesGiveAResultForEveryCase() {
    ConformanceSuite suite = suite();
    return suite.caseNames().stream()
        .map(
            name ->
                DynamicTest.dynamicTest(
                    name,
                    () -> {
                      Path out = work.resolve("hard-" + name);
                      new CaseRunner(VisibilityRules.hardened()).run(suite.root().resolve("cases").resolve(name), out);
                      assertTrue(Files.isRegularFile(out.resolve("health.json")));
                      assertTrue(Files.isRegularFile(out.resolve("visibility.json")));
                      assertTrue(Files.isRegularFile(out.resolve("sequence-state.json")));
                    }));
  }
}
