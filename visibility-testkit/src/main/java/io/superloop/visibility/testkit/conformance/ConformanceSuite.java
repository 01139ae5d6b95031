package io.superloop.visibility.testkit.conformance;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.core.rules.VisibilityRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A directory of conformance cases in the layout of {@code docs/conformance.md}: {@code
 * cases/<name>/} holds the input of one reconcile step, {@code expected/<name>/} the reference's
 * outputs for it. {@link #run(String, VisibilityRules, Path)} runs one case with {@link CaseRunner}
 * and compares its outputs with {@link OutputComparison}.
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

  /** The outcome of one case. */
  public record CaseResult(
      String name, String traceId, List<OutputComparison.Difference> differences) {
    /**
     * An outcome.
     *
     * @param name the case's name
     * @param traceId the step's trace id (the case's, or the one the library generated)
     * @param differences every difference from the reference's outputs; empty when the case
     *     conforms
     */
    public CaseResult {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(traceId, "traceId");
      differences = List.copyOf(differences);
    }

    /** {@return whether the library's outputs conform to the reference's} */
    public boolean passed() {
      return differences.isEmpty();
    }
  }

  /**
   * Runs one case as one reconcile step and compares the outputs with the reference's.
   *
   * @param name the case's name (a directory under {@code cases/})
   * @param rules the rules of the step; the reference's outputs are those of {@link
   *     VisibilityRules#reference()}
   * @param outDir where the step writes (a fresh directory per run; see {@link CaseRunner#run})
   * @return the outcome
   * @throws VisibilityException when the case is malformed or a file fails
   */
  public CaseResult run(String name, VisibilityRules rules, Path outDir) {
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
    String trace = new CaseRunner(rules).run(caseDir, outDir).traceId().value();
    return new CaseResult(
        name,
        trace,
        OutputComparison.compare(root.resolve("expected").resolve(name), outDir, configTrace));
  }
}
