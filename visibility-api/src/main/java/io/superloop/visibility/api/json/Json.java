package io.superloop.visibility.api.json;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.internal.json.JsonArray;
import io.superloop.visibility.api.internal.json.JsonBoolean;
import io.superloop.visibility.api.internal.json.JsonNull;
import io.superloop.visibility.api.internal.json.JsonNumber;
import io.superloop.visibility.api.internal.json.JsonObject;
import io.superloop.visibility.api.internal.json.JsonString;
import io.superloop.visibility.api.internal.json.ReadElements;
import io.superloop.visibility.api.internal.json.ReadMembers;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.SerializableString;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;

/**
 * Entry point for reading and writing whole JSON documents and JSONL lines with a set of {@link
 * JsonReadLimits}. Output is compact and escapes exactly as {@code jq -c} does (control characters
 * and DEL as lower-case {@code \}{@code u00xx}), so the library's files equal the reference's byte
 * for byte. Every failure is a {@link VisibilityException}; no Jackson exception escapes.
 */
public final class Json {

  /** The instance with {@link JsonReadLimits#DEFAULT}. */
  public static final Json DEFAULT = new Json(JsonReadLimits.DEFAULT);

  private final JsonReadLimits limits;
  private final JsonFactory factory;

  private Json(JsonReadLimits limits) {
    this.limits = limits;
    StreamReadConstraints constraints =
        StreamReadConstraints.builder()
            .maxNestingDepth(limits.maxNestingDepth())
            .maxStringLength(limits.maxStringLength())
            .maxNameLength(limits.maxNameLength())
            .maxNumberLength(limits.maxNumberLength())
            .maxDocumentLength(limits.maxDocumentLength())
            .maxTokenCount(limits.maxTokenCount())
            .build();
    this.factory =
        JsonFactory.builder()
            .streamReadConstraints(constraints)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .characterEscapes(JqEscapes.INSTANCE)
            // documents are small and many (one per JSONL line): a thread-local buffer pool makes
            // creating a parser cheap and uncontended (the default deque pool costs ~0.2 us a
            // parser)
            .recyclerPool(JsonRecyclerPools.threadLocalPool())
            .build();
  }

  /**
   * An instance with other read limits.
   *
   * @param limits the limits for every read of the instance
   * @return {@link #DEFAULT} when {@code limits} equals {@link JsonReadLimits#DEFAULT}, else a new
   *     instance
   */
  public static Json withLimits(JsonReadLimits limits) {
    Objects.requireNonNull(limits, "limits");
    return limits.equals(JsonReadLimits.DEFAULT) ? DEFAULT : new Json(limits);
  }

  /** {@return the limits in force} */
  public JsonReadLimits limits() {
    return limits;
  }

  /** {@return the configured jackson-core factory (for callers that stream themselves)} */
  public JsonFactory factory() {
    return factory;
  }

  /**
   * Decodes one whole document; trailing content other than white space is an error.
   *
   * @param <T> the record type
   * @param codec the record's codec
   * @param json the document
   * @return the record
   * @throws VisibilityException {@link ErrorCode#INVALID_JSON} for malformed, empty or trailing
   *     content, {@link ErrorCode#DUPLICATE_KEY}, {@link ErrorCode#LIMIT_EXCEEDED} beyond the
   *     {@link #limits()}, or whatever {@code codec} throws for a well-formed document that is not
   *     a valid record ({@link ErrorCode#MISSING_FIELD}, {@link ErrorCode#INVALID_FIELD_TYPE},
   *     ...), located at the offending value's JSON pointer
   */
  public <T> T decode(JsonCodec<T> codec, String json) {
    try (JsonParser p = factory.createParser(ObjectReadContext.empty(), json)) {
      return readWhole(codec, p);
    } catch (JacksonException e) {
      throw translate(e, () -> JsonSyntax.describe(json, limits));
    }
  }

  /**
   * Decodes one whole UTF-8 document, as {@link #decode(JsonCodec, String)}.
   *
   * @param <T> the record type
   * @param codec the record's codec
   * @param json the document's UTF-8 bytes
   * @return the record
   * @throws VisibilityException {@link ErrorCode#INVALID_JSON} for malformed, empty or trailing
   *     content, {@link ErrorCode#DUPLICATE_KEY}, {@link ErrorCode#LIMIT_EXCEEDED} beyond the
   *     {@link #limits()}, or whatever {@code codec} throws for a well-formed document that is not
   *     a valid record ({@link ErrorCode#MISSING_FIELD}, {@link ErrorCode#INVALID_FIELD_TYPE},
   *     ...), located at the offending value's JSON pointer
   */
  public <T> T decode(JsonCodec<T> codec, byte[] json) {
    return decode(codec, json, 0, json.length);
  }

