package io.superloop.visibility.api.envelope;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.internal.Values;
import io.superloop.visibility.api.json.JsonCodec;
import io.superloop.visibility.api.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * The codec of one envelope type: tolerant reading that remembers the member order, and writing
 * either in that order (a decoded envelope) or in the contract's order (a built one).
 *
 * <p>Rules: {@code schemaVersion} must be the string {@code "v1"} (absent: {@code missing_field};
 * anything else: {@code unsupported_schema_version}); {@code envelopeType} must be the envelope's
 * type (absent: {@code missing_field}; anything else: {@code unknown_envelope_type}). Every other
 * member may be absent. A typed member (e.g. {@code cursor}) that is {@code null} reads as empty and,
 * being listed in the member order, is written back as {@code null}; a raw member keeps {@code null}
 * as {@link JsonValue.JsonNull}.
 */
final class OrderedEnvelopeCodec<T, B> implements JsonCodec<T> {

  /** One optional member of the envelope. */
  static final class Member<T, B> {
    final String name;
    final boolean typed;
    final boolean nullWhenBuilt;
    final BiConsumer<JsonParser, B> read;
    final BiConsumer<B, JsonValue> readNull;
    final Function<T, Optional<?>> get;
    final BiConsumer<Object, JsonGenerator> write;

    private Member(
        String name,
        boolean typed,
        boolean nullWhenBuilt,
        BiConsumer<JsonParser, B> read,
        BiConsumer<B, JsonValue> readNull,
        Function<T, Optional<?>> get,
        BiConsumer<Object, JsonGenerator> write) {
      this.name = name;
      this.typed = typed;
      this.nullWhenBuilt = nullWhenBuilt;
      this.read = read;
      this.readNull = readNull;
      this.get = get;
      this.write = write;
    }
  }

  private final String typeName;
  private final EnvelopeType type;
  private final Supplier<B> newBuilder;
  private final Function<B, T> build;
  private final List<Member<T, B>> members;
  private final Map<String, Member<T, B>> byName;
  private final Function<T, List<String>> orderGetter;
  private final BiConsumer<B, List<String>> orderSetter;
  private final Function<T, Map<String, JsonValue>> unknownGetter;
  private final BiConsumer<B, Map<String, JsonValue>> unknownSetter;

  private OrderedEnvelopeCodec(Builder<T, B> b) {
    this.typeName = b.type.wire() + " envelope";
    this.type = b.type;
    this.newBuilder = b.newBuilder;
    this.build = b.build;
    this.members = List.copyOf(b.members);
    Map<String, Member<T, B>> m = new LinkedHashMap<>();
    for (Member<T, B> x : members) {
      m.put(x.name, x);
    }
    this.byName = m;
    this.orderGetter = b.orderGetter;
    this.orderSetter = b.orderSetter;
    this.unknownGetter = b.unknownGetter;
    this.unknownSetter = b.unknownSetter;
  }

  static <T, B> Builder<T, B> builder(
      EnvelopeType type,
      Supplier<B> newBuilder,
      Function<B, T> build,
      Function<T, List<String>> orderGetter,
      BiConsumer<B, List<String>> orderSetter,
      Function<T, Map<String, JsonValue>> unknownGetter,
      BiConsumer<B, Map<String, JsonValue>> unknownSetter) {
    return new Builder<>(type, newBuilder, build, orderGetter, orderSetter, unknownGetter, unknownSetter);
  }

