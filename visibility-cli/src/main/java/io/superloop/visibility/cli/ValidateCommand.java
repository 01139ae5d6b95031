package io.superloop.visibility.cli;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.heartbeat.HeartbeatObservation;
import io.superloop.visibility.api.heartbeat.HeartbeatObservationStatus;
import io.superloop.visibility.api.heartbeat.HeartbeatThresholds;
import io.superloop.visibility.api.internal.answer.AnswerCodecs;
import io.superloop.visibility.api.internal.json.JsonArray;
import io.superloop.visibility.api.internal.json.JsonNumber;
import io.superloop.visibility.api.internal.json.JsonObject;
import io.superloop.visibility.api.internal.json.JsonString;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonCodec;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.api.sequence.ViolationCode;
import io.superloop.visibility.core.heartbeat.FreshnessCalculator;
import io.superloop.visibility.core.heartbeat.HeartbeatInput;
import io.superloop.visibility.core.rules.ReadLimits;
import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.core.sequence.SequenceValidator;
import io.superloop.visibility.core.source.LineKind;
import io.superloop.visibility.core.source.LocalEventSource;
import io.superloop.visibility.core.store.LoopArtifact;
import io.superloop.visibility.core.time.TimestampSyntax;
import io.superloop.visibility.core.time.Timestamps;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code validate PATH...}: checks snapshot and event envelopes (JSON or NDJSON), sprite_service
 * answers, the ops manager's files and the runtime's ({@code heartbeat.v1.json}: a timestamp the
 * manager parses; {@code events.jsonl}: every non-empty line an event, H13; {@code
 * events.hwm.json}: the producer's high-water mark) against the v1 contract. A directory stands for
 * every {@code .json}, {@code .jsonl} and {@code .ndjson} file under it. One finding per line
 * ({@code file:line: code: message}), then a summary line; or, with {@code --format json}, one JSON
 * document. Per line, the codes are the lower-case {@link ErrorCode} names ({@code invalid_json},
 * {@code duplicate_key}, {@code limit_exceeded}, {@code unsupported_schema_version}, {@code
 * unknown_envelope_type}, {@code missing_field}, {@code invalid_field_type}, {@code
 * invalid_field_value}, {@code invalid_sequence_value}, {@code invalid_trace_id}, {@code
 * invalid_timestamp}); across a file, its event envelopes, in order, are judged as one batch by the
 * sequence validator, and each violation code is one finding at the line where it first shows.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Checks envelopes (.json, or one per line in .ndjson/.jsonl), sprite_service answers, the",
      "ops manager's files and the runtime's (heartbeat.v1.json, events.jsonl) against the v1 contract. A directory stands for every .json, .jsonl and",
      ".ndjson file under it. Prints file:line: code: message per finding and a summary line (or one",
      "JSON document with --format json). Exit status 1 when there are findings. Default rules:",
      "hardened."
    })
final class ValidateCommand implements Callable<Integer> {
  /** Classifies the lines of a runtime's events.jsonl (immutable; built once, not per line). */
  private static final LocalEventSource EVENT_LINES = new LocalEventSource();

  /** The output formats. */
  enum Format {
    text,
    json
  }

  @SuppressWarnings("NullAway.Init") // set by picocli
  @Spec
  CommandSpec spec;