  /**
   * Decodes one whole UTF-8 document held in {@code json[offset, offset+length)}, as {@link
   * #decode(JsonCodec, String)}.
   *
   * @param <T> the record type
   * @param codec the record's codec
   * @param json a buffer holding the document
   * @param offset the index of the document's first byte
   * @param length the document's length in bytes
   * @return the record
   * @throws VisibilityException {@link ErrorCode#INVALID_JSON} for malformed, empty or trailing
   *     content, {@link ErrorCode#DUPLICATE_KEY}, {@link ErrorCode#LIMIT_EXCEEDED} beyond the
   *     {@link #limits()}, or whatever {@code codec} throws for a well-formed document that is not
   *     a valid record ({@link ErrorCode#MISSING_FIELD}, {@link ErrorCode#INVALID_FIELD_TYPE},
   *     ...), located at the offending value's JSON pointer
   */
  public <T> T decode(JsonCodec<T> codec, byte[] json, int offset, int length) {
    try (JsonParser p = factory.createParser(ObjectReadContext.empty(), json, offset, length)) {
      return readWhole(codec, p);
    } catch (JacksonException e) {
      throw translate(e, () -> JsonSyntax.describe(json, offset, length, limits));
    }
  }

  /**
   * Parses a document into a {@link JsonValue}, numbers kept as their literals.
   *
   * @param json the document
   * @return its value
   * @throws VisibilityException {@link ErrorCode#INVALID_JSON}, {@link ErrorCode#DUPLICATE_KEY} or
   *     {@link ErrorCode#LIMIT_EXCEEDED}
   */
  public JsonValue parseValue(String json) {
    return decode(RAW, json);
  }

  /**
   * Parses a document into a {@link JsonValue} with the default limits; see {@link
   * #parseValue(String)}.
   *
   * @param json the document
   * @return its value
   * @throws VisibilityException {@link ErrorCode#INVALID_JSON}, {@link ErrorCode#DUPLICATE_KEY} or
   *     {@link ErrorCode#LIMIT_EXCEEDED}
   */
  public static JsonValue parse(String json) {
    return DEFAULT.parseValue(json);
  }

  /**
   * Reads one value with {@code codec} from a parser the caller drives, advancing to the value's
   * first token when the parser has no current token. Jackson exceptions are translated. Leaves the
   * parser on the value's last token; what follows is not checked.
   *
   * @param <T> the value type
   * @param codec the value's codec
   * @param p a parser created by {@link #factory()} (so the limits apply)
   * @return the value
   * @throws VisibilityException {@link ErrorCode#INVALID_JSON} at end of input, otherwise as {@link
   *     #decode(JsonCodec, String)}
   */
  public static <T> T read(JsonCodec<T> codec, JsonParser p) {
    try {
      if (p.currentToken() == null && p.nextToken() == null) {
        throw VisibilityException.at(ErrorCode.INVALID_JSON, "", "empty input");
      }
      return codec.read(p);
    } catch (JacksonException e) {
      throw translate(e);
    }
  }

  private static <T> T readWhole(JsonCodec<T> codec, JsonParser p) {
    if (p.nextToken() == null) {
      throw VisibilityException.at(ErrorCode.INVALID_JSON, "", "empty input");
    }
    T value = codec.read(p);
    if (p.nextToken() != null) {
      throw VisibilityException.at(
          ErrorCode.INVALID_JSON, "", "trailing content after the JSON value");
    }
    return value;
  }

  /**
   * Encodes compactly (no trailing newline), escaping as {@code jq -c} does.
   *
   * @param <T> the record type
   * @param codec the record's codec
   * @param value the record
   * @return the JSON text
   * @throws VisibilityException {@link ErrorCode#INVALID_FIELD_VALUE} when the generator rejects
   *     the output
   */
  public <T> String encode(JsonCodec<T> codec, T value) {
    StringWriter w = new StringWriter(256);
    try (JsonGenerator g = factory.createGenerator(ObjectWriteContext.empty(), w)) {
      codec.write(value, g);
    } catch (JacksonException e) {
      throw new VisibilityException(
          ErrorCode.INVALID_FIELD_VALUE, "cannot encode: " + e.getOriginalMessage(), e);
    }
    return w.toString();
  }

