package io.superloop.visibility.cli;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.heartbeat.HeartbeatObservation;
import io.superloop.visibility.api.heartbeat.HeartbeatObservationStatus;
import io.superloop.visibility.api.heartbeat.HeartbeatThresholds;
import io.superloop.visibility.api.internal.json.JsonArray;
import io.superloop.visibility.api.internal.json.JsonNumber;
import io.superloop.visibility.api.internal.json.JsonObject;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.core.heartbeat.FreshnessCalculator;
import io.superloop.visibility.core.heartbeat.HeartbeatInput;
import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.core.source.LineKind;
import io.superloop.visibility.core.source.LocalEventSource;
import io.superloop.visibility.producer.EventLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;

/**
 * The schemas of {@code docs/schema} under an independent validator (networknt's, draft 2020-12),
 * the library's own verdict on the same documents, and the mutations that probe where the two could
 * part.
 *
 * <p>The library's verdict ("it rejects the document") is, per schema: for the ops manager's files,
 * the envelopes and the service answers, a finding of {@code validate} under {@code hardened} rules
 * (the codec of the file its name says, plus the envelope checks); for {@code
 * RT/heartbeat.v1.json}, a heartbeat that either preset cannot use (a {@code failed} observation);
 * for a line of {@code RT/events.jsonl}, a line the local source classifies as malformed; for
 * {@code RT/events.hwm.json}, a record the producer's {@code EventLog} moves aside as unusable.
 */
final class SchemaHarness {
  static final Path SCHEMAS = CliTest.repo().resolve("docs/schema");
  private static final String BASE = SCHEMAS.toUri().toString();

