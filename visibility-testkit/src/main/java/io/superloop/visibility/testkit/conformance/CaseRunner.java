package io.superloop.visibility.testkit.conformance;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.envelope.CursorState;
import io.superloop.visibility.api.envelope.ImmutableCursorState;
import io.superloop.visibility.api.health.HealthThresholds;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.api.status.StatusCodecs;
import io.superloop.visibility.api.status.VisibilitySummary;
import io.superloop.visibility.core.heartbeat.HeartbeatInput;
import io.superloop.visibility.core.reconcile.EnvelopeFeed;
import io.superloop.visibility.core.reconcile.Ingest;
import io.superloop.visibility.core.reconcile.ReconcileStep;
import io.superloop.visibility.core.reconcile.StepInput;
import io.superloop.visibility.core.reconcile.StepResult;
import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.core.source.LocalRuntime;
import io.superloop.visibility.core.source.ScanResult;
import io.superloop.visibility.core.source.ScanStart;
import io.superloop.visibility.core.status.StatusProjector;
import io.superloop.visibility.core.store.LoopArtifact;
import io.superloop.visibility.core.store.LoopLayout;
import io.superloop.visibility.core.store.LoopLock;
import io.superloop.visibility.core.store.LoopStore;
import io.superloop.visibility.core.store.PreviousStates;
import io.superloop.visibility.core.time.Timestamps;
import io.superloop.visibility.core.trace.TraceIds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Runs one conformance case (the format of {@code shared/conformance/README.md}) as one reconcile
 * step and writes {@code sequence-state.json}, {@code heartbeat.json} (when the loop holds one),
 * {@code health.json} and {@code visibility.json} to the output directory.
 *
 * <p>The loop directory is {@code OUT/repo/.superloop/ops-manager/<loop>/}. When it does not exist,
 * the case's {@code previous/} is copied into it first (the case directory is never written); when it
 * exists, it is the previous state, so repeated runs accumulate telemetry. A case with {@code repo/}
 * uses the {@code local} transport and reads the runtime files in place; otherwise {@code
 * snapshot.json} and {@code events.ndjson} are the sprite_service answers.
 */
public final class CaseRunner {
  private final VisibilityRules rules;

  /** A runner under {@code rules}. */
  public CaseRunner(VisibilityRules rules) {
    this.rules = rules;
  }

  /** What a run produced. */
  public record Outcome(TraceId traceId, Transport transport, StepResult step, VisibilitySummary visibility) {}

  /**
   * Runs the case in {@code caseDir}, writing into {@code outDir}.
   *
   * @throws VisibilityException with a reason code when the case is malformed or a file fails
   */
  public Outcome run(Path caseDir, Path outDir) {
    try {
      return doRun(caseDir, outDir);
    } catch (IOException e) {
      throw new VisibilityException(ErrorCode.IO_ERROR, "case " + caseDir + ": " + e.getMessage(), e);
    }
  }

  private Outcome doRun(Path caseDir, Path outDir) throws IOException {
    JsonValue.JsonObject config = object(Json.parse(read(caseDir.resolve("config.json"))), "config.json");
    Instant now = Instant.ofEpochMilli(checkedTime(string(config, "now").orElseThrow(() -> missing("now"))));
    String loopId = string(config, "loopId").orElse("demo-loop");
    boolean fromStart = config.get("fromStart").map(v -> v == JsonValue.JsonBoolean.TRUE).orElse(false);
    TraceId trace =
        TraceIds.resolve(string(config, "traceId"), Optional.empty(), rules.idStyle(), new SecureRandom());

    Path repo = outDir.resolve("repo");
    LoopLayout layout = LoopLayout.of(repo, loopId);
    if (!Files.isDirectory(layout.opsDir())) {
      Files.createDirectories(layout.opsDir());
      copyTree(caseDir.resolve("previous"), layout.opsDir());
    }
    boolean local = Files.isDirectory(caseDir.resolve("repo"));
    Transport transport = local ? Transport.LOCAL : Transport.SPRITE_SERVICE;
    LoopStore store = LoopStore.of(layout);

    Outcome outcome;
    try (LoopLock.Held held = layout.lock().acquire()) {
      PreviousStates previous = store.loadPrevious();
      long cursorBefore = fromStart ? 0 : previous.cursor().map(CursorState::eventLineOffset).orElse(0L);
      Ingest ingest;
      LocalRuntime.Feed localFeed = null;
      ImmutableCursorState.Builder cursor = null;
      if (local) {
        Path runtimeDir = caseDir.resolve("repo").resolve(".superloop").resolve("loops").resolve(loopId);
        LocalRuntime runtime = LocalRuntime.in(runtimeDir);
        ScanStart start =
            fromStart || previous.cursor().isEmpty()
                ? ScanStart.FROM_START
                : new ScanStart(previous.cursor().get().eventLineOffset(), previous.cursor().get().eventByteOffset());
        localFeed = runtime.feed(start);
        ingest = new Ingest.Succeeded(runtime.readHeartbeat(), localFeed, fromStart);
      } else {
        JsonValue snapshot = Json.parse(read(caseDir.resolve("snapshot.json")));
        List<JsonValue> events = new ArrayList<>();
        for (String line : read(caseDir.resolve("events.ndjson")).split("\n", -1)) {
          if (!line.isEmpty()) {
            events.add(Json.parse(line));
          }
        }
        JsonValue.JsonObject cursorSource =
            events.isEmpty() ? object(snapshot, "snapshot.json") : object(events.get(events.size() - 1), "event");
        long offset = cursorField(cursorSource, "eventLineOffset");
        long count = cursorField(cursorSource, "eventLineCount");
        ingest =
            new Ingest.Succeeded(
                heartbeatOf(snapshot), EnvelopeFeed.ofEnvelopes(EnvelopeFeed.sequenceValueOf(snapshot), events, offset),
                false);
        cursor =
            CursorState.builder()
                .repoPath(repo.toAbsolutePath().toString())
                .loopId(loopId)
                .eventsFile(layout.cursorEventsFile())
                .eventLineOffset(offset)
                .eventLineCount(count)
                .updatedAt(Timestamps.format(now));
      }
      StepInput input =
          previous
              .applyTo(StepInput.builder())
              .loopId(loopId)
              .traceId(trace)
              .transport(transport)
              .now(now)
              .ingest(ingest)
              .thresholds(thresholds(config))
              .paths(store.artifactPaths())
              .cursorOffsetBefore(cursorBefore)
              .build();
      StepResult result = new ReconcileStep(rules).run(input);
      if (localFeed != null && localFeed.scanResult().isPresent()) {
        ScanResult scan = localFeed.scanResult().get();
        cursor =
            CursorState.builder()
                .repoPath(repo.toAbsolutePath().toString())
                .loopId(loopId)
                .eventsFile(layout.cursorEventsFile())
                .eventLineOffset(scan.newlineCount())
                .eventLineCount(scan.newlineCount())
                .eventByteOffset(scan.endByteOffset())
                .updatedAt(Timestamps.format(now));
      }
      store.persist(result, cursor == null ? Optional.empty() : Optional.of(cursor.build()));
      VisibilitySummary visibility = new StatusProjector(rules).project(store.readStatusInputs());
      outcome = new Outcome(trace, transport, result, visibility);
    }

    Files.createDirectories(outDir);
    copyIfExists(layout.path(LoopArtifact.SEQUENCE_STATE), outDir.resolve("sequence-state.json"));
    copyIfExists(layout.path(LoopArtifact.HEARTBEAT_STATE), outDir.resolve("heartbeat.json"));
    copyIfExists(layout.path(LoopArtifact.HEALTH), outDir.resolve("health.json"));
    Files.writeString(
        outDir.resolve("visibility.json"),
        StatusCodecs.VISIBILITY.encodeLine(outcome.visibility()),
        StandardCharsets.UTF_8);
    return outcome;
  }

