package io.superloop.visibility.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.reconcile.ReconcileRow;
import io.superloop.visibility.core.plane.VisibilityPlane;
import io.superloop.visibility.core.rules.Durability;
import io.superloop.visibility.core.rules.VisibilityRules;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Trees written before the step commit protocol ({@code src/test/resources/legacy-trees/}, see its
 * README) are read and carried forward: the runtime appends lines 10-11 and one step runs. Every
 * artifact parses, the step reads on from where the tree's sequence state ends, and the status
 * surface renders. A local tree torn after its cursor (lines 7-9 skipped by the old store) is read
 * again from line 7 with the warning {@code torn_step_recovered}, so no line is lost; a
 * sprite_service tree torn that way keeps the old outcome (its cursor cannot be checked against the
 * service's lines): it resumes at the cursor.
 */
class LegacyTreesTest {
  @TempDir Path tmp;

  static List<String> trees() throws IOException, URISyntaxException {
    try (Stream<Path> s = Files.list(root())) {
      return s.filter(Files::isDirectory)
          .map(p -> String.valueOf(p.getFileName()))
          .sorted()
          .toList();
    }
  }

  static Path root() throws URISyntaxException {
    return Objects.requireNonNull(
        Path.of(
                Objects.requireNonNull(LegacyTreesTest.class.getResource("/legacy-trees/README.md"))
                    .toURI())
            .getParent());
  }

  @ParameterizedTest
  @MethodSource("trees")
  void readAndCarriedForward(String tree) throws Exception {
    assertEquals(10, trees().size(), "the trees of the README");
    Path repo = tmp.resolve(tree);
    DiskImage.copyTree(root().resolve(tree), repo);
    Transport transport = tree.startsWith("local") ? Transport.LOCAL : Transport.SPRITE_SERVICE;
    VisibilityRules rules = VisibilityRules.named(tree.split("-")[1]);
    TestLoop loop =
        new TestLoop(repo, transport, rules, Durability.FSYNC_PER_RECORD)
            .resume(9, Instant.parse("2026-03-01T12:01:30Z"))
            .append(2);
    VisibilityPlane.Reconciliation step = loop.step(ConfinedTestOps.INSTANCE, "after-upgrade");
    ReconcileRow row = step.reconcileRow();

    boolean tornLocal = tree.contains("torn") && transport == Transport.LOCAL;
    long from = tornLocal ? 6 : 9; // where the tree's sequence state (local) or cursor ends
    assertEquals(from, row.cursorOffsetBefore(), tree);
    assertEquals(11, row.cursorOffsetAfter(), tree);
    assertEquals(11 - from, row.eventsIngested(), tree);
    assertEquals(
        tornLocal,
        step.warnings().contains(ReasonCode.TORN_STEP_RECOVERED),
        tree + " " + step.warnings());

    // every artifact parses; the rows chain (but for the sprite tree torn by the old store); the
    // sequence state covers every line the step read, without drift
    LoopChecks.Parsed p = LoopChecks.parseAll(loop.layout());
    assertEquals("after-upgrade", LoopChecks.traces(p.rows()).get(p.rows().size() - 1));
    if (!tree.contains("torn") || transport == Transport.LOCAL) {
      assertEquals(11, LoopChecks.chain(p.rows())[0], tree + ": every line read once");
      assertEquals(0, LoopChecks.chain(p.rows())[1], tree);
    }
    assertEquals(11, p.sequence().snapshot().current().orElse(-1));
    assertFalse(p.sequence().driftActive(), tree);
    assertEquals("after-upgrade", p.stateJsonReconcileTraceId());
    String status = Codecs.VISIBILITY_SUMMARY.encode(loop.plane(ConfinedTestOps.INSTANCE).status());
    assertTrue(status.contains("after-upgrade"), tree + ": " + status);
  }
}
