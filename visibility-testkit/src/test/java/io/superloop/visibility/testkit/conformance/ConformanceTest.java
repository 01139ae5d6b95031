package io.superloop.visibility.testkit.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.testkit.conformance.internal.CaseRunner;
import io.superloop.visibility.testkit.conformance.internal.OutputComparison;
import io.superloop.visibility.testkit.docs.DocFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every case of the repository's {@code conformance/cases} through the case runner under
 * {@code reference} rules and compares the outputs with the reference's ({@code
 * conformance/expected}) by {@link OutputComparison}: zero differences allowed; and under {@code
 * hardened} rules against the reference's outputs changed by the documented differences of {@code
 * conformance/hardened/}.
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
                      List<String> differences =
                          suite.run(name, VisibilityRules.reference(), work.resolve("ref-" + name));
                      assertEquals(
                          "",
                          String.join("\n", differences),
                          "differences from the reference for " + name);
                    }));
  }

  /**
   * Under {@code hardened} rules each case gives the reference's expected output changed exactly by
   * the differences {@code conformance/hardened/<case>.json} lists (none: the reference's output
   * itself), compared by {@link OutputComparison}. Each listed difference names the rules of
   * hardening.md that explain it and says why (see {@code conformance/hardened/README.md}).
   */
  @TestFactory
  Stream<DynamicTest> hardenedRulesGiveTheHardenedExpectations() {
    ConformanceSuite suite = suite();
    return suite.caseNames().stream()
        .map(
            name ->
                DynamicTest.dynamicTest(
                    name,
                    () -> {
                      Path caseDir = suite.root().resolve("cases").resolve(name);
                      Path out = work.resolve("hard-" + name);
                      new CaseRunner(VisibilityRules.hardened()).run(caseDir, out);
                      Path expected =
                          HardenedExpectations.write(
                              suite.root().resolve("expected").resolve(name),
                              HardenedExpectations.of(name),
                              work.resolve("expected-hard-" + name));
                      String trace =
                          OutputComparison.configTrace(
                                  Json.parse(Files.readString(caseDir.resolve("config.json"))))
                              .orElse("");
                      assertEquals(
                          "",
                          OutputComparison.compare(expected, out, trace).stream()
                              .map(Object::toString)
                              .collect(Collectors.joining("\n")),
                          "differences from the hardened expectations of " + name);
                    }));
  }

  /**
   * The hardened expectations are differences, each one real (the reference's value at that place
   * is another, or absent), each explained by preset-dependent rules of hardening.md, and only for
   * cases that exist.
   */
  @Test
  void everyHardenedDifferenceIsRealAndTiedToAPresetRule() throws IOException {
    Map<String, String> modes =
        HardenedExpectations.ruleModes(
            Files.readString(DocFiles.repoRoot().resolve("spec/hardening.md")));
    List<String> names = suite().caseNames();
    List<String> files = HardenedExpectations.files();
    assertTrue(
        names.containsAll(files), "hardened expectations name only existing cases: " + files);
    assertTrue(files.size() >= 40, "hardened expectations found: " + files.size());
    for (String name : files) {
      HardenedExpectations.check(
          name,
          HardenedExpectations.of(name),
          suite().root().resolve("expected").resolve(name),
          modes);
    }
  }
}
