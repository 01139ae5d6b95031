package io.superloop.visibility.testkit.cli;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.audit.AuditCodecs;
import io.superloop.visibility.api.envelope.EnvelopeCodecs;
import io.superloop.visibility.api.health.HealthCodecs;
import io.superloop.visibility.api.heartbeat.HeartbeatCodecs;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonCodec;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.api.sequence.SequenceCodecs;
import io.superloop.visibility.api.sequence.ViolationCode;
import io.superloop.visibility.api.status.StatusCodecs;
import io.superloop.visibility.core.rules.ReadLimits;
import io.superloop.visibility.core.rules.SequenceValueSyntax;
import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.core.sequence.PreviousSequence;
import io.superloop.visibility.core.sequence.SequenceValidator;
import io.superloop.visibility.core.sequence.SequenceValues;
import io.superloop.visibility.core.time.Timestamps;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code validate FILE...}: checks snapshot and event envelopes (JSON or NDJSON), sprite_service
 * answers and visibility artifacts against the v1 contract. One finding per line ({@code
 * file:line: code: message}), then a summary line. Per line: {@code invalid_json}, {@code
 * limit_exceeded} (a document longer than {@code --max-document-bytes}, default 1 MiB, never read
 * whole; or beyond a structure limit of {@code ReadLimits}), {@code
 * unsupported_schema_version}, {@code unknown_envelope_type}, {@code missing_field}, {@code
 * invalid_field_type}, {@code invalid_sequence_value}, {@code invalid_trace_id}, {@code
 * invalid_timestamp}. Across a file: its event envelopes, in order, are judged as one batch by the
 * sequence validator; each violation code is one finding, at the line where it first shows.
 */
final class ValidateCommand {
  static final String USAGE =
      String.join(
          "\n",
          "usage: visibility-conformance validate FILE... [--rules reference|hardened] [--max-document-bytes N]",
          "",
          "Checks envelopes (.json, or one per line in .ndjson/.jsonl), sprite_service answers and",
          "visibility artifacts against the v1 contract. Prints file:line: code: message per finding",
          "and a summary line. Exit status 1 when there are findings. Default rules: hardened.",
          "A document (a .json file, or one line) longer than --max-document-bytes (default 1 MiB) is",
          "a limit_exceeded finding and is not read.");

  private final PrintStream out;
  private int findings;
  private long maxDocument = ReadLimits.DEFAULT.envelopeBytes();
  private Json json = ReadLimits.DEFAULT.json(maxDocument);

  ValidateCommand(PrintStream out) {
    this.out = out;
  }

  int run(List<String> argv) {
    Args a = Args.parse(argv, Set.of("rules", "max-document-bytes"));
    if (a.help) {
      out.println(USAGE);
      return 0;
    }
    if (a.positional.isEmpty()) {
      throw new UsageException("usage: validate FILE... [--rules reference|hardened] [--max-document-bytes N]");
    }
    VisibilityRules rules = a.rules("hardened");
    maxDocument = a.longOption("max-document-bytes", ReadLimits.DEFAULT.envelopeBytes());
    if (maxDocument < 1 || maxDocument > Integer.MAX_VALUE - 16) {
      throw new UsageException("--max-document-bytes is 1 to " + (Integer.MAX_VALUE - 16));
    }
    json = ReadLimits.DEFAULT.withEnvelopeBytes(maxDocument).json(maxDocument);
    long lines = 0;
    for (String f : a.positional) {
      Path file = Paths.get(f);
      if (!Files.isRegularFile(file)) {
        // never opened: a FIFO would block, a device such as /dev/zero never ends
        throw new UsageException(
            (Files.exists(file) ? "not a regular file: " : "no such file: ") + f);
      }
      lines += new FileCheck(file, rules).run();
    }
    out.println(
        "validate: " + a.positional.size() + " file(s), " + lines + " document(s), " + findings + " finding(s)");
    return findings == 0 ? 0 : 1;
  }

  private void finding(Path file, long line, String code, String message) {
    findings++;
    out.println(file + ":" + line + ": " + code + ": " + message);
  }

  /** The checks of one file. */
  private final class FileCheck {
    private final Path file;
    private final VisibilityRules rules;
    private final SequenceValidator validator;
    private final SequenceValidator.Batch batch;
    private final Set<ViolationCode> reported = EnumSet.noneOf(ViolationCode.class);
    private long events;
    private boolean snapshotSeen;

