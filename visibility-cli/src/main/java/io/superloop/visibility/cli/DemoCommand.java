package io.superloop.visibility.cli;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.core.internal.PlaneAccess;
import io.superloop.visibility.core.plane.ControlCall;
import io.superloop.visibility.core.plane.ControlResult;
import io.superloop.visibility.core.plane.InFlightControl;
import io.superloop.visibility.core.plane.StepOptions;
import io.superloop.visibility.core.plane.VisibilityPlane;
import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.core.time.Timestamps;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code demo [--dir DIR]}: an end-to-end run on built-in data. A loop whose runtime wrote a stale
 * heartbeat and five events is reconciled; then a torn line lands in its events log (an ordering
 * drift: a missing sequence value) and it is reconciled again; then one control action (cancel,
 * confirmed) is audited. Writes the artifacts under DIR and prints the visibility status.
 *
 * <p>Every run starts the demo loop anew: the two folders the demo owns, {@code
 * DIR/.superloop/loops/demo-loop} and {@code DIR/.superloop/ops-manager/demo-loop}, are removed
 * first (a symbolic link among them is removed as a link, never followed), so running it twice on
 * one DIR prints the same verdicts. Nothing else under DIR is touched.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "End-to-end run on built-in data: a loop with a stale heartbeat, an ordering drift and one",
      "control action. Writes the runtime files and the manager's artifacts under DIR (default: a",
      "new temporary directory) and prints the visibility status. Default rules: hardened.",
      "Each run starts the demo loop anew (DIR/.superloop/{loops,ops-manager}/demo-loop are replaced)."
    })
final class DemoCommand implements Callable<Integer> {
  static final String LOOP = "demo-loop";

  @SuppressWarnings("NullAway.Init") // set by picocli
  @Spec
  CommandSpec spec;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description = "Where to write the loop (created when absent).")
  @Nullable Path dir;

  @Option(
      names = "--rules",
      paramLabel = "PRESET",
      description = "reference or hardened (default: ${DEFAULT-VALUE}).")
  Rules rules = Rules.hardened;

  @Override
  public Integer call() {
    try {
      Path repo =
          dir != null
              ? Files.createDirectories(dir)
              : Files.createTempDirectory("visibility-demo-");
      return demo(repo.toAbsolutePath(), rules.rules(), spec.commandLine().getOut());
    } catch (IOException e) {
      throw new CliException(
          "demo: cannot write "
              + (dir == null ? "a temporary directory" : dir)
              + ": "
              + e.getMessage());
    }
  }

  private static int demo(Path repo, VisibilityRules rules, PrintWriter out) throws IOException {
    Path superloop = repo.resolve(".superloop");
    Path runtime = superloop.resolve("loops").resolve(LOOP);
    for (Path parent :
        List.of(superloop, superloop.resolve("loops"), superloop.resolve("ops-manager"))) {
      if (Files.isSymbolicLink(parent)) {
        throw new CliException(
            "demo: " + parent + " is a symbolic link; the demo writes only into real directories");
      }
    }
    TempTrees.deleteTree(runtime);
    TempTrees.deleteTree(superloop.resolve("ops-manager").resolve(LOOP));
    Files.createDirectories(runtime);
    Instant now = Instant.now();
    Path events = runtime.resolve("events.jsonl");
    StringBuilder log = new StringBuilder();
    String[] names = {
      "loop_start", "iteration_start", "iteration_start", "iteration_start", "iteration_start"
    };
    for (int i = 0; i < names.length; i++) {
      log.append("{\"timestamp\":\"")
          .append(Timestamps.format(now.minusSeconds(60L - i)))
          .append("\",\"event\":\"")
          .append(names[i])
          .append("\",\"loop_id\":\"" + LOOP + "\",\"run_id\":\"run-demo\",\"iteration\":")
          .append(i == 0 ? 1 : i)
          .append("}\n");
    }
    Files.writeString(events, log, StandardCharsets.UTF_8);
    Files.writeString(
        runtime.resolve("heartbeat.v1.json"),
        "{\"schemaVersion\":\"v1\",\"timestamp\":\"2020-01-01T00:00:00Z\",\"source\":\"runtime\","
            + "\"status\":\"running\",\"stage\":\"iteration\"}\n",
        StandardCharsets.UTF_8);

    VisibilityPlane plane = VisibilityPlane.builder(repo, LOOP).rules(rules).build();
    VisibilityPlane.Reconciliation baseline = plane.reconcileLocal(StepOptions.defaults());

    // a writer dies mid-line, and the runtime goes on: the torn line is malformed (a missing value)
    Files.writeString(
        events,
        "{\"timestamp\":\""
            + Timestamps.format(now)
            + "\",\"event\":\"iteration_st\n"
            + "{\"timestamp\":\""
            + Timestamps.format(now)
            + "\",\"event\":\"iteration_start\","
            + "\"loop_id\":\""
            + LOOP
            + "\",\"run_id\":\"run-demo\",\"iteration\":5}\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    VisibilityPlane.Reconciliation drift = plane.reconcileLocal(StepOptions.defaults());

    // a confirmed cancel, audited through the plane: the started row is on disk before the action
    // runs (hardened, H5); the three v1 rows when it is complete
    InFlightControl cancel =
        plane.control(ControlCall.cancel().requestedBy("demo").traceId(drift.traceId().value()));
    // ... the cancel itself would run here; the demo only records what it did ...
    cancel.complete(
        ControlResult.ofCommand(
            "superloop.sh cancel --repo " + repo,
            0,
            "Cancelled loop state.\n",
            0,
            Optional.of(
                Json.parse(
                    "{\"intent\":\"cancel\",\"confirmed\":true,\"reason\":\"inactive_not_running\","
                        + "\"attempts\":1,\"timeoutSeconds\":30,\"observedStatus\":\"stopped\","
                        + "\"observedLastEvent\":\"loop_stop\",\"observedApprovalStatus\":null,"
                        + "\"observedActive\":false,\"observedAt\":\""
                        + Timestamps.format(Instant.now())
                        + "\"}"))));

    out.println("demo: repo " + repo + " (loop " + LOOP + ", rules " + rules.name() + ")");
    out.println(
        "demo: step 1 "
            + baseline.traceId()
            + " health "
            + baseline.health().status().wire()
            + "; step 2 "
            + drift.traceId()
            + " sequence "
            + drift.sequenceState().map(s -> s.status().wire()).orElse("skipped")
            + " health "
            + drift.health().status().wire()
            + " "
            + drift.health().reasonCodes());
    out.println("demo: loop directory " + PlaneAccess.layout(plane).opsDir());
    out.print(Codecs.VISIBILITY_SUMMARY.encodeLine(plane.status()));
    return Main.OK;
  }
}
