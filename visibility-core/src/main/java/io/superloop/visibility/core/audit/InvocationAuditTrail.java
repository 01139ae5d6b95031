package io.superloop.visibility.core.audit;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.audit.ControlInvocation;
import io.superloop.visibility.api.audit.InFlightRow;
import io.superloop.visibility.api.audit.InvocationPhase;
import io.superloop.visibility.api.json.JsonCodec;
import io.superloop.visibility.core.rules.Durability;
import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.core.store.AppendLog;
import io.superloop.visibility.core.store.LoopArtifact;
import io.superloop.visibility.core.store.LoopLayout;
import io.superloop.visibility.core.store.LoopStore;
import io.superloop.visibility.core.time.Timestamps;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The audit trail of control invocations of one loop (contract 1.7-1.9 and 4.5; hardening H5).
 *
 * <p>Use it around one control action: {@link #begin(ControlContext)} before the command runs, then
 * {@link Invocation#complete(ControlRecords)} with the rows {@link
 * io.superloop.visibility.core.audit.ControlOutcomes} built once execution and confirmation are
 * over.
 *
 * <ul>
 *   <li>Under rules with {@link VisibilityRules#writeInFlightAuditRows()} (hardened, H5), {@code
 *       begin} appends a {@code phase:"started"} {@link InFlightRow} (timestamp = the action's
 *       start, loopId, intent, traceId, transport, requestedBy, idempotencyKey) to the additive
 *       {@code telemetry/control-invocations.inflight.jsonl}. Under {@code reference} rules it
 *       writes nothing, as the reference ("no started row", contract 4.5).
 *   <li>{@code complete} appends the three v1 rows in the reference's order: {@code intents.jsonl},
 *       then {@code telemetry/control.jsonl}, then {@code telemetry/control-invocations.jsonl}.
 *       Under H5 it then appends a {@code phase:"completed"} marker with the same idempotency key
 *       to the in-flight file, so a reader can tell finished invocations from the in-flight file
 *       alone (the v1 invocation row stays the authoritative completion; the marker only saves a
 *       scan).
 * </ul>
 *
 * <p>Each row is one append with the store's {@link Durability}: under {@link
 * Durability#FSYNC_PER_RECORD} a row is on the device before the next one is written, so the rows
 * reach the disk in the order above.
 *
 * <p><b>What a crash leaves.</b> The rows are separate appends to separate files, so a crash (or a
 * kill, or an I/O error) between them leaves a prefix of the sequence: nothing; the started row
 * alone; started + intent row; started + intent + control row; all v1 rows without the completed
 * marker. A v1 reader then sees an incomplete audit (for example an intent row whose invocation row
 * is missing), exactly as the reference would (contract 9.6); the library does not repair it. What
 * H5 adds is that every such crash after {@code begin} is <em>visible</em>: as long as the v1
 * invocation row of the started idempotency key is missing, the status reader ({@code
 * core.status.StatusReader}) reports the started row as not completed and the hardened status
 * surface shows {@code visibility.invocationAudit.inFlight: true} (the command may or may not have
 * had its side effect). A crash after the invocation row but before the marker is harmless: the
 * invocation row counts as the completion. Under {@code reference} rules a crash before the rows
 * leaves no trace at all, as in the reference.
 *
 * <p>The trail takes no loop lock: each append holds its file's lock (H3), so concurrent actions
 * never interleave bytes within a row, but the rows of two concurrent actions may interleave across
 * files, as in the reference. Thread-safe.
 */
public final class InvocationAuditTrail {
  private final LoopLayout layout;
  private final Durability durability;
  private final VisibilityRules rules;
  private final Consumer<ControlInvocation> completed;

  /**
   * A trail over {@code layout}'s files, appending with {@code durability}, deciding by {@code
   * rules}.
   *
   * @param layout the loop's files
   * @param durability when appended rows are forced to disk
   * @param rules the rules (H5 decides whether in-flight rows are written)
   */
  public InvocationAuditTrail(LoopLayout layout, Durability durability, VisibilityRules rules) {
    this(layout, durability, rules, inv -> {});
  }

  /**
   * A trail that also hands each completed invocation row to {@code completed}, once its rows are
   * appended (the plane's listeners, told of {@code VisibilityPlane.control}).
   *
   * @param layout the loop's files
   * @param durability when appended rows are forced to disk
   * @param rules the rules (H5 decides whether in-flight rows are written)
   * @param completed told of each completed invocation, on the completing thread; what it throws
   *     reaches the caller of {@link Invocation#complete}
   */
  public InvocationAuditTrail(
      LoopLayout layout,
      Durability durability,
      VisibilityRules rules,
      Consumer<ControlInvocation> completed) {
    this.layout = Objects.requireNonNull(layout, "layout");
    this.durability = Objects.requireNonNull(durability, "durability");
    this.rules = Objects.requireNonNull(rules, "rules");
    this.completed = Objects.requireNonNull(completed, "completed");
  }

  /**
   * A trail over a store's files.
   *
   * @param store the loop's store; its layout and durability are used
   * @param rules the rules (H5 decides whether in-flight rows are written)
   * @return the trail
   */
  public static InvocationAuditTrail of(LoopStore store, VisibilityRules rules) {
    return new InvocationAuditTrail(store.layout(), store.durability(), rules);
  }

  /** {@return the layout written to} */
  public LoopLayout layout() {
    return layout;
  }

  /**
   * Starts the audit of one control action, before its command runs: under H5 appends the started
   * row; under {@code reference} writes nothing.
   *
   * @param ctx the action; its loop must be this trail's loop
   * @return the handle to complete once, after execution and confirmation
   * @throws VisibilityException {@link ErrorCode#INVALID_ARGUMENT} when {@code ctx} names another
   *     loop; a file error of the append
   */
  public Invocation begin(ControlContext ctx) {
    Objects.requireNonNull(ctx, "ctx");
    if (!ctx.loopId().equals(layout.loopId())) {
      throw new VisibilityException(
          ErrorCode.INVALID_ARGUMENT,
          "control context of loop "
              + ctx.loopId()
              + " on the audit trail of loop "
              + layout.loopId());
    }
    boolean inFlightRows = rules.writeInFlightAuditRows();
    if (inFlightRows) {
      append(
          LoopArtifact.CONTROL_INVOCATIONS_INFLIGHT,
          Codecs.IN_FLIGHT_ROW,
          inFlightRow(ctx, Timestamps.format(ctx.startedAt()), InvocationPhase.STARTED));
    }
    return new Invocation(ctx, inFlightRows);
  }

  private static InFlightRow inFlightRow(
      ControlContext ctx, String timestamp, InvocationPhase phase) {
    return InFlightRow.builder()
        .timestamp(timestamp)
        .loopId(ctx.loopId())
        .intent(ctx.intent())
        .traceId(ctx.traceId())
        .transport(ctx.transport())
        .requestedBy(ctx.requestedBy())
        .idempotencyKey(ctx.idempotencyKey())
        .phase(phase)
        .build();
  }

  private <T> void append(LoopArtifact artifact, JsonCodec<T> codec, T value) {
    try (AppendLog<T> log = layout.openLog(artifact, codec, durability)) {
      log.append(value);
    }
  }

  /**
   * One begun control action; complete it exactly once. Thread-safe: of concurrent {@link
   * #complete} calls exactly one writes.
   */
  public final class Invocation {
    private final ControlContext ctx;
    private final boolean startedRowWritten;
    private final AtomicBoolean used = new AtomicBoolean();

    private Invocation(ControlContext ctx, boolean startedRowWritten) {
      this.ctx = ctx;
      this.startedRowWritten = startedRowWritten;
    }

    /** {@return the action begun} */
    public ControlContext context() {
      return ctx;
    }

    /** {@return whether {@link #begin} wrote a started row (H5)} */
    public boolean startedRowWritten() {
      return startedRowWritten;
    }

    /** {@return whether {@link #complete} was called (successfully or not)} */
    public boolean isCompleted() {
      return used.get();
    }

    /**
     * Appends the v1 rows of the finished action: {@code intents.jsonl}, {@code
     * telemetry/control.jsonl}, {@code telemetry/control-invocations.jsonl}, in that order; then,
     * under H5, the completed marker. The handle is spent by the first call, whatever its result: a
     * call that failed on a file error is not retried by a second call (which could duplicate the
     * rows already written); the missing rows then show as an in-flight invocation (H5).
     *
     * @param records the rows, built from this handle's context
     * @throws VisibilityException {@link ErrorCode#INVALID_STATE} when the handle was already
     *     completed; {@link ErrorCode#INVALID_ARGUMENT} when the rows belong to another action
     *     (loop, intent or idempotency key differ); a file error of an append
     */
    public void complete(ControlRecords records) {
      Objects.requireNonNull(records, "records");
      ControlInvocation inv = records.invocation();
      if (!inv.loopId().equals(ctx.loopId())
          || inv.intent() != ctx.intent()
          || !inv.idempotencyKey().equals(ctx.idempotencyKey())
          || !records.controlRow().idempotencyKey().equals(ctx.idempotencyKey())
          || !records
              .intentRow()
              .idempotencyKey()
              .map(ctx.idempotencyKey()::equals)
              .orElse(false)) {
        throw new VisibilityException(
            ErrorCode.INVALID_ARGUMENT,
            "audit rows of another control action (idempotency key "
                + inv.idempotencyKey()
                + ") completing invocation "
                + ctx.idempotencyKey());
      }
      if (!used.compareAndSet(false, true)) {
        throw new VisibilityException(
            ErrorCode.INVALID_STATE,
            "control invocation " + ctx.idempotencyKey() + " was already completed");
      }
      append(LoopArtifact.INTENTS, Codecs.INTENT_ROW, records.intentRow());
      append(LoopArtifact.CONTROL_TELEMETRY, Codecs.CONTROL_ROW, records.controlRow());
      append(LoopArtifact.CONTROL_INVOCATIONS, Codecs.CONTROL_INVOCATION, inv);
      if (startedRowWritten) {
        append(
            LoopArtifact.CONTROL_INVOCATIONS_INFLIGHT,
            Codecs.IN_FLIGHT_ROW,
            inFlightRow(ctx, inv.timestamp(), InvocationPhase.COMPLETED));
      }
      completed.accept(inv);
    }

    @Override
    public String toString() {
      return "Invocation["
          + ctx.loopId()
          + ", "
          + ctx.idempotencyKey()
          + (used.get() ? ", completed]" : "]");
    }
  }
}
