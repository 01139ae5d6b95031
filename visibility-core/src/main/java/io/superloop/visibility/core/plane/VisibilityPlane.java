package io.superloop.visibility.core.plane;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.audit.IntentRow;
import io.superloop.visibility.api.envelope.CursorState;
import io.superloop.visibility.api.envelope.EventsCursor;
import io.superloop.visibility.api.envelope.internal.ImmutableCursorState;
import io.superloop.visibility.api.health.Health;
import io.superloop.visibility.api.health.HealthThresholds;
import io.superloop.visibility.api.health.TransportHealth;
import io.superloop.visibility.api.heartbeat.HeartbeatObservation;
import io.superloop.visibility.api.heartbeat.HeartbeatState;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.reconcile.EscalationRow;
import io.superloop.visibility.api.reconcile.ReconcileRow;
import io.superloop.visibility.api.sequence.SequenceObservation;
import io.superloop.visibility.api.sequence.SequenceState;
import io.superloop.visibility.api.status.VisibilitySummary;
import io.superloop.visibility.core.audit.ControlContext;
import io.superloop.visibility.core.audit.IdempotencyKeys;
import io.superloop.visibility.core.audit.InvocationAuditTrail;
import io.superloop.visibility.core.health.HealthSources;
import io.superloop.visibility.core.heartbeat.HeartbeatEvaluation;
import io.superloop.visibility.core.internal.PlaneAccess;
import io.superloop.visibility.core.reconcile.Ingest;
import io.superloop.visibility.core.reconcile.ReconcileStep;
import io.superloop.visibility.core.reconcile.StepInput;
import io.superloop.visibility.core.reconcile.StepResult;
import io.superloop.visibility.core.reconcile.internal.ImmutableStepInput;
import io.superloop.visibility.core.rules.Durability;
import io.superloop.visibility.core.rules.ReadLimits;
import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.core.source.LocalRuntime;
import io.superloop.visibility.core.source.ScanResult;
import io.superloop.visibility.core.source.ScanStart;
import io.superloop.visibility.core.source.SpriteServiceIngest;
import io.superloop.visibility.core.status.StatusProjector;
import io.superloop.visibility.core.status.StatusReader;
import io.superloop.visibility.core.store.LoopArtifact;
import io.superloop.visibility.core.store.LoopLayout;
import io.superloop.visibility.core.store.LoopLock;
import io.superloop.visibility.core.store.LoopStore;
import io.superloop.visibility.core.store.PreviousStates;
import io.superloop.visibility.core.time.TimestampSyntax;
import io.superloop.visibility.core.time.Timestamps;
import io.superloop.visibility.core.trace.IdStyle;
import io.superloop.visibility.core.trace.TraceIds;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * The visibility plane of one loop, for all three of its jobs: one reconcile step end to end, for
 * either transport ({@link #reconcileLocal}, {@link #reconcile}); the audit of control actions
 * ({@link #control}); and the status surface ({@link #status}).
 *
 * <p>Each step holds the loop lock (H4) while it settles a step torn by a crash or an I/O error,
 * loads the previous states, decides and persists, so concurrent steps of the same loop never
 * interleave; a step is one unit: after a crash, a power loss or an I/O error at any point it has
 * fully happened or not at all (the step journal, H22).
 *
 * <pre>{@code
 * VisibilityPlane plane = VisibilityPlane.builder(repoRoot, "demo-loop").build();
 * VisibilityPlane.Reconciliation r = plane.reconcileLocal(StepOptions.defaults());
 * InFlightControl cancel = plane.control(ControlCall.cancel().requestedBy("ops-bot"));
 * // ... cancel the run, by whatever means ...
 * cancel.complete(ControlResult.confirmed("runner.cancel(run-42)"));
 * VisibilitySummary status = plane.status();
 * }</pre>
 *
 * <h2>Thread safety</h2>
 *
 * <p>A plane is immutable once built; every method may be called from any thread, at the same time
 * as any other, on one plane or on several planes of the same loop, in one process or in several (a
 * bash manager included):
 *
 * <ul>
 *   <li><b>Reconcile steps</b> of one loop run one after another: each holds the loop lock (H4, an
 *       OS file lock on {@code <ops>/.lock} plus an in-process lock shared by every plane of this
 *       JVM) while it loads the previous states, decides and persists. A second step waits.
 *   <li><b>Control actions</b> take no loop lock: any number may be in flight at once, beside a
 *       step. Each row is one append under its file's lock (H3), so the rows of concurrent actions
 *       never share a line and none is lost; the rows of two actions may interleave across files,
 *       as in the reference. Each action's own rows keep their order (started, intent, control,
 *       invocation, completed).
 *   <li><b>{@link #status}</b> only reads, without a lock: it sees each file whole as of some
 *       moment, not necessarily all files as of one step.
 * </ul>
 *
 * <p>The {@link Builder#random(RandomGenerator) random} source is used under a lock, so a generator
 * that is not thread-safe may be given; the {@link Builder#clock(Clock) clock} must be thread-safe
 * (the JDK's are).
 */
public final class VisibilityPlane {
  private final LoopLayout layout;
  private final Path runtimeDir;
  private final VisibilityRules rules;
  private final HealthThresholds thresholds;
  private final Durability durability;
  private final Clock clock;
  private final RandomGenerator random;
  private final Optional<String> environmentTraceId;

  private final ReadLimits limits;
  private final InvocationAuditTrail auditTrail;
  private final Listeners listeners;

  static {
    // what the library's own modules reach beyond the public API (core.internal, not exported)
    PlaneAccess.install(
        new PlaneAccess.Hooks() {
          @Override
          public Builder layout(Builder builder, LoopLayout layout) {
            builder.layout = Objects.requireNonNull(layout, "layout");
            return builder;
          }

          @Override
          public LoopLayout layout(VisibilityPlane plane) {
            return plane.layout;
          }

          @Override
          public StepResult result(Reconciliation reconciliation) {
            return reconciliation.result;
          }
        });
  }

  private VisibilityPlane(Builder b) {
    this.listeners = new Listeners(b.listeners);
    this.limits = b.limits;
    this.layout = b.layout.withLimits(b.limits);
    this.runtimeDir = b.runtimeDir == null ? b.layout.runtimeDir() : b.runtimeDir;
    this.rules = b.rules;
    this.thresholds = b.thresholds;
    this.durability = b.durability;
    this.clock = b.clock;
    RandomGenerator given = b.random;
    this.random =
        () -> {
          synchronized (given) {
            return given.nextLong();
          }
        };
    this.environmentTraceId = b.environmentTraceId;
    // a completed control action is told to the listeners once its rows are appended
    this.auditTrail =
        listeners.isEmpty()
            ? new InvocationAuditTrail(layout, durability, rules)
            : new InvocationAuditTrail(layout, durability, rules, listeners::control);
  }

  /**
   * A builder for a loop at the default paths: the loop's files under {@code
   * <repoRoot>/.superloop/ops-manager/<loopId>/}, the runtime's under {@code
   * <repoRoot>/.superloop/loops/<loopId>/} (contract section 1.0).
   *
   * @param repoRoot the repository root; the loop's files live under {@code .superloop/} there
   * @param loopId the loop id
   * @return a builder with every default
   * @throws io.superloop.visibility.api.VisibilityException {@link
   *     io.superloop.visibility.api.ErrorCode#INVALID_LOOP_ID} when the loop id is not one safe
   *     path segment
   */
  public static Builder builder(Path repoRoot, String loopId) {
    return new Builder(LoopLayout.of(repoRoot, loopId));
  }

  /** {@return the rules in force} */
  public VisibilityRules rules() {
    return rules;
  }

  /** {@return the read limits in force} */
  public ReadLimits limits() {
    return limits;
  }

  /**
   * What one step did: its trace, its transport and every record it produced, in the order the
   * store persisted them (contract 1.14): heartbeat state and row, sequence state and row,
   * transport health, health, escalation rows, the reconcile row. Every record carries the step's
   * trace. Immutable.
   */
  public static final class Reconciliation {
    private final TraceId traceId;
    private final StepResult result;

    Reconciliation(TraceId traceId, StepResult result) {
      this.traceId = traceId;
      this.result = result;
    }

    /** {@return the step's trace} */
    public TraceId traceId() {
      return traceId;
    }

    /** {@return the step's transport} */
    public Transport transport() {
      return result.reconcileRow().transport();
    }

    /** {@return the heartbeat decision (state kept or written, row to append, health reasons)} */
    public HeartbeatEvaluation heartbeat() {
      return result.heartbeat();
    }

    /**
     * {@return the {@code heartbeat.json} the step wrote: the heartbeat decision's state when it
     * wrote one, else empty}
     */
    public Optional<HeartbeatState> heartbeatStateToWrite() {
      return result.heartbeatStateToWrite();
    }

    /** {@return the {@code telemetry/heartbeat.jsonl} row the step appended, if any} */
    public Optional<HeartbeatObservation> heartbeatRow() {
      return result.heartbeatRow();
    }

    /** {@return the new {@code sequence-state.json} (only when the ingest succeeded)} */
    public Optional<SequenceState> sequenceState() {
      return result.sequenceState();
    }

    /** {@return the {@code telemetry/sequence.jsonl} row (only when the ingest succeeded)} */
    public Optional<SequenceObservation> sequenceRow() {
      return result.sequenceRow();
    }

    /** {@return the new {@code telemetry/transport-health.json}} */
    public TransportHealth transportHealth() {
      return result.transportHealth();
    }

    /** {@return the new {@code health.json}} */
    public Health health() {
      return result.health();
    }

    /** {@return the rows appended to {@code escalations.jsonl}, in order} */
    public List<EscalationRow> escalations() {
      return result.escalations();
    }

    /** {@return the {@code telemetry/reconcile.jsonl} row} */
    public ReconcileRow reconcileRow() {
      return result.reconcileRow();
    }

    /** {@return the step's non-fatal problems (also in the reconcile row)} */
    public List<ReasonCode> warnings() {
      return result.warnings();
    }

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof Reconciliation r && traceId.equals(r.traceId) && result.equals(r.result);
    }

    @Override
    public int hashCode() {
      return Objects.hash(traceId, result);
    }

    @Override
    public String toString() {
      return "Reconciliation[traceId="
          + traceId
          + ", transport="
          + transport()
          + ", "
          + result
          + "]";
    }
  }

  /**
   * One step over the local runtime files: {@code heartbeat.v1.json} and {@code events.jsonl} from
   * the cursor (or from line 1 with {@link StepOptions#fromStart()}). A missing events log is a
   * failed ingest ({@code events_unavailable}), not an exception.
   *
   * @param options the step's trace id and start
   * @return what the step produced, already persisted
   * @throws io.superloop.visibility.api.VisibilityException {@link
   *     io.superloop.visibility.api.ErrorCode#INVALID_TRACE_ID} when the explicit or environment
   *     trace id is invalid; {@link io.superloop.visibility.api.ErrorCode#LOCK_FAILED} when the
   *     loop lock cannot be taken; a file error ({@link
   *     io.superloop.visibility.api.ErrorCode#PERMISSION_DENIED}, {@link
   *     io.superloop.visibility.api.ErrorCode#DISK_FULL}, {@link
   *     io.superloop.visibility.api.ErrorCode#IO_ERROR}, ...) naming the file when the loop's files
   *     cannot be read or persisted. Problems of the runtime's input do not throw: they are the
   *     step's verdict.
   */
  public Reconciliation reconcileLocal(StepOptions options) {
    StepFacts facts = new StepFacts();
    return notifyListeners(localStep(options, facts), facts);
  }

  private Reconciliation localStep(StepOptions options, StepFacts facts) {
    Instant now = clock.instant();
    facts.startedAt = now;
    TraceId trace = trace(options);
    LocalRuntime runtime =
        new LocalRuntime(
            runtimeDir.resolve("heartbeat.v1.json"), runtimeDir.resolve("events.jsonl"), limits);
    LoopStore store = new LoopStore(layout, durability);
    try (LoopLock.Held held = layout.lock().acquire()) {
      List<ReasonCode> warnings = new ArrayList<>(StepRecovery.settle(store));
      PreviousStates previous = store.loadPrevious();
      facts.quarantined = previous.quarantined();
      StepRecovery.LocalStart local = StepRecovery.localStart(previous, options.fromStart());
      if (local.rereadsTornStep()) {
        warnings.add(ReasonCode.TORN_STEP_RECOVERED);
      }
      ScanStart start = local.start();
      LocalRuntime.Feed feed = runtime.feed(start, rules.restartTruncatedEventLog());
      Ingest ingest = new Ingest.Succeeded(runtime.readHeartbeat(), feed, options.fromStart());
      StepResult result =
          new ReconcileStep(rules)
              .run(
                  input(
                      previous,
                      warnings,
                      trace,
                      Transport.LOCAL,
                      now,
                      ingest,
                      start.lineOffset(),
                      store));
      Optional<CursorState> cursor =
          feed.scanResult()
              .map(
                  (ScanResult s) ->
                      cursor(s.newlineCount(), s.newlineCount(), now)
                          .eventByteOffset(s.endByteOffset())
                          .eventTailCrc32(s.endTailCrc32())
                          .build());
      store.persist(result, cursor, rules.telemetryRetention());
      feed.scanResult().ifPresent(s -> facts.scanned(start, s));
      return new Reconciliation(trace, result);
    }
  }

  /**
   * One step over a sprite_service poll made before the step; the answer's cursor is kept in {@code
   * cursor.json} for the next poll. Prefer {@link #reconcile(LongFunction, StepOptions)}: a step
   * that first completes a torn step (whose cursor the poll could not know) then polls from the
   * completed step's cursor.
   *
   * @param poll the service's answers, or the failure to reach it
   * @param options the step's trace id and start
   * @return what the step produced, already persisted
   * @throws io.superloop.visibility.api.VisibilityException as {@link #reconcile(LongFunction,
   *     StepOptions)}
   */
  public Reconciliation reconcile(SpriteServicePoll poll, StepOptions options) {
    Objects.requireNonNull(poll, "poll");
    return reconcile(cursorOffset -> poll, options);
  }

  /**
   * One step over a sprite_service poll made inside the step: under the loop lock, once a torn
   * previous step is settled, {@code poller} is asked for the answers from the manager's cursor
   * ({@code cursor.json}'s {@code eventLineOffset}; 0 without one or with {@link
   * StepOptions#fromStart()}), as contract 3.1 has the manager send it. The answer's cursor is kept
   * in {@code cursor.json} for the next poll.
   *
   * @param poller makes the poll from the cursor it is given ({@code GET /ops/snapshot} and {@code
   *     GET /ops/events?cursor=N}), with {@link SpriteServicePoll#ofBodies} or {@link
   *     SpriteServicePoll#requestFailed}
   * @param options the step's trace id and start
   * @return what the step produced, already persisted
   * @throws io.superloop.visibility.api.VisibilityException {@link
   *     io.superloop.visibility.api.ErrorCode#INVALID_TRACE_ID} when the explicit or environment
   *     trace id is invalid; {@link io.superloop.visibility.api.ErrorCode#LOCK_FAILED} when the
   *     loop lock cannot be taken; a file error ({@link
   *     io.superloop.visibility.api.ErrorCode#PERMISSION_DENIED}, {@link
   *     io.superloop.visibility.api.ErrorCode#DISK_FULL}, {@link
   *     io.superloop.visibility.api.ErrorCode#IO_ERROR}, ...) naming the file when the loop's files
   *     cannot be read or persisted. Problems of the runtime's input do not throw: they are the
   *     step's verdict.
   */
  public Reconciliation reconcile(LongFunction<SpriteServicePoll> poller, StepOptions options) {
    Objects.requireNonNull(poller, "poller");
    StepFacts facts = new StepFacts();
    return notifyListeners(spriteStep(poller, options, facts), facts);
  }

  private Reconciliation spriteStep(
      LongFunction<SpriteServicePoll> poller, StepOptions options, StepFacts facts) {
    Instant now = clock.instant();
    facts.startedAt = now;
    TraceId trace = trace(options);
    LoopStore store = new LoopStore(layout, durability);
    try (LoopLock.Held held = layout.lock().acquire()) {
      List<ReasonCode> warnings = StepRecovery.settle(store);
      PreviousStates previous = store.loadPrevious();
      facts.quarantined = previous.quarantined();
      long before =
          options.fromStart() ? 0 : previous.cursor().map(CursorState::eventLineOffset).orElse(0L);
      SpriteServiceIngest.Poll poll = Objects.requireNonNull(poller.apply(before), "poll").poll();
      Ingest ingest = poll.ingest();
      if (ingest instanceof Ingest.Succeeded s && options.fromStart()) {
        ingest = new Ingest.Succeeded(s.heartbeat(), s.envelopes(), true);
      }
      StepResult result =
          new ReconcileStep(rules)
              .run(
                  input(
                      previous,
                      warnings,
                      trace,
                      Transport.SPRITE_SERVICE,
                      now,
                      ingest,
                      before,
                      store));
      Optional<CursorState> cursor =
          poll.cursor()
              .map(
                  (EventsCursor c) -> cursor(c.eventLineOffset(), c.eventLineCount(), now).build());
      store.persist(result, cursor, rules.telemetryRetention());
      return new Reconciliation(trace, result);
    }
  }

  /**
   * Projects the status surface; reads only, without the loop lock. A file that cannot be read
   * (corrupt, beyond its read limit, not a regular file, a symbolic link under the loop directory,
   * an I/O error) does not fail the status: the sections it feeds are left out and the additive
   * {@code unreadable} field names it with its error code.
   *
   * @return the {@code visibility} object of the loop's files as they are now
   */
  public VisibilitySummary status() {
    return new StatusProjector(rules).project(StatusReader.read(new LoopStore(layout, durability)));
  }

  /**
   * Starts the audit of one control action, before the action runs (contract section 4; H5, H6).
   * The action may be anything the service does to the loop (a shell command, a call to another
   * service, a method call); the plane only records it. Under hardened rules this appends the
   * write-ahead {@code phase:"started"} row to {@code telemetry/control-invocations.inflight.jsonl}
   * before it returns, so a crash before {@link InFlightControl#complete} stays visible as {@code
   * invocationAudit.inFlight}; under {@code reference} rules it writes nothing yet, as the
   * reference. Then run the action and {@link InFlightControl#complete complete} the handle with
   * its {@link ControlResult}.
   *
   * <p>The start time is the plane's clock now; the idempotency key is the call's or a generated
   * one ({@code <intent>-<epochMillis>-<16 hex>} under hardened rules, H6); the trace id is the
   * call's, else the environment's, else a generated one.
   *
   * @param call the action
   * @return the in-flight action, to complete once
   * @throws io.superloop.visibility.api.VisibilityException {@link
   *     io.superloop.visibility.api.ErrorCode#INVALID_TRACE_ID} when the explicit or environment
   *     trace id is invalid; a file error of the started row's append
   */
  public InFlightControl control(ControlCall call) {
    Objects.requireNonNull(call, "call");
    Instant now = clock.instant();
    TraceId trace = TraceIds.resolve(call.traceId(), environmentTraceId, IdStyle.of(rules), random);
    String key =
        IdempotencyKeys.resolve(
            call.idempotencyKey(),
            call.intent(),
            now,
            ProcessHandle.current().pid(),
            IdStyle.of(rules),
            random);
    ControlContext ctx =
        ControlContext.builder()
            .loopId(layout.loopId())
            .intent(call.intent())
            .traceId(trace)
            .transport(call.transport())
            .requestedBy(
                call.requestedBy().filter(s -> !s.isEmpty()).orElseGet(VisibilityPlane::user))
            .note(call.note())
            .idempotencyKey(key)
            .request(call.options())
            .startedAt(now)
            .build();
    return new InFlightControl(auditTrail.begin(ctx), clock);
  }

  /** {@return {@code $USER}, or {@code unknown} (contract 4.1's default of {@code --by})} */
  private static String user() {
    String user = System.getenv("USER");
    return user == null || user.isEmpty() ? "unknown" : user;
  }

  /** Tells the listeners of a committed step; returns the step. */
  private Reconciliation notifyListeners(Reconciliation r, StepFacts facts) {
    if (!listeners.isEmpty()) {
      listeners.step(facts.event(layout.loopId(), r));
    }
    return r;
  }

  /** What a step measured beside its records, for its {@link StepEvent}. */
  private static final class StepFacts {
    private final long startNanos = System.nanoTime();
    private Instant startedAt = Instant.EPOCH;
    private List<Path> quarantined = List.of();
    private long bytes;

    void scanned(ScanStart start, ScanResult scan) {
      long from = scan.resumedAtByteOffset() ? start.byteOffset().orElse(0) : 0;
      bytes = Math.max(0, scan.endByteOffset() - from);
    }

    StepEvent event(String loopId, Reconciliation r) {
      ReconcileRow row = r.reconcileRow();
      return new StepEvent(
          loopId,
          r,
          startedAt,
          Duration.ofNanos(System.nanoTime() - startNanos),
          Math.max(0, row.cursorOffsetAfter() - row.cursorOffsetBefore()),
          bytes,
          quarantined);
    }
  }

  /** The loop's {@code cursor.json} after a step (contract 1.16). */
  private ImmutableCursorState.Builder cursor(long lineOffset, long lineCount, Instant now) {
    return CursorState.builder()
        .repoPath(layout.repoRoot().toAbsolutePath().toString())
        .loopId(layout.loopId())
        .eventsFile(layout.cursorEventsFile())
        .eventLineOffset(lineOffset)
        .eventLineCount(lineCount)
        .updatedAt(Timestamps.format(now));
  }

  private TraceId trace(StepOptions options) {
    return TraceIds.resolve(options.traceId(), environmentTraceId, IdStyle.of(rules), random);
  }

  private StepInput input(
      PreviousStates previous,
      List<ReasonCode> recoveryWarnings,
      TraceId trace,
      Transport transport,
      Instant now,
      Ingest ingest,
      long cursorBefore,
      LoopStore store) {
    Optional<IntentRow> lastIntent = store.lastRow(LoopArtifact.INTENTS, Codecs.INTENT_ROW);
    HealthSources sources =
        HealthSources.of(store.readState(LoopArtifact.STATE, Json.RAW).toOptional(), lastIntent);
    ImmutableStepInput.Builder b = StepInput.builder();
    sources
        .lastEventAt()
        .flatMap(t -> Timestamps.parse(t, TimestampSyntax.of(rules)))
        .ifPresent(t -> b.ingestLagSeconds(Math.max(0, now.getEpochSecond() - t.getEpochSecond())));
    return previous
        .applyTo(b)
        .addAllLoadWarnings(recoveryWarnings)
        .divergence(sources.divergence())
        .lastControlStatus(sources.lastControlStatus())
        .lastEventAt(sources.lastEventAt())
        .lifecycleState(sources.lifecycleState())
        .loopId(layout.loopId())
        .traceId(trace)
        .transport(transport)
        .now(now)
        .ingest(ingest)
        .thresholds(thresholds)
        .paths(store.artifactPaths())
        .cursorOffsetBefore(cursorBefore)
        .build();
  }

  /** Builds a {@link VisibilityPlane}; every setting has a documented default. */
  public static final class Builder {
    private LoopLayout layout;
    private @Nullable Path runtimeDir;
    private VisibilityRules rules = VisibilityRules.hardened();
    private HealthThresholds thresholds = StepInput.DEFAULT_THRESHOLDS;
    private Durability durability = Durability.FSYNC_PER_RECORD;
    private Clock clock = Clock.systemUTC();
    private RandomGenerator random = new SecureRandom();
    private Optional<String> environmentTraceId = Optional.empty();
    private ReadLimits limits = ReadLimits.DEFAULT;
    private final List<VisibilityListener> listeners = new ArrayList<>();

    private Builder(LoopLayout layout) {
      this.layout = layout;
    }

    /**
     * Sets the rules (default {@link VisibilityRules#hardened()}).
     *
     * @param rules the rules
     * @return this builder
     */
    public Builder rules(VisibilityRules rules) {
      this.rules = Objects.requireNonNull(rules, "rules");
      return this;
    }

    /**
     * Sets the health thresholds (default, as the reference: ingest lag degraded at 300 s and
     * critical at 900 s, heartbeat lag 120 s and 300 s, transport failure streak 2 and 4).
     *
     * @param thresholds the thresholds
     * @return this builder
     */
    public Builder thresholds(HealthThresholds thresholds) {
      this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
      return this;
    }

    /**
     * Sets the durability of appended rows (default {@link Durability#FSYNC_PER_RECORD}).
     *
     * @param durability the durability
     * @return this builder
     */
    public Builder durability(Durability durability) {
      this.durability = Objects.requireNonNull(durability, "durability");
      return this;
    }

    /**
     * Sets the manager clock (default the system UTC clock).
     *
     * @param clock the clock every step reads once, at its start
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the randomness of generated trace ids (default a {@link SecureRandom}).
     *
     * @param random the source of random bits
     * @return this builder
     */
    public Builder random(RandomGenerator random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /**
     * Sets the trace id of the environment ({@code OPS_MANAGER_TRACE_ID}), used when a step has
     * none (default none).
     *
     * @param traceId the environment's value; validated when a step uses it, empty means none
     * @return this builder
     */
    public Builder environmentTraceId(Optional<String> traceId) {
      this.environmentTraceId = Objects.requireNonNull(traceId, "traceId");
      return this;
    }

    /**
     * Sets where the local runtime files are (default {@code
     * <repoRoot>/.superloop/loops/<loopId>/}).
     *
     * @param runtimeDir the directory holding {@code heartbeat.v1.json} and {@code events.jsonl}
     * @return this builder
     */
    public Builder runtimeDir(Path runtimeDir) {
      this.runtimeDir = Objects.requireNonNull(runtimeDir, "runtimeDir");
      return this;
    }

    /**
     * Sets the read limits of every file the plane reads (default {@link ReadLimits#DEFAULT}, the
     * same under both rules; the defaults fit a 32 MiB heap). Raise one to read what the reference
     * would read beyond it, with the heap to match.
     *
     * @param limits the read limits
     * @return this builder
     */
    public Builder limits(ReadLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * Keeps the loop's files in memory instead of on disk: for service tests, a plane whose steps,
     * control records and status never touch the file system. The memory belongs to the plane built
     * next; every call of this method starts an empty one. A local reconcile still reads the
     * runtime's files from disk; a sprite_service one reads nothing but its poll.
     *
     * @return this builder
     */
    public Builder inMemory() {
      this.layout = layout.inMemory();
      return this;
    }

    /**
     * Adds a listener (default none); several may be added, and are called in the order added
     * ({@link VisibilityListener}). A listener that throws never breaks a step.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(VisibilityListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** {@return the plane} */
    public VisibilityPlane build() {
      return new VisibilityPlane(this);
    }
  }
}
