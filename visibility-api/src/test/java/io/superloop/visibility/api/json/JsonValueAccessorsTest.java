package io.superloop.visibility.api.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * JsonValue's public accessors (issue 15: the variant records left the API), each on every kind of
 * value parsed from JSON text, against expectations written here: an accessor of a kind's content
 * is present exactly for that kind, an empty result (empty Optional, empty collection, {@code
 * false}) for every other.
 */
class JsonValueAccessorsTest {

  /** What a value of one kind answers, written out by hand. */
  private record Expected(
      String kind,
      Map<String, JsonValue> members,
      List<JsonValue> elements,
      Optional<String> string,
      Optional<Boolean> bool,
      Optional<String> literal) {}

  private static final Expected NONE =
      new Expected("", Map.of(), List.of(), Optional.empty(), Optional.empty(), Optional.empty());

  private static Expected kind(String kind) {
    return new Expected(kind, NONE.members, NONE.elements, NONE.string, NONE.bool, NONE.literal);
  }

  private static void check(String json, Expected e) {
    check(json, json.replace(" ", ""), e);
  }

  private static void check(String json, String compact, Expected e) {
    JsonValue v = Json.parse(json);
    assertEquals(e.kind.equals("object"), v.isObject(), json + " isObject");
    assertEquals(e.kind.equals("array"), v.isArray(), json + " isArray");
    assertEquals(e.kind.equals("string"), v.isString(), json + " isString");
    assertEquals(e.kind.equals("number"), v.isNumber(), json + " isNumber");
    assertEquals(e.kind.equals("boolean"), v.isBoolean(), json + " isBoolean");
    assertEquals(e.kind.equals("null"), v.isNull(), json + " isNull");
    assertEquals(e.members, v.members(), json + " members");
    assertEquals(List.copyOf(e.members.keySet()), List.copyOf(v.members().keySet()), "order");
    for (Map.Entry<String, JsonValue> m : e.members.entrySet()) {
      assertEquals(Optional.of(m.getValue()), v.get(m.getKey()), json + " get " + m.getKey());
    }
    assertEquals(Optional.empty(), v.get("absent"), json + " get absent");
    assertEquals(e.elements, v.elements(), json + " elements");
    assertEquals(e.string, v.stringValue(), json + " stringValue");
    assertEquals(e.bool, v.booleanValue(), json + " booleanValue");
    assertEquals(e.literal, v.numberLiteral(), json + " numberLiteral");
    if (!e.kind.equals("number")) {
      assertEquals(Optional.empty(), v.decimalValue(), json + " decimalValue");
      assertEquals(OptionalLong.empty(), v.wholeLongValue(), json + " wholeLongValue");
      assertFalse(v.isIntegerLiteral(), json + " isIntegerLiteral");
    }
    assertEquals(compact, v.toJson(), json + " toJson");
    assertThrows(UnsupportedOperationException.class, () -> v.members().put("k", v));
    assertThrows(UnsupportedOperationException.class, () -> v.elements().add(v));
  }

  @Test
  void everyAccessorOnEveryKind() {
    Map<String, JsonValue> members = new LinkedHashMap<>();
    members.put("z", JsonValue.of(1));
    members.put("a", JsonValue.nullValue());
    members.put("m", JsonValue.of("x"));
    check(
        "{\"z\": 1, \"a\": null, \"m\": \"x\"}",
        new Expected("object", members, List.of(), NONE.string, NONE.bool, NONE.literal));
    check("{}", kind("object"));
    check(
        "[1, \"x\", null, [true]]",
        new Expected(
            "array",
            Map.of(),
            List.of(
                JsonValue.of(1),
                JsonValue.of("x"),
                JsonValue.nullValue(),
                JsonValue.array(List.of(JsonValue.of(true)))),
            NONE.string,
            NONE.bool,
            NONE.literal));
    check("[]", kind("array"));
    check(
        "\"caf\\u00e9 \\n\"",
        "\"café \\n\"",
        new Expected(
            "string", Map.of(), List.of(), Optional.of("café \n"), NONE.bool, NONE.literal));
    check(
        "\"\"",
        new Expected("string", Map.of(), List.of(), Optional.of(""), NONE.bool, NONE.literal));
    check(
        "-12.50",
        new Expected("number", Map.of(), List.of(), NONE.string, NONE.bool, Optional.of("-12.50")));
    check(
        "true",
        new Expected("boolean", Map.of(), List.of(), NONE.string, Optional.of(true), NONE.literal));
    check(
        "false",
        new Expected(
            "boolean", Map.of(), List.of(), NONE.string, Optional.of(false), NONE.literal));
    check("null", kind("null"));
  }

