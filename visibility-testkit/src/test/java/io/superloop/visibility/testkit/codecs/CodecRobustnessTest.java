package io.superloop.visibility.testkit.codecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.internal.answer.AnswerCodecs;
import io.superloop.visibility.api.internal.json.JsonObject;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonCodec;
import io.superloop.visibility.api.json.JsonReadLimits;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.testkit.gen.internal.GenContext;
import io.superloop.visibility.testkit.gen.internal.Generation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Decoding hostile input with every codec only ever raises {@link VisibilityException} with an
 * error code (never an NPE, a ClassCastException, a Jackson exception or a stack overflow), and
 * specific inputs give specific codes. Inputs: fixed malformed documents, every prefix of valid
 * encodings, nesting beyond the depth limit, strings, keys, numbers and documents beyond (small)
 * limits, and deterministic random mutations of valid encodings (text and UTF-8 bytes).
 */
class CodecRobustnessTest {

  private static final int MUTATIONS_PER_CODEC = 300;

  private static final List<String> MALFORMED =
      List.of(
          "",
          " ",
          "\n",
          "{",
          "}",
          "[",
          "]",
          "{]",
          "[}",
          "nul",
          "tru",
          "fals",
          "NaN",
          "Infinity",
          "-",
          "01",
          "1.",
          ".5",
          "1e",
          "+1",
          "'a'",
          "{a:1}",
          "{'a':1}",
          "{\"a\"}",
          "{\"a\":}",
          "{\"a\" 1}",
          "{,}",
          "{\"a\":1,}",
          "[1,]",
          "[,1]",
          "{\"a\":1}}",
          "{} {}",
          "{}x",
          "\"abc",
          "\"\\x\"",
          "\"\\u12\"",
          "\"\\ud800\"",
          "\"\\udc00\\ud800\"",
          "\"a\u0001b\"",
          "\u0000",
          "\ufeff{}",
          "/* c */ {}",
          "// c\n{}",
          "{\"a\":tru}",
          "{\"a\":[1 2]}",
          "{\"a\":{\"b\":}}",
          "{\"schemaVersion\":\"v1\"",
          "{\"a\":1e99999999999}",
          "{\"a\":-}",
          "[[[[[[",
          "]]]]",
          "{\"\":\"\"}",
          "{\"a\":\"\u007f\"}",
          "{\"a\":1}\u0000",
          "{\"a\":\"\\u0000\"}");

  private static final Json SMALL = Json.withLimits(new JsonReadLimits(5, 16, 16, 8, 1 << 20));

  private static final List<AllCodecs.Entry<?>> CODECS = AllCodecs.ALL;

  // ---------------------------------------------------------------- helpers

  /** Decodes and returns the error (null on success); fails on any other throwable. */
  private static <T> @Nullable VisibilityException decode(
      JsonCodec<T> codec, Json json, String input, String what) {
    T v;
    try {
      v = json.decode(codec, input);
    } catch (VisibilityException e) {
      assertNotNull(e.code(), what + ": error code");
      return e;
    } catch (Throwable t) {
      fail(what + ": " + t + " on input " + show(input), t);
      return null;
    }
    String once = codec.encode(v);
    assertEquals(
        once, codec.encode(codec.decode(once)), what + ": a decoded value re-encodes stably");
    return null;
  }

  private static <T> @Nullable VisibilityException decodeBytes(
      JsonCodec<T> codec, byte[] input, String what) {
    try {
      T v = Json.DEFAULT.decode(codec, input);
      String once = codec.encode(v);
      assertEquals(
          once, codec.encode(codec.decode(once)), what + ": a decoded value re-encodes stably");
      return null;
    } catch (VisibilityException e) {
      assertNotNull(e.code(), what + ": error code");
      return e;
    } catch (Throwable t) {
      fail(what + ": " + t + " on bytes " + new String(input, StandardCharsets.ISO_8859_1), t);
      return null;
    }
  }

  private static void expect(
      ErrorCode code, @Nullable VisibilityException e, String what, String input) {
    if (e == null) {
      fail(what + ": expected " + code + " but decoded " + show(input));
      return;
    }
    assertEquals(code, e.code(), what + ": " + e.getMessage() + " on " + show(input));
  }

  private static String show(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "...(" + s.length() + " chars)" : s;
  }

