package io.superloop.visibility.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.core.internal.PlaneAccess;
import io.superloop.visibility.core.plane.StepOptions;
import io.superloop.visibility.core.plane.VisibilityPlane;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file-system cost of one steady-state local step (the loop's files exist, one new event line,
 * a fresh heartbeat), counted through {@link RecordingFileOps}: the step journal forced once before
 * any artifact changes, each state file's temp file forced once and renamed, each log forced once,
 * and each directory that got a rename forced once, after its renames; no directory force for
 * appending to a log that exists. 9 file forces, 2 directory forces, 5 renames (before the step
 * commit protocol: 8, 8 and 5).
 */
class StepIoCountTest {
  @TempDir Path repo;

  static String line(int n) {
    return "{\"timestamp\":\"2026-03-01T11:59:00Z\",\"event\":\"tick\",\"n\":" + n + "}\n";
  }

  /** The operations of the third step of a loop, after one line was appended. */
  static List<RecordingFileOps.Event> steadyStateStep(Path repo) throws IOException {
    Path rt = repo.resolve(".superloop/loops/count-loop");
    Files.createDirectories(rt);
    Path events = rt.resolve("events.jsonl");
    Files.writeString(events, line(1) + line(2), StandardCharsets.UTF_8);
    Files.writeString(
        rt.resolve("heartbeat.v1.json"),
        "{\"timestamp\":\"2026-03-01T11:59:50Z\"}",
        StandardCharsets.UTF_8);
    RecordingFileOps ops = new RecordingFileOps();
    VisibilityPlane plane =
        PlaneAccess.builder(LoopLayout.of(repo, "count-loop").withFileOps(ops))
            .clock(Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC))
            .build();
    plane.reconcileLocal(StepOptions.defaults());
    Files.writeString(events, line(3), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    plane.reconcileLocal(StepOptions.defaults());
    Files.writeString(events, line(4), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    int from = ops.events().size();
    plane.reconcileLocal(StepOptions.defaults());
    List<RecordingFileOps.Event> all = ops.events();
    return all.subList(from, all.size());
  }

  @Test
  void steadyStateLocalStep() throws IOException {
    List<RecordingFileOps.Event> step = steadyStateStep(repo);
    long forces = step.stream().filter(RecordingFileOps.Force.class::isInstance).count();
    long dirForces = step.stream().filter(RecordingFileOps.ForceDir.class::isInstance).count();
    long renames = step.stream().filter(RecordingFileOps.Move.class::isInstance).count();
    System.out.println(
        "[store-figures] steady-state local step: file forces="
            + forces
            + " directory forces="
            + dirForces
            + " renames="
            + renames
            + " (before the step commit protocol: 8, 8 and 5)");
    LoopLayout layout = LoopLayout.of(repo, "count-loop");
    Path journal = layout.stepJournalFile();
    // what was counted ran over the operations a plane uses without a test seam: the confined ones
    assertTrue(
        layout.fileOps() instanceof ConfinedFileOps, "a layout's own operations are confined");

    // the five state files: each a temp file forced once, then renamed over the target
    Map<Path, Integer> forced = new HashMap<>();
    step.stream()
        .filter(RecordingFileOps.Force.class::isInstance)
        .forEach(e -> forced.merge(((RecordingFileOps.Force) e).path(), 1, Integer::sum));
    List<RecordingFileOps.Move> moves =
        step.stream()
            .filter(RecordingFileOps.Move.class::isInstance)
            .map(RecordingFileOps.Move.class::cast)
            .toList();
    assertEquals(
        java.util.Set.of(
            layout.path(LoopArtifact.CURSOR),
            layout.path(LoopArtifact.TRANSPORT_HEALTH),
            layout.path(LoopArtifact.HEARTBEAT_STATE),
            layout.path(LoopArtifact.SEQUENCE_STATE),
            layout.path(LoopArtifact.HEALTH)),
        moves.stream()
            .map(RecordingFileOps.Move::target)
            .collect(java.util.stream.Collectors.toSet()));
    for (RecordingFileOps.Move m : moves) {
      assertEquals(1, forced.remove(m.source()), "temp file forced once before its rename: " + m);
    }
    // the three logs forced once each, and the journal once: its commit point
    assertEquals(
        Map.of(
            journal,
            1,
            layout.path(LoopArtifact.HEARTBEAT_TELEMETRY),
            1,
            layout.path(LoopArtifact.SEQUENCE_TELEMETRY),
            1,
            layout.path(LoopArtifact.RECONCILE_TELEMETRY),
            1),
        forced);
    int commit =
        indexOf(step, e -> e instanceof RecordingFileOps.Force f && f.path().equals(journal));
    int firstArtifactWrite =
        indexOf(
            step,
            e ->
                e instanceof RecordingFileOps.Move
                    || e instanceof RecordingFileOps.Write w
                        && !w.path().equals(journal)
                        && !w.path().getFileName().toString().startsWith("."));
    assertTrue(commit < firstArtifactWrite, "the journal is forced before any artifact changes");

    // one directory force per directory that got a rename, after its last rename; none for the
    // logs, which existed
    Map<Path, Integer> perDir = new HashMap<>();
    for (int i = 0; i < step.size(); i++) {
      if (step.get(i) instanceof RecordingFileOps.ForceDir d) {
        perDir.merge(d.dir(), 1, Integer::sum);
        for (int j = i + 1; j < step.size(); j++) {
          if (step.get(j) instanceof RecordingFileOps.Move m) {
            assertTrue(
                !d.dir().equals(m.target().getParent()), "a rename after its directory's force");
          }
        }
      }
    }
    assertEquals(Map.of(layout.opsDir(), 1, layout.telemetryDir(), 1), perDir);
    assertEquals(9, forces);
    assertEquals(2, dirForces);
    assertEquals(5, renames);
  }

  private static int indexOf(
      List<RecordingFileOps.Event> events, java.util.function.Predicate<RecordingFileOps.Event> p) {
    for (int i = 0; i < events.size(); i++) {
      if (p.test(events.get(i))) {
        return i;
      }
    }
    throw new AssertionError("no such event");
  }
}
