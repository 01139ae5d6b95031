package io.superloop.visibility.testkit.conformance.internal;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.envelope.EnvelopeSource;
import io.superloop.visibility.api.envelope.EventsAnswer;
import io.superloop.visibility.api.envelope.EventsCursor;
import io.superloop.visibility.api.envelope.SnapshotEnvelope;
import io.superloop.visibility.api.health.HealthThresholds;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.api.status.VisibilitySummary;
import io.superloop.visibility.core.internal.PlaneAccess;
import io.superloop.visibility.core.plane.SpriteServicePoll;
import io.superloop.visibility.core.plane.StepOptions;
import io.superloop.visibility.core.plane.VisibilityPlane;
import io.superloop.visibility.core.reconcile.StepInput;
import io.superloop.visibility.core.rules.ReadLimits;
import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.core.store.LoopArtifact;
import io.superloop.visibility.core.store.LoopLayout;
import io.superloop.visibility.core.time.TimestampSyntax;
import io.superloop.visibility.core.time.Timestamps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;

/**
 * Runs one conformance case (the format of {@code docs/conformance.md}) as one reconcile step
 * through {@link VisibilityPlane} and writes {@code sequence-state.json}, {@code heartbeat.json}
 * (when the loop holds one), {@code health.json} and {@code visibility.json} to the output
 * directory.
 *
 * <p>The loop directory is {@code OUT/repo/.superloop/ops-manager/<loop>/}. When it does not exist,
 * the case's {@code previous/} is copied into it first (the case directory is never written); when
 * it exists, it is the previous state, so repeated runs accumulate telemetry. A case with {@code
 * repo/} uses the {@code local} transport and reads the runtime files in place; otherwise {@code
 * snapshot.json} is the {@code /ops/snapshot} answer and {@code events.ndjson} the {@code events}
 * array of the {@code /ops/events} answer (its cursor: the last event's, else the snapshot's).
 */
public final class CaseRunner {
  private final VisibilityRules rules;

  /**
   * A runner under {@code rules}.
   *
   * @param rules the rules of the step
   */
  public CaseRunner(VisibilityRules rules) {
    this.rules = rules;
  }

