package io.superloop.visibility.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * a fresh heartbeat), counted through {@link RecordingFileOps}: file forces, directory forces and
 * renames.
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
        rt.resolve("heartbeat.v1.json"), "{\"timestamp\":\"2026-03-01T11:59:50Z\"}", StandardCharsets.UTF_8);
    RecordingFileOps ops = new RecordingFileOps();
    VisibilityPlane plane =
        VisibilityPlane.builder(LoopLayout.of(repo, "count-loop").withFileOps(ops))
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
    Map<Path, Integer> perDir = new HashMap<>();
    for (RecordingFileOps.Event e : step) {
      if (e instanceof RecordingFileOps.ForceDir d) {
        perDir.merge(d.dir(), 1, Integer::sum);
      }
    }
    System.out.println(
        "[store-figures] steady-state local step: file forces=" + forces + " directory forces=" + dirForces
            + " renames=" + renames + " directory forces per directory=" + perDir);
    // before the step commit protocol: each state file forced + renamed + its directory forced,
    // each log forced + its directory forced on every open (the strace count of the issue)
    assertEquals(8, forces);
    assertEquals(8, dirForces);
    assertEquals(5, renames);
    assertTrue(perDir.values().stream().allMatch(n -> n == 4), perDir.toString());
  }
}
