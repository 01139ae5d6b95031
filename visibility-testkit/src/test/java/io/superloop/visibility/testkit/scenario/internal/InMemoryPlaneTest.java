package io.superloop.visibility.testkit.scenario.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.audit.Intent;
import io.superloop.visibility.api.heartbeat.FreshnessStatus;
import io.superloop.visibility.api.sequence.ViolationCode;
import io.superloop.visibility.api.status.VisibilitySummary;
import io.superloop.visibility.core.audit.InvocationAuditTrail;
import io.superloop.visibility.core.internal.PlaneAccess;
import io.superloop.visibility.core.plane.SpriteServicePoll;
import io.superloop.visibility.core.plane.StepOptions;
import io.superloop.visibility.core.plane.VisibilityPlane;
import io.superloop.visibility.core.rules.Durability;
import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.testkit.scenario.VisibilityAssertions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The in-memory plane ({@code VisibilityPlane.Builder.inMemory()}): the same sprite_service steps
 * and control actions give a memory plane the same results and status as a plane on disk, while
 * nothing at all is written under its repository; two memory planes share nothing.
 */
class InMemoryPlaneTest {
  private static final String LOOP = "mem-loop";
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  private static String event(int i) {
    return new RuntimeEvent(
            "2026-03-01T11:5" + i + ":00Z", "step", "run-1", i, "planner", "running", "m" + i, "{}")
        .line(LOOP);
  }

  /** Runs three polls and one control action; returns each step's status, encoded. */
  private static List<String> run(
      VisibilityPlane.Builder builder, Path runtime, VisibilityRules rules) throws IOException {
    Files.createDirectories(runtime);
    Files.writeString(runtime.resolve("events.jsonl"), "", StandardCharsets.UTF_8);
    VisibilityPlane plane =
        builder
            .rules(rules)
            .durability(Durability.NONE)
            .clock(Clock.fixed(T0, ZoneOffset.UTC))
            .random(new SplittableRandom(7))
            .build();
    List<String> out = new ArrayList<>();
    List<String> appends = List.of(event(1) + "\n" + event(2) + "\n", "\n" + event(3) + "\n", "");
    long cursor = 0;
    for (int step = 0; step < appends.size(); step++) {
      Files.writeString(
          runtime.resolve("events.jsonl"),
          appends.get(step),
          StandardCharsets.UTF_8,
          StandardOpenOption.APPEND);
      Files.writeString(
          runtime.resolve("heartbeat.v1.json"),
          "{\"timestamp\":\"2026-03-01T11:5" + (step * 2) + ":00Z\"}",
          StandardCharsets.UTF_8);
      ReferenceAnswers answers = ReferenceAnswers.read(runtime);
      SpriteServicePoll poll =
          SpriteServicePoll.ofBodies(
              answers.snapshot(T0, Optional.empty()), answers.events(cursor, T0, Optional.empty()));
      VisibilityPlane.Reconciliation r = plane.reconcile(poll, StepOptions.defaults());
      cursor = poll.cursor().orElseThrow().eventLineOffset();
      out.add(r.sequenceState().map(s -> s.status().wire()).orElse("none"));
      out.add(Codecs.VISIBILITY_SUMMARY.encode(plane.status()));
      if (step == 1) {
        // line 3 is empty: the second batch's one event is line 4 (contract 3.1)
        VisibilityAssertions.assertEventsLast(plane.status(), 4);
      }
    }
    ControlAction action =
        new ControlAction(
            Intent.CANCEL,
            LogicalOutcome.CONFIRMED,
            "trace-control-1",
            "cancel-1772366400-4242",
            ControlAction.SpriteForm.ANSWER_WITH_STATUS,
            2);
    SpriteServiceDelivery.control(action, LOOP, PlaneAccess.layout(plane), rules, T0);
    VisibilitySummary last = plane.status();
    out.add(Codecs.VISIBILITY_SUMMARY.encode(last));
    VisibilityAssertions.assertSequenceInOrder(last);
    // the last heartbeat is 11:54:00 at 12:00:00: 360 s, past the default critical 300 s
    VisibilityAssertions.assertHeartbeat(last, FreshnessStatus.CRITICAL);
    assertTrue(last.invocationAudit().isPresent(), "the control action is in the status");
    return out;
  }

