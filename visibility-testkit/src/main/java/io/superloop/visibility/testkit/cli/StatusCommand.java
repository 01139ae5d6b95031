package io.superloop.visibility.testkit.cli;

import io.superloop.visibility.api.status.StatusCodecs;
import io.superloop.visibility.core.status.StatusProjector;
import io.superloop.visibility.core.store.LoopArtifact;
import io.superloop.visibility.core.store.LoopLayout;
import io.superloop.visibility.core.store.LoopStore;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;

/** {@code status LOOP_DIR}: prints the visibility object of a loop directory. */
final class StatusCommand {
  static final String USAGE =
      String.join(
          "\n",
          "usage: visibility-conformance status LOOP_DIR [--rules reference|hardened]",
          "",
          "Prints the visibility object (contract 6.2-6.4) of the loop directory LOOP_DIR",
          "(<repo>/.superloop/ops-manager/<loop>/). Default rules: hardened.");

  private final PrintStream out;

  StatusCommand(PrintStream out) {
    this.out = out;
  }

  int run(List<String> argv) {
    Args a = Args.parse(argv, Set.of("rules"));
    if (a.help) {
      out.println(USAGE);
      return 0;
    }
    a.expectPositional(1, 1, "status LOOP_DIR [--rules reference|hardened]");
    LoopLayout layout = layoutOf(Paths.get(a.positional.get(0)));
    if (!Files.exists(layout.path(LoopArtifact.HEALTH))
        && !Files.exists(layout.path(LoopArtifact.STATE))
        && !Files.exists(layout.path(LoopArtifact.SEQUENCE_STATE))
        && !Files.exists(layout.path(LoopArtifact.HEARTBEAT_STATE))) {
      throw new UsageException("no status artifacts found in " + a.positional.get(0));
    }
    out.print(
        StatusCodecs.VISIBILITY.encodeLine(
            new StatusProjector(a.rules("hardened")).project(LoopStore.of(layout).readStatusInputs())));
    return 0;
  }

  /** The layout whose every artifact lives under {@code loopDir}, named after the directory. */
  static LoopLayout layoutOf(Path loopDir) {
    if (!Files.isDirectory(loopDir)) {
      throw new UsageException("no such loop directory: " + loopDir);
    }
    Path abs = loopDir.toAbsolutePath().normalize();
    Path name = abs.getFileName();
    if (name == null) {
      throw new UsageException("not a loop directory: " + loopDir);
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
