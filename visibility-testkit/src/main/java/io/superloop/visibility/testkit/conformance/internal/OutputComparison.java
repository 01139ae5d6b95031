package io.superloop.visibility.testkit.conformance.internal;

import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Compares the four files the library writes for one conformance case with the reference's, under
 * the rules of {@code docs/conformance.md}:
 *
 * <ul>
 *   <li>the case's trace id is replaced by {@code <TRACE_ID>} wherever it is a whole string value
 *       of the library's output, as it is in the reference's (a case with no trace id lets the
 *       library generate one: it is read back from the library's {@code health.json});
 *   <li>{@code sequence-state.json} and {@code heartbeat.json}: every field of the reference's file
 *       must be present with an equal value (an explicit {@code null} is not an absent field); the
 *       library may add only the {@linkplain #ADDITIVE_FIELDS additive fields}, at any depth;
 *   <li>{@code health.json}: only the part the visibility plane decides ({@link #HEALTH_VIEW});
 *   <li>{@code visibility.json}: the whole {@code visibility} object except {@code
 *       trace.alertTraceId} (alert dispatch is not part of the library);
 *   <li>a file the reference did not write must not be written either; arrays compare element by
 *       element in order; numbers compare by value ({@code 1.0} equals {@code 1}); object member
 *       order does not matter.
 * </ul>
 */
public final class OutputComparison {
  /** The compared files, in the order they are compared. */
  public static final List<String> COMPARED_FILES =
      List.of("sequence-state.json", "heartbeat.json", "health.json", "visibility.json");

  /** Field names the library may add to the reference's objects (the additive fields of H1-H19). */
  public static final Set<String> ADDITIVE_FIELDS =
      Set.of(
          "gaps",
          "duplicates",
          "max",
          "highWater",
          "epochReset",
          "clockSkewSeconds",
          "distinctTraceIds",
          "inFlight",
          "lastObservation",
          "phase",
          "warnings");

  /**
   * The compared part of {@code health.json}: view name to the path of the value in the file. A
   * path that is absent reads as {@code null} on both sides.
   */
  public static final Map<String, List<String>> HEALTH_VIEW = healthView();

  /** What a case's trace id is replaced by before comparing. */
  public static final String TRACE_PLACEHOLDER = "<TRACE_ID>";

  private static final JsonValue ABSENT = JsonValue.of("(absent)");

  private OutputComparison() {}

  /** One difference between the reference's output and the library's. */
  public record Difference(String file, String path, String expected, String actual) {
    /**
     * A difference.
     *
     * @param file the compared file ({@code health.json}, ...)
     * @param path where in the file, as a jq path from the view's name ({@code
     *     visibility.trace.sharedTraceId}); empty for a difference of the whole file
     * @param expected the reference's value as JSON text, {@code "(absent)"} for an absent field,
     *     or what the reference did for a whole-file difference
     * @param actual the library's value as JSON text, {@code "(absent)"} for an absent field, or
     *     what the library did for a whole-file difference
     */
    public Difference {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(expected, "expected");
      Objects.requireNonNull(actual, "actual");
    }

    /**
     * {@code file: {"path":...,"expected":...,"actual":...}}, or {@code file: expected ..., actual
     * ...}.
     */
    @Override
    public String toString() {
      if (path.isEmpty()) {
        return file + ": expected " + expected + ", actual " + actual;
      }
      return file
          + ": {\"path\":"
          + JsonValue.of(path).toJson()
          + ",\"expected\":"
          + expected
          + ",\"actual\":"
          + actual
          + "}";
    }
  }

  /**
   * Compares one case's outputs.
   *
   * @param expectedDir the reference's outputs ({@code expected/<case>/})
   * @param actualDir the library's outputs (the four files written by {@link CaseRunner})
   * @param traceId the case's trace id ({@code config.json}'s {@code traceId}); empty when the case
   *     gives none, and then the one the library generated is read from {@code
   *     actualDir/health.json}
   * @return every difference, in file order; empty when the case conforms
   * @throws UncheckedIOException when a file exists but cannot be read
   */
  public static List<Difference> compare(Path expectedDir, Path actualDir, String traceId) {
    String trace = traceId.isEmpty() ? generatedTrace(actualDir) : traceId;
    List<Difference> out = new ArrayList<>();
    for (String file : COMPARED_FILES) {
      Path e = expectedDir.resolve(file);
      Path a = actualDir.resolve(file);
      if (!Files.isRegularFile(e)) {
        if (Files.isRegularFile(a)) {
          out.add(new Difference(file, "", "no file (the reference wrote none)", "a file"));
        }
        continue;
      }
      if (!Files.isRegularFile(a)) {
        out.add(new Difference(file, "", "a file", "no file"));
        continue;
      }
      JsonValue actual;
      try {
        actual = Json.parse(read(a));
      } catch (VisibilityException ex) {
        out.add(new Difference(file, "", "JSON", "not JSON (" + ex.getMessage() + ")"));
        continue;
      }
      JsonValue expected = Json.parse(read(e));
      out.addAll(compareFile(file, expected, replaceTrace(actual, trace)));
    }
    return out;
  }

  /**
   * Compares one file's content after trace replacement, under its view.
   *
   * @param file the file name, one of {@link #COMPARED_FILES}
   * @param expected the reference's document
   * @param actual the library's document, its trace id already replaced
   * @return the differences, in document order
   */
  public static List<Difference> compareFile(String file, JsonValue expected, JsonValue actual) {
    String view = file.substring(0, file.length() - ".json".length());
    List<Difference> out = new ArrayList<>();
    diff(file, view(view, expected), view(view, actual), view, out);
    return out;
  }

  /**
   * Replaces every string value equal to {@code trace} by {@link #TRACE_PLACEHOLDER} (member names
   * are kept).
   *
   * @param value a document
   * @param trace the trace id to replace
   * @return the document with the trace replaced
   */
  public static JsonValue replaceTrace(JsonValue value, String trace) {
    if (value.isString()) {
      return value.stringValue().orElseThrow().equals(trace)
          ? JsonValue.of(TRACE_PLACEHOLDER)
          : value;
    }
    if (value.isObject()) {
      Map<String, JsonValue> m = new LinkedHashMap<>();
      value.members().forEach((k, v) -> m.put(k, replaceTrace(v, trace)));
      return JsonValue.object(m);
    }
    if (value.isArray()) {
      List<JsonValue> l = new ArrayList<>(value.elements().size());
      value.elements().forEach(v -> l.add(replaceTrace(v, trace)));
      return JsonValue.array(l);
    }
    return value;
  }

  /**
   * Whether two values are equal as jq's {@code ==} sees them: numbers by value, objects whatever
   * their member order, arrays element by element.
   *
   * @param a a value
   * @param b another value
   * @return whether they are equal
   */
  public static boolean jsonEquals(JsonValue a, JsonValue b) {
    if (a.isNumber() && b.isNumber()) {
      return decimal(a).compareTo(decimal(b)) == 0;
    }
    if (a.isObject() && b.isObject()) {
      if (!a.members().keySet().equals(b.members().keySet())) {
        return false;
      }
      for (Map.Entry<String, JsonValue> e : a.members().entrySet()) {
        if (!jsonEquals(e.getValue(), Objects.requireNonNull(b.members().get(e.getKey())))) {
          return false;
        }
      }
      return true;
    }
    if (a.isArray() && b.isArray()) {
      if (a.elements().size() != b.elements().size()) {
        return false;
      }
      for (int i = 0; i < a.elements().size(); i++) {
        if (!jsonEquals(a.elements().get(i), b.elements().get(i))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  private static void diff(
      String file, JsonValue e, JsonValue a, String path, List<Difference> out) {
    if (e.isObject() && a.isObject()) {
      Map<String, JsonValue> eo = e.members();
      Map<String, JsonValue> ao = a.members();
      for (String k : new TreeSet<>(eo.keySet())) {
        JsonValue ev = Objects.requireNonNull(eo.get(k));
        JsonValue av = ao.get(k);
        if (av != null) {
          diff(file, ev, av, path + "." + k, out);
        } else {
          out.add(new Difference(file, path + "." + k, ev.toJson(), ABSENT.toJson()));
        }
      }
      for (String k : new TreeSet<>(ao.keySet())) {
        if (!eo.containsKey(k) && !ADDITIVE_FIELDS.contains(k)) {
          out.add(
              new Difference(
                  file,
                  path + "." + k,
                  ABSENT.toJson(),
                  Objects.requireNonNull(ao.get(k)).toJson()));
        }
      }
    } else if (e.isArray() && a.isArray() && e.elements().size() == a.elements().size()) {
      for (int i = 0; i < e.elements().size(); i++) {
        diff(file, e.elements().get(i), a.elements().get(i), path + "[" + i + "]", out);
      }
    } else if (!jsonEquals(e, a)) {
      out.add(new Difference(file, path, e.toJson(), a.toJson()));
    }
  }

  private static JsonValue view(String view, JsonValue doc) {
    if (view.equals("health")) {
      Map<String, JsonValue> m = new LinkedHashMap<>();
      HEALTH_VIEW.forEach((name, path) -> m.put(name, at(doc, path)));
      return JsonValue.object(m);
    }
    Optional<JsonValue> trace = doc.get("trace").filter(JsonValue::isObject);
    if (view.equals("visibility") && trace.isPresent()) {
      Map<String, JsonValue> t = new LinkedHashMap<>(trace.get().members());
      t.remove("alertTraceId");
      Map<String, JsonValue> m = new LinkedHashMap<>(doc.members());
      m.put("trace", JsonValue.object(t));
      return JsonValue.object(m);
    }
    return doc;
  }

  private static JsonValue at(JsonValue doc, List<String> path) {
    JsonValue v = doc;
    for (String name : path) {
      @Nullable JsonValue next = v.members().get(name);
      if (next == null) {
        return JsonValue.nullValue();
      }
      v = next;
    }
    return v;
  }

  private static Map<String, List<String>> healthView() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("traceId", List.of("traceId"));
    m.put("status", List.of("status"));
    m.put("reasonCodes", List.of("reasonCodes"));
    m.put("reasons", List.of("reasons"));
    m.put("heartbeatLagSeconds", List.of("metrics", "heartbeatLagSeconds"));
    m.put("sequenceStatus", List.of("metrics", "sequenceStatus"));
    m.put("lastHeartbeatAt", List.of("evidence", "lastHeartbeatAt"));
    m.put("sequenceUpdatedAt", List.of("evidence", "sequenceUpdatedAt"));
    m.put("transportMode", List.of("transport", "mode"));
    m.put("ingestStatus", List.of("transport", "ingestStatus"));
    m.put("degradedHeartbeatLagSeconds", List.of("thresholds", "degradedHeartbeatLagSeconds"));
    m.put("criticalHeartbeatLagSeconds", List.of("thresholds", "criticalHeartbeatLagSeconds"));
    return java.util.Collections.unmodifiableMap(m);
  }

  private static String generatedTrace(Path actualDir) {
    Path health = actualDir.resolve("health.json");
    if (Files.isRegularFile(health)) {
      try {
        Optional<String> trace =
            Json.parse(read(health)).get("traceId").flatMap(JsonValue::stringValue);
        if (trace.isPresent() && !trace.get().isEmpty()) {
          return trace.get();
        }
      } catch (VisibilityException e) {
        // compared (and reported) as not JSON below
      }
    }
    return "<no trace id>";
  }

  private static BigDecimal decimal(JsonValue n) {
    return new BigDecimal(n.numberLiteral().orElseThrow());
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * The trace id a case's {@code config.json} gives, if any.
   *
   * @param config the parsed {@code config.json}
   * @return its {@code traceId}, or empty when it gives none
   */
  public static Optional<String> configTrace(JsonValue config) {
    return config.get("traceId").flatMap(JsonValue::stringValue);
  }
}
