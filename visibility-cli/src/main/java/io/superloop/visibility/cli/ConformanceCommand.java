package io.superloop.visibility.cli;

import io.superloop.visibility.testkit.conformance.ConformanceSuite;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code conformance DIR}: every case of a directory, run and compared with the reference's
 * outputs.
 */
@Command(
    name = "conformance",
    mixinStandardHelpOptions = true,
    description = {
      "Runs every case of DIR/cases/<name>/ as one reconcile step and compares the outputs with",
      "DIR/expected/<name>/ under the rules of docs/conformance.md. Prints each difference and a",
      "summary line. Exit status 1 when a case differs. Default rules: reference (the rules the",
      "reference's outputs were written under)."
    })
final class ConformanceCommand implements Callable<Integer> {
  @SuppressWarnings("NullAway.Init") // set by picocli
  @Spec
  CommandSpec spec;

  @SuppressWarnings("NullAway.Init") // set by picocli
  @Parameters(
      index = "0",
      paramLabel = "DIR",
      description = "A directory holding cases/ and expected/.")
  Path dir;

  @Option(
      names = "--out",
      paramLabel = "OUT_DIR",
      description =
          "Keep each case's outputs in OUT_DIR/<name>/ (default: a temporary directory, deleted).")
  @Nullable Path out;

  @Option(
      names = "--rules",
      paramLabel = "PRESET",
      description = "reference or hardened (default: ${DEFAULT-VALUE}).")
  Rules rules = Rules.reference;

  @Override
  public Integer call() throws IOException {
    ConformanceSuite suite = ConformanceSuite.at(dir);
    PrintWriter w = spec.commandLine().getOut();
    Path work =
        out != null
            ? Files.createDirectories(out)
            : Files.createTempDirectory("visibility-conformance-");
    int passed = 0;
    int failed = 0;
    try {
      for (String name : suite.caseNames()) {
        List<String> differences = suite.run(name, rules.rules(), work.resolve(name));
        if (differences.isEmpty()) {
          passed++;
        } else {
          failed++;
          w.println("case " + name + ": " + differences.size() + " difference(s)");
          for (String d : differences) {
            w.println("  " + d);
          }
        }
      }
    } finally {
      if (out == null) {
        TempTrees.delete(work);
      }
    }
    w.println("conformance: " + passed + " passed, " + failed + " failed");
    return failed == 0 ? Main.OK : Main.FINDINGS;
  }
}
