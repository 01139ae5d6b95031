package io.superloop.visibility.api.internal;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.OpenWireValue;
import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.internal.json.JsonNumber;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonCodec;
import io.superloop.visibility.api.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/** Codecs of scalar values, enums, open value sets and lists; strict about JSON types. */
public final class Values {
  private Values() {}

  /**
   * Locates the parser.
   *
   * @param p a parser inside a document
   * @return the JSON pointer (RFC 6901) of the parser's current position; {@code ""} at the root
   */
  public static String path(JsonParser p) {
    return p.streamReadContext().pathAsPointer().toString();
  }

  /**
   * Builds (does not throw) the error for a value of the wrong JSON type.
   *
   * @param p the parser, positioned on the offending token
   * @param expected what was expected, for the message ({@code "a string"})
   * @return an {@link ErrorCode#INVALID_FIELD_TYPE} exception at the current position that names
   *     the token found
   */
  public static VisibilityException typeError(JsonParser p, String expected) {
    JsonToken t = p.currentToken();
    return VisibilityException.at(
        ErrorCode.INVALID_FIELD_TYPE, path(p), "expected " + expected + ", found " + describe(t));
  }

  /**
   * The value the parser is on, for a message: a string quoted (cut at 64 characters), else its
   * kind.
   */
  static String describeValue(JsonParser p) {
    JsonToken t = p.currentToken();
    boolean string = t == JsonToken.VALUE_STRING;
    if (!string && t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
      return describe(t);
    }
    String s = p.getString();
    String cut = s.length() > 64 ? s.substring(0, 64) + "..." : s;
    return string ? "\"" + cut + "\"" : cut;
  }

  static String describe(JsonToken t) {
    if (t == null) {
      return "end of input";
    }
    switch (t) {
      case START_OBJECT:
        return "an object";
      case START_ARRAY:
        return "an array";
      case VALUE_STRING:
        return "a string";
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return "a number";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "a boolean";
      case VALUE_NULL:
        return "null";
      default:
        return t.toString();
    }
  }

  /** Strings. */
  public static final JsonCodec<String> STRING =
      new JsonCodec<>() {
        @Override
        public String read(JsonParser p) {
          if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw typeError(p, "a string");
          }
          return p.getString();
        }