  private static HeartbeatInput heartbeatOf(JsonValue snapshot) {
    if (snapshot instanceof JsonValue.JsonObject o
        && o.members().get("runtime") instanceof JsonValue.JsonObject runtime) {
      JsonValue hb = runtime.members().get("heartbeat");
      return hb == null ? HeartbeatInput.ABSENT : HeartbeatInput.of(hb);
    }
    return HeartbeatInput.ABSENT;
  }

  private static HealthThresholds thresholds(JsonValue.JsonObject config) {
    HealthThresholds d = StepInput.DEFAULT_THRESHOLDS;
    Optional<JsonValue.JsonObject> t =
        config.get("thresholds").filter(JsonValue.JsonObject.class::isInstance).map(JsonValue.JsonObject.class::cast);
    return HealthThresholds.builder()
        .from(d)
        .degradedHeartbeatLagSeconds(longOf(t, "degradedHeartbeatLagSeconds").orElse(d.degradedHeartbeatLagSeconds()))
        .criticalHeartbeatLagSeconds(longOf(t, "criticalHeartbeatLagSeconds").orElse(d.criticalHeartbeatLagSeconds()))
        .degradedIngestLagSeconds(longOf(t, "degradedIngestLagSeconds").orElse(d.degradedIngestLagSeconds()))
        .criticalIngestLagSeconds(longOf(t, "criticalIngestLagSeconds").orElse(d.criticalIngestLagSeconds()))
        .build();
  }

  private static OptionalLong longOf(Optional<JsonValue.JsonObject> o, String name) {
    return o.flatMap(x -> x.get(name))
        .filter(JsonValue.JsonNumber.class::isInstance)
        .map(v -> ((JsonValue.JsonNumber) v).wholeLongValue())
        .orElse(OptionalLong.empty());
  }

  private static long cursorField(JsonValue.JsonObject envelope, String name) {
    return envelope.get("cursor")
        .filter(JsonValue.JsonObject.class::isInstance)
        .map(JsonValue.JsonObject.class::cast)
        .flatMap(c -> c.get(name))
        .filter(JsonValue.JsonNumber.class::isInstance)
        .map(v -> ((JsonValue.JsonNumber) v).wholeLongValue())
        .orElse(OptionalLong.empty())
        .orElse(0);
  }

  private static long checkedTime(String s) {
    long ms = Timestamps.parseEpochMillis(s, io.superloop.visibility.core.rules.TimestampSyntax.RFC_3339);
    if (ms == Timestamps.INVALID) {
      throw new VisibilityException(ErrorCode.INVALID_TIMESTAMP, "config.now is not a timestamp: " + s);
    }
    return ms;
  }

  private static VisibilityException missing(String field) {
    return new VisibilityException(ErrorCode.MISSING_FIELD, "config.json requires \"" + field + "\"");
  }

  private static Optional<String> string(JsonValue.JsonObject o, String name) {
    return o.get(name).filter(JsonValue.JsonString.class::isInstance).map(v -> ((JsonValue.JsonString) v).value());
  }

  private static JsonValue.JsonObject object(JsonValue v, String what) {
    if (v instanceof JsonValue.JsonObject o) {
      return o;
    }
    throw new VisibilityException(ErrorCode.INVALID_FIELD_TYPE, what + " is not a JSON object");
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  private static void copyIfExists(Path from, Path to) throws IOException {
    if (Files.isRegularFile(from)) {
      Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    } else {
      Files.deleteIfExists(to);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    if (!Files.isDirectory(from)) {
      return;
    }
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
