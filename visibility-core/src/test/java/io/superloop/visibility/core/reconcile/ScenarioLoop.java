package io.superloop.visibility.core.reconcile;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.envelope.CursorState;
import io.superloop.visibility.api.health.FailureCode;
import io.superloop.visibility.api.health.Health;
import io.superloop.visibility.api.health.HealthThresholds;
import io.superloop.visibility.api.health.IngestStatus;
import io.superloop.visibility.api.heartbeat.HeartbeatObservation;
import io.superloop.visibility.api.heartbeat.HeartbeatState;
import io.superloop.visibility.api.internal.json.JsonObject;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.api.reconcile.EscalationRow;
import io.superloop.visibility.api.reconcile.ReconcileRow;
import io.superloop.visibility.api.sequence.SequenceState;
import io.superloop.visibility.api.status.VisibilitySummary;
import io.superloop.visibility.core.heartbeat.HeartbeatInput;
import io.superloop.visibility.core.rules.Durability;
import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.core.source.LocalRuntime;
import io.superloop.visibility.core.source.ScanResult;
import io.superloop.visibility.core.source.ScanStart;
import io.superloop.visibility.core.status.StatusProjector;
import io.superloop.visibility.core.status.StatusReader;
import io.superloop.visibility.core.store.JsonlReader;
import io.superloop.visibility.core.store.LoopArtifact;
import io.superloop.visibility.core.store.LoopLayout;
import io.superloop.visibility.core.store.LoopStore;
import io.superloop.visibility.core.store.PreviousStates;
import io.superloop.visibility.core.store.TailReader;
import io.superloop.visibility.core.time.Timestamps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One loop of the contract's section 8 test setup, driven end to end through the library: runtime
 * files under {@code <repo>/.superloop/loops/<loop>/}, one reconcile step per call (load previous
 * states, {@link ReconcileStep}, {@link LoopStore#persist}) and the status surface ({@link
 * StatusProjector} over {@link StatusReader#read}).
 *
 * <p>{@code local} reads the runtime files in place ({@link LocalRuntime}). {@code sprite_service}
 * plays the service: it renders the snapshot and event envelopes of contract 1.1 as JSON text from
 * the same runtime files (snapshot {@code sequence.value} = newline count, event {@code
 * sequence.value} = physical line number, contract 3.1), parses them and feeds them through {@link
 * EnvelopeFeed#ofEnvelopes}; the manager keeps the cursor (contract 3.1, 1.16).
 */
final class ScenarioLoop {
  static final String LOOP = "demo-loop";

  /** "Lax ingest" (contract 8): degraded/critical ingest lag 999999/9999999. */
  static final HealthThresholds LAX =
      HealthThresholds.builder()
          .from(StepInput.DEFAULT_THRESHOLDS)
          .degradedIngestLagSeconds(999999)
          .criticalIngestLagSeconds(9999999)
          .build();

  /** "Lax ingest" + "Hb 1/huge" (contract 8): heartbeat degraded 1, critical 999999999. */
  static final HealthThresholds LAX_HB_1_HUGE =
      HealthThresholds.builder()
          .from(LAX)
          .degradedHeartbeatLagSeconds(1)
          .criticalHeartbeatLagSeconds(999999999)
          .build();

  /** The "stale heartbeat" of contract 8. */
  static final String STALE_HEARTBEAT =
      "{\"schemaVersion\":\"v1\",\"timestamp\":\"2020-01-01T00:00:00Z\",\"source\":\"runtime\",\"status\":\"running\",\"stage\":\"iteration\"}";

  final Path repo;
  final Transport transport;
  final VisibilityRules rules;
  final LoopLayout layout;
  final LoopStore store;

  /** A service that answers 502 (contract 8 scenario 5): the sprite ingest fails. */
  boolean serviceFails;

  ScenarioLoop(Path repo, Transport transport, VisibilityRules rules) {
    this.repo = repo;
    this.transport = transport;
    this.rules = rules;
    this.layout = LoopLayout.of(repo, LOOP);
    this.store = new LoopStore(layout, Durability.NONE);
  }

  Path runtimeDir() {
    return layout.runtimeDir();
  }

  /** The "runtime artifacts" helper of contract 8 with timestamp {@code ts}. */
  ScenarioLoop writeRuntimeArtifacts(String ts) {
    write(
        repo.resolve(".superloop/state.json"),
        "{\"active\":true,\"loop_index\":0,\"iteration\":2,\"current_loop_id\":\"demo-loop\",\"updated_at\":\""
            + ts
            + "\"}\n");
    write(
        runtimeDir().resolve("run-summary.json"),
        "{\"entries\":[{\"run_id\":\"run-123\",\"iteration\":1,\"gates\":{\"tests\":\"ok\",\"validation\":\"ok\","
            + "\"prerequisites\":\"ok\",\"checklist\":\"ok\",\"evidence\":\"skipped\",\"approval\":\"none\"},"
            + "\"stuck\":{\"streak\":0,\"threshold\":3},\"completion_ok\":false,\"ended_at\":\""
            + ts
            + "\"}]}\n");
    write(runtimeDir().resolve("events.jsonl"), loopStart(ts) + iterationStart(ts));
    return this;
  }

  static String loopStart(String ts) {
    return "{\"timestamp\":\""
        + ts
        + "\",\"event\":\"loop_start\",\"iteration\":1,\"data\":{\"max_iterations\":5}}\n";
  }

  static String iterationStart(String ts) {
    return "{\"timestamp\":\"" + ts + "\",\"event\":\"iteration_start\",\"iteration\":2}\n";
  }

  ScenarioLoop writeHeartbeat(String text) {
    write(runtimeDir().resolve("heartbeat.v1.json"), text);
    return this;
  }

  ScenarioLoop writeEvents(String text) {
    write(runtimeDir().resolve("events.jsonl"), text);
    return this;
  }

  ScenarioLoop appendEvents(String text) {
    try {
      Files.writeString(
          runtimeDir().resolve("events.jsonl"),
          text,
          StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Contract 8 scenario 1: "Truncate events.jsonl to its first line". */
  ScenarioLoop truncateEventsToFirstLine() {
    String text = read(runtimeDir().resolve("events.jsonl"));
    writeEvents(text.substring(0, text.indexOf('\n') + 1));
    return this;
  }

  static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One reconcile ({@code --trace-id trace [--from-start]}) at {@code now} with {@code thresholds}.
   */
  StepResult reconcile(String trace, boolean fromStart, Instant now, HealthThresholds thresholds) {
    return layout.lock().call(Duration.ofMinutes(1), () -> step(trace, fromStart, now, thresholds));
  }

  private StepResult step(
      String trace, boolean fromStart, Instant now, HealthThresholds thresholds) {
    { // one load-step-persist cycle, under the loop lock (H4)
      PreviousStates previous = store.loadPrevious();
      long cursorBefore =
          fromStart ? 0 : previous.cursor().map(CursorState::eventLineOffset).orElse(0L);
      Ingest ingest;
      LocalRuntime.Feed localFeed = null;
      Optional<CursorState> cursor = Optional.empty();
      if (transport == Transport.LOCAL) {
        LocalRuntime runtime = LocalRuntime.in(runtimeDir());
        ScanStart start =
            fromStart || previous.cursor().isEmpty()
                ? ScanStart.FROM_START
                : ScanStart.resumeAt(previous.cursor().get());
        localFeed = runtime.feed(start);
        ingest = new Ingest.Succeeded(runtime.readHeartbeat(), localFeed, fromStart);
      } else if (serviceFails || !Files.isRegularFile(runtimeDir().resolve("events.jsonl"))) {
        // contract 8 scenario 5: the service's adapter fails, it answers 502 ->
        // service_request_failed
        ingest =
            new Ingest.Failed(
                Optional.of(FailureCode.SERVICE_REQUEST_FAILED), Optional.of("HTTP 502"));
      } else {
        ServiceAnswer answer = serviceAnswer(trace, cursorBefore, now);
        ingest =
            new Ingest.Succeeded(
                heartbeatOf(answer.snapshot),
                EnvelopeFeed.ofEnvelopes(
                    EnvelopeFeed.sequenceValueOf(answer.snapshot), answer.events, answer.lineCount),
                fromStart);
        cursor = Optional.of(cursorState(answer.lineCount, OptionalLong.empty(), now));
      }
      StepInput input =
          previous
              .applyTo(StepInput.builder())
              .loopId(LOOP)
              .traceId(TraceId.of(trace))
              .transport(transport)
              .now(now)
              .ingest(ingest)
              .thresholds(thresholds)
              .ingestLagSeconds(0)
              .paths(store.artifactPaths())
              .cursorOffsetBefore(cursorBefore)
              .build();
      StepResult result = new ReconcileStep(rules).run(input);
      if (localFeed != null && localFeed.scanResult().isPresent()) {
        ScanResult scan = localFeed.scanResult().get();
        cursor =
            Optional.of(
                cursorState(scan.newlineCount(), OptionalLong.of(scan.endByteOffset()), now));
      }
      store.persist(
          result,
          result.reconcileRow().status() == IngestStatus.SUCCESS ? cursor : Optional.empty());
      return result;
    }
  }

  private CursorState cursorState(long lines, OptionalLong byteOffset, Instant now) {
    return CursorState.builder()
        .repoPath(repo.toAbsolutePath().toString())
        .loopId(LOOP)
        .eventsFile(layout.cursorEventsFile())
        .eventLineOffset(lines)
        .eventLineCount(lines)
        .eventByteOffset(byteOffset)
        .updatedAt(Timestamps.format(now))
        .build();
  }

  private static HeartbeatInput heartbeatOf(JsonValue snapshot) {
    if (snapshot instanceof JsonObject o
        && o.members().get("runtime") instanceof JsonObject runtime) {
      JsonValue hb = runtime.members().get("heartbeat");
      return hb == null ? HeartbeatInput.ABSENT : HeartbeatInput.of(hb);
    }
    return HeartbeatInput.ABSENT;
  }

  record ServiceAnswer(JsonValue snapshot, List<JsonValue> events, long lineCount) {}

  /**
   * What {@code GET /ops/snapshot} and {@code GET /ops/events?cursor=<cursor>} of a service on this
   * repo answer (contract 1.1, 1.18, 3.1), written as JSON text and parsed.
   */
  ServiceAnswer serviceAnswer(String trace, long cursor, Instant now) {
    String ts = Timestamps.format(now);
    String log = read(runtimeDir().resolve("events.jsonl"));
    String[] lines = log.split("\n", -1);
    long newlines = lines.length - 1L; // wc -l: a final line without newline is not counted
    Path hbFile = runtimeDir().resolve("heartbeat.v1.json");
    boolean hbExists = Files.isRegularFile(hbFile);
    String heartbeat = hbExists ? read(hbFile).strip() : "null";
    String source = "{\"repoPath\":" + str(repo.toString()) + ",\"loopId\":\"" + LOOP + "\"}";
    String snapshot =
        "{\"schemaVersion\":\"v1\",\"envelopeType\":\"loop_run_snapshot\",\"emittedAt\":\""
            + ts
            + "\","
            + "\"traceId\":"
            + str(trace)
            + ",\"source\":"
            + source
            + ","
            + "\"run\":{\"runId\":\"run-123\",\"iteration\":2,\"status\":\"running\",\"summary\":null},"
            + "\"runtime\":{\"superloopState\":null,\"activeRun\":null,\"approval\":null,\"heartbeat\":"
            + heartbeat
            + "},"
            + "\"artifacts\":{\"heartbeat\":{\"path\":\".superloop/loops/"
            + LOOP
            + "/heartbeat.v1.json\","
            + "\"exists\":"
            + hbExists
            + ",\"sizeBytes\":0,\"lineCount\":0,\"sha256\":null,\"mtimeEpoch\":null}},"
            + "\"sequence\":{\"source\":\"cursor_event_line_offset\",\"value\":"
            + newlines
            + "},"
            + "\"cursor\":{\"eventLineOffset\":"
            + newlines
            + ",\"eventLineCount\":"
            + newlines
            + "},"
            + "\"health\":{\"eventCount\":"
            + newlines
            + "}}";
    List<JsonValue> events = new ArrayList<>();
    for (int i = (int) cursor; i < newlines; i++) {
      String line = lines[i];
      if (line.isEmpty()) {
        continue; // an empty line consumes its number and is not emitted (contract 3.1)
      }
      long number = i + 1L;
      String event =
          "{\"schemaVersion\":\"v1\",\"envelopeType\":\"loop_run_event\",\"emittedAt\":\""
              + ts
              + "\","
              + "\"traceId\":"
              + str(trace)
              + ",\"source\":"
              + source
              + ","
              + "\"sequence\":{\"source\":\"cursor_event_line_offset\",\"value\":"
              + number
              + "},"
              + "\"cursor\":{\"eventLineOffset\":"
              + number
              + ",\"eventLineCount\":"
              + newlines
              + "},"
              + "\"run\":{\"runId\":\"run-123\",\"iteration\":2},"
              + "\"event\":{\"timestamp\":null,\"name\":null,\"role\":null,\"status\":null,\"message\":null,"
              + "\"payload\":null,\"raw\":"
              + line
              + "}}";
      events.add(Json.parse(event));
    }
    return new ServiceAnswer(Json.parse(snapshot), events, newlines);
  }

  private static String str(String s) {
    return JsonValue.of(s).toJson();
  }

  // ---- reading back what the step wrote

  VisibilitySummary status() {
    return new StatusProjector(rules).project(StatusReader.read(store));
  }

  Optional<Health> health() {
    return layout.stateFile(LoopArtifact.HEALTH, Codecs.HEALTH).read().toOptional();
  }

  Optional<HeartbeatState> heartbeatState() {
    return layout
        .stateFile(LoopArtifact.HEARTBEAT_STATE, Codecs.HEARTBEAT_STATE)
        .read()
        .toOptional();
  }

  Optional<SequenceState> sequenceState() {
    return layout.stateFile(LoopArtifact.SEQUENCE_STATE, Codecs.SEQUENCE_STATE).read().toOptional();
  }

  Optional<HeartbeatObservation> lastHeartbeatRow() {
    return TailReader.last(
            layout.path(LoopArtifact.HEARTBEAT_TELEMETRY), Codecs.HEARTBEAT_OBSERVATION)
        .value();
  }

  Optional<ReconcileRow> lastReconcileRow() {
    return TailReader.last(layout.path(LoopArtifact.RECONCILE_TELEMETRY), Codecs.RECONCILE_ROW)
        .value();
  }

  List<EscalationRow> escalations() {
    List<EscalationRow> out = new ArrayList<>();
    Path file = layout.path(LoopArtifact.ESCALATIONS);
    if (!Files.exists(file)) {
      return out;
    }
    try (JsonlReader<EscalationRow> r = JsonlReader.open(file, Codecs.ESCALATION_ROW)) {
      while (r.hasNext()) {
        out.add(r.next().value());
      }
    }
    return out;
  }

  long heartbeatRowCount() {
    Path file = layout.path(LoopArtifact.HEARTBEAT_TELEMETRY);
    return Files.exists(file) ? read(file).lines().count() : 0;
  }

  byte[] heartbeatStateBytes() {
    try {
      return Files.readAllBytes(layout.path(LoopArtifact.HEARTBEAT_STATE));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