  @Test
  void aMemoryPlaneReportsWhatAPlaneOnDiskReportsAndWritesNothing(@TempDir Path dir)
      throws IOException {
    for (VisibilityRules rules : List.of(VisibilityRules.reference(), VisibilityRules.hardened())) {
      Path memoryRepo = dir.resolve("memory-" + rules.name());
      Path diskRepo = dir.resolve("disk-" + rules.name());
      List<String> onDisk =
          run(
              VisibilityPlane.builder(diskRepo, LOOP),
              dir.resolve("rt-disk-" + rules.name()).resolve(LOOP),
              rules);
      List<String> inMemory =
          run(
              VisibilityPlane.builder(memoryRepo, LOOP).inMemory(),
              dir.resolve("rt-mem-" + rules.name()).resolve(LOOP),
              rules);
      assertEquals(onDisk, inMemory);
      assertTrue(Files.isDirectory(diskRepo.resolve(".superloop/ops-manager").resolve(LOOP)));
      assertFalse(Files.exists(memoryRepo), "a memory plane writes nothing under its repository");
    }
  }

  @Test
  void memoryPlanesShareNothing(@TempDir Path dir) throws IOException {
    Path repo = dir.resolve("repo");
    run(
        VisibilityPlane.builder(repo, LOOP).inMemory(),
        dir.resolve("rt").resolve(LOOP),
        VisibilityRules.hardened());
    VisibilitySummary fresh = VisibilityPlane.builder(repo, LOOP).inMemory().build().status();
    assertTrue(
        fresh.heartbeat().isEmpty()
            && fresh.sequence().isEmpty()
            && fresh.invocationAudit().isEmpty(),
        Codecs.VISIBILITY_SUMMARY.encode(fresh));
    assertFalse(Files.exists(repo));
  }

  @Test
  void aMemoryPlaneJudgesARegressionAsOneOnDiskDoes(@TempDir Path dir) throws IOException {
    VisibilityPlane plane =
        VisibilityPlane.builder(dir.resolve("repo"), LOOP)
            .inMemory()
            .clock(Clock.fixed(T0, ZoneOffset.UTC))
            .build();
    Path rt = dir.resolve("rt").resolve(LOOP);
    Files.createDirectories(rt);
    Files.writeString(
        rt.resolve("events.jsonl"), event(1) + "\n" + event(2) + "\n", StandardCharsets.UTF_8);
    ReferenceAnswers answers = ReferenceAnswers.read(rt);
    plane.reconcile(
        SpriteServicePoll.ofBodies(
            answers.snapshot(T0, Optional.empty()), answers.events(0, T0, Optional.empty())),
        StepOptions.defaults());
    // the service serves the log again from line 1 without a declared replay: its values regress
    plane.reconcile(
        SpriteServicePoll.ofBodies(
            answers.snapshot(T0, Optional.empty()), answers.events(0, T0, Optional.empty())),
        StepOptions.defaults());
    VisibilityAssertions.assertSequenceDrift(
        plane.status(), ViolationCode.EVENT_SEQUENCE_REGRESSION);
    assertEquals(
        Transport.SPRITE_SERVICE,
        plane.status().sequence().orElseThrow().transport().orElseThrow());
    assertFalse(Files.exists(dir.resolve("repo")));
  }

  @Test
  void controlRecordsGoThroughTheMemoryLayout(@TempDir Path dir) {
    VisibilityPlane plane = VisibilityPlane.builder(dir.resolve("repo"), LOOP).inMemory().build();
    new InvocationAuditTrail(
        PlaneAccess.layout(plane), Durability.NONE, VisibilityRules.hardened());
    assertFalse(Files.exists(dir.resolve("repo")));
  }
}
