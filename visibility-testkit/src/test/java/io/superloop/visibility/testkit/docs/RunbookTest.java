package io.superloop.visibility.testkit.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/runbook.md, executed: the demo is run into a temporary directory by the runbook's own first
 * block, then every block marked {@code <!-- runbook: run -->} runs in bash ({@code set -euo
 * pipefail}) after the {@code <!-- runbook: setup -->} block, with {@code DEMO} set to that
 * directory and {@code VIS} to the conformance command (the jar's main class on this JVM's class
 * path). Each block must exit 0 and print every snippet of the "Expected output contains:" line
 * that follows it.
 */
class RunbookTest {
  private static final String DOC = "docs/runbook.md";
  private static final Pattern SNIPPET = Pattern.compile("`([^`]+)`");

  @TempDir static Path work;

  /** A run block with the snippets its output must contain. */
  record Step(int line, String script, List<String> expected) {}

  static List<Step> steps(String doc) {
    List<Step> steps = new ArrayList<>();
    String[] lines = doc.split("\n", -1);
    for (DocFiles.Block b : DocFiles.markedBlocks(doc, "runbook: run")) {
      assertEquals("runbook: run", b.marker(), "line " + b.line());
      assertEquals("sh", b.lang(), "line " + b.line() + ": run blocks are ```sh");
      // the block's closing fence is at b.line() - 1 + its line count; look for the expectation after it
      int close = b.line() - 1 + (int) b.text().chars().filter(c -> c == '\n').count();
      List<String> expected = null;
      for (int i = close + 1; i < lines.length; i++) {
        String l = lines[i];
        if (l.startsWith("Expected output contains:")) {
          expected = new ArrayList<>();
          Matcher m = SNIPPET.matcher(l);
          while (m.find()) {
            expected.add(m.group(1));
          }
          break;
        }
        if (l.startsWith("```") || l.startsWith("<!--") || l.startsWith("#")) {
          break;
        }
      }
      assertTrue(expected != null && !expected.isEmpty(), DOC + " line " + b.line() + ": a run block without an \"Expected output contains:\" line");
      steps.add(new Step(b.line(), b.text(), expected));
    }
    return steps;
  }

  static String setup(String doc) {
    List<DocFiles.Block> setups = DocFiles.markedBlocks(doc, "runbook: setup");
    assertEquals(1, setups.size(), "one setup block");
    return setups.get(0).text();
  }

  @Test
  void structure() {
    String doc = DocFiles.read(DOC);
    for (String heading :
        List.of(
            "## 1. A stale heartbeat", "## 2. Ordering drift", "## 3. Partial visibility",
            "## 4. One control action end to end", "## 5. `local` against `sprite_service`")) {
      assertTrue(doc.contains("\n" + heading), heading);
    }
    List<Step> steps = steps(doc);
    assertTrue(steps.get(0).script().startsWith("$VIS demo --dir \"$DEMO\""), "the first run block runs the demo");
    // the defaults of the setup are the README's demo command
    String setup = setup(doc);
    assertTrue(setup.contains(": \"${DEMO:=/tmp/visibility-demo}\""), setup);
    assertTrue(setup.contains(": \"${VIS:=java -jar visibility-testkit/target/visibility-conformance.jar}\""), setup);
    assertTrue(DocFiles.read("README.md").contains("java -jar visibility-testkit/target/visibility-conformance.jar demo --dir /tmp/visibility-demo"));
    // every workflow has runnable steps
    for (int w = 1; w <= 5; w++) {
      int from = doc.indexOf("\n## " + w + ". ");
      int to = w < 5 ? doc.indexOf("\n## " + (w + 1) + ". ") : doc.length();
      assertTrue(doc.substring(from, to).contains("<!-- runbook: run -->"), "workflow " + w + " has a runnable block");
    }
  }

  @TestFactory
  Stream<DynamicTest> everyRunBlockExitsZeroAndPrintsWhatTheRunbookSays() {
    String doc = DocFiles.read(DOC);
    String setup = setup(doc);
    List<Step> steps = steps(doc);
    String classPath = DocFiles.testClassPath();
    assertFalse(classPath.matches("(?s).*\\s.*"), "VIS is split on spaces: the class path must have none");
    String vis =
        String.join(
            " ",
            DocFiles.javaBinary(), "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classPath,
            "io.superloop.visibility.testkit.cli.ConformanceCommand");
    Path demo = work.resolve("visibility-demo");
    Path home = work.resolve("home");
    try {
      Files.createDirectories(home);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> env = Map.of("DEMO", demo.toString(), "VIS", vis, "TMPDIR", home.toString());
    Path root = DocFiles.repoRoot();
    return steps.stream()
        .map(
            s ->
                DynamicTest.dynamicTest(
                    DOC + " line " + s.line(),
                    () -> {
                      String script = "set -euo pipefail\n" + setup + "\n" + s.script();
                      DocFiles.Run run = DocFiles.run(List.of("bash", "-c", script), env, root, 300);
                      assertEquals(0, run.status(), DOC + " line " + s.line() + " exited " + run.status() + ":\n" + run.output());
                      for (String want : s.expected()) {
                        assertTrue(
                            run.output().contains(want),
                            DOC + " line " + s.line() + ": output lacks `" + want + "`:\n" + run.output());
                      }
                    }));
  }
}