    FileCheck(Path file, VisibilityRules rules) {
      this.file = file;
      this.rules = rules;
      this.validator = new SequenceValidator(rules);
      this.batch = validator.begin(PreviousSequence.NONE, false);
    }

    long run() {
      String name = String.valueOf(file.getFileName());
      try {
        if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
          return lines();
        }
        if (Files.size(file) > maxDocument) {
          finding(file, 1, "limit_exceeded", "the document is longer than " + maxDocument + " bytes (--max-document-bytes)");
          return 1;
        }
        byte[] bytes = Files.readAllBytes(file);
        text(1, bytes, bytes.length);
        return 1;
      } catch (IOException e) {
        throw new UsageException("cannot read " + file + ": " + e.getMessage());
      }
    }

    /**
     * The documents of a JSONL file, one a line, read in blocks: a line longer than the document
     * limit is a finding and is never held whole. Empty lines, and a blank last line, are skipped.
     */
    private long lines() throws IOException {
      long docs = 0;
      long lineNo = 0;
      byte[] block = new byte[64 * 1024];
      Line line = new Line(maxDocument);
      try (InputStream in = Files.newInputStream(file)) {
        int n;
        while ((n = in.read(block)) >= 0) {
          int start = 0;
          for (int i = 0; i < n; i++) {
            if (block[i] == '\n') {
              line.append(block, start, i - start);
              docs += line(++lineNo, line, false);
              start = i + 1;
            }
          }
          line.append(block, start, n - start);
        }
      }
      if (line.length() > 0 || line.overflow()) {
        docs += line(++lineNo, line, true);
      }
      return docs;
    }

    /** Checks one line; returns 1 when it was a document, 0 when skipped. */
    private int line(long lineNo, Line line, boolean last) {
      try {
        if (line.overflow()) {
          finding(file, lineNo, "limit_exceeded", "the line is longer than " + maxDocument + " bytes (--max-document-bytes)");
          return 1;
        }
        if (line.length() == 0 || (last && line.isBlank())) {
          return 0;
        }
        text(lineNo, line.bytes(), line.length());
        return 1;
      } finally {
        line.clear();
      }
    }

