package io.superloop.visibility.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/runbook.md, pasted: its setup block and then every {@code <!-- runbook: run -->} block, in
 * order, run in ONE bash session started at the repository root (as an operator pastes them), with
 * the paths exactly as written: the setup block finds the built jar itself. Only {@code TMPDIR} is
 * set (the demo's fresh directory goes under this test's temporary directory) and {@code java} of
 * this JVM is put first on {@code PATH}. Each block must print every snippet of the "Expected
 * output contains:" line that follows it, and the session must end with exit status 0 ({@code set
 * -euo pipefail}: a failing command stops it). Runs after {@code package} (failsafe), on the jar.
 */
class RunbookIT {
  private static final String DOC = "docs/runbook.md";
  private static final Pattern BLOCK =
      Pattern.compile("<!-- runbook: (setup|run) -->\\n+```(\\w*)\\n(.*?)```\\n", Pattern.DOTALL);
  private static final Pattern SNIPPET = Pattern.compile("`([^`]+)`");
  private static final String MARK = "@@runbook-block ";

  @TempDir Path work;

  /** A block of the runbook: where it starts, its script, what its output must contain. */
  record Step(int line, String script, List<String> expected) {}

  static List<Step> steps(String doc) {
    List<Step> steps = new ArrayList<>();
    Matcher m = BLOCK.matcher(doc);
    while (m.find()) {
      int line = (int) doc.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
      assertEquals("sh", m.group(2), DOC + " line " + line + ": runbook blocks are ```sh");
      List<String> expected = new ArrayList<>();
      if (m.group(1).equals("run")) {
        String after = doc.substring(m.end()).stripLeading();
        assertTrue(
            after.startsWith("Expected output contains:"),
            DOC + " line " + line + ": a run block without an \"Expected output contains:\" line");
        Matcher e = SNIPPET.matcher(after.substring(0, after.indexOf('\n')));
        while (e.find()) {
          expected.add(e.group(1));
        }
      }
      steps.add(new Step(line, m.group(3), expected));
    }
    return steps;
  }

  static Path repo() {
    return CliTest.repo();
  }

  @Test
  void structure() throws IOException {
    String doc = Files.readString(repo().resolve(DOC), StandardCharsets.UTF_8);
    for (String heading :
        List.of(
            "## 1. A stale heartbeat",
            "## 2. Ordering drift",
            "## 3. Partial visibility",
            "## 4. One control action end to end",
            "## 5. `local` against `sprite_service`")) {
      assertTrue(doc.contains("\n" + heading), heading);
    }
    List<Step> steps = steps(doc);
    assertTrue(steps.get(0).expected().isEmpty(), "the first block is the setup");
    assertTrue(
        steps.get(1).script().startsWith("vis demo --dir \"$DEMO\""),
        "the first run block runs the demo");
    // the setup names the jar this build makes, by its path from the repository root
    String jar =
        "visibility-cli/target/superloop-visibility-"
            + System.getProperty("project.version", "?")
            + ".jar";
    assertTrue(steps.get(0).script().contains("JAR=\"$PWD/" + jar + "\""), steps.get(0).script());
    assertTrue(Files.isRegularFile(repo().resolve(jar)), jar + " is built before this test runs");
    for (int w = 1; w <= 5; w++) {
      int from = doc.indexOf("\n## " + w + ". ");
      int to = w < 5 ? doc.indexOf("\n## " + (w + 1) + ". ") : doc.length();
      assertTrue(
          doc.substring(from, to).contains("<!-- runbook: run -->"),
          "workflow " + w + " has a runnable block");
    }
  }

  @Test
  void theBlocksPastedInOrderIntoOneShellPrintWhatTheRunbookSays() throws Exception {
    String doc = Files.readString(repo().resolve(DOC), StandardCharsets.UTF_8);
    List<Step> steps = steps(doc);
    StringBuilder session = new StringBuilder("set -euo pipefail\n");
    for (Step s : steps) {
      session
          .append("echo '")
          .append(MARK)
          .append(s.line())
          .append("'\n")
          .append(s.script())
          .append('\n');
    }
    Path script = work.resolve("session.sh");
    Files.writeString(script, session, StandardCharsets.UTF_8);
    Path tmp = Files.createDirectories(work.resolve("tmp"));
    Path out = work.resolve("session.out");
    ProcessBuilder pb =
        new ProcessBuilder("bash", "-s")
            .directory(repo().toFile())
            .redirectInput(script.toFile())
            .redirectOutput(out.toFile())
            .redirectErrorStream(true);
    pb.environment().put("TMPDIR", tmp.toString());
    pb.environment().remove("DEMO");
    pb.environment()
        .put(
            "PATH",
            Paths.get(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
    Process p = pb.start();
    if (!p.waitFor(600, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      throw new AssertionError("the runbook session timed out");
    }
    String output = Files.readString(out, StandardCharsets.UTF_8);
    String[] parts = output.split("(?m)^" + Pattern.quote(MARK));
    List<String> failures = new ArrayList<>();
    int ran = parts.length - 1;
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      String part = i + 1 < parts.length ? parts[i + 1] : "";
      for (String want : s.expected()) {
        if (!part.contains(want)) {
          failures.add(DOC + " line " + s.line() + ": output lacks `" + want + "`:\n" + part);
        }
      }
    }
    assertEquals(
        0,
        p.exitValue(),
        "the session stopped in block " + ran + " of " + steps.size() + ":\n" + output);
    assertEquals(steps.size(), ran, output);
    assertEquals(List.of(), failures);
  }
}
