package io.superloop.visibility.testkit.scenario.internal;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.core.time.Timestamps;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The reference encoder of a sprite service's answers: what {@code GET /ops/snapshot} and {@code
 * GET /ops/events?cursor=N} must return for a runtime folder, written as JSON text by the testkit's
 * own encoder in the v1 envelope shape (contract 1.1, 1.18, 3.1), independently of the library's
 * local source. Sequence values follow the service's poll adapter: an event's value is its physical
 * line number, the snapshot's the log's newline count; empty lines consume a number and are not
 * delivered; a last line without its newline is not there yet. Use it as the oracle of an adapter's
 * answers, or as the answers of a stand-in service:
 *
 * <pre>{@code
 * ReferenceAnswers reference = ReferenceAnswers.read(runtimeDir);
 * String events = reference.events(cursor, Instant.now(), Optional.empty());
 * }</pre>
 *
 * <p>Inside the testkit the same encoder answers for a {@link History} and applies the step's
 * {@link SpriteFault}s. An instance is a snapshot of the runtime folder and is not thread-safe.
 */
public final class ReferenceAnswers {
  static final String SERVICE_REPO = "/srv/sprite/repo";
  private static final String SOURCE = "cursor_event_line_offset";

  private final String loopId;
  private List<LogLine> log = new ArrayList<>();
  private @Nullable String heartbeatText;
  private long lastDeliveredSnapshot = -1;
  private long pendingSnapshot = -1;

  ReferenceAnswers(String loopId) {
    this.loopId = loopId;
  }

  /** Applies the step's log change and appended lines to the service's log. */
  void apply(HistoryStep step) {
    switch (step.change().kind()) {
      case TRUNCATE:
        log = new ArrayList<>(log.subList(0, Math.min(step.change().keepLines(), log.size())));
        break;
      case ROTATE:
        log = new ArrayList<>(step.change().replacement());
        break;
      default:
        break;
    }
    log.addAll(step.appended());
    heartbeatText = step.heartbeat().fileText().orElse(null);
  }

  /**
   * Reads a runtime folder as a sprite service's adapters read it: {@code events.jsonl} (its
   * newline-terminated lines; each non-empty one must be an event object with the members {@code
   * timestamp}, {@code event}, {@code run_id}, {@code role}, {@code status}, {@code message}
   * (strings), {@code iteration} (a whole number) and {@code payload} (an object), as {@code
   * EventLog} writes them) and {@code heartbeat.v1.json} (passed through as it is).
   *
   * @param runtimeDir the runtime folder {@code <repo>/.superloop/loops/<loopId>}; its name is the
   *     loop id
   * @return the answers for the folder as it is now
   * @throws VisibilityException {@link ErrorCode#FILE_NOT_FOUND} when there is no events log,
   *     {@link ErrorCode#INVALID_FIELD_VALUE} naming the line when a line is not such an event,
   *     {@link ErrorCode#IO_ERROR} when a file cannot be read
   */
  public static ReferenceAnswers read(Path runtimeDir) {
    Path name = runtimeDir.toAbsolutePath().normalize().getFileName();
    if (name == null) {
      throw new VisibilityException(
          ErrorCode.INVALID_ARGUMENT, "not a runtime folder: " + runtimeDir);
    }
    ReferenceAnswers answers = new ReferenceAnswers(name.toString());
    Path events = runtimeDir.resolve("events.jsonl");
    Path heartbeat = runtimeDir.resolve("heartbeat.v1.json");
    try {
      String text = Files.readString(events, StandardCharsets.UTF_8);
      String[] lines = text.substring(0, text.lastIndexOf('\n') + 1).split("\n", -1);
      for (int i = 0; i < lines.length - 1; i++) {
        answers.log.add(lines[i].isEmpty() ? LogLine.blank() : eventLine(lines[i], i + 1, events));
      }
      answers.heartbeatText =
          Files.exists(heartbeat) ? Files.readString(heartbeat, StandardCharsets.UTF_8) : null;
    } catch (NoSuchFileException e) {
      throw new VisibilityException(ErrorCode.FILE_NOT_FOUND, "no events log: " + events, e);
    } catch (IOException e) {
      throw new VisibilityException(ErrorCode.IO_ERROR, "cannot read " + runtimeDir + ": " + e, e);
    }
    return answers;
  }

