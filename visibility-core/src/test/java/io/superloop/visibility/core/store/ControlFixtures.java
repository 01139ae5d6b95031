package io.superloop.visibility.core.store;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.audit.ControlRequest;
import io.superloop.visibility.api.audit.Intent;
import io.superloop.visibility.api.internal.json.JsonObject;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.api.status.VisibilitySummary;
import io.superloop.visibility.core.audit.ControlContext;
import io.superloop.visibility.core.audit.ControlOutcomes;
import io.superloop.visibility.core.audit.ControlRecords;
import io.superloop.visibility.core.heartbeat.HeartbeatInput;
import io.superloop.visibility.core.reconcile.EnvelopeFeed;
import io.superloop.visibility.core.reconcile.Ingest;
import io.superloop.visibility.core.reconcile.ReconcileStep;
import io.superloop.visibility.core.reconcile.StepInput;
import io.superloop.visibility.core.reconcile.StepResult;
import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.core.status.StatusProjector;
import io.superloop.visibility.core.status.StatusReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Test inputs of control actions, written from the contract's text (4.1, 4.3, 4.4, 1.18): the local
 * command lines, the confirm result object, and the sprite service's answers.
 */
final class ControlFixtures {
  private ControlFixtures() {}

  static final Instant STARTED = Instant.parse("2026-02-22T12:10:00Z");
  static final Instant COMPLETED = Instant.parse("2026-02-22T12:10:04Z");

  /** The four logical outcomes of contract 4.3. */
  enum Logical {
    CONFIRMED,
    EXECUTED_UNCONFIRMED,
    AMBIGUOUS,
    FAILED_COMMAND
  }

  static ControlContext ctx(
      String loopId, Intent intent, String trace, Transport transport, String key) {
    return ctx(loopId, intent, trace, transport, key, STARTED, true);
  }

  static ControlContext ctx(
      String loopId,
      Intent intent,
      String trace,
      Transport transport,
      String key,
      Instant startedAt,
      boolean doConfirm) {
    return ControlContext.builder()
        .loopId(loopId)
        .intent(intent)
        .traceId(TraceId.of(trace))
        .transport(transport)
        .requestedBy("ops-user")
        .idempotencyKey(key)
        .request(ControlRequest.of(doConfirm, 30, 2, 3, 1))
        .startedAt(startedAt)
        .build();
  }

  /** The local command line of contract 4.1 for the repo {@code /repo}. */
  static String localCommand(Intent intent) {
    return intent == Intent.CANCEL
        ? "superloop.sh cancel --repo /repo"
        : "superloop.sh approve --repo /repo --loop demo-loop --by ops-user"
            + (intent == Intent.REJECT ? " --reject" : "");
  }

  /** The confirm result object of contract 1.7 (confirm script output). */
  static JsonValue confirmResult(Intent intent, boolean confirmed) {
    return Json.parse(
        "{\"intent\":\""
            + intent.wire()
            + "\",\"confirmed\":"
            + confirmed
            + ",\"reason\":\""
            + (confirmed ? "inactive_not_running" : "timeout")
            + "\",\"attempts\":"
            + (confirmed ? 1 : 15)
            + ",\"timeoutSeconds\":30,\"observedStatus\":\""
            + (confirmed ? "stopped" : "running")
            + "\",\"observedLastEvent\":"
            + (confirmed ? "\"loop_stop\"" : "null")
            + ",\"observedApprovalStatus\":null,\"observedActive\":"
            + !confirmed
            + ",\"observedAt\":\"2026-02-22T12:10:03Z\"}");
  }

  /** A local action with the given logical outcome (contract 4.3). */
  static ControlRecords local(ControlContext ctx, Logical outcome) {
    String cmd = localCommand(ctx.intent());
    switch (outcome) {
      case CONFIRMED:
        return ControlOutcomes.local(
            ctx,
            cmd,
            0,
            "Cancelled loop state.\n",
            Optional.of(
                new ControlOutcomes.ConfirmRun(0, Optional.of(confirmResult(ctx.intent(), true)))),
            COMPLETED);
      case EXECUTED_UNCONFIRMED:
        return ControlOutcomes.local(
            ctx, cmd, 0, "Cancelled loop state.\n", Optional.empty(), COMPLETED);
      case AMBIGUOUS:
        return ControlOutcomes.local(
            ctx,
            cmd,
            0,
            "Cancelled loop state.\n",
            Optional.of(
                new ControlOutcomes.ConfirmRun(1, Optional.of(confirmResult(ctx.intent(), false)))),
            COMPLETED);
      default:
        return ControlOutcomes.local(
            ctx, cmd, 1, "error: no active loop\n", Optional.empty(), COMPLETED);
    }
  }