  /** Number literals and what each accessor gives, written literally. */
  @Test
  void numberAccessors() {
    number("7", "7", OptionalLong.of(7), true);
    number("3.0", "3.0", OptionalLong.of(3), false);
    number("1e2", "1E+2", OptionalLong.of(100), false);
    number("-0", "0", OptionalLong.of(0), true);
    number("1e400", "1E+400", OptionalLong.empty(), false);
    number("0.5", "0.5", OptionalLong.empty(), false);
    number("-9223372036854775808", "-9223372036854775808", OptionalLong.of(Long.MIN_VALUE), true);
    number("9223372036854775808", "9223372036854775808", OptionalLong.empty(), true);
    number("2.50E1", "25.0", OptionalLong.of(25), false);
    // an exponent beyond BigDecimal's int scale: no decimal value, still a number and still zero
    number("1e9999999999", null, OptionalLong.empty(), false);
    number("0e9999999999", null, OptionalLong.of(0), false);
  }

  private static void number(
      String literal, String decimal, OptionalLong whole, boolean integerLiteral) {
    for (JsonValue v : List.of(Json.parse(literal), JsonValue.number(literal))) {
      assertTrue(v.isNumber(), literal);
      assertEquals(Optional.of(literal), v.numberLiteral(), literal);
      assertEquals(
          decimal == null ? Optional.empty() : Optional.of(new BigDecimal(decimal)),
          v.decimalValue(),
          literal + " decimalValue");
      assertEquals(whole, v.wholeLongValue(), literal + " wholeLongValue");
      assertEquals(integerLiteral, v.isIntegerLiteral(), literal + " isIntegerLiteral");
      assertEquals(literal, v.toJson(), literal + " is written back as given");
      assertEquals(Optional.empty(), v.stringValue(), literal);
      assertEquals(Map.of(), v.members(), literal);
      assertFalse(v.isString() || v.isObject() || v.isArray() || v.isBoolean() || v.isNull());
    }
    assertEquals(Json.parse(literal), JsonValue.number(literal));
  }

  @Test
  void numberTakesExactlyAJsonNumberLiteral() {
    for (String ok : List.of("0", "-0", "-0.0", "1E+2", "1e-2", "123.456e789", "9".repeat(64))) {
      assertEquals(ok, JsonValue.number(ok).toJson());
      assertEquals(Optional.of(ok), JsonValue.number(ok).numberLiteral());
    }
    List<String> bad =
        new ArrayList<>(
            List.of(
                "",
                " 1",
                "1 ",
                "+1",
                "01",
                "-01",
                ".5",
                "1.",
                "-",
                "1e",
                "1e+",
                "--1",
                "NaN",
                "Infinity",
                "0x10",
                "1_000",
                "1,5",
                "\"1\"",
                "true",
                "null",
                "١"));
    bad.add("9".repeat(65));
    for (String b : bad) {
      VisibilityException e = assertThrows(VisibilityException.class, () -> JsonValue.number(b), b);
      assertEquals(ErrorCode.INVALID_ARGUMENT, e.code(), b);
    }
  }

  @Test
  void factoriesBuildTheKindTheyName() {
    Map<String, JsonValue> in = new LinkedHashMap<>();
    in.put("b", JsonValue.of(2));
    in.put("a", JsonValue.of(true));
    JsonValue o = JsonValue.object(in);
    in.put("c", JsonValue.nullValue());
    assertTrue(o.isObject());
    assertEquals("{\"b\":2,\"a\":true}", o.toJson(), "copied, order kept");
    List<JsonValue> list = new ArrayList<>(List.of(JsonValue.of("s")));
    JsonValue a = JsonValue.array(list);
    list.add(JsonValue.of(1));
    assertTrue(a.isArray());
    assertEquals("[\"s\"]", a.toJson(), "copied");
    assertEquals(
        "123456789012345678901234567890",
        JsonValue.of(new java.math.BigInteger("123456789012345678901234567890")).toJson());
    assertEquals(Optional.of("-5"), JsonValue.of(-5L).numberLiteral());
    assertEquals(Optional.of(true), JsonValue.of(true).booleanValue());
    assertTrue(JsonValue.nullValue().isNull());
  }
}