  /** The event of log line {@code number}, or an error naming it. */
  private static LogLine eventLine(String text, long number, Path file) {
    try {
      JsonValue o = Json.parse(text);
      RuntimeEvent e =
          new RuntimeEvent(
              string(o, "timestamp"),
              string(o, "event"),
              string(o, "run_id"),
              o.get("iteration").orElseThrow().wholeLongValue().orElseThrow(),
              string(o, "role"),
              string(o, "status"),
              string(o, "message"),
              o.get("payload").filter(JsonValue::isObject).orElseThrow().toJson());
      return new LogLine(LogLine.Kind.EVENT, text, Optional.of(e));
    } catch (RuntimeException e) {
      throw new VisibilityException(
          ErrorCode.INVALID_FIELD_VALUE,
          file + " line " + number + " is not an event the reference encoder serves (" + e + ")",
          e);
    }
  }

  private static String string(JsonValue o, String member) {
    return o.get(member).flatMap(JsonValue::stringValue).orElseThrow();
  }

  /** {@return the number of newline-terminated lines of the log (the snapshot's sequence value)} */
  public long lineCount() {
    return log.size();
  }

  /**
   * The {@code GET /ops/snapshot} answer (contract 1.1, 3.1), in the contract's key order.
   *
   * @param now the service's clock ({@code emittedAt})
   * @param traceId the request's trace id, if any
   * @return the body, compact JSON
   * @throws VisibilityException {@link ErrorCode#INVALID_JSON} (or another parse code) when the
   *     heartbeat file is not JSON
   */
  public String snapshot(Instant now, Optional<String> traceId) {
    if (heartbeatText != null) {
      try {
        Json.parse(heartbeatText);
      } catch (VisibilityException e) {
        throw new VisibilityException(
            e.code(),
            "heartbeat.v1.json is not JSON (the service's snapshot adapter fails): "
                + e.getMessage(),
            e);
      }
    }
    return snapshot(List.of(), now, traceId.orElse(null));
  }

  /**
   * The {@code GET /ops/events?cursor=<cursor>&maxEvents=0} answer (contract 1.18, 3.1): every
   * event after line {@code cursor}, each numbered by its physical line.
   *
   * @param cursor the manager's cursor (lines already read), 0 to read from the start
   * @param now the service's clock ({@code emittedAt}, {@code cursor.updatedAt})
   * @param traceId the request's trace id, if any
   * @return the body, compact JSON
   * @throws VisibilityException {@link ErrorCode#INVALID_ARGUMENT} when the cursor is negative or
   *     beyond the log's end (the service answers HTTP 502 {@code runtime_error} there)
   */
  public String events(long cursor, Instant now, Optional<String> traceId) {
    if (cursor < 0 || cursor > log.size()) {
      throw new VisibilityException(
          ErrorCode.INVALID_ARGUMENT,
          "HTTP 502 runtime_error: cursor offset ("
              + cursor
              + ") exceeds available events ("
              + log.size()
              + ")");
    }
    return events(List.of(), cursor, now, traceId.orElse(null));
  }

  /** The last poll's snapshot value was ingested by the manager. */
  void markDelivered() {
    lastDeliveredSnapshot = pendingSnapshot;
  }

  /** The {@code GET /ops/snapshot} answer of a history step, with its faults. */
  String snapshotBody(HistoryStep step, Instant now, @Nullable String trace) {
    return snapshot(step.spriteFaults(), now, trace);
  }

