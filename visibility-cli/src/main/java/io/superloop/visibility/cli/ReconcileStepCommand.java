package io.superloop.visibility.cli;

import io.superloop.visibility.core.plane.VisibilityPlane;
import io.superloop.visibility.testkit.conformance.internal.CaseRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code reconcile-step CASE_DIR OUT_DIR}: the case runner as a command (default rules: reference).
 */
@Command(
    name = "reconcile-step",
    mixinStandardHelpOptions = true,
    description = {
      "Runs one conformance case (docs/conformance.md) as one reconcile step.",
      "The loop directory is OUT_DIR/repo/.superloop/ops-manager/<loop>/; when it exists it is the",
      "previous state (so repeated runs accumulate telemetry), else the case's previous/ is copied in.",
      "Writes sequence-state.json, heartbeat.json (if the loop holds one), health.json and",
      "visibility.json to OUT_DIR and prints the step's trace id. Default rules: reference."
    })
final class ReconcileStepCommand implements Callable<Integer> {
  @SuppressWarnings("NullAway.Init") // set by picocli
  @Spec
  CommandSpec spec;

  @SuppressWarnings("NullAway.Init") // set by picocli
  @Parameters(
      index = "0",
      paramLabel = "CASE_DIR",
      description = "The case: config.json and its inputs.")
  Path caseDir;

  @SuppressWarnings("NullAway.Init") // set by picocli
  @Parameters(index = "1", paramLabel = "OUT_DIR", description = "Where the step writes.")
  Path outDir;

  @Option(
      names = "--rules",
      paramLabel = "PRESET",
      description = "reference or hardened (default: ${DEFAULT-VALUE}).")
  Rules rules = Rules.reference;

  @Override
  public Integer call() {
    if (!Files.isRegularFile(caseDir.resolve("config.json"))) {
      throw new CliException(caseDir + " is not a conformance case (no config.json)");
    }
    VisibilityPlane.Reconciliation r = new CaseRunner(rules.rules()).run(caseDir, outDir);
    spec.commandLine().getOut().println(r.traceId().value());
    return Main.OK;
  }
}
