package io.superloop.visibility.core.store;

import static io.superloop.visibility.core.store.ControlFixtures.Logical;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.audit.ControlInvocation;
import io.superloop.visibility.api.audit.Intent;
import io.superloop.visibility.api.status.InvocationAuditSurface;
import io.superloop.visibility.api.status.TraceSurface;
import io.superloop.visibility.api.status.VisibilitySummary;
import io.superloop.visibility.core.audit.ControlContext;
import io.superloop.visibility.core.audit.ControlOutcomes;
import io.superloop.visibility.core.audit.ControlRecords;
import io.superloop.visibility.core.audit.IdempotencyKeys;
import io.superloop.visibility.core.audit.InvocationAuditTrail;
import io.superloop.visibility.core.heartbeat.HeartbeatInput;
import io.superloop.visibility.core.reconcile.StepResult;
import io.superloop.visibility.core.rules.Durability;
import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.core.status.StatusReader;
import io.superloop.visibility.core.trace.IdStyle;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Section-8 scenarios 2, 4 (control parts) and 21 in the library's terms, and the parity of the
 * status projection across local and sprite_service for each logical outcome (contract 7.2).
 * Expected values are the scenario texts and the 4.3 / 4.4 tables.
 */
class ControlScenarioTest {
  @TempDir Path tmp;

  private static final String LOOP = "demo-loop";
  private static final Instant TS = Instant.parse("2026-02-22T12:09:00Z");
  private static final VisibilityRules REF = VisibilityRules.reference();

  private LoopStore repo(String name) {
    return new LoopStore(LoopLayout.of(tmp.resolve(name), LOOP), Durability.NONE);
  }

  private static StepResult reconcile(
      LoopStore s, VisibilityRules rules, String trace, Transport t) {
    return ControlFixtures.reconcile(s, rules, trace, t, TS, 2, 2, HeartbeatInput.ABSENT, false);
  }

  /** The reference CLI generates the key when none is given (4.2). */
  private static String generatedKey(Intent intent, VisibilityRules rules) {
    return IdempotencyKeys.resolve(
        Optional.empty(),
        intent,
        ControlFixtures.STARTED,
        623,
        IdStyle.of(rules),
        new SecureRandom());
  }

  /** Writes an action through the audit trail. */
  private static ControlRecords control(
      LoopStore s, VisibilityRules rules, ControlRecords rows, ControlContext c) {
    InvocationAuditTrail.of(s, rules).begin(c).complete(rows);
    return rows;
  }

  // ---- scenario 2
  // --------------------------------------------------------------------------------

  /** 2. status visibility includes control invocation audit fields. */
  @Test
  void scenario2StatusIncludesControlInvocationAuditFields() {
    for (VisibilityRules rules : List.of(REF, VisibilityRules.hardened())) {
      LoopStore s = repo("s2-" + rules.name());
      reconcile(s, rules, "trace-vis-control-1", Transport.LOCAL);
      ControlContext c =
          ControlFixtures.ctx(
              LOOP,
              Intent.CANCEL,
              "trace-vis-control-1",
              Transport.LOCAL,
              generatedKey(Intent.CANCEL, rules));
      ControlRecords rows = control(s, rules, ControlFixtures.local(c, Logical.CONFIRMED), c);
      assertEquals(0, rows.exitCode());
      VisibilitySummary v = ControlFixtures.summary(s, rules);
      InvocationAuditSurface a = v.invocationAudit().orElseThrow();
      assertEquals("cancel", a.intent().orElseThrow());
      assertEquals(Transport.LOCAL, a.transport().orElseThrow());
      assertEquals("succeeded", a.executionStatus().orElseThrow());
      assertEquals("confirmed", a.confirmationStatus().orElseThrow());
      assertEquals("confirmed", a.outcomeStatus().orElseThrow());
      assertEquals(TraceId.of("trace-vis-control-1"), a.traceId().orElseThrow());
      assertEquals(
          TraceId.of("trace-vis-control-1"), v.trace().controlInvocationTraceId().orElseThrow());
      if (rules.equals(REF)) {
        // 6.2 under reference: null-filtered, replayed only when true (here false: omitted).
        assertEquals(
            "{\"timestamp\":\"2026-02-22T12:10:04Z\",\"intent\":\"cancel\",\"transport\":\"local\","
                + "\"idempotencyKey\":\"cancel-1771762200-623\",\"executionStatus\":\"succeeded\","
                + "\"confirmationStatus\":\"confirmed\",\"outcomeStatus\":\"confirmed\","
                + "\"traceId\":\"trace-vis-control-1\"}",
            Codecs.INVOCATION_AUDIT_SURFACE.encode(a));
        // 6.4: one trace everywhere (no heartbeat): shared.
        assertEquals(
            "{\"controlTraceId\":\"trace-vis-control-1\",\"controlInvocationTraceId\":\"trace-vis-control-1\","
                + "\"reconcileTraceId\":\"trace-vis-control-1\",\"sequenceTraceId\":\"trace-vis-control-1\","
                + "\"sharedTraceId\":\"trace-vis-control-1\"}",
            Codecs.TRACE_SURFACE.encode(v.trace()));
      } else {
        assertEquals(false, a.replayed().orElseThrow(), "hardened: explicit replayed");
        assertEquals(false, a.inFlight().orElseThrow(), "hardened: explicit inFlight");
        assertTrue(a.idempotencyKey().orElseThrow().matches("cancel-1771762200000-[0-9a-f]{16}"));
      }
    }
  }