  /**
   * The sprite service's answer for the logical outcome (contract 1.18): {@code {ok, exitCode,
   * result: <server-side intents row>, stderr, replayed, traceId}}. The server-side row is the one
   * a local run with a service-generated key writes (contract 4.5).
   */
  static JsonObject spriteResponse(ControlContext ctx, Logical outcome, boolean replayed) {
    ControlContext server =
        ControlContext.builder()
            .from(ctx)
            .transport(Transport.LOCAL)
            .idempotencyKey(ctx.intent().wire() + "-1771762200-4242")
            .build();
    ControlRecords rows = local(server, outcome);
    String result = io.superloop.visibility.api.Codecs.INTENT_ROW.encode(rows.intentRow());
    int exit = rows.exitCode();
    String body =
        "{\"ok\":"
            + (exit == 0)
            + ",\"exitCode\":"
            + exit
            + ",\"result\":"
            + result
            + ",\"stderr\":\"\",\"replayed\":"
            + replayed
            + ",\"traceId\":\""
            + ctx.traceId().value()
            + "\"}";
    return (JsonObject) Json.parse(body);
  }

  static final String SPRITE_COMMAND = "POST http://sprite-service.local/ops/control";

  /** A sprite_service action with the given logical outcome (contract 4.4). */
  static ControlRecords sprite(ControlContext ctx, Logical outcome, boolean replayed) {
    return ControlOutcomes.spriteAnswer(
        ctx, SPRITE_COMMAND, spriteResponse(ctx, outcome, replayed), COMPLETED);
  }

  /**
   * A reconcile step over envelopes (snapshot value, events 1..n), persisted through the store, as
   * the section-8 "reconcile --trace-id T + lax ingest" does.
   */
  static StepResult reconcile(
      LoopStore store,
      VisibilityRules rules,
      String trace,
      Transport transport,
      Instant now,
      long snapshot,
      long events,
      HeartbeatInput heartbeat,
      boolean fromStart) {
    PreviousStates previous = store.loadPrevious();
    List<JsonValue> env = new ArrayList<>();
    for (long i = 1; i <= events; i++) {
      env.add(
          Json.parse(
              "{\"envelopeType\":\"loop_run_event\",\"sequence\":{\"source\":\"cursor_event_line_offset\",\"value\":"
                  + i
                  + "}}"));
    }
    StepInput input =
        previous
            .applyTo(StepInput.builder())
            .loopId(store.layout().loopId())
            .traceId(TraceId.of(trace))
            .transport(transport)
            .now(now)
            .ingest(
                new Ingest.Succeeded(
                    heartbeat,
                    EnvelopeFeed.ofEnvelopes(JsonValue.of(snapshot), env, events),
                    fromStart))
            .paths(store.artifactPaths())
            .build();
    StepResult result = new ReconcileStep(rules).run(input);
    store.persist(
        result,
        Optional.of(
            io.superloop.visibility.api.envelope.CursorState.builder()
                .repoPath(store.layout().repoRoot().toString())
                .loopId(store.layout().loopId())
                .eventsFile(store.layout().cursorEventsFile())
                .eventLineOffset(events)
                .eventLineCount(events)
                .updatedAt(io.superloop.visibility.core.time.Timestamps.format(now))
                .build()));
    return result;
  }

  static VisibilitySummary summary(LoopStore store, VisibilityRules rules) {
    return new StatusProjector(rules).project(StatusReader.read(store));
  }

  static String summaryJson(LoopStore store, VisibilityRules rules) {
    return Codecs.VISIBILITY_SUMMARY.encode(summary(store, rules));
  }

  /** {@code jq -c .} of {@code text} (one JSON document), without the trailing newline. */
  static String jq(String text) {
    try {
      Process p = new ProcessBuilder("jq", "-c", ".").redirectErrorStream(true).start();
      try (var in = p.getOutputStream()) {
        in.write(text.getBytes(StandardCharsets.UTF_8));
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new IllegalStateException("jq failed: " + out);
      }
      return out.endsWith("\n") ? out.substring(0, out.length() - 1) : out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
