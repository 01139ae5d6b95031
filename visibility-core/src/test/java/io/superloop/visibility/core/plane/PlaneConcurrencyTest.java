package io.superloop.visibility.core.plane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.audit.InFlightRow;
import io.superloop.visibility.api.audit.InvocationPhase;
import io.superloop.visibility.core.internal.PlaneAccess;
import io.superloop.visibility.core.rules.Durability;
import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.core.store.LoopArtifact;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link VisibilityPlane}'s javadoc promises about threads: control actions on one plane and
 * on two planes of the same loop, at the same time as reconcile steps and status reads, lose no
 * row, share no line, and keep each action's own rows in order.
 */
class PlaneConcurrencyTest {
  @TempDir Path tmp;

  private static final int THREADS = 6;
  private static final int ACTIONS = 20;

  @Test
  void concurrentControlActionsStepsAndStatusReadsLoseNothing() throws Exception {
    Path repo = tmp.resolve("repo");
    Files.createDirectories(repo.resolve(".superloop/loops/demo-loop"));
    Files.writeString(
        repo.resolve(".superloop/loops/demo-loop/events.jsonl"),
        "{\"timestamp\":\"2026-02-22T12:00:00Z\",\"event\":\"loop_start\",\"iteration\":1}\n");
    // a generator that is not thread-safe: the plane must use it under its lock
    RandomGenerator unsafe = new java.util.SplittableRandom(7)::nextLong;
    VisibilityPlane a =
        VisibilityPlane.builder(repo, "demo-loop")
            .rules(VisibilityRules.hardened())
            .durability(Durability.NONE)
            .random(unsafe)
            .build();
    VisibilityPlane b =
        VisibilityPlane.builder(repo, "demo-loop")
            .rules(VisibilityRules.hardened())
            .durability(Durability.NONE)
            .build();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS + 2);
    List<Future<?>> work = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      VisibilityPlane plane = t % 2 == 0 ? a : b;
      work.add(
          pool.submit(
              () -> {
                for (int i = 0; i < ACTIONS; i++) {
                  InFlightControl c = plane.control(ControlCall.cancel().requestedBy("svc"));
                  c.complete(ControlResult.confirmed("cancel " + i).withOutput("out " + i));
                }
                return null;
              }));
    }
    work.add(
        pool.submit(
            () -> {
              for (int i = 0; i < 10; i++) {
                a.reconcileLocal(StepOptions.defaults());
                b.reconcileLocal(StepOptions.defaults().withFromStart(true));
              }
              return null;
            }));
    work.add(
        pool.submit(
            () -> {
              for (int i = 0; i < 30; i++) {
                a.status();
              }
              return null;
            }));
    for (Future<?> f : work) {
      f.get(5, TimeUnit.MINUTES);
    }
    pool.shutdown();

    int total = THREADS * ACTIONS;
    Set<String> keys = new HashSet<>();
    for (String line :
        Files.readAllLines(PlaneAccess.layout(a).path(LoopArtifact.CONTROL_INVOCATIONS))) {
      keys.add(Codecs.CONTROL_INVOCATION.decode(line).idempotencyKey());
    }
    assertEquals(total, keys.size(), "one invocation row per action, each key once");
    Set<String> intentKeys = new HashSet<>();
    for (String line : Files.readAllLines(PlaneAccess.layout(a).path(LoopArtifact.INTENTS))) {
      intentKeys.add(Codecs.INTENT_ROW.decode(line).idempotencyKey().orElseThrow());
    }
    assertEquals(keys, intentKeys);
    Set<String> controlKeys = new HashSet<>();
    for (String line :
        Files.readAllLines(PlaneAccess.layout(a).path(LoopArtifact.CONTROL_TELEMETRY))) {
      controlKeys.add(Codecs.CONTROL_ROW.decode(line).idempotencyKey());
    }
    assertEquals(keys, controlKeys);
    // H5: each action's started row precedes its completed row
    Map<String, Integer> started = new HashMap<>();
    Map<String, Integer> completed = new HashMap<>();
    List<String> inflight =
        Files.readAllLines(PlaneAccess.layout(a).path(LoopArtifact.CONTROL_INVOCATIONS_INFLIGHT));
    for (int i = 0; i < inflight.size(); i++) {
      InFlightRow row = Codecs.IN_FLIGHT_ROW.decode(inflight.get(i));
      (row.phase() == InvocationPhase.STARTED ? started : completed).put(row.idempotencyKey(), i);
    }
    assertEquals(2 * total, inflight.size());
    assertEquals(keys, started.keySet());
    assertEquals(keys, completed.keySet());
    for (String k : keys) {
      assertTrue(started.getOrDefault(k, Integer.MAX_VALUE) < completed.getOrDefault(k, -1), k);
    }
    assertEquals(false, a.status().invocationAudit().orElseThrow().inFlight().orElseThrow());
  }
}