  /**
   * Runs the case in {@code caseDir}, writing into {@code outDir}.
   *
   * @param caseDir the case directory (read only)
   * @param outDir the output directory; created when absent, reused (with its loop state) when not
   * @return the step's reconciliation (trace, transport, records)
   * @throws VisibilityException with a reason code when the case is malformed or a file fails
   */
  public VisibilityPlane.Reconciliation run(Path caseDir, Path outDir) {
    try {
      return doRun(caseDir, outDir);
    } catch (IOException e) {
      throw new VisibilityException(
          ErrorCode.IO_ERROR, "case " + caseDir + ": " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new VisibilityException(
          ErrorCode.IO_ERROR, "case " + caseDir + ": " + e.getMessage(), e);
    }
  }

  private VisibilityPlane.Reconciliation doRun(Path caseDir, Path outDir) throws IOException {
    JsonValue config =
        object(CASE_FILES.parseValue(read(caseDir.resolve("config.json"))), "config.json");
    String nowText =
        string(config, "now")
            .orElseThrow(
                () ->
                    new VisibilityException(
                        ErrorCode.MISSING_FIELD, "config.json requires \"now\""));
    Instant now =
        Timestamps.parse(nowText, TimestampSyntax.RFC_3339)
            .orElseThrow(
                () ->
                    new VisibilityException(
                        ErrorCode.INVALID_TIMESTAMP, "config.now is not a timestamp: " + nowText));
    String loopId = string(config, "loopId").orElse("demo-loop");
    StepOptions options =
        new StepOptions(
            string(config, "traceId"),
            config.get("fromStart").map(v -> v.equals(JsonValue.of(true))).orElse(false));

    LoopLayout layout = LoopLayout.of(outDir.resolve("repo"), loopId);
    if (!Files.isDirectory(layout.opsDir())) {
      Files.createDirectories(layout.opsDir());
      copyTree(caseDir.resolve("previous"), layout.opsDir());
    }
    Path runtimeDir =
        caseDir.resolve("repo").resolve(".superloop").resolve("loops").resolve(loopId);
    VisibilityPlane plane =
        PlaneAccess.builder(layout)
            .rules(rules)
            .thresholds(thresholds(config))
            .clock(Clock.fixed(now, ZoneOffset.UTC))
            .runtimeDir(runtimeDir)
            .build();

    VisibilityPlane.Reconciliation r;
    if (Files.isDirectory(caseDir.resolve("repo"))) {
      r = plane.reconcileLocal(options);
    } else {
      r = plane.reconcile(spritePoll(caseDir, nowText), options);
    }
    VisibilitySummary visibility = plane.status();

    Files.createDirectories(outDir);
    copyIfExists(layout.path(LoopArtifact.SEQUENCE_STATE), outDir.resolve("sequence-state.json"));
    copyIfExists(layout.path(LoopArtifact.HEARTBEAT_STATE), outDir.resolve("heartbeat.json"));
    copyIfExists(layout.path(LoopArtifact.HEALTH), outDir.resolve("health.json"));
    Files.writeString(
        outDir.resolve("visibility.json"),
        Codecs.VISIBILITY_SUMMARY.encodeLine(visibility),
        StandardCharsets.UTF_8);
    return r;
  }

  private static SpriteServicePoll spritePoll(Path caseDir, String now) throws IOException {
    SnapshotEnvelope snapshot =
        CASE_FILES.decode(Codecs.SNAPSHOT_ENVELOPE, read(caseDir.resolve("snapshot.json")));
    // one parser over the whole file: the token limit bounds all the events held, not each line
    List<JsonValue> events = new ArrayList<>();
    try (JsonParser p =
        CASE_FILES
            .factory()
            .createParser(ObjectReadContext.empty(), read(caseDir.resolve("events.ndjson")))) {
      while (p.nextToken() != null) {
        events.add(Json.read(Json.RAW, p));
      }
    } catch (JacksonException e) {
      throw Json.translate(e).withFile(caseDir.resolve("events.ndjson").toString());
    }
    Optional<JsonValue> cursor =
        events.isEmpty()
            ? snapshot.cursor().map(c -> Json.parse(Codecs.ENVELOPE_CURSOR.encode(c)))
            : member(events.get(events.size() - 1), "cursor");
    EventsAnswer answer =
        EventsAnswer.builder()
            .source(
                snapshot.source().orElse(EnvelopeSource.builder().repoPath("").loopId("").build()))
            .events(events)
            .cursor(
                EventsCursor.builder()
                    .eventLineOffset(longOf(cursor, "eventLineOffset").orElse(0))
                    .eventLineCount(longOf(cursor, "eventLineCount").orElse(0))
                    .updatedAt(now)
                    .build())
            .build();
    return SpriteServicePoll.of(snapshot, answer);
  }

  private static HealthThresholds thresholds(JsonValue config) {
    HealthThresholds d = StepInput.DEFAULT_THRESHOLDS;
    Optional<JsonValue> t = member(config, "thresholds");
    return HealthThresholds.builder()
        .from(d)
        .degradedHeartbeatLagSeconds(
            longOf(t, "degradedHeartbeatLagSeconds").orElse(d.degradedHeartbeatLagSeconds()))
        .criticalHeartbeatLagSeconds(
            longOf(t, "criticalHeartbeatLagSeconds").orElse(d.criticalHeartbeatLagSeconds()))
        .degradedIngestLagSeconds(
            longOf(t, "degradedIngestLagSeconds").orElse(d.degradedIngestLagSeconds()))
        .criticalIngestLagSeconds(
            longOf(t, "criticalIngestLagSeconds").orElse(d.criticalIngestLagSeconds()))
        .build();
  }

  /** The member {@code name} of {@code o} when it is an object; empty otherwise. */
  private static Optional<JsonValue> member(JsonValue o, String name) {
    return o.get(name).filter(JsonValue::isObject);
  }

  private static OptionalLong longOf(Optional<JsonValue> o, String name) {
    return o.flatMap(x -> x.get(name)).map(JsonValue::wholeLongValue).orElse(OptionalLong.empty());
  }

  private static Optional<String> string(JsonValue o, String name) {
    return o.get(name).flatMap(JsonValue::stringValue);
  }

  private static JsonValue object(JsonValue v, String what) {
    if (v.isObject()) {
      return v;
    }
    throw new VisibilityException(ErrorCode.INVALID_FIELD_TYPE, what + " is not a JSON object");
  }

  /**
   * The limits of a case's own files ({@code config.json}, {@code snapshot.json}, {@code
   * events.ndjson}): each at most {@link ReadLimits#envelopeBytes()}, its values within the default
   * token count.
   */
  private static final Json CASE_FILES =
      ReadLimits.DEFAULT.json(ReadLimits.DEFAULT.envelopeBytes());

  /** A case file, if it is a regular file within {@link #CASE_FILES}' document length. */
  private static String read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      boolean exists = Files.exists(file);
      throw new VisibilityException(
              exists ? ErrorCode.NOT_REGULAR_FILE : ErrorCode.FILE_NOT_FOUND,
              exists ? "not a regular file" : "no such file")
          .withFile(file.toString());
    }
    long max = CASE_FILES.limits().maxDocumentLength();
    if (Files.size(file) > max) {
      throw new VisibilityException(
              ErrorCode.LIMIT_EXCEEDED, "a case file is longer than " + max + " bytes")
          .withFile(file.toString());
    }
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
    }
  }
}