  private final SchemaRegistry registry =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12, b -> b.schemas(SchemaHarness::schemaText));
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
  private final Path work;

  SchemaHarness(Path work) {
    this.work = work;
  }

  private static @org.jspecify.annotations.Nullable String schemaText(String iri) {
    if (!iri.startsWith(BASE)) {
      return null;
    }
    try {
      return Files.readString(
          SCHEMAS.resolve(iri.substring(BASE.length())), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every schema file, as a path relative to {@code docs/schema} with {@code /} separators. */
  static List<String> schemaFiles() {
    try (Stream<Path> s = Files.walk(SCHEMAS)) {
      return s.filter(p -> p.toString().endsWith(".schema.json"))
          .map(p -> SCHEMAS.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Schema schema(String rel) {
    return schemas.computeIfAbsent(rel, r -> registry.getSchema(SchemaLocation.of(BASE + r)));
  }

  /**
   * The schema's errors for a document (empty: valid); a document that is not JSON is one error.
   */
  List<String> errors(String schema, String document) {
    try {
      return schema(schema).validate(document, InputFormat.JSON).stream()
          .map(Error::toString)
          .toList();
    } catch (JacksonException e) {
      return List.of("not JSON: " + e.getOriginalMessage());
    }
  }

  /** The errors of a schema document against the draft 2020-12 meta-schema. */
  List<String> metaErrors(String schemaDocument) {
    return registry
        .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"))
        .validate(schemaDocument, InputFormat.JSON)
        .stream()
        .map(Error::toString)
        .toList();
  }

  boolean schemaAccepts(String schema, String document) {
    return errors(schema, document).isEmpty();
  }

  // ------------------------------------------------------------------ the library's verdict

  /**
   * Whether the library accepts {@code document} as the file or message {@code schema} describes.
   */
  boolean libraryAccepts(String schema, String document) {
    byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
    switch (schema) {
      case "heartbeat.v1.json.schema.json":
        return usableHeartbeat(document, VisibilityRules.reference())
            && usableHeartbeat(document, VisibilityRules.hardened());
      case "events.jsonl.schema.json":
        return new LocalEventSource().classify(bytes, 0, bytes.length) == LineKind.EVENT;
      case "events.hwm.json.schema.json":
        return producerKeepsHighWaterMark(document);
      default:
        return ValidateCommand.findingsOf(
                Path.of(fileOf(schema)), bytes, VisibilityRules.hardened())
            .isEmpty();
    }
  }

  /** What {@code validate} finds in a document of {@code schema} (for reports). */
  List<String> libraryFindings(String schema, String document) {
    return ValidateCommand.findingsOf(
        Path.of(fileOf(schema)),
        document.getBytes(StandardCharsets.UTF_8),
        VisibilityRules.hardened());
  }

  /** The ops manager's file (or a message's file name) a schema describes. */
  static String fileOf(String schema) {
    String f = schema.substring(0, schema.length() - ".schema.json".length());
    return f.startsWith("envelopes/") ? f.substring("envelopes/".length()) + ".json" : f;
  }

  private static boolean usableHeartbeat(String document, VisibilityRules rules) {
    JsonValue v;
    try {
      v = Json.parse(document);
    } catch (VisibilityException e) {
      return false;
    }
    Optional<HeartbeatObservation> row =
        new FreshnessCalculator(rules)
            .evaluate(
                HeartbeatInput.of(v),
                Optional.empty(),
                Instant.parse("2026-03-01T12:00:00Z"),
                HeartbeatThresholds.DEFAULT,
                "schema-loop",
                TraceId.of("trace-schema"),
                Transport.LOCAL)
            .observation();
    return row.isPresent() && row.get().status() != HeartbeatObservationStatus.FAILED;
  }

  private int hwmCase;

  private boolean producerKeepsHighWaterMark(String document) {
    try {
      Path repo = work.resolve("hwm-" + (hwmCase++));
      Path dir = repo.resolve(".superloop/loops/schema-loop");
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("events.hwm.json"), document, StandardCharsets.UTF_8);
      try (EventLog log = EventLog.builder(repo, "schema-loop").force(false).open()) {
        log.lineCount();
      } catch (VisibilityException e) {
        // a kept record of more lines than the (empty) log: refused, but kept
      }
      try (Stream<Path> s = Files.list(dir)) {
        return s.noneMatch(p -> p.getFileName().toString().startsWith("events.hwm.json.corrupt"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ------------------------------------------------------------------ mutations

  /** One mutated document: what was done where. */
  record Mutation(String what, String document) {}

  private static final List<JsonValue> REPLACEMENTS =
      List.of(
          JsonValue.nullValue(),
          JsonValue.of(true),
          JsonValue.of(0),
          JsonValue.of(-1),
          new JsonNumber("1.5"),
          JsonValue.of("x"),
          JsonValue.of("__bogus_value__"),
          JsonValue.object(Map.of()),
          JsonValue.array(List.of()));

  /**
   * The mutations of a document: each member dropped, and each member and array element (the first
   * two of an array) replaced by a value of every other JSON type, a negative number, a fraction,
   * and a string no enumeration holds; recursively, {@code depth} levels deep.
   */
  static List<Mutation> mutations(JsonValue doc, int depth) {
    List<Mutation> out = new ArrayList<>();
    mutate(doc, "", depth, v -> v, out);
    return out;
  }

  private interface Rebuild {
    JsonValue with(JsonValue replacement);
  }

  private static void mutate(
      JsonValue v, String path, int depth, Rebuild root, List<Mutation> out) {
    if (depth == 0) {
      return;
    }
    if (v instanceof JsonObject o) {
      for (String key : o.members().keySet()) {
        String p = path + "/" + key;
        Map<String, JsonValue> without = new LinkedHashMap<>(o.members());
        without.remove(key);
        out.add(new Mutation("drop " + p, root.with(JsonValue.object(without)).toJson()));
        JsonValue child = o.members().get(key);
        Rebuild at =
            r -> {
              Map<String, JsonValue> m = new LinkedHashMap<>(o.members());
              m.put(key, r);
              return root.with(JsonValue.object(m));
            };
        replace(child, p, at, out);
        mutate(child, p, depth - 1, at, out);
      }
    } else if (v instanceof JsonArray a) {
      for (int i = 0; i < Math.min(2, a.elements().size()); i++) {
        int index = i;
        String p = path + "/" + i;
        Rebuild at =
            r -> {
              List<JsonValue> l = new ArrayList<>(a.elements());
              l.set(index, r);
              return root.with(JsonValue.array(l));
            };
        replace(a.elements().get(i), p, at, out);
        mutate(a.elements().get(i), p, depth - 1, at, out);
      }
    }
  }

  private static void replace(JsonValue current, String path, Rebuild at, List<Mutation> out) {
    for (JsonValue r : REPLACEMENTS) {
      if (!r.equals(current)) {
        out.add(new Mutation("set " + path + " = " + r.toJson(), at.with(r).toJson()));
      }
    }
  }

  static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