  // ---- scenario 21
  // -------------------------------------------------------------------------------

  /** 21. core: local control cancel and approve with trace ids; reconcile trace ids. */
  @Test
  void scenario21LocalControlAndReconcileTraces() {
    LoopStore s = repo("s21");
    ControlContext cancel =
        ControlFixtures.ctx(
            LOOP,
            Intent.CANCEL,
            "trace-control-local-1",
            Transport.LOCAL,
            generatedKey(Intent.CANCEL, REF));
    ControlRecords rows = control(s, REF, ControlFixtures.local(cancel, Logical.CONFIRMED), cancel);
    // stdout is the intent row: status confirmed
    assertEquals("confirmed", rows.intentRow().status().wire());
    var in = StatusReader.read(s);
    assertEquals(
        TraceId.of("trace-control-local-1"), in.lastIntent().orElseThrow().traceId().orElseThrow());
    assertEquals(
        TraceId.of("trace-control-local-1"),
        in.lastControlRow().orElseThrow().traceId().orElseThrow());
    ControlInvocation inv = in.lastInvocation().orElseThrow();
    assertEquals("succeeded", inv.execution().status().wire());
    assertEquals("confirmed", inv.confirmation().status().wire());
    assertEquals("confirmed", inv.outcome().status().wire());

    ControlContext approve =
        ControlFixtures.ctx(
            LOOP,
            Intent.APPROVE,
            "trace-control-local-2",
            Transport.LOCAL,
            generatedKey(Intent.APPROVE, REF));
    control(s, REF, ControlFixtures.local(approve, Logical.CONFIRMED), approve);
    ControlInvocation inv2 = StatusReader.read(s).lastInvocation().orElseThrow();
    assertEquals(Intent.APPROVE, inv2.intent());
    assertEquals("confirmed", inv2.confirmation().status().wire());

    StepResult r1 = reconcile(s, REF, "trace-reconcile-1", Transport.LOCAL);
    assertEquals(TraceId.of("trace-reconcile-1"), r1.health().traceId().orElseThrow());
    ControlFixtures.reconcile(
        s,
        REF,
        "trace-reconcile-2",
        Transport.LOCAL,
        TS.plusSeconds(60),
        3,
        1,
        HeartbeatInput.ABSENT,
        false);
    assertEquals(
        TraceId.of("trace-reconcile-2"), StatusReader.read(s).reconcileTraceId().orElseThrow());
  }

  // ---- scenario 4 (control parts) and parity ----------------------------------------------------

  /** The 7.2 projection: absent and null compare equal (jq {a,b}). */
  private static Map<String, Object> projection(VisibilitySummary v) {
    Map<String, Object> m = new LinkedHashMap<>();
    InvocationAuditSurface a = v.invocationAudit().orElseThrow();
    m.put("intent", a.intent());
    m.put("executionStatus", a.executionStatus());
    m.put("confirmationStatus", a.confirmationStatus());
    m.put("outcomeStatus", a.outcomeStatus());
    TraceSurface t = v.trace();
    m.put("controlTraceId", t.controlTraceId());
    m.put("controlInvocationTraceId", t.controlInvocationTraceId());
    m.put("reconcileTraceId", t.reconcileTraceId());
    m.put("heartbeatTraceId", t.heartbeatTraceId());
    m.put("sequenceTraceId", t.sequenceTraceId());
    m.put("sharedTraceId", t.sharedTraceId());
    return m;
  }

  /** The expected statuses of each logical outcome: contract 4.3 (local) = 4.4 (sprite). */
  private static List<String> expectedStatuses(Logical o) {
    switch (o) {
      case CONFIRMED:
        return List.of("succeeded", "confirmed", "confirmed");
      case EXECUTED_UNCONFIRMED:
        return List.of("succeeded", "skipped", "executed_unconfirmed");
      case AMBIGUOUS:
        return List.of("succeeded", "ambiguous", "ambiguous");
      default:
        return List.of("failed_command", "not_attempted", "failed_command");
    }
  }

