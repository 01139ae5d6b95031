package io.superloop.visibility.core.plane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.audit.ControlInvocation;
import io.superloop.visibility.api.audit.OutcomeStatus;
import io.superloop.visibility.core.internal.PlaneAccess;
import io.superloop.visibility.core.rules.Durability;
import io.superloop.visibility.core.store.LoopLayout;
import io.superloop.visibility.core.store.LoopLock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The listener SPI (issue 17): listeners are called in registration order after the step's files
 * are committed and the lock released, with what the step read; a throwing listener breaks neither
 * the step nor the listeners after it, and is logged once per listener and cause. Also the
 * library's own log lines (quarantined files, a rewritten log, a long lock wait).
 */
class VisibilityListenerTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final String LOOP = "demo-loop";

  @TempDir Path tmp;
  private Path repo;
  private Path events;
  private Path ops;

  @BeforeEach
  void setUp() throws IOException {
    repo = Files.createDirectories(tmp.resolve("repo"));
    Path rt = Files.createDirectories(repo.resolve(".superloop/loops/" + LOOP));
    events = rt.resolve("events.jsonl");
    Files.writeString(rt.resolve("heartbeat.v1.json"), "{\"timestamp\":\"2026-03-01T11:59:30Z\"}");
    ops = repo.resolve(".superloop/ops-manager/" + LOOP);
  }

  private static String event(int i) {
    return "{\"timestamp\":\"2026-03-01T11:59:0" + (i % 10) + "Z\",\"event\":\"e" + i + "\"}\n";
  }

  private void append(String text) throws IOException {
    Files.writeString(
        events, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private VisibilityPlane.Builder builder() {
    return VisibilityPlane.builder(repo, LOOP)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .durability(Durability.NONE);
  }

  /** Records each call as "name.method[:detail]"; checks what must hold when it is called. */
  private final class Recording implements VisibilityListener {
    final String name;
    final List<String> calls;
    final List<StepEvent> steps = new ArrayList<>();
    final List<ControlInvocation> controls = new ArrayList<>();
    final AtomicInteger lockFree = new AtomicInteger();

    Recording(String name, List<String> calls) {
      this.name = name;
      this.calls = calls;
    }

    @Override
    public void onStep(StepEvent step) {
      calls.add(name + ".onStep");
      steps.add(step);
      // committed: the step's files are there, and the loop lock is free
      assertTrue(Files.isRegularFile(ops.resolve("health.json")));
      // (another thread: the lock is reentrant within the step's own thread)
      Thread other =
          new Thread(
              () -> {
                try (LoopLock.Held h =
                    LoopLayout.of(repo, LOOP).lock().tryAcquire().orElseThrow()) {
                  lockFree.incrementAndGet();
                }
              });
      other.start();
      try {
        other.join();
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }

    @Override
    public void onWarning(StepEvent step, ReasonCode warning) {
      calls.add(name + ".onWarning:" + warning.wire());
    }

    @Override
    public void onControl(ControlInvocation invocation) {
      calls.add(name + ".onControl");
      controls.add(invocation);
    }
  }

  private static final class Throwing implements VisibilityListener {
    final List<String> calls;

    Throwing(List<String> calls) {
      this.calls = calls;
    }

    @Override
    public void onStep(StepEvent step) {
      calls.add("T.onStep");
      throw new IllegalStateException("listener bug " + calls.size());
    }

    @Override
    public void onWarning(StepEvent step, ReasonCode warning) {
      calls.add("T.onWarning");
      throw new UnsupportedOperationException("no warnings here");
    }
  }

  @Test
  void listenersRunInOrderAfterTheCommitAndAThrowingOneBreaksNothing() throws IOException {
    List<String> calls = Collections.synchronizedList(new ArrayList<>());
    Recording a = new Recording("A", calls);
    Recording b = new Recording("B", calls);
    VisibilityPlane plane = builder().listener(a).listener(new Throwing(calls)).listener(b).build();
    // a corrupt previous state: renamed aside, previous_state_unreadable
    Files.createDirectories(ops);
    Files.writeString(ops.resolve("health.json"), "{not json");
    String first = event(1) + event(2) + event(3);
    append(first);

    VisibilityPlane.Reconciliation r;
    try (LogCapture log = new LogCapture(VisibilityListener.class.getName())) {
      r = plane.reconcileLocal(StepOptions.defaults().withTraceId("trace-listeners-1"));
      assertEquals(2, log.messages(Level.WARNING).size(), log.messages(Level.WARNING).toString());
      assertTrue(log.messages(Level.WARNING).get(0).contains(Throwing.class.getName() + ".onStep"));
      assertTrue(
          log.messages(Level.WARNING).get(1).contains(Throwing.class.getName() + ".onWarning"));
    }
    List<String> warnings = r.warnings().stream().map(ReasonCode::wire).toList();
    assertTrue(warnings.contains("previous_state_unreadable"), warnings.toString());
    List<String> want = new ArrayList<>(List.of("A.onStep", "T.onStep", "B.onStep"));
    for (String w : warnings) {
      want.addAll(List.of("A.onWarning:" + w, "T.onWarning", "B.onWarning:" + w));
    }
    assertEquals(want, calls);

    StepEvent e = a.steps.get(0);
    assertEquals(e, b.steps.get(0));
    assertEquals(1, a.lockFree.get(), "the loop lock was free when the listener ran");
    assertEquals(r, e.reconciliation());
    assertEquals(LOOP, e.loopId());
    assertEquals("trace-listeners-1", e.traceId().value());
    assertEquals(Transport.LOCAL, e.transport());
    assertEquals(NOW, e.startedAt());
    assertFalse(e.duration().isNegative());
    assertEquals(3, e.linesIngested());
    assertEquals(first.getBytes(StandardCharsets.UTF_8).length, e.bytesIngested());
    assertEquals(1, e.quarantinedFiles().size());
    Path moved = e.quarantinedFiles().get(0);
    assertTrue(moved.getFileName().toString().startsWith("health.json.corrupt-"), moved.toString());
    assertEquals("{not json", Files.readString(moved));

    // the next step: one more line, read from the cursor's byte offset; nothing quarantined
    calls.clear();
    String second = event(4);
    append(second);
    plane.reconcileLocal(StepOptions.defaults());
    StepEvent next = a.steps.get(1);
    assertEquals(1, next.linesIngested());
    assertEquals(second.getBytes(StandardCharsets.UTF_8).length, next.bytesIngested());
    assertEquals(List.of(), next.quarantinedFiles());
    assertEquals(List.of("A.onStep", "T.onStep", "B.onStep"), calls);
  }

  @Test
  void aFailingListenerIsLoggedOncePerListenerAndCause() throws IOException {
    List<String> calls = new ArrayList<>();
    Throwing t1 = new Throwing(calls);
    Throwing t2 = new Throwing(calls);
    VisibilityPlane plane = builder().listener(t1).listener(t2).build();
    append(event(1));
    try (LogCapture log = new LogCapture(VisibilityListener.class.getName())) {
      for (int i = 0; i < 3; i++) {
        plane.reconcileLocal(StepOptions.defaults());
      }
      // onStep only (no warnings): 2 listeners x 3 steps; one WARNING per listener, the rest DEBUG
      assertEquals(6, calls.size(), calls.toString());
      assertEquals(2, log.messages(Level.WARNING).size(), log.messages(Level.WARNING).toString());
      assertEquals(4, log.messages(Level.FINE).size(), log.records().toString());
      // the stack trace goes with the record
      assertTrue(
          log.records().stream().allMatch(rec -> rec.getThrown() instanceof IllegalStateException));
    }
  }

  @Test
  void aControlActionRecordedThroughThePlaneIsToldToTheListeners() throws IOException {
    List<String> calls = new ArrayList<>();
    Recording a = new Recording("A", calls);
    VisibilityPlane plane = builder().listener(new Throwing(calls)).listener(a).build();
    ControlInvocation returned =
        plane
            .control(
                ControlCall.cancel()
                    .traceId("trace-control-1")
                    .requestedBy("ops-user")
                    .idempotencyKey("key-1"))
            .complete(ControlResult.executedUnconfirmed("runner.cancel()"));
    assertEquals(List.of("A.onControl"), calls);
    ControlInvocation told = a.controls.get(0);
    // the row told is the row appended
    String row = Files.readString(ops.resolve("telemetry/control-invocations.jsonl")).strip();
    assertEquals(Codecs.CONTROL_INVOCATION.decode(row), told);
    assertEquals(returned, told);
    assertEquals(OutcomeStatus.EXECUTED_UNCONFIRMED, told.outcome().status());
  }

  @Test
  void quarantinedStateAndTornTailsAreLogged() throws IOException {
    append(event(1));
    Files.createDirectories(ops.resolve("telemetry"));
    Files.writeString(ops.resolve("sequence-state.json"), "[]");
    Files.writeString(ops.resolve("telemetry/reconcile.jsonl"), "{\"torn\":");
    try (LogCapture log = new LogCapture("io.superloop.visibility.core.store")) {
      builder().build().reconcileLocal(StepOptions.defaults());
      List<String> w = log.messages(Level.WARNING);
      assertEquals(2, w.size(), w.toString());
      assertTrue(
          w.get(0)
              .startsWith(
                  "quarantined unreadable state file "
                      + ops.resolve("sequence-state.json")
                      + " to "),
          w.get(0));
      assertTrue(
          w.get(1)
              .equals(
                  "quarantined a torn tail of 8 bytes of "
                      + ops.resolve("telemetry/reconcile.jsonl")
                      + " to "
                      + ops.resolve("telemetry/reconcile.jsonl.torn")),
          w.get(1));
    }
  }

  @Test
  void aRewrittenLogIsLoggedOnceForTheStep() throws IOException {
    append(event(1) + event(2) + event(3));
    VisibilityPlane plane = builder().build();
    plane.reconcileLocal(StepOptions.defaults());
    Files.writeString(events, event(5) + event(6) + event(7) + event(8) + event(9));
    try (LogCapture log = new LogCapture("io.superloop.visibility.core.source")) {
      plane.reconcileLocal(StepOptions.defaults());
      assertEquals(1, log.records().size(), log.records().toString());
      assertTrue(
          log.messages(Level.WARNING).get(0).startsWith("events log " + events + " was rewritten"));
      plane.reconcileLocal(StepOptions.defaults());
      assertEquals(1, log.records().size(), "a step that resumes normally logs nothing");
      // truncated below the cursor (5 lines): hardened H20 restarts in a new epoch
      Files.writeString(events, event(1) + event(2));
      plane.reconcileLocal(StepOptions.defaults());
      assertEquals(2, log.records().size(), log.records().toString());
      assertEquals(
          "events log "
              + events
              + " is shorter than the cursor (5 lines): read from line 1 in a new epoch",
          log.messages(Level.WARNING).get(1));
    }
  }

  @Test
  void aLockWaitOverASecondIsLoggedAndAShortOneIsNot() throws Exception {
    append(event(1));
    VisibilityPlane plane = builder().build();
    plane.reconcileLocal(StepOptions.defaults());
    try (LogCapture log = new LogCapture("io.superloop.visibility.core.store")) {
      plane.reconcileLocal(StepOptions.defaults());
      assertEquals(List.of(), log.messages(Level.INFO), "an uncontended lock");
      CountDownLatch held = new CountDownLatch(1);
      Thread holder =
          new Thread(
              () -> {
                try (LoopLock.Held h = PlaneAccess.layout(plane).lock().acquire()) {
                  held.countDown();
                  Thread.sleep(1_300);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      holder.start();
      assertTrue(held.await(30, TimeUnit.SECONDS));
      plane.reconcileLocal(StepOptions.defaults());
      holder.join();
      List<String> info = log.messages(Level.INFO);
      assertEquals(1, info.size(), info.toString());
      assertTrue(info.get(0).matches("waited [0-9,]+ ms for the loop lock .*\\.lock"), info.get(0));
    }
  }
}