    /**
     * One document's bytes: strict UTF-8 (an invalid sequence is a finding; a byte order mark at the
     * start of the file is skipped, as jq skips it), then its checks.
     */
    private void text(long line, byte[] b, int len) {
      int from = line == 1 && len >= 3 && b[0] == (byte) 0xef && b[1] == (byte) 0xbb && b[2] == (byte) 0xbf ? 3 : 0;
      String text;
      try {
        text =
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(b, from, len - from))
                .toString();
      } catch (CharacterCodingException e) {
        finding(file, line, "invalid_json", "invalid UTF-8");
        return;
      }
      document(line, text);
    }

    private void document(long line, String text) {
      JsonValue v;
      try {
        v = json.parseValue(text);
      } catch (VisibilityException e) {
        finding(file, line, e.code() == ErrorCode.LIMIT_EXCEEDED ? "limit_exceeded" : "invalid_json", e.detail());
        return;
      }
      if (!(v instanceof JsonValue.JsonObject o)) {
        finding(file, line, "invalid_json", "not a JSON object");
        return;
      }
      if (o.members().containsKey("envelopeType")) {
        envelope(line, o, "");
      } else if (o.members().containsKey("events") && o.members().containsKey("ok")) {
        decode(line, text, EnvelopeCodecs.EVENTS_ANSWER);
        if (o.members().get("events") instanceof JsonValue.JsonArray arr) {
          for (int i = 0; i < arr.elements().size(); i++) {
            JsonValue e = arr.elements().get(i);
            if (e instanceof JsonValue.JsonObject eo) {
              envelope(line, eo, "events[" + i + "]: ");
            } else {
              finding(file, line, "invalid_field_type", "events[" + i + "] is not an object");
              feed(line, SequenceValues.MISSING);
            }
          }
        }
      } else if (o.members().containsKey("error") && o.members().containsKey("ok")) {
        decode(line, text, EnvelopeCodecs.ERROR_ANSWER);
      } else if (o.members().containsKey("result") && o.members().containsKey("ok")) {
        decode(line, text, EnvelopeCodecs.CONTROL_ANSWER);
      } else {
        JsonCodec<?> codec = artifactCodec(o);
        if (codec == null) {
          finding(file, line, "unknown_envelope_type", "not a v1 envelope, service answer or visibility artifact");
        } else {
          decode(line, text, codec);
        }
      }
      if (line > 0) {
        reportViolations(line);
      }
    }

    private void envelope(long line, JsonValue.JsonObject o, String where) {
      Map<String, JsonValue> m = o.members();
      JsonValue type = m.get("envelopeType");
      boolean event = type instanceof JsonValue.JsonString s && s.value().equals("loop_run_event");
      boolean snapshot = type instanceof JsonValue.JsonString s2 && s2.value().equals("loop_run_snapshot");
      JsonValue schema = m.get("schemaVersion");
      if (schema == null) {
        finding(file, line, "missing_field", where + "schemaVersion is absent");
      } else if (!(schema instanceof JsonValue.JsonString ss && ss.value().equals("v1"))) {
        finding(file, line, "unsupported_schema_version", where + "schemaVersion is " + schema.toJson() + ", not \"v1\"");
      }
      if (!event && !snapshot) {
        finding(file, line, "unknown_envelope_type", where + "envelopeType is " + (type == null ? "absent" : type.toJson()));
        return;
      }
      JsonValue trace = m.get("traceId");
      if (trace instanceof JsonValue.JsonString ts) {
        if (!TraceId.isValid(ts.value())) {
          finding(file, line, "invalid_trace_id", where + "traceId is not 1-256 printable ASCII characters");
        }
      } else if (trace != null && !trace.isNull()) {
        finding(file, line, "invalid_field_type", where + "traceId is not a string");
      }
      timestamp(line, where + "emittedAt", m.get("emittedAt"));
      if (event && m.get("event") instanceof JsonValue.JsonObject ev) {
        timestamp(line, where + "event.timestamp", ev.members().get("timestamp"));
      }
      long value = sequence(line, where, m.get("sequence"));
      JsonCodec<?> codec = event ? EnvelopeCodecs.EVENT : EnvelopeCodecs.SNAPSHOT;
      try {
        Json.DEFAULT.decode(codec, o.toJson());
      } catch (VisibilityException e) {
        if (e.code() != ErrorCode.UNSUPPORTED_SCHEMA_VERSION && e.code() != ErrorCode.INVALID_TRACE_ID
            && e.code() != ErrorCode.MISSING_FIELD) {
          finding(file, line, codeOf(e.code()), where + e.path().orElse("") + ": " + e.detail());
        }
      }
      if (event) {
        feed(line, value);
      } else {
        batch.snapshot(value);
        snapshotSeen = true;
      }
    }

    private long sequence(long line, String where, @Nullable JsonValue seq) {
      if (seq == null) {
        finding(file, line, "missing_field", where + "sequence is absent");
        return SequenceValues.MISSING;
      }
      if (!(seq instanceof JsonValue.JsonObject so)) {
        finding(file, line, "invalid_field_type", where + "sequence is not an object");
        return SequenceValues.MISSING;
      }
      JsonValue source = so.members().get("source");
      if (source == null) {
        finding(file, line, "missing_field", where + "sequence.source is absent");
      } else if (!(source instanceof JsonValue.JsonString src) || src.value().isEmpty()) {
        finding(file, line, "invalid_field_type", where + "sequence.source is not a non-empty string");
      }
      JsonValue value = so.members().get("value");
      if (value == null) {
        finding(file, line, "missing_field", where + "sequence.value is absent");
        return SequenceValues.MISSING;
      }
      if (!(value instanceof JsonValue.JsonNumber) && !(value instanceof JsonValue.JsonString)) {
        finding(file, line, "invalid_field_type", where + "sequence.value is " + value.toJson());
        return SequenceValues.MISSING;
      }
      long judged = validator.judge(value);
      if (judged == SequenceValues.MISSING) {
        String form =
            rules.sequenceValueSyntax() == SequenceValueSyntax.INTEGER_LITERAL
                ? "an integer literal"
                : "a whole number or digit string";
        finding(
            file, line, "invalid_sequence_value",
            where + "sequence.value " + value.toJson() + " is not " + form + " from 0 to 2^63-1");
      }
      return judged;
    }

    private void timestamp(long line, String what, @Nullable JsonValue v) {
      if (v == null || v.isNull()) {
        return;
      }
      if (!(v instanceof JsonValue.JsonString s)) {
        finding(file, line, "invalid_field_type", what + " is not a string");
      } else if (Timestamps.parseEpochMillis(s.value(), rules.timestampSyntax()) == Timestamps.INVALID) {
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
            c == ViolationCode.SNAPSHOT_SEQUENCE_MISSING || c == ViolationCode.SNAPSHOT_SEQUENCE_REGRESSION;
        if (snapshotCode && !snapshotSeen) {
          continue;
        }
        if (!reported.contains(c) && batch.shows(c)) {
          reported.add(c);
          finding(file, line, c.wire(), "the file's envelopes, judged as one batch, show " + c.wire());
        }
      }
    }

    private void decode(long line, String text, JsonCodec<?> codec) {
      try {
        Json.DEFAULT.decode(codec, text);
      } catch (VisibilityException e) {
        finding(file, line, codeOf(e.code()), e.path().orElse("") + ": " + e.detail());
      }
    }
  }

  private static @Nullable JsonCodec<?> artifactCodec(JsonValue.JsonObject o) {
    Map<String, JsonValue> m = o.members();
    JsonValue category = m.get("category");
    String cat = category instanceof JsonValue.JsonString s ? s.value() : "";
    if (cat.equals("runtime_heartbeat")) {
      return HeartbeatCodecs.OBSERVATION;
    }
    if (cat.equals("envelope_sequence")) {
      return SequenceCodecs.OBSERVATION;
    }
    if (m.containsKey("freshnessStatus")) {
      return HeartbeatCodecs.STATE;
    }
    if (m.containsKey("driftActive") && m.containsKey("violations")) {
      return SequenceCodecs.STATE;
    }
    if (m.containsKey("reasonCodes") && m.containsKey("metrics")) {
      return HealthCodecs.HEALTH;
    }
    if (m.containsKey("failureStreak") && m.containsKey("lastResult")) {
      return HealthCodecs.TRANSPORT_HEALTH;
    }
    if (m.containsKey("eventsFile") && m.containsKey("eventLineOffset")) {
      return EnvelopeCodecs.CURSOR_STATE;
    }
    if (m.containsKey("execution") && m.containsKey("outcome")) {
      return AuditCodecs.INVOCATION;
    }
    if (m.containsKey("intent") && m.containsKey("retryAttempts")) {
      return AuditCodecs.CONTROL_ROW;
    }
    if (m.containsKey("intent") && m.containsKey("status")) {
      return AuditCodecs.INTENT_ROW;
    }
    if (m.containsKey("trace")) {
      return StatusCodecs.VISIBILITY;
    }
    return null;
  }

  static String codeOf(ErrorCode code) {
    switch (code) {
      case INVALID_JSON:
      case DUPLICATE_KEY:
      case LIMIT_EXCEEDED:
        return "invalid_json";
      case UNSUPPORTED_SCHEMA_VERSION:
      case UNKNOWN_ENVELOPE_TYPE:
      case MISSING_FIELD:
      case INVALID_SEQUENCE_VALUE:
      case INVALID_TRACE_ID:
      case INVALID_TIMESTAMP:
        return code.wire();
      default:
        return "invalid_field_type";
    }
  }

  /** One line's bytes, up to a limit: beyond it only the fact that it overflowed is kept. */
  private static final class Line {
    private final long max;
    private byte[] bytes = new byte[256];
    private int length;
    private boolean overflow;

    Line(long max) {
      this.max = max;
    }

    void append(byte[] src, int off, int len) {
      if (overflow || len == 0) {
        return;
      }
      if ((long) length + len > max) {
        overflow = true;
        bytes = new byte[256];
        length = 0;
        return;
      }
      if (length + len > bytes.length) {
        bytes = Arrays.copyOf(bytes, (int) Math.min(max, Math.max(2L * bytes.length, (long) length + len)));
      }
      System.arraycopy(src, off, bytes, length, len);
      length += len;
    }

    byte[] bytes() {
      return bytes;
    }

    int length() {
      return length;
    }

    boolean overflow() {
      return overflow;
    }

    boolean isBlank() {
      for (int i = 0; i < length; i++) {
        if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r') {
          return false;
        }
      }
      return true;
    }

    void clear() {
      length = 0;
      overflow = false;
    }
  }
}
