package io.superloop.visibility.core.store;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.json.JsonCodec;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/** A tiny audit-like row for store tests: {@code {"writer":..,"seq":..,"payload":..}}. */
record TestRow(String writer, long seq, String payload) {

  static final JsonCodec<TestRow> CODEC =
      new JsonCodec<>() {
        @Override
        public TestRow read(JsonParser p) {
          if (p.currentToken() != JsonToken.START_OBJECT) {
            throw VisibilityException.at(ErrorCode.INVALID_FIELD_TYPE, "", "expected an object");
          }
          @Nullable String writer = null;
          long seq = -1;
          @Nullable String payload = null;
          while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
              case "writer":
                writer = t == JsonToken.VALUE_STRING ? p.getString() : null;
                break;
              case "seq":
                seq = t == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : -1;
                break;
              case "payload":
                payload = t == JsonToken.VALUE_STRING ? p.getString() : null;
                break;
              default:
                p.skipChildren();
            }
          }
          if (writer == null || seq < 0 || payload == null) {
            throw VisibilityException.at(
                ErrorCode.MISSING_FIELD, "", "writer, seq and payload are required");
          }
          return new TestRow(writer, seq, payload);
        }

        @Override
        public void write(TestRow value, JsonGenerator g) {
          g.writeStartObject();
          g.writeStringProperty("writer", value.writer());
          g.writeNumberProperty("seq", value.seq());
          g.writeStringProperty("payload", value.payload());
          g.writeEndObject();
        }
      };

  /** The compact line of this row, with its newline, as the store writes it. */
  String line() {
    return CODEC.encodeLine(this);
  }
}