  /**
   * Encodes compactly as UTF-8 bytes, escaping as {@code jq -c} does.
   *
   * @param <T> the record type
   * @param codec the record's codec
   * @param value the record
   * @param newline whether a trailing {@code \n} is appended (a JSONL line)
   * @return the UTF-8 bytes
   * @throws VisibilityException {@link ErrorCode#INVALID_FIELD_VALUE} when the generator rejects
   *     the output
   */
  public <T> byte[] encodeUtf8(JsonCodec<T> codec, T value, boolean newline) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = factory.createGenerator(ObjectWriteContext.empty(), out)) {
      codec.write(value, g);
    } catch (JacksonException e) {
      throw new VisibilityException(
          ErrorCode.INVALID_FIELD_VALUE, "cannot encode: " + e.getOriginalMessage(), e);
    }
    if (newline) {
      out.write('\n');
    }
    return out.toByteArray();
  }

  String encodeValue(JsonValue v) {
    return encode(RAW, v);
  }

  /**
   * Translates a Jackson exception into the library's exception by its type, keeping the location.
   * The message is the library's own (plain words, never the parser's): for a document read by
   * {@link #decode} it describes the first problem of the text (see {@link #decode(JsonCodec,
   * String)}); here, without the text, it names the line and column.
   *
   * @param e the Jackson exception
   * @return (not thrown) {@link ErrorCode#LIMIT_EXCEEDED} for a read constraint, {@link
   *     ErrorCode#INVALID_FIELD_TYPE} for a number out of its field's range, {@link
   *     ErrorCode#IO_ERROR} for a failed read of the underlying input, else {@link
   *     ErrorCode#INVALID_JSON}; located at the parser's JSON pointer when known, with {@code e} as
   *     the cause. A repeated key is reported as {@link ErrorCode#DUPLICATE_KEY} by the decode
   *     methods, which hold the text
   */
  public static VisibilityException translate(JacksonException e) {
    return translate(e, () -> null);
  }

  /** Describes the first problem of the text being read, or {@code null}. */
  private interface Description {
    JsonSyntax.@Nullable Problem get();
  }

  private static VisibilityException translate(JacksonException e, Description text) {
    String path = pointerOf(e);
    ErrorCode code;
    String message;
    if (e instanceof StreamConstraintsException) {
      code = ErrorCode.LIMIT_EXCEEDED;
      message = "the input exceeds a read limit (" + locationOf(e) + "; JsonReadLimits)";
    } else if (e instanceof InputCoercionException) {
      code = ErrorCode.INVALID_FIELD_TYPE;
      message = "a number out of the range of its field (" + locationOf(e) + ")";
    } else if (e instanceof JacksonIOException) {
      return new VisibilityException(ErrorCode.IO_ERROR, "the input could not be read", e)
          .withPath(path);
    } else if (e instanceof UnexpectedEndOfInputException) {
      code = ErrorCode.INVALID_JSON;
      message = "the text ends before the JSON value is complete (" + locationOf(e) + ")";
    } else {
      code = ErrorCode.INVALID_JSON;
      message = "malformed JSON (" + locationOf(e) + ")";
    }
    if (!(e instanceof InputCoercionException)) {
      JsonSyntax.Problem p;
      try {
        p = text.get();
      } catch (RuntimeException | StackOverflowError ignored) {
        p = null; // the description is best effort; the code stands
      }
      // a repeated key is a plain StreamReadException of the strict parser: the scan tells it apart
      if (p != null
          && (p.code() == code
              || (p.code() == ErrorCode.DUPLICATE_KEY
                  && e.getClass() == StreamReadException.class))) {
        return new VisibilityException(p.code(), p.message(), e).withPath(p.pointer());
      }
    }
    // the cause must be given to the constructor: Throwable.initCause fails once a (null) cause is
    // set
    return new VisibilityException(code, message, e).withPath(path);
  }

  private static String pointerOf(JacksonException e) {
    try {
      if (e.processor() instanceof JsonParser jp) {
        return jp.streamReadContext().pathAsPointer().toString();
      }
    } catch (RuntimeException ignored) {
      // location is best effort
    }
    return "";
  }

  private static String locationOf(JacksonException e) {
    TokenStreamLocation l = e.getLocation();
    if (l == null || l.getLineNr() < 1) {
      return "location unknown";
    }
    return l.getLineNr() > 1
        ? "line " + l.getLineNr() + ", column " + l.getColumnNr()
        : "column " + l.getColumnNr();
  }

  /** The codec of raw {@link JsonValue}s. */
  public static final JsonCodec<JsonValue> RAW =
      new JsonCodec<>() {
        @Override
        public JsonValue read(JsonParser p) {
          return readValue(p);
        }

        @Override
        public void write(JsonValue value, JsonGenerator g) {
          writeValue(value, g);
        }
      };

  static JsonValue readValue(JsonParser p) {
    JsonToken t = p.currentToken();
    if (t == null) {
      throw VisibilityException.at(ErrorCode.INVALID_JSON, "", "unexpected end of input");
    }
    switch (t) {
      case START_OBJECT:
        {
          ReadMembers m = new ReadMembers();
          while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            p.nextToken();
            m.put(name, readValue(p));
          }
          return new JsonObject(m);
        }
      case START_ARRAY:
        {
          ReadElements l = new ReadElements();
          while (p.nextToken() != JsonToken.END_ARRAY) {
            l.add(readValue(p));
          }
          return new JsonArray(l);
        }
      case VALUE_STRING:
        return new JsonString(p.getString());
      case VALUE_NUMBER_INT:
        return new JsonNumber(p.getString());
      case VALUE_NUMBER_FLOAT:
        return new JsonNumber(checkedFloatLiteral(p));
      case VALUE_TRUE:
        return JsonBoolean.TRUE;
      case VALUE_FALSE:
        return JsonBoolean.FALSE;
      case VALUE_NULL:
        return JsonNull.INSTANCE;
      default:
        throw VisibilityException.at(
            ErrorCode.INVALID_JSON,
            p.streamReadContext().pathAsPointer().toString(),
            "unexpected token " + t);
    }
  }

  /**
   * The literal of the current float token, checked against {@link
   * JsonReadLimits#maxNumberLength()}: jackson-core checks integer literals while tokenizing but
   * float literals only when their value is parsed, which a raw literal never is.
   */
  static String checkedFloatLiteral(JsonParser p) {
    String literal = p.getString();
    p.streamReadConstraints().validateFPLength(literal.length());
    return literal;
  }

  static void writeValue(JsonValue v, JsonGenerator g) {
    if (v instanceof JsonObject o) {
      g.writeStartObject();
      for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
        g.writeName(e.getKey());
        writeValue(e.getValue(), g);
      }
      g.writeEndObject();
    } else if (v instanceof JsonArray a) {
      g.writeStartArray();
      for (JsonValue e : a.elements()) {
        writeValue(e, g);
      }
      g.writeEndArray();
    } else if (v instanceof JsonString s) {
      g.writeString(s.value());
    } else if (v instanceof JsonNumber n) {
      g.writeNumber(n.literal());
    } else if (v instanceof JsonBoolean b) {
      g.writeBoolean(b.value());
    } else {
      g.writeNull();
    }
  }

  /**
   * Escapes as jq does: short forms for \b \f \n \r \t, lower-case hex for other controls and DEL.
   */
  private static final class JqEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    static final JqEscapes INSTANCE = new JqEscapes();
    private final int[] table;
    private final SerializableString[] custom = new SerializableString[128];

    private JqEscapes() {
      table = standardAsciiEscapesForJSON().clone();
      for (int c = 0; c < 0x20; c++) {
        if (c != '\b' && c != '\f' && c != '\n' && c != '\r' && c != '\t') {
          table[c] = ESCAPE_CUSTOM;
          custom[c] = new SerializedString(String.format("\\u%04x", c));
        }
      }
      table[0x7f] = ESCAPE_CUSTOM;
      custom[0x7f] = new SerializedString("\\u007f");
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return table;
    }

    @Override
    @SuppressWarnings("NullAway") // Jackson's contract: null means "no custom escape"
    public SerializableString getEscapeSequence(int ch) {
      return ch < 128 ? custom[ch] : null;
    }
  }
}
