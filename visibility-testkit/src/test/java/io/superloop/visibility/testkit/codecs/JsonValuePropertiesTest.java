package io.superloop.visibility.testkit.codecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.internal.json.JsonArray;
import io.superloop.visibility.api.internal.json.JsonBoolean;
import io.superloop.visibility.api.internal.json.JsonNull;
import io.superloop.visibility.api.internal.json.JsonNumber;
import io.superloop.visibility.api.internal.json.JsonObject;
import io.superloop.visibility.api.internal.json.JsonString;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.testkit.gen.internal.ValueGens;
import io.superloop.visibility.testkit.property.Property;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Over generated JSON values (nested objects and arrays, hostile strings and number literals): the
 * text round trip {@code Json.parse(v.toJson())} gives {@code v} back, and JsonValue's public
 * accessors agree with the library's internal record of every value and nested value (each accessor
 * present exactly for its kind, with that record's content).
 */
class JsonValuePropertiesTest {

  @Test
  void parsingTheTextOfAValueGivesTheValue() {
    Property.forAll(ValueGens.jsonValues(3))
        .named("Json.parse(v.toJson()) equals v")
        .check(
            v -> {
              assertEquals(v, Json.parse(v.toJson()));
              assertEquals(v.toJson(), Json.parse(v.toJson()).toJson());
            });
  }

  @Test
  void theAccessorsAgreeWithTheRecordOfEveryNestedValue() {
    Property.forAll(ValueGens.jsonValues(3))
        .named("accessors agree with the internal record")
        .check(JsonValuePropertiesTest::agree);
  }

  private static void agree(JsonValue v) {
    long kinds =
        Stream.of(v.isObject(), v.isArray(), v.isString(), v.isNumber(), v.isBoolean(), v.isNull())
            .filter(b -> b)
            .count();
    assertEquals(1, kinds, "exactly one kind: " + v);
    assertEquals(v instanceof JsonObject, v.isObject());
    assertEquals(v instanceof JsonArray, v.isArray());
    assertEquals(v instanceof JsonString, v.isString());
    assertEquals(v instanceof JsonNumber, v.isNumber());
    assertEquals(v instanceof JsonBoolean, v.isBoolean());
    assertEquals(v instanceof JsonNull, v.isNull());

    Map<String, JsonValue> members = v instanceof JsonObject o ? o.members() : Map.of();
    assertEquals(members, v.members());
    for (Map.Entry<String, JsonValue> m : members.entrySet()) {
      assertEquals(Optional.of(m.getValue()), v.get(m.getKey()));
      agree(m.getValue());
    }
    String absent = "absent:" + members.keySet();
    assertEquals(Optional.empty(), v.get(absent));

    List<JsonValue> elements = v instanceof JsonArray a ? a.elements() : List.of();
    assertEquals(elements, v.elements());
    elements.forEach(JsonValuePropertiesTest::agree);

    assertEquals(
        v instanceof JsonString s ? Optional.of(s.value()) : Optional.empty(), v.stringValue());
    assertEquals(
        v instanceof JsonBoolean b ? Optional.of(b.value()) : Optional.empty(), v.booleanValue());
    assertEquals(
        v instanceof JsonNumber n ? Optional.of(n.literal()) : Optional.empty(), v.numberLiteral());
    if (v instanceof JsonNumber n) {
      number(n.literal(), v);
    } else {
      assertEquals(Optional.empty(), v.decimalValue());
      assertEquals(OptionalLong.empty(), v.wholeLongValue());
      assertFalse(v.isIntegerLiteral());
    }
  }

  /** A number's accessors against facts about its literal computed here, not by the library. */
  private static void number(String literal, JsonValue v) {
    assertEquals(literal.matches("-?[0-9]+"), v.isIntegerLiteral(), literal);
    assertEquals(v, JsonValue.number(literal), "the checked factory takes every read literal");
    // the generated literals have small exponents: BigDecimal holds each one
    BigDecimal d = new BigDecimal(literal);
    assertEquals(Optional.of(d), v.decimalValue(), literal);
    boolean whole = d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
    boolean inRange =
        d.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0
            && d.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0;
    OptionalLong expected =
        whole && inRange
            ? OptionalLong.of(d.toBigInteger().longValueExact())
            : OptionalLong.empty();
    assertEquals(expected, v.wholeLongValue(), literal);
    assertTrue(v.toJson().equals(literal), literal + " is written back as read");
  }
}
