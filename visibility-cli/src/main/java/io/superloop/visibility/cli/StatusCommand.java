package io.superloop.visibility.cli;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.core.status.StatusProjector;
import io.superloop.visibility.core.status.StatusReader;
import io.superloop.visibility.core.store.LoopArtifact;
import io.superloop.visibility.core.store.LoopLayout;
import io.superloop.visibility.core.store.LoopStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code status PATH [--loop LOOP]}: prints the visibility object of a loop. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the visibility object (contract 6.2-6.4) of a loop. PATH is either a repository root",
      "(the directory holding .superloop/; name the loop with --loop, needed only when the",
      "repository has several) or a loop's ops directory <repo>/.superloop/ops-manager/<loop>/.",
      "Default rules: hardened."
    })
final class StatusCommand implements Callable<Integer> {
  /** The files of which at least one exists once a reconcile step has run. */
  static final List<LoopArtifact> STATUS_SOURCES =
      List.of(
          LoopArtifact.HEALTH,
          LoopArtifact.STATE,
          LoopArtifact.SEQUENCE_STATE,
          LoopArtifact.HEARTBEAT_STATE);

  @SuppressWarnings("NullAway.Init") // set by picocli
  @Spec
  CommandSpec spec;

  @SuppressWarnings("NullAway.Init") // set by picocli
  @Parameters(
      index = "0",
      paramLabel = "PATH",
      description = "A repository root, or a loop's ops directory.")
  Path path;

  @Option(
      names = "--loop",
      paramLabel = "LOOP",
      description = "The loop id, with a repository root.")
  @Nullable String loop;

  @Option(
      names = "--rules",
      paramLabel = "PRESET",
      description = "reference or hardened (default: ${DEFAULT-VALUE}).")
  Rules rules = Rules.hardened;

  @Override
  public Integer call() {
    LoopLayout layout = layout();
    boolean any = false;
    for (LoopArtifact a : STATUS_SOURCES) {
      any |= Files.exists(layout.path(a));
    }
    if (!any) {
      throw new CliException(
          "no status artifacts in "
              + layout.opsDir()
              + " (none of health.json, state.json, sequence-state.json,"
              + " heartbeat.json): no reconcile step has run for loop "
              + layout.loopId()
              + " yet");
    }
    spec.commandLine()
        .getOut()
        .print(
            Codecs.VISIBILITY_SUMMARY.encodeLine(
                new StatusProjector(rules.rules())
                    .project(StatusReader.read(LoopStore.of(layout)))));
    return Main.OK;
  }

  private LoopLayout layout() {
    if (!Files.isDirectory(path)) {
      throw new CliException("no such directory: " + path);
    }
    Path superloop = path.resolve(".superloop");
    if (Files.isDirectory(superloop)) {
      return LoopLayout.of(path.toAbsolutePath().normalize(), loopOf(superloop));
    }
    if (loop != null) {
      throw new CliException(
          path
              + " holds no .superloop/ directory: --loop goes with a repository root (or give the loop's ops"
              + " directory, <repo>/.superloop/ops-manager/<loop>/, without --loop)");
    }
    if (!looksLikeOpsDir(path)) {
      throw new CliException(
          path
              + " is neither a repository root (no .superloop/) nor a loop's ops directory (none of"
              + " health.json, state.json, sequence-state.json, heartbeat.json, telemetry/): give a repository"
              + " root with --loop LOOP, or <repo>/.superloop/ops-manager/<loop>/");
    }
    return opsDirLayout(path);
  }

  /** The loop of a repository: {@code --loop}, else its only loop. */
  private String loopOf(Path superloop) {
    List<String> loops = new ArrayList<>(names(superloop.resolve("ops-manager")));
    if (loop != null) {
      if (!loops.contains(loop)) {
        List<String> runtime = names(superloop.resolve("loops"));
        throw new CliException(
            "loop "
                + loop
                + " has no ops directory in "
                + superloop.resolve("ops-manager")
                + (runtime.contains(loop)
                    ? " (its runtime files exist: no reconcile step has run yet)"
                    : "")
                + "; loops with one: "
                + (loops.isEmpty() ? "none" : String.join(", ", loops)));
      }
      return loop;
    }
    if (loops.size() == 1) {
      return loops.get(0);
    }
    if (loops.isEmpty()) {
      List<String> runtime = names(superloop.resolve("loops"));
      throw new CliException(
          "no loop of "
              + path
              + " has an ops directory ("
              + superloop.resolve("ops-manager")
              + "): no reconcile"
              + " step has run"
              + (runtime.isEmpty() ? "" : "; runtime loops: " + String.join(", ", runtime)));
    }
    throw new CliException(
        path
            + " has several loops ("
            + String.join(", ", loops)
            + "): choose one with --loop LOOP");
  }

  private static List<String> names(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      List<String> out = new ArrayList<>();
      s.filter(Files::isDirectory).forEach(p -> out.add(String.valueOf(p.getFileName())));
      out.sort(null);
      return out;
    } catch (IOException e) {
      throw new CliException("cannot list " + dir + ": " + e.getMessage());
    }
  }

  private static boolean looksLikeOpsDir(Path dir) {
    if (Files.isDirectory(dir.resolve("telemetry"))) {
      return true;
    }
    for (LoopArtifact a : STATUS_SOURCES) {
      if (Files.exists(dir.resolve(a.defaultPath()))) {
        return true;
      }
    }
    return false;
  }

  /** The layout whose every artifact lives under {@code opsDir}, named after the directory. */
  static LoopLayout opsDirLayout(Path opsDir) {
    Path abs = opsDir.toAbsolutePath().normalize();
    Path name = abs.getFileName();
    if (name == null) {
      throw new CliException("not a loop's ops directory: " + opsDir);
    }
    Path repo = abs;
    Path up = abs;
    for (int i = 0; i < 3 && up != null; i++) {
      up = up.getParent();
    }
    if (up != null) {
      repo = up;
    }
    LoopLayout layout = LoopLayout.of(repo, name.toString());
    for (LoopArtifact artifact : LoopArtifact.values()) {
      layout = layout.withPath(artifact, abs.resolve(artifact.defaultPath()));
    }
    return layout;
  }
}