  private String snapshot(List<SpriteFault> faults, Instant now, @Nullable String trace) {
    long n = log.size();
    String value = Long.toString(n);
    for (SpriteFault f : faults) {
      switch (f.kind()) {
        case SNAPSHOT_MISTYPED:
          value = f.valueJson();
          break;
        case SNAPSHOT_MISSING:
          value = null;
          break;
        case SNAPSHOT_REGRESSING:
          value = Long.toString(Math.max(0, lastDeliveredSnapshot - 1));
          break;
        default:
          break;
      }
    }
    pendingSnapshot = n;
    String nowText = Timestamps.format(now);
    LogLine lastEvent = null;
    long events = 0;
    for (LogLine l : log) {
      if (l.kind() == LogLine.Kind.EVENT) {
        lastEvent = l;
        events++;
      }
    }
    String hbText = heartbeatText;
    StringBuilder b = new StringBuilder(1024);
    b.append("{\"schemaVersion\":\"v1\",\"envelopeType\":\"loop_run_snapshot\",\"emittedAt\":")
        .append(JsonText.string(nowText))
        .append(",\"traceId\":")
        .append(JsonText.stringOrNull(trace))
        .append(",\"source\":")
        .append(source())
        .append(",\"run\":{\"runId\":")
        .append(
            lastEvent == null ? "null" : JsonText.string(lastEvent.event().orElseThrow().runId()))
        .append(",\"iteration\":")
        .append(
            lastEvent == null ? "null" : Long.toString(lastEvent.event().orElseThrow().iteration()))
        .append(",\"status\":\"running\",\"summary\":null}")
        .append(
            ",\"runtime\":{\"superloopState\":{\"active\":true},\"activeRun\":null,\"approval\":null,\"heartbeat\":")
        .append(hbText == null ? "null" : hbText.strip())
        .append("},\"artifacts\":{\"events\":")
        .append(ref("events.jsonl", logText()))
        .append(",\"runSummary\":")
        .append(ref("run-summary.json", null))
        .append(",\"state\":")
        .append(ref("state.json", null))
        .append(",\"activeRun\":")
        .append(ref("active-run.json", null))
        .append(",\"approval\":")
        .append(ref("approval.json", null))
        .append(",\"heartbeat\":")
        .append(ref("heartbeat.v1.json", hbText))
        .append("},\"sequence\":{\"source\":\"")
        .append(SOURCE)
        .append('"');
    if (value != null) {
      b.append(",\"value\":").append(value);
    }
    b.append("},\"cursor\":{\"eventLineOffset\":")
        .append(n)
        .append(",\"eventLineCount\":")
        .append(n)
        .append("},\"health\":{\"eventCount\":")
        .append(events)
        .append(",\"lastEventAt\":")
        .append(
            lastEvent == null
                ? "null"
                : JsonText.string(lastEvent.event().orElseThrow().timestamp()))
        .append(",\"lastEventName\":")
        .append(
            lastEvent == null ? "null" : JsonText.string(lastEvent.event().orElseThrow().name()))
        .append(
            ",\"lastSummaryAt\":null,\"hasPendingApproval\":false,\"gates\":{},\"stuck\":false}}");
    return b.toString();
  }

  /** One entry of the events answer before encoding. */
  private static final class Entry {
    final LogLine line;
    final long lineNo;
    @Nullable String value;

    Entry(LogLine line, long lineNo, @Nullable String value) {
      this.line = line;
      this.lineNo = lineNo;
      this.value = value;
    }
  }

  /**
   * The {@code GET /ops/events?cursor=<cursor>&maxEvents=0} answer of a history step, with its
   * faults.
   */
  String eventsBody(HistoryStep step, long cursor, Instant now, @Nullable String trace) {
    return events(step.spriteFaults(), cursor, now, trace);
  }

