package io.superloop.visibility.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.superloop.visibility.api.internal.json.JsonArray;
import io.superloop.visibility.api.internal.json.JsonNumber;
import io.superloop.visibility.api.internal.json.JsonObject;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonCodec;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.api.testing.ExampleRows;
import io.superloop.visibility.api.testing.ExampleRows.Example;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Truncated and mutated variants of the spec-derived audit and reconcile example rows: decoding
 * either succeeds (and the result re-encodes and decodes to an equal value) or fails with a {@link
 * VisibilityException}; never with another exception.
 */
class MalformedAuditAndReconcileRowsTest {

  private static final long SEED = 0x5eed_a0d1L;
  private static final int VARIANTS_PER_EXAMPLE = 12;

  private record Case(JsonCodec<Object> codec, Example example) {}

  @SuppressWarnings("unchecked")
  private static void add(List<Case> out, JsonCodec<?> codec, Class<?> anchor, String resource) {
    for (Example e : ExampleRows.load(anchor, resource)) {
      out.add(new Case((JsonCodec<Object>) codec, e));
    }
  }

  private static List<Case> cases() {
    Class<?> anchor = MalformedAuditAndReconcileRowsTest.class;
    String a = "/io/superloop/visibility/api/audit/";
    String r = "/io/superloop/visibility/api/reconcile/";
    List<Case> out = new ArrayList<>();
    add(out, Codecs.CONTROL_INVOCATION, anchor, a + "invocations.jsonl");
    add(out, Codecs.CONTROL_ROW, anchor, a + "control-rows.jsonl");
    add(out, Codecs.INTENT_ROW, anchor, a + "intent-rows.jsonl");
    add(out, Codecs.IN_FLIGHT_ROW, anchor, a + "inflight-rows.jsonl");
    add(out, Codecs.RECONCILE_ROW, anchor, r + "reconcile-rows.jsonl");
    add(out, Codecs.ESCALATION_ROW, anchor, r + "escalation-rows.jsonl");
    add(out, Codecs.ALERT_DISPATCH_STATE, anchor, r + "alert-dispatch-states.jsonl");
    add(out, Codecs.ALERT_ROW, anchor, r + "alert-rows.jsonl");
    return out;
  }

  private static final String[] TOKENS = {
    "{",
    "}",
    "[",
    "]",
    ":",
    ",",
    "\"",
    "\\",
    "null",
    "true",
    "-1",
    "1.5",
    "1e400",
    "9223372036854775808",
    "\"\"",
    "\"\\u0000\"",
    "{}",
    "[]",
    " ",
    "\u00e9",
    "\ud83d\ude00",
    "\"v2\""
  };

  private static final List<JsonValue> VALUES =
      List.of(
          JsonValue.nullValue(),
          JsonValue.of(-1),
          JsonValue.of(0),
          JsonValue.of(true),
          JsonValue.of(""),
          JsonValue.of("x y"),
          JsonValue.of("../etc"),
          new JsonNumber("2.5"),
          new JsonNumber("1e30"),
          JsonValue.array(List.of(JsonValue.nullValue())),
          JsonValue.object(Map.of()),
          JsonValue.object(Map.of("k", JsonValue.of(1))));

  /** A text mutation: truncate, delete, insert or replace at a random place. */
  private static String mutateText(String s, Random rnd) {
    int at = rnd.nextInt(s.length() + 1);
    return switch (rnd.nextInt(4)) {
      case 0 -> s.substring(0, Math.min(at, s.length() - 1));
      case 1 -> {
        int end = Math.min(s.length(), at + 1 + rnd.nextInt(8));
        yield s.substring(0, Math.min(at, end)) + s.substring(end);
      }
      case 2 -> s.substring(0, at) + TOKENS[rnd.nextInt(TOKENS.length)] + s.substring(at);
      default -> {
        int to = Math.min(s.length(), at + 1);
        yield s.substring(0, Math.min(at, to))
            + TOKENS[rnd.nextInt(TOKENS.length)]
            + s.substring(to);
      }
    };
  }

  /** A structural mutation: one member at any depth removed, or its value replaced. */
  private static String mutateStructure(String s, Random rnd) {
    JsonValue v = Json.parse(s);
    return mutateValue(v, rnd, 0).toJson();
  }

  private static JsonValue mutateValue(JsonValue v, Random rnd, int depth) {
    if (v instanceof JsonObject o && !o.members().isEmpty()) {
      List<String> keys = new ArrayList<>(o.members().keySet());
      String key = keys.get(rnd.nextInt(keys.size()));
      Map<String, JsonValue> m = new LinkedHashMap<>(o.members());
      JsonValue child = m.get(key);
      if (depth < 3
          && rnd.nextInt(3) == 0
          && (child instanceof JsonObject || child instanceof JsonArray)) {
        m.put(key, mutateValue(child, rnd, depth + 1));
      } else if (rnd.nextInt(4) == 0) {
        m.remove(key);
      } else {
        m.put(key, VALUES.get(rnd.nextInt(VALUES.size())));
      }
      return new JsonObject(m);
    }
    if (v instanceof JsonArray a && !a.elements().isEmpty()) {
      List<JsonValue> l = new ArrayList<>(a.elements());
      l.set(rnd.nextInt(l.size()), VALUES.get(rnd.nextInt(VALUES.size())));
      return new JsonArray(l);
    }
    return VALUES.get(rnd.nextInt(VALUES.size()));
  }

  @Test
  void mutatedRowsOnlyEverRaiseVisibilityException() {
    Random rnd = new Random(SEED);
    int total = 0;
    int rejected = 0;
    for (Case c : cases()) {
      for (int i = 0; i < VARIANTS_PER_EXAMPLE; i++) {
        String variant =
            i % 2 == 0
                ? mutateText(c.example().json(), rnd)
                : mutateStructure(c.example().json(), rnd);
        total++;
        try {
          Object value = c.codec().decode(variant);
          String again = c.codec().encode(value);
          assertEquals(value, c.codec().decode(again), variant);
        } catch (VisibilityException expected) {
          rejected++;
        } catch (RuntimeException | AssertionError e) {
          fail(c.example().name() + ": " + variant + " raised " + e, e);
        }
      }
    }
    assertTrue(total >= 300, "variants: " + total);
    assertTrue(rejected > total / 4, "rejected " + rejected + " of " + total);
  }

  @Test
  void malformedJsonIsInvalidJsonWithItsLocationAndCause() {
    VisibilityException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            VisibilityException.class, () -> Codecs.INTENT_ROW.decode("{\"timestamp\" 1}"));
    assertEquals(ErrorCode.INVALID_JSON, e.code());
    assertTrue(e.path().isPresent());
    assertTrue(
        e.getCause() instanceof tools.jackson.core.JacksonException, String.valueOf(e.getCause()));
  }

  @Test
  void everyPrefixOfEveryExampleIsRejectedCleanly() {
    int total = 0;
    for (Case c : cases()) {
      String json = c.example().json();
      for (int n = 0; n < json.length(); n += 7) {
        String prefix = json.substring(0, n);
        total++;
        try {
          c.codec().decode(prefix);
          fail("a strict prefix decoded: " + prefix);
        } catch (VisibilityException expected) {
          // the only allowed failure
        }
      }
    }
    assertTrue(total > 300, "prefixes: " + total);
  }
}
