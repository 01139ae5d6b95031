package io.superloop.visibility.core.heartbeat;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.internal.json.JsonNumber;
import io.superloop.visibility.api.internal.json.JsonObject;
import io.superloop.visibility.api.internal.json.JsonString;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonCodec;
import io.superloop.visibility.api.json.JsonValue;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;

/**
 * {@link HeartbeatInput#CODEC}: {@code {"absent":true}}, {@code {"value":V}}, {@code
 * {"text":T,"problem":P}} (not JSON) or {@code {"tooLargeLimit":N}}.
 */
final class HeartbeatInputCodec implements JsonCodec<HeartbeatInput> {
  @Override
  public HeartbeatInput read(JsonParser p) {
    JsonValue v = Json.RAW.read(p);
    if (v instanceof JsonObject o) {
      JsonValue value = o.members().get("value");
      if (value != null) {
        return HeartbeatInput.of(value);
      }
      if (o.members().get("text") instanceof JsonString text
          && o.members().get("problem") instanceof JsonString problem) {
        return new HeartbeatUnparseable(text.value(), problem.value());
      }
      if (o.members().get("tooLargeLimit") instanceof JsonNumber n
          && n.wholeLongValue().isPresent()) {
        return new HeartbeatTooLarge(n.wholeLongValue().getAsLong());
      }
      if (o.members().containsKey("absent")) {
        return HeartbeatInput.ABSENT;
      }
    }
    throw new VisibilityException(
        ErrorCode.INVALID_FIELD_VALUE, "not a stored heartbeat input: " + v.toJson());
  }

  @Override
  public void write(HeartbeatInput in, JsonGenerator g) {
    g.writeStartObject();
    if (in instanceof HeartbeatPresent p) {
      g.writeName("value");
      Json.RAW.write(p.value(), g);
    } else if (in instanceof HeartbeatUnparseable u) {
      g.writeStringProperty("text", u.text());
      g.writeStringProperty("problem", u.problem());
    } else if (in instanceof HeartbeatTooLarge t) {
      g.writeNumberProperty("tooLargeLimit", t.limitBytes());
    } else {
      g.writeBooleanProperty("absent", true);
    }
    g.writeEndObject();
  }
}