  /**
   * The sprite side as the reference runs it with a co-located service (4.5): the service's own
   * local row first (service-generated key), then the manager's sprite_service row. A 409
   * (ambiguous) or 500 (failed) first answer is retried and served from the idempotency cache:
   * replayed true (4.4).
   */
  private static ControlRecords spriteSide(
      LoopStore s, VisibilityRules rules, ControlContext c, Logical o) {
    ControlContext server =
        ControlContext.builder()
            .from(c)
            .transport(Transport.LOCAL)
            .idempotencyKey(c.intent().wire() + "-1771762200-4242")
            .build();
    control(s, rules, ControlFixtures.local(server, o), server);
    boolean replayed = o == Logical.AMBIGUOUS || o == Logical.FAILED_COMMAND;
    return control(s, rules, ControlFixtures.sprite(c, o, replayed), c);
  }

  @ParameterizedTest
  @EnumSource(Logical.class)
  void parityAcrossTransportsForEachLogicalOutcome(Logical o) {
    for (VisibilityRules rules : List.of(REF, VisibilityRules.hardened())) {
      String trace = "trace-vis-parity-" + o.name().toLowerCase(java.util.Locale.ROOT);
      LoopStore local = repo("p-local-" + o + "-" + rules.name());
      LoopStore sprite = repo("p-sprite-" + o + "-" + rules.name());
      reconcile(local, rules, trace, Transport.LOCAL);
      reconcile(sprite, rules, trace, Transport.SPRITE_SERVICE);
      boolean confirm = o != Logical.EXECUTED_UNCONFIRMED;
      ControlContext lc =
          ControlFixtures.ctx(
              LOOP,
              Intent.CANCEL,
              trace,
              Transport.LOCAL,
              generatedKey(Intent.CANCEL, rules),
              ControlFixtures.STARTED,
              confirm);
      ControlContext sc =
          ControlFixtures.ctx(
              LOOP,
              Intent.CANCEL,
              trace,
              Transport.SPRITE_SERVICE,
              "vis-parity-cancel-1",
              ControlFixtures.STARTED,
              confirm);
      ControlRecords lr = control(local, rules, ControlFixtures.local(lc, o), lc);
      ControlRecords sr = spriteSide(sprite, rules, sc, o);
      assertEquals(lr.exitCode(), sr.exitCode(), "exit code (4.5)");
      VisibilitySummary lv = ControlFixtures.summary(local, rules);
      VisibilitySummary sv = ControlFixtures.summary(sprite, rules);
      assertEquals(projection(lv), projection(sv), o + " " + rules.name());
      List<String> exp = expectedStatuses(o);
      for (VisibilitySummary v : List.of(lv, sv)) {
        InvocationAuditSurface a = v.invocationAudit().orElseThrow();
        assertEquals(
            exp,
            List.of(
                a.executionStatus().orElseThrow(),
                a.confirmationStatus().orElseThrow(),
                a.outcomeStatus().orElseThrow()),
            o + " " + rules.name());
        assertEquals(TraceId.of(trace), v.trace().sharedTraceId().orElseThrow());
        assertEquals(TraceId.of(trace), v.trace().controlInvocationTraceId().orElseThrow());
      }
      assertEquals(
          Transport.SPRITE_SERVICE, sv.invocationAudit().orElseThrow().transport().orElseThrow());
      assertEquals(
          "vis-parity-cancel-1", sv.invocationAudit().orElseThrow().idempotencyKey().orElseThrow());
      // replayed may differ (7.3); its rendering follows the rules (6.2 vs H16).
      Optional<Boolean> lrep = lv.invocationAudit().orElseThrow().replayed();
      Optional<Boolean> srep = sv.invocationAudit().orElseThrow().replayed();
      boolean replayed = o == Logical.AMBIGUOUS || o == Logical.FAILED_COMMAND;
      if (rules.equals(REF)) {
        assertEquals(Optional.empty(), lrep);
        assertEquals(replayed ? Optional.of(true) : Optional.empty(), srep);
      } else {
        assertEquals(Optional.of(false), lrep);
        assertEquals(Optional.of(replayed), srep);
      }
    }
  }