        @Override
        public void write(String value, JsonGenerator g) {
          g.writeString(value);
        }
      };

  /** Whole numbers that fit a {@code long}, written as plain integer literals. */
  public static final JsonCodec<Long> LONG =
      new JsonCodec<>() {
        @Override
        public Long read(JsonParser p) {
          return readLong(p);
        }

        @Override
        public void write(Long value, JsonGenerator g) {
          g.writeNumber(value.longValue());
        }
      };

  /**
   * Reads a whole number as a {@code long}; {@code 3.0} and {@code 3e0} count as whole.
   *
   * @param p the parser, positioned on the value
   * @return the number
   * @throws VisibilityException {@link ErrorCode#INVALID_FIELD_TYPE} for a fraction, a number out
   *     of {@code long} range, or a value that is not a number
   */
  public static long readLong(JsonParser p) {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      String literal = p.getString();
      if (t == JsonToken.VALUE_NUMBER_FLOAT) {
        // jackson-core checks float literal lengths only when it parses their value
        p.streamReadConstraints().validateFPLength(literal.length());
      }
      var v = new JsonNumber(literal).wholeLongValue();
      if (v.isPresent()) {
        return v.getAsLong();
      }
      throw VisibilityException.at(
          ErrorCode.INVALID_FIELD_TYPE,
          path(p),
          "expected a whole number in the long range, found " + literal);
    }
    throw typeError(p, "a whole number");
  }

  /** Booleans. */
  public static final JsonCodec<Boolean> BOOLEAN =
      new JsonCodec<>() {
        @Override
        public Boolean read(JsonParser p) {
          JsonToken t = p.currentToken();
          if (t == JsonToken.VALUE_TRUE) {
            return Boolean.TRUE;
          }
          if (t == JsonToken.VALUE_FALSE) {
            return Boolean.FALSE;
          }
          throw typeError(p, "a boolean");
        }

        @Override
        public void write(Boolean value, JsonGenerator g) {
          g.writeBoolean(value);
        }
      };

  /** Any JSON value, kept raw. */
  public static final JsonCodec<JsonValue> RAW = Json.RAW;

  /** A JSON object kept raw (other JSON types are {@code invalid_field_type}). */
  public static final JsonCodec<JsonValue> RAW_OBJECT =
      new JsonCodec<>() {
        @Override
        public JsonValue read(JsonParser p) {
          if (p.currentToken() != JsonToken.START_OBJECT) {
            throw typeError(p, "an object");
          }
          return Json.RAW.read(p);
        }

        @Override
        public void write(JsonValue value, JsonGenerator g) {
          Json.RAW.write(value, g);
        }
      };

  /** Trace ids, validated (H7): an invalid one is {@code invalid_trace_id}. */
  public static final JsonCodec<TraceId> TRACE_ID = checkedString(TraceId::of, TraceId::value);

  /** Transports. */
  public static final JsonCodec<Transport> TRANSPORT = wireEnum(Transport.class, Transport::wire);

  /** Reason codes (open). */
  public static final JsonCodec<ReasonCode> REASON_CODE = open(ReasonCode::of);

  /**
   * A codec of a closed enum by its wire strings; on read an unknown string is {@link
   * ErrorCode#INVALID_FIELD_VALUE} and a non-string {@link ErrorCode#INVALID_FIELD_TYPE}.
   *
   * @param <E> the enum type
   * @param type the enum class
   * @param wire the wire string of a constant
   * @return the codec
   */
  public static <E extends Enum<E>> JsonCodec<E> wireEnum(Class<E> type, Function<E, String> wire) {
    // built once per codec: a read is one map lookup, not a scan of a fresh copy of the constants
    Map<String, E> byWire = new HashMap<>();
    for (E e : type.getEnumConstants()) {
      byWire.put(wire.apply(e), e);
    }
    return new JsonCodec<>() {
      @Override
      public E read(JsonParser p) {
        String s = STRING.read(p);
        E e = byWire.get(s);
        if (e == null) {
          throw notA(type, s).withPath(path(p));
        }
        return e;
      }

      @Override
      public void write(E value, JsonGenerator g) {
        g.writeString(wire.apply(value));
      }
    };
  }

  /**
   * The constant of {@code type} whose wire string is {@code wire}.
   *
   * @param <E> the enum type
   * @param type the enum class
   * @param wireOf the wire string of a constant
   * @param wire the exact wire string (case-sensitive)
   * @return the matching constant
   * @throws VisibilityException {@link ErrorCode#INVALID_FIELD_VALUE} when none matches
   */
  public static <E extends Enum<E>> E lookup(
      Class<E> type, Function<E, String> wireOf, String wire) {
    for (E e : type.getEnumConstants()) {
      if (wireOf.apply(e).equals(wire)) {
        return e;
      }
    }
    throw notA(type, wire);
  }

  private static VisibilityException notA(Class<?> type, String wire) {
    return new VisibilityException(
        ErrorCode.INVALID_FIELD_VALUE,
        "not a " + type.getSimpleName() + " value: \"" + wire + "\"");
  }

  /**
   * A codec of an open value set: any string is kept; a non-string is {@link
   * ErrorCode#INVALID_FIELD_TYPE}.
   *
   * @param <V> the value type
   * @param of the value of a wire string, known or not (never throws)
   * @return the codec
   */
  public static <V extends OpenWireValue> JsonCodec<V> open(Function<String, V> of) {
    return new JsonCodec<>() {
      @Override
      public V read(JsonParser p) {
        return of.apply(STRING.read(p));
      }

      @Override
      public void write(V value, JsonGenerator g) {
        g.writeString(value.wire());
      }
    };
  }

  /**
   * A codec of a string validated on read.
   *
   * @param <V> the value type
   * @param check converts a string, throwing a {@link VisibilityException} for an invalid one; the
   *     codec locates that exception at the value
   * @param wire the string a value is written as
   * @return the codec
   */
  public static <V> JsonCodec<V> checkedString(
      Function<String, V> check, Function<V, String> wire) {
    return new JsonCodec<>() {
      @Override
      public V read(JsonParser p) {
        String s = STRING.read(p);
        try {
          return check.apply(s);
        } catch (VisibilityException e) {
          throw e.withPath(path(p));
        }
      }

      @Override
      public void write(V value, JsonGenerator g) {
        g.writeString(wire.apply(value));
      }
    };
  }

  /**
   * A codec of a JSON array; a {@code null} element or a non-array is {@link
   * ErrorCode#INVALID_FIELD_TYPE}.
   *
   * @param <V> the element type
   * @param element reads and writes one element
   * @return the codec, reading an unmodifiable list
   */
  public static <V> JsonCodec<List<V>> list(JsonCodec<V> element) {
    return new JsonCodec<>() {
      @Override
      public List<V> read(JsonParser p) {
        if (p.currentToken() != JsonToken.START_ARRAY) {
          throw typeError(p, "an array");
        }
        List<V> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          if (p.currentToken() == null) {
            throw typeError(p, "an array element");
          }
          if (p.currentToken() == JsonToken.VALUE_NULL) {
            throw VisibilityException.at(
                ErrorCode.INVALID_FIELD_TYPE, path(p), "null array element");
          }
          out.add(element.read(p));
        }
        return List.copyOf(out);
      }

      @Override
      public void write(List<V> value, JsonGenerator g) {
        g.writeStartArray();
        for (V v : value) {
          element.write(v, g);
        }
        g.writeEndArray();
      }
    };
  }
}
