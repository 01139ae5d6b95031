package io.superloop.visibility.api.internal.codec;

import io.superloop.visibility.api.internal.Values;
import io.superloop.visibility.api.internal.json.JsonArray;
import io.superloop.visibility.api.json.JsonCodec;
import io.superloop.visibility.api.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/** The raw array codecs of the sprite service's events answer. */
final class EnvelopeLists {
  private EnvelopeLists() {}

  /** A JSON array whose elements are kept raw, {@code null} elements included. */
  static final JsonCodec<List<JsonValue>> RAW_LIST =
      new JsonCodec<>() {
        @Override
        public List<JsonValue> read(JsonParser p) {
          if (p.currentToken() != JsonToken.START_ARRAY) {
            throw Values.typeError(p, "an array");
          }
          return ((JsonArray) Values.RAW.read(p)).elements();
        }

        @Override
        public void write(List<JsonValue> value, JsonGenerator g) {
          g.writeStartArray();
          for (JsonValue v : value) {
            Values.RAW.write(v, g);
          }
          g.writeEndArray();
        }
      };

  /**
   * A JSON array of event envelopes reduced to their sequence values: an object element becomes
   * {@code {"sequence":{"value":V}}}, {@code {"sequence":{}}} or {@code {}}; any other element is
   * kept raw. Everything else is tokenized (syntax, depth, duplicate keys) and not built.
   */
  static final JsonCodec<List<JsonValue>> SEQUENCE_LIST =
      new JsonCodec<>() {
        @Override
        public List<JsonValue> read(JsonParser p) {
          if (p.currentToken() != JsonToken.START_ARRAY) {
            throw Values.typeError(p, "an array");
          }
          List<JsonValue> out = new ArrayList<>();
          JsonToken t;
          while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            out.add(t == JsonToken.START_OBJECT ? sequenceOnly(p) : Values.RAW.read(p));
          }
          return out;
        }

        @Override
        public void write(List<JsonValue> value, JsonGenerator g) {
          RAW_LIST.write(value, g);
        }
      };

  private static JsonValue sequenceOnly(JsonParser p) {
    JsonValue sequence = null;
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      boolean isSequence = p.currentName().equals("sequence");
      JsonToken v = p.nextToken();
      if (isSequence && v == JsonToken.START_OBJECT) {
        JsonValue value = null;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
          boolean isValue = p.currentName().equals("value");
          p.nextToken();
          if (isValue) {
            value = Values.RAW.read(p);
          } else {
            p.skipChildren();
          }
        }
        sequence =
            value == null ? JsonValue.object(Map.of()) : JsonValue.object(Map.of("value", value));
      } else {
        p.skipChildren();
        if (isSequence) {
          sequence = null;
        }
      }
    }
    return sequence == null
        ? JsonValue.object(Map.of())
        : JsonValue.object(Map.of("sequence", sequence));
  }
}
