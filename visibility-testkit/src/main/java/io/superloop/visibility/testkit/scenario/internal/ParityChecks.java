package io.superloop.visibility.testkit.scenario.internal;

import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.audit.ControlInvocation;
import io.superloop.visibility.api.health.HealthThresholds;
import io.superloop.visibility.api.heartbeat.FreshnessStatus;
import io.superloop.visibility.api.heartbeat.HeartbeatState;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.api.reconcile.ReconcileRow;
import io.superloop.visibility.api.sequence.SequenceState;
import io.superloop.visibility.api.sequence.ViolationCode;
import io.superloop.visibility.api.status.InvocationAuditSurface;
import io.superloop.visibility.api.status.TraceSurface;
import io.superloop.visibility.core.internal.PlaneAccess;
import io.superloop.visibility.core.plane.VisibilityPlane;
import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.core.store.LoopArtifact;
import io.superloop.visibility.core.store.LoopLayout;
import io.superloop.visibility.core.time.Timestamps;
import io.superloop.visibility.testkit.gen.Gen;
import io.superloop.visibility.testkit.gen.internal.Zip;
import io.superloop.visibility.testkit.property.Property;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The local / sprite_service parity properties and the step-level validator invariants, as reusable
 * checks. Each {@code xxx(...)} method runs a {@link Property} over a generator (default tries:
 * {@link Property#defaultTries()}, 1,000 unless configured); each {@code assertXxx(...)} method
 * checks one value and throws an {@link AssertionError} when it fails, so users can run the checks
 * on their own deliveries and generators. Every try works in a fresh subdirectory of the work
 * directory, removed after a passing try.
 *
 * <pre>{@code
 * ParityChecks p = ParityChecks.in(tempDir);
 * p.transportParity(HistoryGens.carriableHistories(), StepDelivery.LOCAL, StepDelivery.SPRITE_SERVICE,
 *     VisibilityRules.hardened());
 * }</pre>
 */
public final class ParityChecks {
  private final Path workDir;
  private final int tries;
  private final OptionalLong seed;
  private final AtomicLong counter;

  private ParityChecks(Path workDir, int tries, OptionalLong seed, AtomicLong counter) {
    this.workDir = workDir;
    this.tries = tries;
    this.seed = seed;
    this.counter = counter;
  }

  /**
   * Properties working under a directory, with the default tries and a random seed.
   *
   * @param workDir where each try gets a fresh subdirectory
   * @return the properties
   */
  public static ParityChecks in(Path workDir) {
    return new ParityChecks(workDir, 0, OptionalLong.empty(), new AtomicLong());
  }

  /**
   * These properties with another number of tries.
   *
   * @param tries tries per property, at least 1
   * @return the copy
   * @throws IllegalArgumentException when {@code tries < 1}
   */
  public ParityChecks tries(int tries) {
    if (tries < 1) {
      throw new IllegalArgumentException("tries must be >= 1");
    }
    return new ParityChecks(workDir, tries, seed, counter);
  }

  /**
   * These properties with a fixed seed.
   *
   * @param seed the seed of every property
   * @return the copy
   */
  public ParityChecks seed(long seed) {
    return new ParityChecks(workDir, tries, OptionalLong.of(seed), counter);
  }

  private <T> Property<T> property(Gen<T> gen, String name) {
    Property<T> p = Property.forAll(gen).named(name);
    if (tries > 0) {
      p = p.tries(tries);
    }
    if (seed.isPresent()) {
      p = p.seed(seed.getAsLong());
    }
    return p;
  }

  // ------------------------------------------------------------------ transport parity

  /**
   * Transport parity: for every history both deliveries can carry, after every step the two loop
   * directories hold the same sequence state, heartbeat state, health, telemetry and visibility,
   * except what contract 7.3 lets differ ({@link LoopFiles#normalized}).
   *
   * @param histories the histories; those a delivery cannot carry are filtered out
   * @param left one delivery
   * @param right the other delivery
   * @param rules the rules of every step
   * @throws AssertionError naming the property, seed and shrunk counterexample when a try fails
   */
  public void transportParity(
      Gen<History> histories, StepDelivery left, StepDelivery right, VisibilityRules rules) {
    property(
            histories.filter(h -> left.canCarry(h) && right.canCarry(h), 1000),
            "transport parity (" + rules.name() + ")")
        .check(h -> assertTransportParity(h, left, right, rules));
  }

  /**
   * One try of {@link #transportParity}.
   *
   * @param h a history both deliveries can carry
   * @param left one delivery
   * @param right the other delivery
   * @param rules the rules of every step
   * @throws AssertionError naming the first step and member that differ
   */
  public void assertTransportParity(
      History h, StepDelivery left, StepDelivery right, VisibilityRules rules) {
    Path dir = freshDir("parity");
    StepDelivery.DeliveryRun a = left.deliver(h, dir.resolve(left.transport().wire()), rules);
    StepDelivery.DeliveryRun b =
        right.deliver(h, dir.resolve(right.transport().wire() + "-2"), rules);
    for (int i = 0; i < h.steps().size(); i++) {
      JsonValue na = a.steps().get(i).files().normalized(a.repoRoot());
      JsonValue nb = b.steps().get(i).files().normalized(b.repoRoot());
      if (!na.equals(nb)) {
        throw new AssertionError(
            "step "
                + i
                + " differs between "
                + left.transport().wire()
                + " and "
                + right.transport().wire()
                + ": "
                + firstDifference(na, nb, ""));
      }
    }
    delete(dir);
  }

  // ------------------------------------------------------------------ invocation parity

  /**
   * Invocation parity: every logical outcome, written through the local mapping (contract 4.3) and
   * through the sprite_service mapping of the service's answer (4.4), gives the same intent,
   * execution, confirmation and outcome statuses (the 7.2 projection), both in the audit row and in
   * {@code visibility.invocationAudit}, and they are the statuses of the 4.3 table.
   *
   * @param actions the control actions
   * @param presets the rules to draw from
   * @throws AssertionError naming the property, seed and shrunk counterexample when a try fails
   */
  public void invocationParity(Gen<ControlAction> actions, List<VisibilityRules> presets) {
    property(Gen.zip(actions, Gen.elements(presets), Case::new), "invocation parity")
        .check(c -> assertInvocationParity(c.value(), c.rules()));
  }

  /**
   * One try of {@link #invocationParity}.
   *
   * @param a the action
   * @param rules the rules
   * @throws AssertionError when the projections differ or are not the 4.3 table's
   */
  public void assertInvocationParity(ControlAction a, VisibilityRules rules) {
    Path dir = freshDir("invocation");
    Instant now = HistoryGens.BASE;
    LoopLayout local = LoopLayout.of(dir.resolve("local"), "parity-loop");
    LoopLayout sprite = LoopLayout.of(dir.resolve("sprite"), "parity-loop");
    LocalDelivery.control(a, "parity-loop", local, rules, now, local.repoRoot());
    SpriteServiceDelivery.control(a, "parity-loop", sprite, rules, now);
    List<String> pl = projection(local, rules);
    List<String> ps = projection(sprite, rules);
    List<String> expected =
        List.of(
            a.intent().wire(),
            a.outcome().executionWire(),
            a.outcome().confirmationWire(),
            a.outcome().outcomeWire(),
            a.traceId());
    check(pl.equals(ps), "7.2 projection differs: local " + pl + " sprite_service " + ps);
    check(
        pl.subList(0, 5).equals(expected),
        "local projection " + pl + " is not the contract's " + expected);
    check(
        pl.subList(5, 10).equals(expected),
        "status projection " + pl + " is not the contract's " + expected);
    delete(dir);
  }

  /** intent, execution, confirmation, outcome, trace of the last audit row, then of the status. */
  private static List<String> projection(LoopLayout layout, VisibilityRules rules) {
    VisibilityPlane plane = PlaneAccess.builder(layout).rules(rules).build();
    LoopFiles f = LoopFiles.read(layout, plane.status());
    check(
        f.invocations().size() == 1,
        "expected one invocation row, found " + f.invocations().size());
    ControlInvocation i = f.invocations().get(0);
    InvocationAuditSurface s =
        f.visibility()
            .invocationAudit()
            .orElseThrow(() -> new AssertionError("no visibility.invocationAudit"));
    return List.of(
        i.intent().wire(),
        i.execution().status().wire(),
        i.confirmation().status().wire(),
        i.outcome().status().wire(),
        i.traceId().map(t -> t.value()).orElse("-"),
        s.intent().orElse("-"),
        s.executionStatus().orElse("-"),
        s.confirmationStatus().orElse("-"),
        s.outcomeStatus().orElse("-"),
        s.traceId().map(t -> t.value()).orElse("-"));
  }

  // ------------------------------------------------------------------ validator invariants

  /**
   * A history that only appends (events and empty lines) never drifts, step by step.
   *
   * @param histories appending histories (such as {@link HistoryShape#strictlyIncreasing()})
   * @param deliveries the deliveries to draw from
   * @param presets the rules to draw from
   * @throws AssertionError naming the property, seed and shrunk counterexample when a try fails
   */
  public void strictlyIncreasingNeverDrifts(
      Gen<History> histories, List<StepDelivery> deliveries, List<VisibilityRules> presets) {
    property(
            Zip.zip(
                histories,
                Gen.elements(deliveries),
                Gen.elements(presets),
                (h, d, r) -> new Object[] {h, d, r}),
            "strictly increasing never drifts")
        .check(
            a ->
                assertStrictlyIncreasingNeverDrifts(
                    (History) a[0], (StepDelivery) a[1], (VisibilityRules) a[2]));
  }

  /**
   * One try of {@link #strictlyIncreasingNeverDrifts}.
   *
   * @param h an appending history
   * @param delivery the delivery
   * @param rules the rules
   * @throws AssertionError when a step drifts, does not rewrite the sequence state, or reports
   *     {@code event_log_rewritten}
   */
  public void assertStrictlyIncreasingNeverDrifts(
      History h, StepDelivery delivery, VisibilityRules rules) {
    Path dir = freshDir("increasing");
    StepDelivery.DeliveryRun run = delivery.deliver(h, dir, rules);
    for (StepView v : run.steps()) {
      SequenceState s =
          v.files().sequence().orElseThrow(() -> new AssertionError("no sequence state"));
      check(
          s.violations().isEmpty() && !s.driftActive(),
          "step " + v.index() + " drifted: " + s.violations());
      check(
          s.updatedAt().equals(Timestamps.format(h.clockAt(v.index()))),
          "step " + v.index() + " state not rewritten");
      // the parity comparison drops this local-only warning; an appending history must never raise
      // it
      check(
          !v.warnings().contains(ReasonCode.EVENT_LOG_REWRITTEN.wire()),
          "step " + v.index() + " reported a rewritten log after appends only");
    }
    delete(dir);
  }

  /**
   * A clean history followed by one step with exactly one injected fault gives exactly that fault's
   * violation codes (see {@link FaultCase#expected}).
   *
   * @param presets the rules to draw from
   * @throws AssertionError naming the property, seed and shrunk counterexample when a try fails
   */
  public void singleFaultGivesItsCode(List<VisibilityRules> presets) {
    property(Gen.zip(faultCases(), Gen.elements(presets), Case::new), "single fault gives its code")
        .check(c -> assertSingleFault(c.value(), c.rules()));
  }

  /**
   * One try of {@link #singleFaultGivesItsCode}.
   *
   * @param c the fault case
   * @param rules the rules
   * @throws AssertionError when the last step's violation codes are not the expected ones
   */
  public void assertSingleFault(FaultCase c, VisibilityRules rules) {
    Path dir = freshDir("fault");
    StepDelivery d = c.local() ? StepDelivery.LOCAL : StepDelivery.SPRITE_SERVICE;
    StepDelivery.DeliveryRun run = d.deliver(c.history(), dir, rules);
    StepView last = run.last();
    SequenceState s =
        last.files().sequence().orElseThrow(() -> new AssertionError("no sequence state"));
    List<String> got = s.violations().stream().map(ViolationCode::wire).toList();
    List<String> want = c.expected(rules).stream().map(ViolationCode::wire).toList();
    check(got.equals(want), c.fault() + ": violations " + got + ", expected " + want);
    if (c.fault().equals("WHITE_SPACE") || c.fault().equals("MALFORMED")) {
      check(
          last.warnings().contains("event_line_malformed"),
          c.fault() + ": no event_line_malformed warning");
    }
    if (c.fault().equals("EVENT_DUPLICATE")) {
      check(
          s.events().duplicates().orElse(-1) == 1,
          "duplicate: events.duplicates " + s.events().duplicates());
    }
    if (c.fault().equals("TORN")) {
      long events =
          c.history().steps().get(c.history().steps().size() - 1).appended().stream()
              .filter(l -> l.kind() == LogLine.Kind.EVENT)
              .count();
      check(
          s.events().ingestedCount() == events,
          "torn line counted: " + s.events().ingestedCount() + " != " + events);
    }
    delete(dir);
  }

  /**
   * Under replay-aware rules (hardened, H15) a declared replay ({@code fromStart}, after any
   * truncation or rotation) never drifts and starts a new epoch.
   *
   * @param deliveries the deliveries to draw from
   * @param rules replay-aware rules
   * @throws AssertionError naming the property, seed and shrunk counterexample when a try fails
   */
  public void declaredReplayNeverDrifts(List<StepDelivery> deliveries, VisibilityRules rules) {
    property(
            Gen.zip(changedLog(true), Gen.elements(deliveries), (h, d) -> new Object[] {h, d}),
            "declared replay never drifts")
        .check(a -> assertDeclaredReplayNeverDrifts((History) a[0], (StepDelivery) a[1], rules));
  }

  /**
   * Under hardened rules (H17, H20) the local source never drifts when the log was truncated or
   * rotated without a declared replay: a log shorter than the cursor is read from line 1 in a new
   * epoch with the warning {@code event_log_truncated}; a log that grew back past the cursor is
   * read after it by counting lines ({@code event_log_rewritten}).
   *
   * @param rules rules with {@link VisibilityRules#restartTruncatedEventLog()} and replay-aware
   *     sequencing
   * @throws AssertionError naming the property, seed and shrunk counterexample when a try fails
   */
  public void undeclaredLogChangeNeverDrifts(VisibilityRules rules) {
    property(changedLog(false), "undeclared log change never drifts (local)")
        .check(h -> assertUndeclaredLogChangeNeverDrifts(h, rules));
  }

  /**
   * One try of {@link #undeclaredLogChangeNeverDrifts}.
   *
   * @param h a history whose last step follows a truncation or rotation
   * @param rules the rules
   * @throws AssertionError when the step drifts, or its epoch and warnings do not say what it found
   */
  public void assertUndeclaredLogChangeNeverDrifts(History h, VisibilityRules rules) {
    Path dir = freshDir("shrunk");
    StepView last = StepDelivery.LOCAL.deliver(h, dir, rules).last();
    SequenceState s =
        last.files().sequence().orElseThrow(() -> new AssertionError("no sequence state"));
    check(s.violations().isEmpty(), "an undeclared log change drifted: " + s.violations());
    ReconcileRow row = last.reconciliation().reconcileRow();
    boolean shorter = row.cursorOffsetBefore() > s.snapshot().current().orElse(0);
    check(
        last.warnings().contains(ReasonCode.EVENT_LOG_TRUNCATED.wire()) == shorter,
        "event_log_truncated "
            + last.warnings()
            + " for a log of "
            + s.snapshot().current()
            + " lines after a cursor at "
            + row.cursorOffsetBefore());
    check(
        s.transition().flatMap(x -> x.epochReset()).orElse(false) == shorter,
        "epoch reset only for a shorter log");
    delete(dir);
  }

  /** Strictly increasing histories whose last step follows a truncation, a rotation or nothing. */
  private static Gen<History> changedLog(boolean declared) {
    return HistoryGens.histories(HistoryShape.strictlyIncreasing().withSteps(1, 3))
        .flatMap(
            h ->
                Gen.zip(
                    Gen.frequency(
                        Gen.weighted(1, Gen.constant(LogChange.NONE)),
                        Gen.weighted(1, Gen.ints(0, 10).map(LogChange::truncate)),
                        Gen.weighted(
                            1,
                            Gen.listOf(
                                    HistoryGens.lines(
                                        h.loopId(), h.clockAt(h.steps().size() - 1), false),
                                    0,
                                    10)
                                .map(LogChange::rotate))),
                    Gen.listOf(
                        HistoryGens.lines(h.loopId(), h.clockAt(h.steps().size() - 1), false),
                        0,
                        10),
                    (change, lines) ->
                        h.plus(
                            h.steps()
                                .get(h.steps().size() - 1)
                                .withAppended(lines)
                                .withChange(change, declared)
                                .withSpriteFaults(List.of()))));
  }

  /**
   * One try of {@link #declaredReplayNeverDrifts}.
   *
   * @param h a history whose last step is a declared replay
   * @param delivery the delivery
   * @param rules replay-aware rules
   * @throws AssertionError when the replay drifts or starts no new epoch
   */
  public void assertDeclaredReplayNeverDrifts(
      History h, StepDelivery delivery, VisibilityRules rules) {
    Path dir = freshDir("replay");
    StepView last = delivery.deliver(h, dir, rules).last();
    SequenceState s =
        last.files().sequence().orElseThrow(() -> new AssertionError("no sequence state"));
    check(s.violations().isEmpty(), "declared replay drifted: " + s.violations());
    check(
        s.transition().flatMap(x -> x.epochReset()).orElse(false),
        "declared replay did not reset the epoch");
    delete(dir);
  }

  /**
   * Under replay-aware rules a regression after an empty batch (or after a missing snapshot value)
   * is caught; under reference rules it is not (contract 3.5, 9.21). Runs on sprite_service, the
   * only transport that can deliver such a regression without a declared replay.
   *
   * @param presets the rules to draw from
   * @throws AssertionError naming the property, seed and shrunk counterexample when a try fails
   */
  public void regressionAfterEmptyBatch(List<VisibilityRules> presets) {
    Gen<History> gen =
        Gen.zip(
                HistoryGens.histories(HistoryShape.strictlyIncreasing().withSteps(1, 2)),
                Gen.booleans(),
                (h, snapshot) -> new Object[] {h, snapshot})
            .flatMap(
                a -> {
                  History h = (History) a[0];
                  boolean snapshot = (Boolean) a[1];
                  Instant now = h.clockAt(h.steps().size() - 1);
                  return Gen.zip(
                      Gen.listOf(HistoryGens.eventLines(h.loopId(), now), 1, 5),
                      Gen.listOf(HistoryGens.eventLines(h.loopId(), now), 1, 5),
                      (first, third) -> {
                        HistoryStep base =
                            h.steps().get(h.steps().size() - 1).withSpriteFaults(List.of());
                        History out = h.withLastStep(base.withAppended(first));
                        out =
                            out.plus(
                                base.withAppended(List.of())
                                    .withSpriteFaults(
                                        snapshot
                                            ? List.of(
                                                new SpriteFault(
                                                    SpriteFault.Kind.SNAPSHOT_MISSING, 0, ""))
                                            : List.of()));
                        return out.plus(
                            base.withAppended(third)
                                .withSpriteFaults(
                                    List.of(
                                        new SpriteFault(
                                            snapshot
                                                ? SpriteFault.Kind.SNAPSHOT_REGRESSING
                                                : SpriteFault.Kind.EVENT_REGRESSING_ACROSS,
                                            0,
                                            ""))));
                      });
                });
    property(Gen.zip(gen, Gen.elements(presets), Case::new), "regression after an empty batch")
        .check(c -> assertRegressionAfterEmptyBatch(c.value(), c.rules()));
  }

  /**
   * One try of {@link #regressionAfterEmptyBatch}.
   *
   * @param h a history with a regression after an empty batch
   * @param rules the rules
   * @throws AssertionError when the regression is caught under reference rules or missed under
   *     replay-aware ones
   */
  public void assertRegressionAfterEmptyBatch(History h, VisibilityRules rules) {
    Path dir = freshDir("empty-batch");
    StepView last = StepDelivery.SPRITE_SERVICE.deliver(h, dir, rules).last();
    SequenceState s =
        last.files().sequence().orElseThrow(() -> new AssertionError("no sequence state"));
    boolean snapshot =
        h.steps().get(h.steps().size() - 1).spriteFaults().get(0).kind()
            == SpriteFault.Kind.SNAPSHOT_REGRESSING;
    ViolationCode code =
        snapshot
            ? ViolationCode.SNAPSHOT_SEQUENCE_REGRESSION
            : ViolationCode.EVENT_SEQUENCE_REGRESSION;
    List<ViolationCode> want = rules.replayAwareSequencing() ? List.of(code) : List.of();
    check(
        s.violations().equals(want),
        "after an empty batch: " + s.violations() + ", expected " + want);
    delete(dir);
  }

  /**
   * Freshness is monotone in the lag and exact at the boundaries: for two lags {@code l1 <= l2},
   * each delivered as a one-step history, {@code heartbeat.json} holds the lag clamped at 0 and the
   * status of contract 2.2 step 7 ({@code >= critical}: critical, {@code >= degraded}: degraded,
   * else fresh), the stale reason iff not fresh, and the first status is never worse than the
   * second. Under skew detection (H9) a heartbeat more than the tolerance in the future carries
   * {@code clockSkewSeconds}.
   *
   * @param presets the rules to draw from
   * @throws AssertionError naming the property, seed and shrunk counterexample when a try fails
   */
  public void freshnessMonotoneAndExact(List<VisibilityRules> presets) {
    Gen<List<Object>> gen =
        HistoryGens.thresholds()
            .flatMap(
                t ->
                    Zip.zip(
                        HistoryGens.heartbeatLags(t),
                        HistoryGens.heartbeatLags(t),
                        Gen.booleans(),
                        (x, y, local) ->
                            List.<Object>of(t, Math.min(x, y), Math.max(x, y), local)));
    property(Gen.zip(gen, Gen.elements(presets), Case::new), "freshness monotone and exact")
        .check(
            c -> {
              List<Object> a = c.value();
              assertFreshness(
                  (HealthThresholds) a.get(0),
                  (Long) a.get(1),
                  (Long) a.get(2),
                  (Boolean) a.get(3),
                  c.rules());
            });
  }

  /**
   * One try of {@link #freshnessMonotoneAndExact}.
   *
   * @param t the thresholds
   * @param lag1 a lag in seconds (negative: in the future)
   * @param lag2 a lag in seconds, {@code >= lag1}
   * @param local whether the heartbeats are delivered locally (else over sprite_service)
   * @param rules the rules
   * @throws AssertionError when a state is not exact or the statuses are not monotone
   */
  public void assertFreshness(
      HealthThresholds t, long lag1, long lag2, boolean local, VisibilityRules rules) {
    Freshness f1 = freshness(t, lag1, local, rules);
    Freshness f2 = freshness(t, lag2, local, rules);
    // monotone on what the library wrote, before (and apart from) the exactness of each state
    check(
        rank(f1.state().freshnessStatus()) <= rank(f2.state().freshnessStatus())
            && f1.state().heartbeatLagSeconds() <= f2.state().heartbeatLagSeconds()
            && (!f1.stale() || f2.stale()),
        "freshness not monotone: lag " + lag1 + " -> " + f1 + ", lag " + lag2 + " -> " + f2);
    assertExact(f1, t, rules);
    assertExact(f2, t, rules);
  }

  /**
   * The heartbeat state and health verdict a step wrote for a heartbeat {@code lag} seconds old.
   */
  private record Freshness(long lag, HeartbeatState state, boolean stale) {
    @Override
    public String toString() {
      return state.freshnessStatus().wire()
          + " (heartbeatLagSeconds "
          + state.heartbeatLagSeconds()
          + ", runtime_heartbeat_stale in health: "
          + stale
          + ")";
    }
  }

  private static int rank(FreshnessStatus status) {
    return List.of(FreshnessStatus.FRESH, FreshnessStatus.DEGRADED, FreshnessStatus.CRITICAL)
        .indexOf(status);
  }

  private Freshness freshness(HealthThresholds t, long lag, boolean local, VisibilityRules rules) {
    Path dir = freshDir("freshness");
    Instant now = HistoryGens.BASE;
    String hb =
        "{\"schemaVersion\":\"v1\",\"timestamp\":\""
            + Timestamps.format(now.minusSeconds(lag))
            + "\",\"source\":\"runtime\",\"status\":\"running\",\"stage\":\"iteration\"}";
    HistoryStep step =
        new HistoryStep(
            0,
            LogChange.NONE,
            List.of(),
            Optional.empty(),
            false,
            HeartbeatSpec.json(hb, "lag=" + lag),
            Optional.of("trace-fresh"),
            List.of(),
            Optional.empty());
    History h = new History("parity-loop", now, t, 1L, List.of(step));
    StepView v =
        (local ? StepDelivery.LOCAL : StepDelivery.SPRITE_SERVICE).deliver(h, dir, rules).last();
    HeartbeatState s =
        v.files()
            .heartbeat()
            .orElseThrow(() -> new AssertionError("no heartbeat state, lag " + lag));
    boolean stale =
        v.files().health().orElseThrow().reasonCodes().stream()
            .anyMatch(c -> c.wire().equals("runtime_heartbeat_stale"));
    delete(dir);
    return new Freshness(lag, s, stale);
  }

  /** Contract 2.2 steps 6-7 and 2.5 for one heartbeat state; hardening H9 for a future one. */
  private static void assertExact(Freshness f, HealthThresholds t, VisibilityRules rules) {
    long lag = f.lag();
    HeartbeatState s = f.state();
    long clamped = Math.max(0, lag);
    String want =
        clamped >= t.criticalHeartbeatLagSeconds()
            ? "critical"
            : clamped >= t.degradedHeartbeatLagSeconds() ? "degraded" : "fresh";
    check(
        s.heartbeatLagSeconds() == clamped,
        "lag " + lag + ": heartbeatLagSeconds " + s.heartbeatLagSeconds());
    check(
        s.freshnessStatus().wire().equals(want),
        "lag "
            + lag
            + " thresholds "
            + t.degradedHeartbeatLagSeconds()
            + "/"
            + t.criticalHeartbeatLagSeconds()
            + ": "
            + s.freshnessStatus().wire()
            + ", expected "
            + want);
    check(
        f.stale() == !want.equals("fresh"),
        "lag " + lag + ": runtime_heartbeat_stale in health is " + f.stale());
    boolean skewed = rules.detectClockSkew() && -lag > rules.clockSkewToleranceSeconds();
    check(
        s.clockSkewSeconds().isPresent() == skewed
            && (!skewed || s.clockSkewSeconds().getAsLong() == -lag),
        "lag " + lag + ": clockSkewSeconds " + s.clockSkewSeconds());
  }

  /**
   * The {@code sharedTraceId} rule (contract 6.4): among the control, reconcile, alert, heartbeat
   * and sequence traces, one distinct value gives {@code sharedTraceId}, two or more (or none) give
   * none; {@code controlInvocationTraceId} is not counted.
   *
   * @param presets the rules to draw from
   * @throws AssertionError naming the property, seed and shrunk counterexample when a try fails
   */
  public void sharedTraceIdRule(List<VisibilityRules> presets) {
    Gen<Optional<String>> trace =
        Gen.frequency(
            Gen.weighted(1, Gen.constant(Optional.<String>empty())),
            Gen.weighted(4, Gen.elements("trace-a", "trace-b").map(Optional::of)));
    Gen<List<Optional<String>>> gen = Gen.listOf(trace, 6, 6);
    property(Gen.zip(gen, Gen.elements(presets), Case::new), "sharedTraceId rule")
        .check(c -> assertSharedTraceId(c.value(), c.rules()));
  }

  /**
   * One try of {@link #sharedTraceIdRule}: {@code traces} are the control, reconcile, alert,
   * heartbeat, sequence and control-invocation traces (empty: the surface is absent).
   *
   * @param traces the six traces, in that order
   * @param rules the rules
   * @throws AssertionError when {@code sharedTraceId} is not the rule's
   */
  public void assertSharedTraceId(List<Optional<String>> traces, VisibilityRules rules) {
    Path dir = freshDir("trace");
    Instant now = HistoryGens.BASE;
    String hb =
        "{\"schemaVersion\":\"v1\",\"timestamp\":\""
            + Timestamps.format(now.minusSeconds(5))
            + "\"}";
    HistoryStep step =
        new HistoryStep(
            0,
            LogChange.NONE,
            List.of(),
            Optional.empty(),
            false,
            HeartbeatSpec.json(hb, "fresh"),
            Optional.of("trace-r0"),
            List.of(),
            Optional.empty());
    History h =
        new History(
            "parity-loop",
            now,
            io.superloop.visibility.core.reconcile.StepInput.DEFAULT_THRESHOLDS,
            1L,
            List.of(step));
    StepDelivery.LOCAL.deliver(h, dir, rules);
    LoopLayout layout = LoopLayout.of(dir.resolve("repo"), "parity-loop");
    Optional<String> control = traces.get(0);
    Optional<String> reconcile = traces.get(1);
    Optional<String> alert = traces.get(2);
    Optional<String> heartbeat = traces.get(3);
    Optional<String> sequence = traces.get(4);
    Optional<String> invocation = traces.get(5);
    retrace(layout, reconcile, LoopArtifact.RECONCILE_TELEMETRY);
    retrace(layout, heartbeat, LoopArtifact.HEARTBEAT_STATE, LoopArtifact.HEARTBEAT_TELEMETRY);
    retrace(layout, sequence, LoopArtifact.SEQUENCE_STATE, LoopArtifact.SEQUENCE_TELEMETRY);
    if (control.isPresent()) {
      ControlAction a =
          new ControlAction(
              io.superloop.visibility.api.audit.Intent.CANCEL,
              LogicalOutcome.CONFIRMED,
              control.get(),
              "key-1",
              ControlAction.SpriteForm.ANSWER_WITH_STATUS,
              0);
      LocalDelivery.control(a, "parity-loop", layout, rules, now, layout.repoRoot());
      retrace(
          layout, invocation.or(() -> Optional.of("trace-c")), LoopArtifact.CONTROL_INVOCATIONS);
    }
    if (alert.isPresent()) {
      write(
          layout.path(LoopArtifact.ALERTS_TELEMETRY),
          "{\"timestamp\":\""
              + Timestamps.format(now)
              + "\",\"loopId\":\"parity-loop\",\"traceId\":\""
              + alert.get()
              + "\",\"escalationTraceId\":\""
              + alert.get()
              + "\",\"category\":\"alert_dispatch\","
              + "\"escalationCategory\":\"health_degraded\",\"eventSeverity\":\"warning\",\"status\":\"dispatched\","
              + "\"sinkCount\":1,\"dispatchedSinkCount\":1,\"failedSinkCount\":0}\n");
    }
    TraceSurface t = PlaneAccess.builder(layout).rules(rules).build().status().trace();
    Set<String> distinct = new LinkedHashSet<>();
    Stream.of(control, reconcile, alert, heartbeat, sequence)
        .forEach(o -> o.ifPresent(distinct::add));
    Optional<String> want =
        distinct.size() == 1 ? Optional.of(distinct.iterator().next()) : Optional.empty();
    Optional<String> got = t.sharedTraceId().map(x -> x.value());
    check(
        got.equals(want),
        "traces " + traces + ": sharedTraceId " + got + ", expected " + want + " (" + t + ")");
    delete(dir);
  }

  /**
   * Sets {@code traceId} in every record of the artifacts, or removes them when {@code trace} is
   * empty.
   */
  private static void retrace(
      LoopLayout layout, Optional<String> trace, LoopArtifact... artifacts) {
    try {
      for (LoopArtifact artifact : artifacts) {
        Path p = layout.path(artifact);
        if (!Files.isRegularFile(p)) {
          continue;
        }
        if (trace.isEmpty()) {
          Files.delete(p);
          continue;
        }
        StringBuilder out = new StringBuilder();
        for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
          if (line.isEmpty()) {
            continue;
          }
          JsonValue o = Json.parse(line);
          if (!o.isObject()) {
            throw new IllegalStateException("not a JSON object line in " + p + ": " + line);
          }
          Map<String, JsonValue> m = new LinkedHashMap<>(o.members());
          m.put("traceId", JsonValue.of(trace.get()));
          out.append(JsonValue.object(m).toJson()).append('\n');
        }
        Files.writeString(p, out.toString(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A generated value with the rules it is checked under.
   *
   * @param value the value
   * @param rules the rules
   * @param <T> the value type
   */
  public record Case<T>(T value, VisibilityRules rules) {
    @Override
    public String toString() {
      return rules.name() + ": " + value;
    }
  }

  // ------------------------------------------------------------------ fault cases

  /**
   * A clean history whose last step carries exactly one fault.
   *
   * @param history the history
   * @param fault the fault's name: {@code WHITE_SPACE}, {@code MALFORMED}, {@code TORN} (local) or
   *     a {@link SpriteFault.Kind} name (sprite_service)
   * @param local whether the fault is a local one
   */
  public record FaultCase(History history, String fault, boolean local) {

    /**
     * The violation codes the fault gives (contract 3.3, 3.4, H13-H15).
     *
     * @param rules the rules
     * @return the codes, sorted by wire string
     */
    public List<ViolationCode> expected(VisibilityRules rules) {
      List<HistoryStep> steps = history.steps();
      int n = steps.size();
      long before = 0;
      boolean eventEarlier = false;
      for (int i = 0; i < n - 1; i++) {
        before += steps.get(i).appended().size();
        eventEarlier |=
            steps.get(i).appended().stream().anyMatch(l -> l.kind() == LogLine.Kind.EVENT);
      }
      boolean eventInPrevious =
          n >= 2
              && steps.get(n - 2).appended().stream().anyMatch(l -> l.kind() == LogLine.Kind.EVENT);
      switch (fault) {
        case "WHITE_SPACE":
        case "MALFORMED":
        case "EVENT_MISTYPED":
        case "EVENT_MISSING":
          return List.of(ViolationCode.EVENT_SEQUENCE_MISSING);
        case "EVENT_REGRESSING":
          return List.of(ViolationCode.EVENT_SEQUENCE_NON_MONOTONIC);
        case "EVENT_REGRESSING_ACROSS":
          return (rules.replayAwareSequencing() ? eventEarlier : eventInPrevious)
              ? List.of(ViolationCode.EVENT_SEQUENCE_REGRESSION)
              : List.of();
        case "SNAPSHOT_MISTYPED":
        case "SNAPSHOT_MISSING":
          return List.of(ViolationCode.SNAPSHOT_SEQUENCE_MISSING);
        case "SNAPSHOT_REGRESSING":
          return before >= 1 ? List.of(ViolationCode.SNAPSHOT_SEQUENCE_REGRESSION) : List.of();
        default:
          return List.of();
      }
    }
  }

  /**
   * {@return fault cases: 1-3 clean steps (appends only), then a step appending 2-8 events with one
   * fault of either transport}
   */
  public static Gen<FaultCase> faultCases() {
    List<String> kinds = new ArrayList<>(List.of("WHITE_SPACE", "MALFORMED", "TORN"));
    for (SpriteFault.Kind k : SpriteFault.Kind.values()) {
      kinds.add(k.name());
    }
    return Zip.zip(
            HistoryGens.histories(HistoryShape.strictlyIncreasing().withSteps(2, 4)),
            Gen.elements(kinds),
            Gen.ints(0, 20),
            HistoryGens.mistypedValues(),
            (h, kind, index, value) -> new Object[] {h, kind, index, value})
        .flatMap(
            a -> {
              History h = (History) a[0];
              String kind = (String) a[1];
              int index = (Integer) a[2];
              String value = (String) a[3];
              Instant now = h.clockAt(h.steps().size() - 1);
              return Zip.zip(
                  Gen.listOf(HistoryGens.eventLines(h.loopId(), now), 2, 8),
                  HistoryGens.whiteSpaceLines(),
                  HistoryGens.malformedLines(),
                  (events, ws, bad) -> {
                    HistoryStep last = h.steps().get(h.steps().size() - 1);
                    List<LogLine> lines = new ArrayList<>(events);
                    HistoryStep step;
                    boolean local = true;
                    switch (kind) {
                      case "WHITE_SPACE":
                        lines.add(Math.floorMod(index, lines.size() + 1), ws);
                        step = last.withAppended(lines);
                        break;
                      case "MALFORMED":
                        lines.add(Math.floorMod(index, lines.size() + 1), bad);
                        step = last.withAppended(lines);
                        break;
                      case "TORN":
                        step = last.withAppended(lines).withTornTail(Optional.of(events.get(0)));
                        break;
                      default:
                        local = false;
                        step =
                            last.withAppended(lines)
                                .withSpriteFaults(
                                    List.of(
                                        new SpriteFault(
                                            SpriteFault.Kind.valueOf(kind), index, value)));
                    }
                    return new FaultCase(h.withLastStep(step), kind, local);
                  });
            });
  }

  // ------------------------------------------------------------------ helpers

  private Path freshDir(String name) {
    return workDir.resolve(name + "-" + counter.incrementAndGet());
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new AssertionError(message);
    }
  }

  private static void write(Path p, String text) {
    try {
      Files.createDirectories(p.getParent());
      Files.writeString(p, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The path and values of the first difference of two JSON values, for messages. */
  static String firstDifference(JsonValue a, JsonValue b, String path) {
    if (a.isObject() && b.isObject()) {
      Set<String> keys = new LinkedHashSet<>(a.members().keySet());
      keys.addAll(b.members().keySet());
      for (String k : keys) {
        JsonValue x = a.members().get(k);
        JsonValue y = b.members().get(k);
        if (!Objects.equals(x, y)) {
          if (x == null || y == null) {
            return path
                + "/"
                + k
                + ": "
                + (x == null ? "absent" : x.toJson())
                + " vs "
                + (y == null ? "absent" : y.toJson());
          }
          return firstDifference(x, y, path + "/" + k);
        }
      }
    }
    if (a.isArray() && b.isArray() && a.elements().size() == b.elements().size()) {
      for (int i = 0; i < a.elements().size(); i++) {
        if (!a.elements().get(i).equals(b.elements().get(i))) {
          return firstDifference(a.elements().get(i), b.elements().get(i), path + "/" + i);
        }
      }
    }
    return path + ": " + a.toJson() + " vs " + b.toJson();
  }
}