  /**
   * A sprite request that fails outright (wrong token, non-2xx after retries) maps as a failed
   * local command.
   */
  @Test
  void spriteClientFailureHasFailedCommandParity() {
    LoopStore local = repo("f-local");
    LoopStore sprite = repo("f-sprite");
    String trace = "trace-vis-failure-1";
    reconcile(local, REF, trace, Transport.LOCAL);
    reconcile(sprite, REF, trace, Transport.SPRITE_SERVICE);
    ControlContext lc = ControlFixtures.ctx(LOOP, Intent.CANCEL, trace, Transport.LOCAL, "k-1");
    ControlContext sc =
        ControlFixtures.ctx(LOOP, Intent.CANCEL, trace, Transport.SPRITE_SERVICE, "k-2");
    control(local, REF, ControlFixtures.local(lc, Logical.FAILED_COMMAND), lc);
    ControlRecords sr =
        control(
            sprite,
            REF,
            ControlOutcomes.spriteFailure(
                sc, ControlFixtures.SPRITE_COMMAND, 1, ControlFixtures.COMPLETED),
            sc);
    assertEquals(1, sr.exitCode());
    assertEquals("{}", sr.invocation().execution().output().orElseThrow());
    VisibilitySummary sv = ControlFixtures.summary(sprite, REF);
    assertEquals(projection(ControlFixtures.summary(local, REF)), projection(sv));
    assertEquals(
        List.of("failed_command", "not_attempted", "failed_command"),
        List.of(
            sv.invocationAudit().orElseThrow().executionStatus().orElseThrow(),
            sv.invocationAudit().orElseThrow().confirmationStatus().orElseThrow(),
            sv.invocationAudit().orElseThrow().outcomeStatus().orElseThrow()));
    assertEquals(Optional.empty(), sv.invocationAudit().orElseThrow().replayed());
  }

  /** 4. autonomous no-confirm parity across local and sprite_service (control parts). */
  @Test
  void scenario4NoConfirmParity() {
    String trace = "trace-vis-autonomous-1";
    LoopStore local = repo("s4-local");
    LoopStore sprite = repo("s4-sprite");
    reconcile(local, REF, trace, Transport.LOCAL);
    reconcile(sprite, REF, trace, Transport.SPRITE_SERVICE);
    ControlContext lc =
        ControlFixtures.ctx(
            LOOP,
            Intent.CANCEL,
            trace,
            Transport.LOCAL,
            generatedKey(Intent.CANCEL, REF),
            ControlFixtures.STARTED,
            false);
    ControlContext sc =
        ControlFixtures.ctx(
            LOOP,
            Intent.CANCEL,
            trace,
            Transport.SPRITE_SERVICE,
            "vis-autonomous-cancel-1",
            ControlFixtures.STARTED,
            false);
    assertEquals(
        0,
        control(local, REF, ControlFixtures.local(lc, Logical.EXECUTED_UNCONFIRMED), lc)
            .exitCode());
    assertEquals(0, spriteSide(sprite, REF, sc, Logical.EXECUTED_UNCONFIRMED).exitCode());
    VisibilitySummary lv = ControlFixtures.summary(local, REF);
    VisibilitySummary sv = ControlFixtures.summary(sprite, REF);
    Map<String, Object> lp = new LinkedHashMap<>();
    Map<String, Object> sp = new LinkedHashMap<>();
    for (var e : List.of(Map.entry(lv, lp), Map.entry(sv, sp))) {
      InvocationAuditSurface a = e.getKey().invocationAudit().orElseThrow();
      e.getValue().put("intent", a.intent());
      e.getValue().put("executionStatus", a.executionStatus());
      e.getValue().put("confirmationStatus", a.confirmationStatus());
      e.getValue().put("outcomeStatus", a.outcomeStatus());
      e.getValue().put("controlInvocationTraceId", e.getKey().trace().controlInvocationTraceId());
      e.getValue().put("sharedTraceId", e.getKey().trace().sharedTraceId());
    }
    assertEquals(lp, sp);
    assertEquals("skipped", lv.invocationAudit().orElseThrow().confirmationStatus().orElseThrow());
    assertEquals(
        "executed_unconfirmed", sv.invocationAudit().orElseThrow().outcomeStatus().orElseThrow());
    assertEquals(TraceId.of(trace), sv.trace().controlInvocationTraceId().orElseThrow());
    // The invocation row records doConfirm false (1.7: false when --no-confirm).
    assertEquals(
        false, StatusReader.read(sprite).lastInvocation().orElseThrow().request().doConfirm());
    assertEquals(
        1,
        JsonlReader.readAll(
                local.layout().path(LoopArtifact.CONTROL_INVOCATIONS), Codecs.CONTROL_INVOCATION)
            .records()
            .size());
    assertEquals(
        2,
        JsonlReader.readAll(
                sprite.layout().path(LoopArtifact.CONTROL_INVOCATIONS), Codecs.CONTROL_INVOCATION)
            .records()
            .size(),
        "co-located service: its own row, then the manager's (4.5)");
  }
}
