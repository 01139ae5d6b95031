package io.superloop.visibility.core.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.superloop.visibility.api.Transport;
import io.superloop.visibility.core.rules.VisibilityRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Writes the trees of {@code src/test/resources/legacy-trees/} with the library as it is (run once
 * with {@code -Dlegacy.trees.out=DIR}; skipped otherwise): loops after three steps, and loops whose
 * third step was torn as the store before the step commit protocol tore it (it wrote {@code
 * cursor.json} first and each artifact on its own).
 */
class LegacyTreeWriter {

  @Test
  void write() throws IOException {
    String out = System.getProperty("legacy.trees.out", "");
    assumeTrue(!out.isEmpty(), "set -Dlegacy.trees.out to write the trees");
    Path root = Path.of(out);
    Path work = Files.createTempDirectory("legacy-trees");
    for (Transport t : List.of(Transport.LOCAL, Transport.SPRITE_SERVICE)) {
      String tr = t == Transport.LOCAL ? "local" : "sprite";
      for (VisibilityRules rules : List.of(VisibilityRules.hardened(), VisibilityRules.reference())) {
        // steps 1 and 2 in A; A copied to B; step 3 in B
        TestLoop a = new TestLoop(work.resolve(tr + "-" + rules.name() + "-a"), t, rules, Durability.FSYNC_PER_RECORD);
        Files.createDirectories(a.layout().opsDir());
        Files.writeString(
            a.layout().path(LoopArtifact.STATE),
            "{\"schemaVersion\":\"v1\",\"transition\":{\"currentState\":\"running\"},"
                + "\"projection\":{\"status\":\"running\",\"lastEventAt\":\"2026-03-01T11:59:00Z\"}}\n",
            StandardCharsets.UTF_8);
        a.append(3).step(RealFileOps.INSTANCE, "legacy-trace-1");
        a.append(3).step(RealFileOps.INSTANCE, "legacy-trace-2");
        a.append(3);
        Path b = work.resolve(tr + "-" + rules.name() + "-b");
        copyTree(a.repo, b);
        a.at(b).step(RealFileOps.INSTANCE, "legacy-trace-3");
        String name = tr + "-" + rules.name();
        copyTree(b, root.resolve(name));
        // torn after its first write: cursor.json of step 3, everything else of step 2
        Path torn = root.resolve(name + "-torn-after-cursor");
        copyTree(a.repo, torn);
        copyArtifacts(b, torn, LoopArtifact.CURSOR);
        if (t == Transport.LOCAL) {
          // torn after its fourth write: cursor, transport health, heartbeat state and row
          Path torn4 = root.resolve(name + "-torn-after-heartbeat-row");
          copyTree(a.repo, torn4);
          copyArtifacts(
              b, torn4, LoopArtifact.CURSOR, LoopArtifact.TRANSPORT_HEALTH, LoopArtifact.HEARTBEAT_STATE,
              LoopArtifact.HEARTBEAT_TELEMETRY);
        }
      }
    }
  }

  private static void copyArtifacts(Path from, Path to, LoopArtifact... artifacts) throws IOException {
    for (LoopArtifact a : artifacts) {
      Path src = LoopLayout.of(from, TestLoop.LOOP).path(a);
      Files.copy(
          src, LoopLayout.of(to, TestLoop.LOOP).path(a), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Copies the {@code .superloop} tree without lock files. */
  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path q = to.resolve(from.relativize(p).toString());
        String n = String.valueOf(p.getFileName());
        if (Files.isDirectory(p)) {
          Files.createDirectories(q);
        } else if (!n.endsWith(".lock")) {
          Files.copy(p, q, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
