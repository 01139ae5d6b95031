package io.superloop.visibility.testkit.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.core.plane.VisibilityPlane;
import io.superloop.visibility.core.rules.VisibilityRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every case of {@code ../shared/conformance/cases} through the case runner under {@code
 * reference} rules and compares the outputs with the reference's using the shared {@code
 * compare.sh} (jq): zero differences allowed.
 */
class ConformanceTest {
  @TempDir Path work;

  static Path shared() {
    String prop = System.getProperty("visibility.shared.dir");
    Path p = prop != null ? Paths.get(prop) : Paths.get("").toAbsolutePath().resolveSibling("shared");
    for (Path d = Paths.get("").toAbsolutePath(); !Files.isDirectory(p.resolve("conformance")) && d != null; d = d.getParent()) {
      p = d.resolveSibling("shared");
    }
    assertTrue(Files.isDirectory(p.resolve("conformance")), "cannot find ../shared: " + p);
    return p.toAbsolutePath().normalize();
  }

  static List<Path> cases() throws IOException {
    try (Stream<Path> s = Files.list(shared().resolve("conformance/cases"))) {
      return s.filter(Files::isDirectory).sorted().collect(Collectors.toList());
    }
  }

  @Test
  void everySharedCaseIsRun() throws IOException {
    assertEquals(60, cases().size(), "the shared conformance set has 60 cases");
  }

  @TestFactory
  Stream<DynamicTest> referenceRulesMatchTheReference() throws IOException {
    Path compare = shared().resolve("conformance/compare.sh");
    return cases().stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    name(c),
                    () -> {
                      Path out = work.resolve("ref-" + name(c));
                      VisibilityPlane.Reconciliation o = new CaseRunner(VisibilityRules.reference()).run(c, out);
                      Path expected = shared().resolve("conformance/expected").resolve(name(c));
                      String diff = runCompare(compare, expected, out, configTrace(c, o.traceId()));
                      assertEquals("", diff, "compare.sh found differences for " + name(c));
                    }));
  }

  @TestFactory
  Stream<DynamicTest> hardenedRulesGiveAResultForEveryCase() throws IOException {
    return cases().stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    name(c),
                    () -> {
                      Path out = work.resolve("hard-" + name(c));
                      new CaseRunner(VisibilityRules.hardened()).run(c, out);
                      assertTrue(Files.isRegularFile(out.resolve("health.json")));
                      assertTrue(Files.isRegularFile(out.resolve("visibility.json")));
                      assertTrue(Files.isRegularFile(out.resolve("sequence-state.json")));
                    }));
  }

  private static String configTrace(Path c, TraceId generated) throws IOException {
    String config = Files.readString(c.resolve("config.json"));
    return config.contains("\"traceId\"") ? generated.value() : "";
  }

  static String name(Path p) {
    Path n = p.getFileName();
    return n == null ? "" : n.toString();
  }

  static String runCompare(Path compare, Path expected, Path actual, String trace)
      throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder("bash", compare.toString(), expected.toString(), actual.toString(), trace)
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int rc = p.waitFor();
    return rc == 0 && out.isEmpty() ? "" : "exit " + rc + "\n" + out;
  }
}