  private String events(
      List<SpriteFault> faults, long cursor, Instant now, @Nullable String trace) {
    long n = log.size();
    List<Entry> entries = new ArrayList<>();
    for (int i = (int) cursor; i < n; i++) {
      LogLine l = log.get(i);
      if (l.kind() != LogLine.Kind.BLANK) {
        entries.add(new Entry(l, i + 1, Long.toString(i + 1)));
      }
    }
    for (SpriteFault f : faults) {
      if (entries.isEmpty()) {
        break;
      }
      int idx = Math.floorMod(f.index(), entries.size());
      switch (f.kind()) {
        case EVENT_MISTYPED:
          entries.get(idx).value = f.valueJson();
          break;
        case EVENT_MISSING:
          entries.get(idx).value = null;
          break;
        case EVENT_DUPLICATE:
          Entry e = entries.get(idx);
          entries.add(idx + 1, new Entry(e.line, e.lineNo, e.value));
          break;
        case EVENT_REGRESSING:
          if (entries.size() >= 2) {
            int at = 1 + Math.floorMod(f.index(), entries.size() - 1);
            entries.get(at).value = Long.toString(Math.max(0, entries.get(at - 1).lineNo - 1));
          }
          break;
        case EVENT_REGRESSING_ACROSS:
          entries.get(0).value = "0";
          break;
        default:
          break;
      }
    }
    String nowText = Timestamps.format(now);
    StringBuilder b = new StringBuilder(512 * (entries.size() + 1));
    b.append("{\"ok\":true,\"schemaVersion\":\"v1\"");
    if (trace != null) {
      b.append(",\"traceId\":").append(JsonText.string(trace));
    }
    b.append(",\"source\":").append(source()).append(",\"events\":[");
    for (int i = 0; i < entries.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append(eventEnvelope(entries.get(i), n, nowText, trace));
    }
    b.append("],\"cursor\":{\"eventLineOffset\":")
        .append(n)
        .append(",\"eventLineCount\":")
        .append(n)
        .append(",\"updatedAt\":")
        .append(JsonText.string(nowText))
        .append("}}");
    return b.toString();
  }

  /** The envelope the events answer gives for log line {@code index} (0-based), with no faults. */
  String eventEnvelope(int index, Instant now, @Nullable String trace) {
    return eventEnvelope(
        new Entry(log.get(index), index + 1L, Long.toString(index + 1L)),
        log.size(),
        Timestamps.format(now),
        trace);
  }

  private String eventEnvelope(Entry e, long lineCount, String nowText, @Nullable String trace) {
    RuntimeEvent ev = e.line.event().orElseThrow();
    StringBuilder b = new StringBuilder(e.line.text().length() * 2 + 400);
    b.append("{\"schemaVersion\":\"v1\",\"envelopeType\":\"loop_run_event\",\"emittedAt\":")
        .append(JsonText.string(nowText))
        .append(",\"traceId\":")
        .append(JsonText.stringOrNull(trace))
        .append(",\"source\":")
        .append(source())
        .append(",\"sequence\":{\"source\":\"")
        .append(SOURCE)
        .append('"');
    if (e.value != null) {
      b.append(",\"value\":").append(e.value);
    }
    b.append("},\"cursor\":{\"eventLineOffset\":")
        .append(e.lineNo)
        .append(",\"eventLineCount\":")
        .append(lineCount)
        .append("},\"run\":{\"runId\":")
        .append(JsonText.string(ev.runId()))
        .append(",\"iteration\":")
        .append(ev.iteration())
        .append("},\"event\":{\"timestamp\":")
        .append(JsonText.string(ev.timestamp()))
        .append(",\"name\":")
        .append(JsonText.string(ev.name()))
        .append(",\"role\":")
        .append(JsonText.string(ev.role()))
        .append(",\"status\":")
        .append(JsonText.string(ev.status()))
        .append(",\"message\":")
        .append(JsonText.string(ev.message()))
        .append(",\"payload\":")
        .append(ev.payloadJson())
        .append(",\"raw\":")
        .append(e.line.text())
        .append("}}");
    return b.toString();
  }