  /** Encodings of generated values, deterministic, shortest first. */
  private static <T> List<String> samples(AllCodecs.Entry<T> e, int count) {
    GenContext ctx = GenContext.of(e.name().hashCode(), 6);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(e.codec().encode(Generation.generate(e.gen(), ctx).value()));
    }
    out.sort(Comparator.comparingInt(String::length));
    return out;
  }

  private static <T> String reencode(JsonCodec<T> codec, String in) {
    return codec.encode(codec.decode(in));
  }

  private static boolean isObjectCodec(AllCodecs.Entry<?> e) {
    return samples(e, 1).get(0).startsWith("{");
  }

  /** {@code json} (an object) with member {@code key} replaced by (or set to) {@code valueJson}. */
  private static String withMember(String json, String key, String valueJson) {
    JsonObject o = (JsonObject) Json.parse(json);
    Map<String, JsonValue> m = new LinkedHashMap<>(o.members());
    m.put(key, Json.parse(valueJson));
    return JsonValue.object(m).toJson();
  }

  private static Optional<String> sampleWith(AllCodecs.Entry<?> e, String key) {
    for (String s : samples(e, 40)) {
      if (Json.parse(s) instanceof JsonObject o && o.get(key).isPresent()) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  private static Stream<DynamicTest> perCodec(
      String what, java.util.function.Consumer<AllCodecs.Entry<?>> body) {
    return CODECS.stream()
        .map(e -> DynamicTest.dynamicTest(what + " " + e.name(), () -> body.accept(e)));
  }

  // ---------------------------------------------------------------- robustness

  @TestFactory
  Stream<DynamicTest> malformedDocuments() {
    return perCodec(
        "malformed",
        e -> {
          String first = samples(e, 1).get(0).substring(0, 1);
          for (String in : MALFORMED) {
            VisibilityException x = decode(e.codec(), Json.DEFAULT, in, e.name());
            decodeBytes(e.codec(), in.getBytes(StandardCharsets.UTF_8), e.name());
            // incomplete input of the right root type (or none at all) is invalid JSON
            if (in.isBlank()
                || (first.equals("{") && (in.equals("{") || in.equals("{\"schemaVersion\":\"v1\"")))
                || (first.equals("\"") && in.equals("\"abc"))) {
              expect(ErrorCode.INVALID_JSON, x, e.name() + " incomplete", in);
            }
          }
        });
  }

  @TestFactory
  Stream<DynamicTest> everyPrefixIsInvalidJson() {
    return perCodec(
        "prefixes",
        e -> {
          List<String> s = samples(e, 6);
          for (String full : List.of(s.get(0), s.get(s.size() / 2))) {
            boolean number =
                !full.isEmpty() && (Character.isDigit(full.charAt(0)) || full.charAt(0) == '-');
            for (int i = 0; i < full.length(); i++) {
              String prefix = full.substring(0, i);
              VisibilityException x =
                  decode(e.codec(), Json.DEFAULT, prefix, e.name() + " prefix " + i);
              if (!number) {
                expect(ErrorCode.INVALID_JSON, x, e.name() + " truncated at " + i, prefix);
              }
            }
            assertTrue(
                decode(e.codec(), Json.DEFAULT, full, e.name()) == null,
                e.name() + " full sample decodes");
          }
        });
  }

  @TestFactory
  Stream<DynamicTest> nestingBeyondTheLimit() {
    return perCodec(
        "nesting",
        e -> {
          int depth = JsonReadLimits.DEFAULT.maxNestingDepth() + 10;
          String arrays = "[".repeat(depth) + "]".repeat(depth);
          String objects = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
          boolean object = isObjectCodec(e);
          for (String deep : List.of(arrays, objects)) {
            String in = "{\"deep~unknown\":" + deep + "}";
            VisibilityException x = decode(e.codec(), Json.DEFAULT, in, e.name());
            if (object) {
              expect(ErrorCode.LIMIT_EXCEEDED, x, e.name() + " too deep", in);
            }
            decode(e.codec(), Json.DEFAULT, deep, e.name());
          }
          String veryDeep = "[".repeat(100_000);
          decode(e.codec(), Json.DEFAULT, "{\"a\":" + veryDeep, e.name());
          // exactly at the (small) limit is not a limit error; one more level is
          int max = SMALL.limits().maxNestingDepth();
          String atLimit = "{\"n~unknown\":" + "[".repeat(max - 1) + "]".repeat(max - 1) + "}";
          String beyond = "{\"n~unknown\":" + "[".repeat(max) + "]".repeat(max) + "}";
          VisibilityException at = decode(e.codec(), SMALL, atLimit, e.name());
          assertFalse(
              at != null && at.code() == ErrorCode.LIMIT_EXCEEDED,
              e.name() + " at the depth limit");
          VisibilityException over = decode(e.codec(), SMALL, beyond, e.name());
          if (object) {
            expect(
                ErrorCode.LIMIT_EXCEEDED, over, e.name() + " one level beyond the limit", beyond);
          }
        });
  }

  @TestFactory
  Stream<DynamicTest> oversizedInputs() {
    return perCodec(
        "oversized",
        e -> {
          boolean object = isObjectCodec(e);
          List<String> inputs =
              List.of(
                  "{\"s~unknown\":\"" + "x".repeat(17) + "\"}",
                  "{\"" + "k".repeat(17) + "\":1}",
                  "{\"n~unknown\":123456789}",
                  "{\"n~unknown\":1.2345678}");
          for (String in : inputs) {
            VisibilityException x = decode(e.codec(), SMALL, in, e.name());
            if (object) {
              expect(ErrorCode.LIMIT_EXCEEDED, x, e.name() + " beyond a small limit", in);
            }
          }
          String longString = "\"" + "x".repeat(17) + "\"";
          VisibilityException s = decode(e.codec(), SMALL, longString, e.name());
          if (!object) {
            expect(
                ErrorCode.LIMIT_EXCEEDED, s, e.name() + " string beyond a small limit", longString);
          }
          String longNumber =
              "{\"n~unknown\":" + "9".repeat(JsonReadLimits.DEFAULT.maxNumberLength() + 1) + "}";
          VisibilityException n = decode(e.codec(), Json.DEFAULT, longNumber, e.name());
          if (object) {
            expect(
                ErrorCode.LIMIT_EXCEEDED,
                n,
                e.name() + " number beyond the default limit",
                longNumber);
          }
          String sample = samples(e, 1).get(0);
          Json tiny =
              Json.withLimits(
                  new JsonReadLimits(64, 1 << 20, 4096, 64, Math.max(1, sample.length() - 1)));
          expect(
              ErrorCode.LIMIT_EXCEEDED,
              decode(e.codec(), tiny, sample, e.name()),
              e.name() + " document beyond the limit",
              sample);
          Json exact =
              Json.withLimits(
                  new JsonReadLimits(
                      64, 1 << 20, 4096, 64, sample.getBytes(StandardCharsets.UTF_8).length));
          assertTrue(
              decode(e.codec(), exact, sample, e.name()) == null,
              e.name() + " document at the length limit decodes");
        });
  }

  @TestFactory
  Stream<DynamicTest> mutatedEncodings() {
    String alphabet = "{}[]\":,0123456789-+.eEtrufalsn \\/u\u0000\u00e9\ud83d\ude00x";
    return perCodec(
        "mutated",
        e -> {
          List<String> s = samples(e, 8);
          Random r = new Random(e.name().hashCode());
          for (int i = 0; i < MUTATIONS_PER_CODEC; i++) {
            String base = s.get(r.nextInt(s.size()));
            StringBuilder b = new StringBuilder(base);
            int edits = 1 + r.nextInt(3);
            for (int k = 0; k < edits && b.length() > 0; k++) {
              int at = r.nextInt(b.length());
              switch (r.nextInt(5)) {
                case 0 -> b.deleteCharAt(at);
                case 1 -> b.insert(at, alphabet.charAt(r.nextInt(alphabet.length())));
                case 2 -> b.setCharAt(at, alphabet.charAt(r.nextInt(alphabet.length())));
                case 3 -> {
                  int end = Math.min(b.length(), at + 1 + r.nextInt(20));
                  b.insert(at, b.substring(at, end));
                }
                default -> {
                  int end = Math.min(b.length(), at + 1 + r.nextInt(20));
                  b.delete(at, end);
                }
              }
            }
            String in = b.toString();
            decode(e.codec(), Json.DEFAULT, in, e.name() + " mutation " + i);
            byte[] bytes = base.getBytes(StandardCharsets.UTF_8);
            if (bytes.length > 0) {
              bytes[r.nextInt(bytes.length)] = (byte) r.nextInt(256);
              decodeBytes(e.codec(), bytes, e.name() + " byte mutation " + i);
            }
          }
        });
  }

  // ---------------------------------------------------------------- specific codes

  @TestFactory
  Stream<DynamicTest> duplicateKeys() {
    return CODECS.stream()
        .filter(CodecRobustnessTest::isObjectCodec)
        .map(
            e ->
                DynamicTest.dynamicTest(
                    "duplicate key " + e.name(),
                    () -> {
                      String in = "{\"zz~unknown\":1,\"zz~unknown\":2}";
                      expect(
                          ErrorCode.DUPLICATE_KEY,
                          decode(e.codec(), Json.DEFAULT, in, e.name()),
                          e.name(),
                          in);
                      for (String s : samples(e, 3)) {
                        JsonObject o = (JsonObject) Json.parse(s);
                        if (o.members().isEmpty()) {
                          continue;
                        }
                        Map.Entry<String, JsonValue> first =
                            o.members().entrySet().iterator().next();
                        String dup =
                            s.substring(0, s.length() - 1)
                                + ","
                                + JsonValue.of(first.getKey()).toJson()
                                + ":"
                                + first.getValue().toJson()
                                + "}";
                        expect(
                            ErrorCode.DUPLICATE_KEY,
                            decode(e.codec(), Json.DEFAULT, dup, e.name()),
                            e.name() + " repeated " + first.getKey(),
                            dup);
                      }
                    }));
  }

  @TestFactory
  Stream<DynamicTest> wrongRootType() {
    return perCodec(
        "wrong type",
        e -> {
          boolean object = isObjectCodec(e);
          boolean string = samples(e, 1).get(0).startsWith("\"");
          if (object) {
            for (String in : List.of("[]", "1", "\"s\"", "true", "null", "[{}]")) {
              expect(
                  ErrorCode.INVALID_FIELD_TYPE,
                  decode(e.codec(), Json.DEFAULT, in, e.name()),
                  e.name() + " root",
                  in);
            }
          } else if (string) {
            for (String in : List.of("{}", "[]", "1", "true", "null")) {
              expect(
                  ErrorCode.INVALID_FIELD_TYPE,
                  decode(e.codec(), Json.DEFAULT, in, e.name()),
                  e.name() + " root",
                  in);
            }
          }
        });
  }

  @Test
  void wrongFieldType() {
    check(
        Codecs.HEARTBEAT_STATE,
        "Codecs.HEARTBEAT_STATE",
        "loopId",
        "1",
        ErrorCode.INVALID_FIELD_TYPE);
    check(
        Codecs.HEARTBEAT_STATE,
        "Codecs.HEARTBEAT_STATE",
        "thresholds",
        "[]",
        ErrorCode.INVALID_FIELD_TYPE);
    check(
        Codecs.CURSOR_STATE,
        "Codecs.CURSOR_STATE",
        "eventLineOffset",
        "\"12\"",
        ErrorCode.INVALID_FIELD_TYPE);
    check(Codecs.HEALTH, "Codecs.HEALTH", "reasons", "{}", ErrorCode.INVALID_FIELD_TYPE);
    check(Codecs.HEALTH, "Codecs.HEALTH", "reasonCodes", "[1]", ErrorCode.INVALID_FIELD_TYPE);
    check(
        Codecs.EVENTS_ANSWER, "Codecs.EVENTS_ANSWER", "events", "{}", ErrorCode.INVALID_FIELD_TYPE);
    check(
        Codecs.EVENTS_ANSWER_SEQUENCES,
        "Codecs.EVENTS_ANSWER_SEQUENCES",
        "events",
        "{}",
        ErrorCode.INVALID_FIELD_TYPE);
    check(
        Codecs.SNAPSHOT_ENVELOPE,
        "Codecs.SNAPSHOT_ENVELOPE",
        "cursor",
        "\"x\"",
        ErrorCode.INVALID_FIELD_TYPE);
    check(
        AnswerCodecs.CONTROL_ANSWER,
        "AnswerCodecs.CONTROL_ANSWER",
        "result",
        "[]",
        ErrorCode.INVALID_FIELD_TYPE);
    check(
        Codecs.SEQUENCE_STATE,
        "Codecs.SEQUENCE_STATE",
        "driftActive",
        "\"true\"",
        ErrorCode.INVALID_FIELD_TYPE);
    check(
        Codecs.HEALTH_ESCALATION,
        "Codecs.HEALTH_ESCALATION",
        "reasons",
        "{}",
        ErrorCode.INVALID_FIELD_TYPE);
    check(
        Codecs.ESCALATION_ROW,
        "Codecs.ESCALATION_ROW",
        "category",
        "7",
        ErrorCode.INVALID_FIELD_TYPE);
    check(
        Codecs.CONTROL_INVOCATION,
        "Codecs.CONTROL_INVOCATION",
        "request",
        "true",
        ErrorCode.INVALID_FIELD_TYPE);
  }

  @Test
  void fractionInALongField() {
    Object[][] cases = {
      {Codecs.HEARTBEAT_STATE, "Codecs.HEARTBEAT_STATE", "heartbeatLagSeconds"},
      {Codecs.CURSOR_STATE, "Codecs.CURSOR_STATE", "eventLineOffset"},
      {Codecs.ENVELOPE_CURSOR, "Codecs.ENVELOPE_CURSOR", "eventLineCount"},
      {Codecs.TRANSPORT_HEALTH, "Codecs.TRANSPORT_HEALTH", "failureStreak"},
      {Codecs.CONTROL_ROW, "Codecs.CONTROL_ROW", "exitCode"},
      {Codecs.ALERT_DISPATCH_STATE, "Codecs.ALERT_DISPATCH_STATE", "processedCount"},
      {Codecs.RECONCILE_ROW, "Codecs.RECONCILE_ROW", "maxEvents"},
      {Codecs.EVENT_DIAGNOSTICS, "Codecs.EVENT_DIAGNOSTICS", "ingestedCount"},
    };
    for (Object[] c : cases) {
      JsonCodec<?> codec = (JsonCodec<?>) c[0];
      for (String v : List.of("1.5", "0.1", "-2.25", "1e-3", "9223372036854775808", "1e400")) {
        check(codec, (String) c[1], (String) c[2], v, ErrorCode.INVALID_FIELD_TYPE);
      }
    }
  }

  @TestFactory
  Stream<DynamicTest> unsupportedSchemaVersion() {
    return CODECS.stream()
        .filter(e -> sampleWith(e, "schemaVersion").isPresent())
        .map(
            e ->
                DynamicTest.dynamicTest(
                    "schemaVersion " + e.name(),
                    () -> {
                      String s = sampleWith(e, "schemaVersion").orElseThrow();
                      for (String v : List.of("\"v2\"", "\"V1\"", "\"\"", "1", "{}", "null")) {
                        String in = withMember(s, "schemaVersion", v);
                        expect(
                            ErrorCode.UNSUPPORTED_SCHEMA_VERSION,
                            decode(e.codec(), Json.DEFAULT, in, e.name()),
                            e.name() + " schemaVersion " + v,
                            in);
                      }
                    }));
  }

  /** Contract 1.0: where the artifact has {@code schemaVersion} {@code v1}, it is required. */
  @TestFactory
  Stream<DynamicTest> absentSchemaVersionIsMissingField() {
    return CODECS.stream()
        .filter(e -> sampleWith(e, "schemaVersion").isPresent())
        .map(
            e ->
                DynamicTest.dynamicTest(
                    "no schemaVersion " + e.name(),
                    () -> {
                      JsonObject o =
                          (JsonObject) Json.parse(sampleWith(e, "schemaVersion").orElseThrow());
                      Map<String, JsonValue> m = new LinkedHashMap<>(o.members());
                      m.remove("schemaVersion");
                      String in = JsonValue.object(m).toJson();
                      VisibilityException x = decode(e.codec(), Json.DEFAULT, in, e.name());
                      expect(ErrorCode.MISSING_FIELD, x, e.name() + " without schemaVersion", in);
                      assertEquals(
                          Optional.of("/schemaVersion"),
                          Objects.requireNonNull(x).path(),
                          e.name());
                    }));
  }

  /**
   * An object without a {@code schemaVersion} of its own keeps a foreign one as an unknown field.
   */
  @TestFactory
  Stream<DynamicTest> aSchemaVersionWhereNoneIsDefinedIsAnUnknownField() {
    return CODECS.stream()
        .filter(e -> isObjectCodec(e) && sampleWith(e, "schemaVersion").isEmpty())
        .map(
            e ->
                DynamicTest.dynamicTest(
                    "foreign schemaVersion " + e.name(),
                    () -> {
                      String s = samples(e, 1).get(0);
                      String in = withMember(s, "schemaVersion", "\"v9\"");
                      String out = reencode(e.codec(), in);
                      assertEquals(Json.parse(in), Json.parse(out), e.name() + ": " + in);
                    }));
  }

  @Test
  void everyVersionedArtifactChecksItsSchemaVersion() {
    List<String> versioned = new ArrayList<>();
    for (AllCodecs.Entry<?> e : CODECS) {
      if (sampleWith(e, "schemaVersion").isPresent()) {
        versioned.add(e.name());
      }
    }
    assertEquals(
        List.of(
            "Codecs.HEARTBEAT_STATE",
            "Codecs.SNAPSHOT_ENVELOPE",
            "Codecs.EVENT_ENVELOPE",
            "Codecs.CURSOR_STATE",
            "Codecs.EVENTS_ANSWER",
            "Codecs.EVENTS_ANSWER_SEQUENCES",
            "Codecs.HEALTH",
            "Codecs.TRANSPORT_HEALTH",
            "Codecs.CONTROL_INVOCATION",
            "Codecs.ALERT_DISPATCH_STATE",
            "Codecs.SEQUENCE_STATE"),
        versioned);
  }

  @TestFactory
  Stream<DynamicTest> invalidTraceIds() {
    return CODECS.stream()
        .filter(e -> isObjectCodec(e) && sampleWith(e, "traceId").isPresent())
        .map(
            e ->
                DynamicTest.dynamicTest(
                    "traceId " + e.name(),
                    () -> {
                      String s = sampleWith(e, "traceId").orElseThrow();
                      for (String bad :
                          List.of(
                              "", "has space", "x".repeat(257), "caf\u00e9", "tab\t", "\u0000")) {
                        String in = withMember(s, "traceId", JsonValue.of(bad).toJson());
                        expect(
                            ErrorCode.INVALID_TRACE_ID,
                            decode(e.codec(), Json.DEFAULT, in, e.name()),
                            e.name() + " traceId " + show(bad),
                            in);
                      }
                    }));
  }

  @Test
  void everyRecordWithATraceIdIsCovered() {
    List<String> names = new ArrayList<>();
    for (AllCodecs.Entry<?> e : CODECS) {
      if (isObjectCodec(e) && sampleWith(e, "traceId").isPresent()) {
        names.add(e.name());
      }
    }
    assertEquals(
        List.of(
            "Codecs.HEARTBEAT_STATE",
            "Codecs.HEARTBEAT_OBSERVATION",
            "Codecs.SNAPSHOT_ENVELOPE",
            "Codecs.EVENT_ENVELOPE",
            "Codecs.EVENTS_ANSWER",
            "Codecs.EVENTS_ANSWER_SEQUENCES",
            "AnswerCodecs.CONTROL_ANSWER",
            "Codecs.HEALTH",
            "Codecs.TRANSPORT_HEALTH",
            "Codecs.CONTROL_INVOCATION",
            "Codecs.CONTROL_ROW",
            "Codecs.INTENT_ROW",
            "Codecs.IN_FLIGHT_ROW",
            "Codecs.RECONCILE_ROW",
            "Codecs.ORDERING_DRIFT_ESCALATION",
            "Codecs.HEALTH_ESCALATION",
            "Codecs.OTHER_ESCALATION",
            "Codecs.ESCALATION_ROW",
            "Codecs.ALERT_DISPATCH_STATE",
            "Codecs.ALERT_ROW",
            "Codecs.SEQUENCE_STATE",
            "Codecs.SEQUENCE_OBSERVATION",
            "Codecs.HEARTBEAT_SURFACE",
            "Codecs.SEQUENCE_SURFACE",
            "Codecs.INVOCATION_AUDIT_SURFACE"),
        names,
        "codecs whose samples carry a top-level traceId");
  }

  private static void check(
      JsonCodec<?> codec, String name, String key, String valueJson, ErrorCode code) {
    AllCodecs.Entry<?> e =
        CODECS.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
    assertTrue(e.codec() == codec, name);
    String s = sampleWith(e, key).orElseGet(() -> samples(e, 1).get(0));
    String in = withMember(s, key, valueJson);
    expect(code, decode(codec, Json.DEFAULT, in, name), name + " " + key + "=" + valueJson, in);
  }
}
