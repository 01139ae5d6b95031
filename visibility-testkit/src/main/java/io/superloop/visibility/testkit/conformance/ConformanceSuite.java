package io.superloop.visibility.testkit.conformance;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.testkit.conformance.internal.CaseRunner;
import io.superloop.visibility.testkit.conformance.internal.OutputComparison;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A directory of conformance cases in the layout of {@code docs/conformance.md}: {@code
 * cases/<name>/} holds the input of one reconcile step, {@code expected/<name>/} the reference's
 * outputs for it. {@link #run(String, VisibilityRules, Path)} runs one case as one reconcile step
 * of the library and compares its four outputs ({@code health.json}, {@code sequence_state.json},
 * {@code heartbeat_state.json}, the {@code visibility} status) with the reference's under the rules
 * of {@code docs/conformance.md}.
 */
public final class ConformanceSuite {
  private final Path root;

  private ConformanceSuite(Path root) {
    this.root = root;
  }

  /**
   * The suite in {@code root}.
   *
   * @param root the directory that holds {@code cases/} and {@code expected/}
   * @return the suite
   * @throws VisibilityException {@link ErrorCode#FILE_NOT_FOUND} when {@code root/cases} is not a
   *     directory
   */
  public static ConformanceSuite at(Path root) {
    if (!Files.isDirectory(root.resolve("cases"))) {
      throw new VisibilityException(
          ErrorCode.FILE_NOT_FOUND, root + " holds no cases/ directory (not a conformance suite)");
    }
    return new ConformanceSuite(root);
  }

  /** {@return the directory that holds {@code cases/} and {@code expected/}} */
  public Path root() {
    return root;
  }

  /**
   * The names of the cases: every directory under {@code cases/}, in name order.
   *
   * @return the case names
   * @throws VisibilityException {@link ErrorCode#IO_ERROR} when {@code cases/} cannot be listed
   */
  public List<String> caseNames() {
    try (Stream<Path> s = Files.list(root.resolve("cases"))) {
      List<String> names = new ArrayList<>();
      s.filter(Files::isDirectory).forEach(p -> names.add(String.valueOf(p.getFileName())));
      names.sort(null);
      return names;
    } catch (IOException e) {
      throw new VisibilityException(
          ErrorCode.IO_ERROR, "cannot list " + root.resolve("cases") + ": " + e.getMessage(), e);
    }
  }

  /**
   * Runs one case as one reconcile step and compares the outputs with the reference's.
   *
   * @param name the case's name (a directory under {@code cases/})
   * @param rules the rules of the step; the reference's outputs are those of {@link
   *     VisibilityRules#reference()}
   * @param outDir where the step writes (a fresh directory per run, created when absent)
   * @return every difference from the reference's outputs, one line each ({@code file:
   *     {"path":...,"expected":...,"actual":...}}, or {@code file: expected ..., actual ...} for a
   *     whole file), in file order; empty when the case conforms
   * @throws VisibilityException when the case is malformed or a file fails
   */
  public List<String> run(String name, VisibilityRules rules, Path outDir) {
    Path caseDir = root.resolve("cases").resolve(name);
    String configTrace;
    try {
      configTrace =
          OutputComparison.configTrace(
                  Json.parse(
                      Files.readString(caseDir.resolve("config.json"), StandardCharsets.UTF_8)))
              .orElse("");
    } catch (IOException e) {
      throw new VisibilityException(
          ErrorCode.IO_ERROR, "case " + name + ": cannot read config.json: " + e.getMessage(), e);
    }
    new CaseRunner(rules).run(caseDir, outDir);
    return OutputComparison.compare(root.resolve("expected").resolve(name), outDir, configTrace)
        .stream()
        .map(OutputComparison.Difference::toString)
        .toList();
  }
}