  /**
   * The service's {@code POST /ops/control} answer (contract 1.18): {@code ok}, {@code exitCode},
   * {@code result} (the server-side intents row, contract 1.9, transport {@code local}), {@code
   * stderr}, {@code replayed}, {@code traceId}.
   */
  static String controlAnswer(ControlAction a, String loopId, Instant startedAt, Instant done) {
    LogicalOutcome o = a.outcome();
    int exit = o.controlExitCode();
    int superloopExit = o == LogicalOutcome.FAILED_COMMAND ? 1 : 0;
    long confirmExit = o == LogicalOutcome.AMBIGUOUS ? 1 : 0;
    boolean confirmRan = o == LogicalOutcome.CONFIRMED || o == LogicalOutcome.AMBIGUOUS;
    StringBuilder r = new StringBuilder(600);
    r.append("{\"timestamp\":")
        .append(JsonText.string(Timestamps.format(done)))
        .append(",\"loopId\":")
        .append(JsonText.string(loopId))
        .append(",\"intent\":")
        .append(JsonText.string(a.intent().wire()))
        .append(",\"traceId\":")
        .append(JsonText.string(a.traceId()))
        .append(",\"requestedBy\":\"parity-operator\",\"transport\":\"local\"");
    if (a.spriteForm() != ControlAction.SpriteForm.ANSWER_WITHOUT_STATUS) {
      r.append(",\"status\":").append(JsonText.string(o.outcomeWire()));
    }
    r.append(",\"command\":")
        .append(JsonText.string("superloop.sh " + a.intent().wire() + " --repo " + SERVICE_REPO))
        .append(",\"idempotencyKey\":")
        .append(JsonText.string(a.intent().wire() + "-" + startedAt.getEpochSecond() + "-4242"))
        .append(",\"exitCode\":")
        .append(superloopExit)
        .append(",\"confirmExitCode\":")
        .append(confirmExit)
        .append(",\"confirmed\":")
        .append(o == LogicalOutcome.CONFIRMED)
        .append(",\"commandOutput\":")
        .append(JsonText.string(superloopExit == 0 ? "ok" : "error: no active loop"));
    if (confirmRan) {
      r.append(",\"confirm\":")
          .append(ControlFixtures.confirmResult(a, o == LogicalOutcome.CONFIRMED, done));
    }
    r.append('}');
    return "{\"ok\":"
        + (exit == 0)
        + ",\"exitCode\":"
        + exit
        + ",\"result\":"
        + r
        + ",\"stderr\":"
        + JsonText.string(exit == 0 ? "" : "control exited " + exit)
        + ",\"replayed\":"
        + (a.spriteForm() == ControlAction.SpriteForm.REPLAYED)
        + ",\"traceId\":"
        + JsonText.string(a.traceId())
        + "}";
  }

  private String source() {
    return "{\"repoPath\":"
        + JsonText.string(SERVICE_REPO)
        + ",\"loopId\":"
        + JsonText.string(loopId)
        + "}";
  }

  private String logText() {
    StringBuilder b = new StringBuilder();
    for (LogLine l : log) {
      b.append(l.text()).append('\n');
    }
    return b.toString();
  }

  /** An artifact reference (contract 1.1) of a runtime file holding {@code text} (null: absent). */
  private String ref(String name, @Nullable String text) {
    String path = JsonText.string(".superloop/loops/" + loopId + "/" + name);
    if (text == null) {
      return "{\"path\":"
          + path
          + ",\"exists\":false,\"sizeBytes\":0,\"lineCount\":0,\"sha256\":null,\"mtimeEpoch\":null}";
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    long lines = text.chars().filter(c -> c == '\n').count();
    return "{\"path\":"
        + path
        + ",\"exists\":true,\"sizeBytes\":"
        + bytes.length
        + ",\"lineCount\":"
        + lines
        + ",\"sha256\":"
        + JsonText.string(sha256(bytes))
        + ",\"mtimeEpoch\":1700000000}";
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
