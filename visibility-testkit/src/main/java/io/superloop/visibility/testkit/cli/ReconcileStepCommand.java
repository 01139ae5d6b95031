package io.superloop.visibility.testkit.cli;

import io.superloop.visibility.core.plane.VisibilityPlane;
import io.superloop.visibility.testkit.conformance.CaseRunner;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;

/** {@code reconcile-step CASE_DIR OUT_DIR}: the case runner as a command (default rules: reference). */
final class ReconcileStepCommand {
  static final String USAGE =
      String.join(
          "\n",
          "usage: visibility-conformance reconcile-step CASE_DIR OUT_DIR [--rules reference|hardened]",
          "",
          "Runs one conformance case (shared/conformance/README.md format) as one reconcile step.",
          "The loop directory is OUT_DIR/repo/.superloop/ops-manager/<loop>/; when it exists it is the",
          "previous state (so repeated runs accumulate telemetry), else the case's previous/ is copied in.",
          "Writes sequence-state.json, heartbeat.json (if the loop holds one), health.json and",
          "visibility.json to OUT_DIR and prints the step's trace id. Default rules: reference.");

  private final PrintStream out;

  ReconcileStepCommand(PrintStream out) {
    this.out = out;
  }

  int run(List<String> argv) {
    Args a = Args.parse(argv, Set.of("rules"));
    if (a.help) {
      out.println(USAGE);
      return 0;
    }
    a.expectPositional(2, 2, "reconcile-step CASE_DIR OUT_DIR [--rules reference|hardened]");
    Path caseDir = Paths.get(a.positional.get(0));
    if (!Files.isRegularFile(caseDir.resolve("config.json"))) {
      throw new UsageException(caseDir + " is not a conformance case (no config.json)");
    }
    VisibilityPlane.Reconciliation r =
        new CaseRunner(a.rules("reference")).run(caseDir, Paths.get(a.positional.get(1)));
    out.println(r.traceId().value());
    return 0;
  }
}