  @Override
  public T read(JsonParser p) {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw Values.typeError(p, "an object (" + typeName + ")");
    }
    String objectPath = Values.path(p);
    B builder = newBuilder.get();
    List<String> order = new ArrayList<>();
    Map<String, JsonValue> unknown = new LinkedHashMap<>();
    boolean sawSchema = false;
    boolean sawType = false;
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = p.currentName();
      p.nextToken();
      order.add(name);
      if (name.equals("schemaVersion")) {
        checkSchemaVersion(p);
        sawSchema = true;
        continue;
      }
      if (name.equals("envelopeType")) {
        checkType(p);
        sawType = true;
        continue;
      }
      Member<T, B> m = byName.get(name);
      if (m == null) {
        unknown.put(name, Values.RAW.read(p));
      } else if (p.currentToken() == JsonToken.VALUE_NULL) {
        m.readNull.accept(builder, JsonValue.nullValue());
      } else {
        m.read.accept(p, builder);
      }
    }
    if (p.currentToken() != JsonToken.END_OBJECT) {
      throw Values.typeError(p, "a property name or the end of the object");
    }
    if (!sawSchema) {
      throw VisibilityException.at(
          ErrorCode.MISSING_FIELD, objectPath + "/schemaVersion", typeName + " requires field \"schemaVersion\"");
    }
    if (!sawType) {
      throw VisibilityException.at(
          ErrorCode.MISSING_FIELD, objectPath + "/envelopeType", typeName + " requires field \"envelopeType\"");
    }
    orderSetter.accept(builder, order);
    unknownSetter.accept(builder, unknown);
    try {
      return build.apply(builder);
    } catch (VisibilityException e) {
      throw e.path().isPresent() ? e : e.withPath(objectPath);
    } catch (IllegalStateException | IllegalArgumentException | NullPointerException e) {
      throw VisibilityException.at(
          ErrorCode.INVALID_FIELD_VALUE, objectPath, typeName + ": " + e.getMessage());
    }
  }

  private static void checkSchemaVersion(JsonParser p) {
    JsonToken t = p.currentToken();
    if (t != JsonToken.VALUE_STRING || !"v1".equals(p.getString())) {
      throw VisibilityException.at(
          ErrorCode.UNSUPPORTED_SCHEMA_VERSION,
          Values.path(p),
          "schemaVersion must be \"v1\", found " + describe(p));
    }
  }

  private void checkType(JsonParser p) {
    JsonToken t = p.currentToken();
    if (t != JsonToken.VALUE_STRING || !type.wire().equals(p.getString())) {
      throw VisibilityException.at(
          ErrorCode.UNKNOWN_ENVELOPE_TYPE,
          Values.path(p),
          "envelopeType must be \"" + type.wire() + "\", found " + describe(p));
    }
  }

  static String describe(JsonParser p) {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING) {
      String s = p.getString();
      return "\"" + (s.length() > 64 ? s.substring(0, 64) + "..." : s) + "\"";
    }
    if (t == JsonToken.START_OBJECT) {
      return "an object";
    }
    if (t == JsonToken.START_ARRAY) {
      return "an array";
    }
    return t == null ? "end of input" : p.getString();
  }

  @Override
  public void write(T value, JsonGenerator g) {
    List<String> order = orderGetter.apply(value);
    Map<String, JsonValue> unknown = unknownGetter.apply(value);
    g.writeStartObject();
    if (order.isEmpty()) {
      writeHeader(g, true, true);
      for (Member<T, B> m : members) {
        Optional<?> v = m.get.apply(value);
        if (v.isPresent()) {
          g.writeName(m.name);
          m.write.accept(v.get(), g);
        } else if (m.nullWhenBuilt) {
          g.writeName(m.name);
          g.writeNull();
        }
      }
      writeUnknown(unknown, Set.of(), g);
    } else {
      Set<String> written = new HashSet<>();
      for (String name : order) {
        if (!written.add(name)) {
          continue;
        }
        if (name.equals("schemaVersion")) {
          writeHeader(g, true, false);
          continue;
        }
        if (name.equals("envelopeType")) {
          writeHeader(g, false, true);
          continue;
        }
        Member<T, B> m = byName.get(name);
        if (m != null) {
          Optional<?> v = m.get.apply(value);
          if (v.isPresent()) {
            g.writeName(name);
            m.write.accept(v.get(), g);
          } else if (m.typed) {
            g.writeName(name);
            g.writeNull();
          }
        } else {
          JsonValue u = unknown.get(name);
          if (u != null) {
            g.writeName(name);
            Values.RAW.write(u, g);
          }
        }
      }
      writeHeader(g, !written.contains("schemaVersion"), !written.contains("envelopeType"));
      for (Member<T, B> m : members) {
        if (!written.contains(m.name)) {
          Optional<?> v = m.get.apply(value);
          if (v.isPresent()) {
            g.writeName(m.name);
            m.write.accept(v.get(), g);
          }
        }
      }
      writeUnknown(unknown, written, g);
    }
    g.writeEndObject();
  }

  private void writeHeader(JsonGenerator g, boolean schema, boolean envelopeType) {
    if (schema) {
      g.writeName("schemaVersion");
      g.writeString("v1");
    }
    if (envelopeType) {
      g.writeName("envelopeType");
      g.writeString(type.wire());
    }
  }

  private void writeUnknown(Map<String, JsonValue> unknown, Set<String> written, JsonGenerator g) {
    for (Map.Entry<String, JsonValue> e : unknown.entrySet()) {
      String k = e.getKey();
      if (written.contains(k) || byName.containsKey(k) || k.equals("schemaVersion") || k.equals("envelopeType")) {
        continue;
      }
      g.writeName(k);
      Values.RAW.write(e.getValue(), g);
    }
  }

  /** Declares the optional members in the contract's key order. */
  static final class Builder<T, B> {
    private final EnvelopeType type;
    private final Supplier<B> newBuilder;
    private final Function<B, T> build;
    private final Function<T, List<String>> orderGetter;
    private final BiConsumer<B, List<String>> orderSetter;
    private final Function<T, Map<String, JsonValue>> unknownGetter;
    private final BiConsumer<B, Map<String, JsonValue>> unknownSetter;
    private final List<Member<T, B>> members = new ArrayList<>();

    private Builder(
        EnvelopeType type,
        Supplier<B> newBuilder,
        Function<B, T> build,
        Function<T, List<String>> orderGetter,
        BiConsumer<B, List<String>> orderSetter,
        Function<T, Map<String, JsonValue>> unknownGetter,
        BiConsumer<B, Map<String, JsonValue>> unknownSetter) {
      this.type = type;
      this.newBuilder = newBuilder;
      this.build = build;
      this.orderGetter = orderGetter;
      this.orderSetter = orderSetter;
      this.unknownGetter = unknownGetter;
      this.unknownSetter = unknownSetter;
    }

    /**
     * A typed member: {@code null} reads as empty (written back as {@code null} when listed in the
     * member order); a built envelope writes it when present, or as {@code null} when {@code
     * nullWhenBuilt}.
     */
    @SuppressWarnings("unchecked")
    <V> Builder<T, B> typed(
        String name,
        JsonCodec<V> codec,
        Function<T, Optional<V>> get,
        BiConsumer<B, V> set,
        boolean nullWhenBuilt) {
      members.add(
          new Member<>(
              name,
              true,
              nullWhenBuilt,
              (p, b) -> set.accept(b, codec.read(p)),
              (b, n) -> {},
              t -> get.apply(t),
              (v, g) -> codec.write((V) v, g)));
      return this;
    }

    /** A raw member: any JSON value, {@code null} included, kept as written; empty means absent. */
    Builder<T, B> raw(String name, Function<T, Optional<JsonValue>> get, BiConsumer<B, JsonValue> set) {
      members.add(
          new Member<>(
              name,
              false,
              false,
              (p, b) -> set.accept(b, Values.RAW.read(p)),
              set,
              t -> get.apply(t),
              (v, g) -> Values.RAW.write((JsonValue) v, g)));
      return this;
    }

    OrderedEnvelopeCodec<T, B> build() {
      return new OrderedEnvelopeCodec<>(this);
    }
  }
}