  @SuppressWarnings("NullAway.Init") // set by picocli
  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = "Files, and directories to search for them.")
  List<Path> paths;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  Format format = Format.text;

  @Option(
      names = "--rules",
      paramLabel = "PRESET",
      description = "reference or hardened (default: ${DEFAULT-VALUE}).")
  Rules rules = Rules.hardened;

  @Option(
      names = "--max-document-bytes",
      paramLabel = "N",
      description = {
        "A document (a .json file, or one line) longer than N bytes is a limit_exceeded finding and",
        "is not read (default: ${DEFAULT-VALUE}, the envelope limit of ReadLimits)."
      })
  long maxDocument = ReadLimits.DEFAULT.envelopeBytes();

  private Json json = Json.DEFAULT;
  private @Nullable PrintWriter out;
  private long findings;

  @Override
  public Integer call() {
    if (maxDocument < 1 || maxDocument > Integer.MAX_VALUE - 16) {
      throw new CliException(
          "--max-document-bytes is 1 to " + (Integer.MAX_VALUE - 16) + ", not " + maxDocument);
    }
    json = ReadLimits.DEFAULT.withEnvelopeBytes(maxDocument).json(maxDocument);
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      files.addAll(expand(p));
    }
    out = spec.commandLine().getOut();
    VisibilityRules preset = rules.rules();
    if (format == Format.json) {
      out.print("{\"findings\":[");
    }
    long documents = 0;
    for (Path file : files) {
      documents += new FileCheck(file, preset).run();
    }
    if (format == Format.json) {
      out.println(
          "],\"summary\":{\"files\":"
              + files.size()
              + ",\"documents\":"
              + documents
              + ",\"findings\":"
              + findings
              + "}}");
    } else {
      out.println(
          "validate: "
              + files.size()
              + " file(s), "
              + documents
              + " document(s), "
              + findings
              + " finding(s)");
    }
    out.flush();
    return findings == 0 ? Main.OK : Main.FINDINGS;
  }

  /**
   * A file as it is; a directory as every JSON file under it, in path order, links not followed.
   */
  private static List<Path> expand(Path p) {
    if (Files.isRegularFile(p)) {
      return List.of(p);
    }
    if (!Files.isDirectory(p)) {
      throw new CliException(
          (Files.exists(p) ? "not a regular file or directory: " : "no such file or directory: ")
              + p);
    }
    List<Path> out = new ArrayList<>();
    long skipped = 0;
    try (Stream<Path> s = Files.walk(p)) {
      for (Path f :
          (Iterable<Path>)
              s.filter(f -> isJsonName(String.valueOf(f.getFileName()))).sorted()::iterator) {
        // never opened: a FIFO would block, a device such as /dev/zero never ends
        if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
          out.add(f);
        } else if (!Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS)) {
          skipped++;
        }
      }
    } catch (IOException | UncheckedIOException e) {
      throw new CliException("cannot list " + p + ": " + e.getMessage());
    }
    if (out.isEmpty()) {
      throw new CliException(
          "no regular .json, .jsonl or .ndjson file under "
              + p
              + (skipped > 0 ? " (" + skipped + " skipped: not a regular file)" : ""));
    }
    return out;
  }

  private static boolean isJsonName(String name) {
    return name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".ndjson");
  }

  private static boolean isLinesName(String name) {
    return name.endsWith(".ndjson") || name.endsWith(".jsonl");
  }

  private void finding(Path file, long line, String code, String message) {
    findings++;
    PrintWriter w = Objects.requireNonNull(out);
    if (format == Format.json) {
      w.print(
          (findings > 1 ? "," : "")
              + "{\"file\":"
              + new JsonString(file.toString()).toJson()
              + ",\"line\":"
              + line
              + ",\"code\":"
              + new JsonString(code).toJson()
              + ",\"message\":"
              + new JsonString(message).toJson()
              + "}");
    } else {
      w.println(file + ":" + line + ": " + code + ": " + message);
    }
  }

  private void finding(Path file, long line, VisibilityException e, String where) {
    String at =
        e.path()
            .filter(x -> !x.isEmpty() && e.code() != ErrorCode.INVALID_JSON)
            .map(x -> "at " + x + ": ")
            .orElse("");
    finding(file, line, e.code().wire(), where + at + e.detail());
  }

  /** The checks of one file. */
  private final class FileCheck {
    private final Path file;
    private final String name;
    private final VisibilityRules rules;
    private final SequenceValidator validator;
    private final SequenceValidator.Batch batch;
    private final Set<ViolationCode> reported = EnumSet.noneOf(ViolationCode.class);
    private long events;
    private boolean snapshotSeen;

    FileCheck(Path file, VisibilityRules rules) {
      this.file = file;
      this.name = String.valueOf(file.getFileName());
      this.rules = rules;
      this.validator = new SequenceValidator(rules);
      this.batch = validator.begin(Optional.empty(), false);
    }

    long run() {
      long docs = 0;
      try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
        if (isLinesName(name)) {
          LineReader lines = new LineReader(in, maxDocument);
          for (LineReader.Line l = lines.next(); l != null; l = lines.next()) {
            if (l.length() == 0 || (l.last() && isBlank(l.bytes(), l.length()))) {
              continue; // an empty line, or white space after the last newline
            }
            docs++;
            if (l.tooLong()) {
              finding(
                  file,
                  l.number(),
                  ErrorCode.LIMIT_EXCEEDED.wire(),
                  "the line is longer than " + maxDocument + " bytes (--max-document-bytes)");
              continue;
            }
            document(l.number(), l.bytes(), l.length());
          }
        } else {
          LineReader whole = new LineReader(in, maxDocument);
          byte[] doc = whole.all();
          docs++;
          if (doc == null) {
            finding(
                file,
                1,
                ErrorCode.LIMIT_EXCEEDED.wire(),
                "the document is longer than " + maxDocument + " bytes (--max-document-bytes)");
          } else {
            document(1, doc, doc.length);
          }
        }
      } catch (IOException e) {
        throw new CliException("cannot read " + file + ": " + e.getMessage());
      }
      return docs;
    }

    private void document(long line, byte[] bytes, int length) {
      if (name.equals("events.jsonl")) {
        // RT/events.jsonl: each non-empty line an event as a local manager reads it (contract 3.1,
        // H13)
        if (EVENT_LINES.classify(bytes, 0, length) != LineKind.EVENT) {
          finding(
              file,
              line,
              ErrorCode.INVALID_FIELD_VALUE.wire(),
              "not an event line: a local manager reads only a JSON object with a timestamp and an event (or type)"
                  + " (hardening H13); its line number is skipped");
        }
        return;
      }
      // a byte order mark at the start of the file is skipped, as jq skips it
      int from =
          line == 1
                  && length >= 3
                  && bytes[0] == (byte) 0xef
                  && bytes[1] == (byte) 0xbb
                  && bytes[2] == (byte) 0xbf
              ? 3
              : 0;
      JsonValue v;
      try {
        v = json.decode(Json.RAW, bytes, from, length - from);
      } catch (VisibilityException e) {
        finding(file, line, e, "");
        return;
      }
      String text = new String(bytes, from, length - from, StandardCharsets.UTF_8);
      if (!(v instanceof JsonObject o)) {
        finding(
            file,
            line,
            ErrorCode.INVALID_FIELD_TYPE.wire(),
            "the document is " + kind(v) + ", not a JSON object");
        return;
      }
      if (name.equals("heartbeat.v1.json")) {
        runtimeHeartbeat(line, o);
      } else if (name.equals("events.hwm.json")) {
        for (String member :
            List.of(
                "schemaVersion",
                "loopId",
                "eventsFile",
                "lineCount",
                "byteLength",
                "epoch",
                "updatedAt")) {
          if (!o.members().containsKey(member)) {
            finding(
                file,
                line,
                ErrorCode.MISSING_FIELD.wire(),
                "the events log's high-water mark has no " + member);
          }
        }
      } else if (o.members().containsKey("envelopeType")) {
        envelope(line, o, "");
      } else if (o.members().containsKey("events") && o.members().containsKey("ok")) {
        decode(line, text, Codecs.EVENTS_ANSWER);
        if (o.members().get("events") instanceof JsonArray arr) {
          for (int i = 0; i < arr.elements().size(); i++) {
            JsonValue e = arr.elements().get(i);
            if (e instanceof JsonObject eo) {
              envelope(line, eo, "events[" + i + "]: ");
            } else {
              finding(
                  file,
                  line,
                  ErrorCode.INVALID_FIELD_TYPE.wire(),
                  "events[" + i + "] is not an object");
              feed(line, SequenceValidator.MISSING);
            }
          }
        }
      } else if (o.members().containsKey("error") && o.members().containsKey("ok")) {
        decode(line, text, AnswerCodecs.ERROR_ANSWER);
      } else if (o.members().containsKey("ok")
          && Stream.of("result", "exitCode", "stderr", "replayed")
              .anyMatch(o.members()::containsKey)) {
        decode(line, text, AnswerCodecs.CONTROL_ANSWER);
      } else {
        JsonCodec<?> codec = artifactCodec(file, o);
        if (artifact(file).filter(a -> a == LoopArtifact.STATE).isPresent()) {
          projectState(line, o);
        } else if (codec == null) {
          finding(
              file,
              line,
              ErrorCode.UNKNOWN_ENVELOPE_TYPE.wire(),
              "not a v1 envelope, service answer or ops manager file");
        } else {
          decode(line, text, codec);
        }
      }
      reportViolations(line);
    }

    /**
     * RT/heartbeat.v1.json: a heartbeat whose timestamp the manager can judge (contract 1.2, 2.2).
     */
    private void runtimeHeartbeat(long line, JsonObject o) {
      Optional<HeartbeatObservation> row =
          new FreshnessCalculator(rules)
              .evaluate(
                  HeartbeatInput.of(o),
                  Optional.empty(),
                  Instant.EPOCH,
                  HeartbeatThresholds.DEFAULT,
                  "validate",
                  TraceId.of("validate"),
                  Transport.LOCAL)
              .observation();
      if (row.isPresent() && row.get().status() == HeartbeatObservationStatus.FAILED) {
        boolean missing =
            row.get()
                .reasonCode()
                .filter(r -> r.wire().equals("missing_heartbeat_timestamp"))
                .isPresent();
        finding(
            file,
            line,
            (missing ? ErrorCode.MISSING_FIELD : ErrorCode.INVALID_TIMESTAMP).wire(),
            "the runtime heartbeat's timestamp (timestamp // updatedAt) is "
                + (missing
                    ? "absent"
                    : "not one the manager parses under " + rules.name() + " rules")
                + ": a manager reports it as "
                + row.get().reasonCode().map(r -> r.wire()).orElse("failed"));
      }
    }

    private void envelope(long line, JsonObject o, String where) {
      Map<String, JsonValue> m = o.members();
      JsonValue type = m.get("envelopeType");
      boolean event = type instanceof JsonString s && s.value().equals("loop_run_event");
      boolean snapshot = type instanceof JsonString s2 && s2.value().equals("loop_run_snapshot");
      JsonValue schema = m.get("schemaVersion");
      if (schema == null) {
        finding(file, line, "missing_field", where + "schemaVersion is absent");
      } else if (!(schema instanceof JsonString ss && ss.value().equals("v1"))) {
        finding(
            file,
            line,
            "unsupported_schema_version",
            where + "schemaVersion is " + schema.toJson() + ", not \"v1\"");
      }
      if (!event && !snapshot) {
        finding(
            file,
            line,
            "unknown_envelope_type",
            where + "envelopeType is " + (type == null ? "absent" : type.toJson()));
        return;
      }
      JsonValue trace = m.get("traceId");
      if (trace instanceof JsonString ts) {
        if (!TraceId.isValid(ts.value())) {
          finding(
              file,
              line,
              "invalid_trace_id",
              where + "traceId is not 1-256 printable ASCII characters");
        }
      } else if (trace != null && !trace.isNull()) {
        finding(file, line, "invalid_field_type", where + "traceId is not a string");
      }
      timestamp(line, where + "emittedAt", m.get("emittedAt"));
      if (event && m.get("event") instanceof JsonObject ev) {
        timestamp(line, where + "event.timestamp", ev.members().get("timestamp"));
      }
      long value = sequence(line, where, m.get("sequence"));
      if (!event && m.get("runtime") instanceof JsonObject rt) {
        JsonValue hb = rt.members().get("heartbeat");
        if (hb != null && !hb.isNull() && !(hb instanceof JsonObject)) {
          // contract 1.1: runtime.heartbeat is an object or null (a manager reads anything else as
          // a
          // failed heartbeat observation, H18)
          finding(
              file,
              line,
              "invalid_field_type",
              where + "runtime.heartbeat is " + kind(hb) + ", not an object or null");
        }
      }
      JsonCodec<?> codec = event ? Codecs.EVENT_ENVELOPE : Codecs.SNAPSHOT_ENVELOPE;
      try {
        json.decode(codec, o.toJson());
      } catch (VisibilityException e) {
        // schemaVersion, envelopeType and the trace id were reported above; a missing member of
        // source, cursor or artifacts.heartbeat was not
        boolean reported =
            e.code() == ErrorCode.UNSUPPORTED_SCHEMA_VERSION
                || e.code() == ErrorCode.INVALID_TRACE_ID
                || (e.code() == ErrorCode.MISSING_FIELD
                    && e.path()
                        .filter(x -> x.equals("/schemaVersion") || x.equals("/envelopeType"))
                        .isPresent());
        if (!reported) {
          finding(file, line, e, where);
        }
      }
      if (event) {
        feed(line, value);
      } else {
        batch.snapshot(value);
        snapshotSeen = true;
      }
    }

    /**
     * {@code state.json}: the project state's own members are not the library's; the three it
     * merges are checked (contract 1.11): {@code health} as {@code health.json}, {@code sequence}
     * as {@code sequence-state.json}, {@code trace} an object whose {@code reconcileTraceId} is a
     * trace id.
     */
    private void projectState(long line, JsonObject o) {
      Map<String, JsonValue> m = o.members();
      JsonValue version = m.get("schemaVersion");
      if (version != null && !(version instanceof JsonString vs && vs.value().equals("v1"))) {
        finding(
            file,
            line,
            "unsupported_schema_version",
            "schemaVersion is " + version.toJson() + ", not \"v1\"");
      }
      member(line, m.get("health"), Codecs.HEALTH, "health: ");
      member(line, m.get("sequence"), Codecs.SEQUENCE_STATE, "sequence: ");
      JsonValue trace = m.get("trace");
      if (trace != null && !trace.isNull()) {
        if (!(trace instanceof JsonObject to)) {
          finding(file, line, "invalid_field_type", "trace is " + kind(trace) + ", not an object");
        } else {
          JsonValue r = to.members().get("reconcileTraceId");
          if (r == null || r.isNull()) {
            return;
          }
          if (!(r instanceof JsonString rs)) {
            finding(file, line, "invalid_field_type", "trace.reconcileTraceId is not a string");
          } else if (!TraceId.isValid(rs.value())) {
            finding(
                file,
                line,
                "invalid_trace_id",
                "trace.reconcileTraceId is not 1-256 printable ASCII characters");
          }
        }
      }
    }

    private void member(long line, @Nullable JsonValue v, JsonCodec<?> codec, String where) {
      if (v != null && !v.isNull()) {
        try {
          json.decode(codec, v.toJson());
        } catch (VisibilityException e) {
          finding(file, line, e, where);
        }
      }
    }

    private long sequence(long line, String where, @Nullable JsonValue seq) {
      if (seq == null) {
        finding(file, line, "missing_field", where + "sequence is absent");
        return SequenceValidator.MISSING;
      }
      if (!(seq instanceof JsonObject so)) {
        finding(file, line, "invalid_field_type", where + "sequence is not an object");
        return SequenceValidator.MISSING;
      }
      JsonValue source = so.members().get("source");
      if (source == null) {
        finding(file, line, "missing_field", where + "sequence.source is absent");
      } else if (!(source instanceof JsonString src) || src.value().isEmpty()) {
        finding(
            file, line, "invalid_field_type", where + "sequence.source is not a non-empty string");
      }
      for (String member : so.members().keySet()) {
        if (!member.equals("source") && !member.equals("value")) {
          // contract 1.1: exactly two fields (the schema forbids others)
          finding(
              file,
              line,
              "invalid_field_value",
              where
                  + "sequence has a member \""
                  + member
                  + "\"; it holds exactly source and value");
        }
      }
      JsonValue value = so.members().get("value");
      if (value == null) {
        finding(file, line, "missing_field", where + "sequence.value is absent");
        return SequenceValidator.MISSING;
      }
      if (!(value instanceof JsonNumber) && !(value instanceof JsonString)) {
        finding(file, line, "invalid_field_type", where + "sequence.value is " + value.toJson());
        return SequenceValidator.MISSING;
      }
      long judged = validator.judge(value);
      if (judged == SequenceValidator.MISSING) {
        String form =
            rules.integerLiteralSequenceValues()
                ? "an integer literal"
                : "a whole number or digit string";
        finding(
            file,
            line,
            "invalid_sequence_value",
            where + "sequence.value " + value.toJson() + " is not " + form + " from 0 to 2^63-1");
      }
      return judged;
    }

    private void timestamp(long line, String what, @Nullable JsonValue v) {
      if (v == null || v.isNull()) {
        return;
      }
      if (!(v instanceof JsonString s)) {
        finding(file, line, "invalid_field_type", what + " is not a string");
      } else if (Timestamps.parseEpochMillis(s.value(), TimestampSyntax.of(rules)).isEmpty()) {
        finding(file, line, "invalid_timestamp", what + " \"" + s.value() + "\" does not parse");
      }
    }

    private void feed(long line, long value) {
      events++;
      batch.event(value);
      reportViolations(line);
    }

    private void reportViolations(long line) {
      for (ViolationCode c : ViolationCode.values()) {
        boolean snapshotCode =
            c == ViolationCode.SNAPSHOT_SEQUENCE_MISSING
                || c == ViolationCode.SNAPSHOT_SEQUENCE_REGRESSION;
        if (snapshotCode && !snapshotSeen) {
          continue;
        }
        if (!reported.contains(c) && batch.shows(c)) {
          reported.add(c);
          finding(
              file, line, c.wire(), "the file's envelopes, judged as one batch, show " + c.wire());
        }
      }
    }

    private void decode(long line, String text, JsonCodec<?> codec) {
      try {
        json.decode(codec, text);
      } catch (VisibilityException e) {
        finding(file, line, e, "");
      }
    }
  }

  /**
   * The codes of the findings {@code validate} gives one document as line 1 of {@code file}, in
   * order (the file's name says which ops manager's file it is; it is not read). For tests.
   *
   * @param file where the document would be
   * @param document its bytes
   * @param rules the rules of the sequence and timestamp checks
   * @return the lower-case codes, empty for a valid document
   */
  static List<String> findingsOf(Path file, byte[] document, VisibilityRules rules) {
    ValidateCommand v = new ValidateCommand();
    java.io.StringWriter text = new java.io.StringWriter();
    PrintWriter w = new PrintWriter(text);
    v.out = w;
    v.json = ReadLimits.DEFAULT.json(v.maxDocument);
    v.new FileCheck(file, rules).document(1, document, document.length);
    w.flush();
    List<String> codes = new ArrayList<>();
    String prefix = file + ":1: ";
    for (String line : text.toString().split("\n", -1)) {
      if (line.startsWith(prefix)) {
        String rest = line.substring(prefix.length());
        codes.add(rest.substring(0, rest.indexOf(':')));
      }
    }
    return codes;
  }

  /**
   * The ops manager's file that {@code file} is, by its path ({@code telemetry/reconcile.jsonl},
   * ...).
   */
  static Optional<LoopArtifact> artifact(Path file) {
    String p = file.toString().replace('\\', '/');
    for (LoopArtifact a : LoopArtifact.values()) {
      if (p.equals(a.defaultPath()) || p.endsWith("/" + a.defaultPath())) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /** The codec of an ops manager's file by its name, else by its content; null when none fits. */
  private static @Nullable JsonCodec<?> artifactCodec(Path file, JsonObject o) {
    Optional<LoopArtifact> artifact = artifact(file);
    if (artifact.isPresent()) {
      switch (artifact.get()) {
        case HEARTBEAT_STATE:
          return Codecs.HEARTBEAT_STATE;
        case SEQUENCE_STATE:
          return Codecs.SEQUENCE_STATE;
        case HEALTH:
          return Codecs.HEALTH;
        case CURSOR:
          return Codecs.CURSOR_STATE;
        case TRANSPORT_HEALTH:
          return Codecs.TRANSPORT_HEALTH;
        case ALERT_DISPATCH_STATE:
          return Codecs.ALERT_DISPATCH_STATE;
        case INTENTS:
          return Codecs.INTENT_ROW;
        case ESCALATIONS:
          return Codecs.ESCALATION_ROW;
        case RECONCILE_TELEMETRY:
          return Codecs.RECONCILE_ROW;
        case CONTROL_TELEMETRY:
          return Codecs.CONTROL_ROW;
        case CONTROL_INVOCATIONS:
          return Codecs.CONTROL_INVOCATION;
        case CONTROL_INVOCATIONS_INFLIGHT:
          return Codecs.IN_FLIGHT_ROW;
        case HEARTBEAT_TELEMETRY:
          return Codecs.HEARTBEAT_OBSERVATION;
        case SEQUENCE_TELEMETRY:
          return Codecs.SEQUENCE_OBSERVATION;
        case ALERTS_TELEMETRY:
          return Codecs.ALERT_ROW;
        case STATE:
          return null; // the project state: checked member by member (projectState)
      }
    }
    Map<String, JsonValue> m = o.members();
    JsonValue category = m.get("category");
    String cat = category instanceof JsonString s ? s.value() : "";
    if (cat.equals("runtime_heartbeat")) {
      return Codecs.HEARTBEAT_OBSERVATION;
    }
    if (cat.equals("envelope_sequence")) {
      return Codecs.SEQUENCE_OBSERVATION;
    }
    if (m.containsKey("freshnessStatus")) {
      return Codecs.HEARTBEAT_STATE;
    }
    if (m.containsKey("driftActive") && m.containsKey("violations")) {
      return Codecs.SEQUENCE_STATE;
    }
    if (m.containsKey("reasonCodes") && m.containsKey("metrics")) {
      return Codecs.HEALTH;
    }
    if (m.containsKey("failureStreak") && m.containsKey("lastResult")) {
      return Codecs.TRANSPORT_HEALTH;
    }
    if (m.containsKey("eventsFile") && m.containsKey("eventLineOffset")) {
      return Codecs.CURSOR_STATE;
    }
    if (m.containsKey("execution") && m.containsKey("outcome")) {
      return Codecs.CONTROL_INVOCATION;
    }
    if (m.containsKey("intent") && m.containsKey("retryAttempts")) {
      return Codecs.CONTROL_ROW;
    }
    if (m.containsKey("intent") && m.containsKey("status")) {
      return Codecs.INTENT_ROW;
    }
    if (m.containsKey("trace")) {
      return Codecs.VISIBILITY_SUMMARY;
    }
    return null;
  }

  private static String kind(JsonValue v) {
    if (v instanceof JsonArray) {
      return "an array";
    }
    if (v instanceof JsonString) {
      return "a string";
    }
    if (v instanceof JsonNumber) {
      return "a number";
    }
    if (v.isBoolean()) {
      return "a boolean";
    }
    return "null";
  }

  private static boolean isBlank(byte[] b, int length) {
    for (int i = 0; i < length; i++) {
      if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') {
        return false;
      }
    }
    return true;
  }
}
