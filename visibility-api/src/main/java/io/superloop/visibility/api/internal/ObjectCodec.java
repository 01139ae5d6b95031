package io.superloop.visibility.api.internal;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.json.JsonCodec;
import io.superloop.visibility.api.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.ObjLongConsumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * The one codec engine of the library's JSON objects (records, state files, log rows, envelopes,
 * service answers): a declarative codec of one object level, its fields in the reference's key
 * order, each with its omitted-vs-null rule, and the unknown fields kept in order and written back
 * after the known ones.
 *
 * <p>Reading is tolerant: unknown fields are kept (or dropped when the codec keeps none), an absent
 * optional field is empty, a required field that is absent or {@code null} is {@code
 * missing_field}. Each codec declares its {@link SchemaVersion} rule, as the contract's artifact
 * inventory gives it, and may declare {@linkplain Builder#constant constant} fields such as an
 * envelope's {@code envelopeType}. A codec may {@linkplain Builder#keyOrder keep the key order} of
 * the document it read, or write a decoded record back {@linkplain Builder#asRead exactly as read};
 * a built record is written in declared order.
 *
 * @param <T> the record type
 * @param <B> its builder type
 */
public final class ObjectCodec<T, B> implements JsonCodec<T> {

  /**
   * The {@code schemaVersion} rule of an object, as the artifact inventory of the contract (1.0)
   * gives it. Its third rule, "not enforced" ({@code RT/heartbeat.v1.json}), needs no codec: the
   * runtime's heartbeat is read as a raw {@link JsonValue} and its {@code schemaVersion} never
   * looked at.
   */
  public enum SchemaVersion {
    /**
     * {@code "schemaVersion": "v1"} is required: written where the builder declares it (first, in
     * the reference's key order); on read an absent one is {@link ErrorCode#MISSING_FIELD}, any
     * value other than the string {@code "v1"} (null included) {@link
     * ErrorCode#UNSUPPORTED_SCHEMA_VERSION}.
     */
    V1,
    /**
     * The object has no {@code schemaVersion} (log rows, nested objects, some answers): none is
     * written, and a {@code schemaVersion} read is an unknown field like any other.
     */
    NONE
  }

  /** What an optional field that holds no value becomes on write. */
  public enum Absence {
    /** The key is left out (the reference's null filter applies at this level). */
    OMIT,
    /** The key is written with JSON {@code null}. */
    NULL,
    /** Decided per record by the codec's {@link Builder#nullFiltered(Predicate)} predicate. */
    LEVEL
  }

  /** One declared field: its key, whether it is required, how it is read and written. */
  private abstract static class Field<T, B> {
    private final String name;
    private final boolean required;

    Field(String name, boolean required) {
      this.name = name;
      this.required = required;
    }

    final String name() {
      return name;
    }

    final boolean required() {
      return required;
    }

    /** Whether {@link #read} takes a JSON {@code null} too (else null is "no value"). */
    boolean readsNull() {
      return false;
    }

    /** Reads the value the parser is on into the builder. */
    abstract void read(JsonParser p, B builder);

    /** Whether the record holds a value for this field. */
    abstract boolean present(T value);

    /** Writes the value (not the name) of a field that is {@link #present}. */
    abstract void writeValue(T value, JsonGenerator g);

    /** A built record: the name and value, or what the field's absence rule says. */
    abstract void writeBuilt(T value, JsonGenerator g, boolean filtered);

    /** A decoded record whose document held this key: its value, or {@code null} for none. */
    void writeRead(T value, JsonGenerator g) {
      g.writeName(name);
      if (present(value)) {
        writeValue(value, g);
      } else {
        g.writeNull();
      }
    }

    final void writePresent(T value, JsonGenerator g) {
      g.writeName(name);
      writeValue(value, g);
    }
  }

  /** A field that may hold no value, written by its {@link Absence} rule when it holds none. */
  private abstract static class OptionalField<T, B> extends Field<T, B> {
    private final Absence absence;

    OptionalField(String name, Absence absence) {
      super(name, false);
      this.absence = absence;
    }

    @Override
    final void writeBuilt(T value, JsonGenerator g, boolean filtered) {
      if (present(value)) {
        writePresent(value, g);
      } else if (!(absence == Absence.OMIT || (absence == Absence.LEVEL && filtered))) {
        g.writeName(name());
        g.writeNull();
      }
    }
  }

  /** A field that always holds a value. */
  private abstract static class RequiredField<T, B> extends Field<T, B> {
    RequiredField(String name) {
      super(name, true);
    }

    @Override
    final boolean present(T value) {
      return true;
    }

    @Override
    final void writeBuilt(T value, JsonGenerator g, boolean filtered) {
      writePresent(value, g);
    }
  }

  /**
   * A required string field with one allowed value ({@code schemaVersion}, {@code envelopeType}):
   * any other value, {@code null} included, is {@code code}; it is not stored in the record.
   */
  private static final class ConstantField<T, B> extends RequiredField<T, B> {
    private final String value;
    private final ErrorCode code;

    ConstantField(String name, String value, ErrorCode code) {
      super(name);
      this.value = value;
      this.code = code;
    }

    @Override
    boolean readsNull() {
      return true;
    }

    @Override
    void read(JsonParser p, B builder) {
      if (p.currentToken() != JsonToken.VALUE_STRING || !value.equals(p.getString())) {
        throw VisibilityException.at(
            code,
            Values.path(p),
            name() + " must be \"" + value + "\", found " + Values.describeValue(p));
      }
    }

    @Override
    void writeValue(T record, JsonGenerator g) {
      g.writeString(value);
    }
  }

  private final String typeName;
  private final SchemaVersion schemaVersion;
  private final List<Field<T, B>> fields;

  /** Field name to its place in {@link #fields}. */
  private final Map<String, Integer> indexByName;

  private final Supplier<B> newBuilder;
  private final Function<B, T> build;
  private final Predicate<T> nullFiltered;
  private final @Nullable Function<T, Map<String, JsonValue>> unknownGetter;
  private final @Nullable BiConsumer<B, Map<String, JsonValue>> unknownSetter;
  private final @Nullable Function<T, List<String>> keyOrderGetter;
  private final @Nullable BiConsumer<B, List<String>> keyOrderSetter;

  /** Whether a decoded record is written as read (keys and nulls), not only in its key order. */
  private final boolean asRead;

  private ObjectCodec(Builder<T, B> b) {
    if (b.schemaVersion == null) {
      throw new IllegalStateException(b.typeName + ": no schemaVersion rule declared");
    }
    this.typeName = b.typeName;
    this.schemaVersion = b.schemaVersion;
    this.fields = List.copyOf(b.fields);
    Map<String, Integer> index = new HashMap<>();
    for (Field<T, B> f : fields) {
      if (index.put(f.name(), index.size()) != null) {
        throw new IllegalStateException(typeName + ": field declared twice: " + f.name());
      }
    }
    this.indexByName = index;
    this.newBuilder = b.newBuilder;
    this.build = b.build;
    this.nullFiltered = b.nullFiltered;
    this.unknownGetter = b.unknownGetter;
    this.unknownSetter = b.unknownSetter;
    this.keyOrderGetter = b.keyOrderGetter;
    this.keyOrderSetter = b.keyOrderSetter;
    this.asRead = b.asRead;
  }

  /**
   * Starts a codec.
   *
   * @param <T> the record type
   * @param <B> its builder type
   * @param typeName the record's name in error messages
   * @param newBuilder creates an empty record builder for each object read
   * @param build builds the record; a {@link VisibilityException} it throws is located at the
   *     object, an {@link IllegalStateException}, {@link IllegalArgumentException} or {@link
   *     NullPointerException} becomes {@link ErrorCode#INVALID_FIELD_VALUE} there
   * @return a builder to declare the schemaVersion rule and the fields with, in write order
   */
  public static <T, B> Builder<T, B> builder(
      String typeName, Supplier<B> newBuilder, Function<B, T> build) {
    return new Builder<>(typeName, newBuilder, build);
  }

  /** {@return the codec's schemaVersion rule} */
  public SchemaVersion schemaVersion() {
    return schemaVersion;
  }

  @Override
  public T read(JsonParser p) {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw Values.typeError(p, "an object (" + typeName + ")");
    }
    String objectPath = Values.path(p);
    B builder = newBuilder.get();
    Map<String, JsonValue> unknown = null;
    boolean[] seen = new boolean[fields.size()];
    List<String> keyOrder = keyOrderSetter == null ? null : new ArrayList<>();
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = p.currentName();
      p.nextToken();
      if (keyOrder != null) {
        keyOrder.add(name);
      }
      Integer i = indexByName.get(name);
      if (i == null) {
        JsonValue v = Values.RAW.read(p);
        if (unknownSetter != null) {
          if (unknown == null) {
            unknown = new LinkedHashMap<>();
          }
          unknown.put(name, v);
        }
        continue;
      }
      Field<T, B> f = fields.get(i);
      seen[i] = true;
      if (p.currentToken() == JsonToken.VALUE_NULL && !f.readsNull()) {
        if (f.required()) {
          throw VisibilityException.at(
              ErrorCode.MISSING_FIELD, Values.path(p), typeName + "." + name + " must not be null");
        }
        continue;
      }
      f.read(p, builder);
    }
    if (p.currentToken() != JsonToken.END_OBJECT) {
      throw Values.typeError(p, "a property name or the end of the object");
    }
    for (int i = 0; i < seen.length; i++) {
      if (!seen[i] && fields.get(i).required()) {
        throw VisibilityException.at(
            ErrorCode.MISSING_FIELD,
            objectPath + "/" + fields.get(i).name(),
            typeName + " requires field \"" + fields.get(i).name() + "\"");
      }
    }
    if (unknown != null && unknownSetter != null) {
      unknownSetter.accept(builder, unknown);
    }
    if (keyOrder != null && keyOrderSetter != null) {
      keyOrderSetter.accept(builder, keyOrder);
    }
    try {
      return build.apply(builder);
    } catch (VisibilityException e) {
      throw e.path().isPresent() ? e : e.withPath(objectPath);
    } catch (IllegalStateException | IllegalArgumentException | NullPointerException e) {
      throw VisibilityException.at(
          ErrorCode.INVALID_FIELD_VALUE, objectPath, typeName + ": " + e.getMessage());
    }
  }

  @Override
  public void write(T value, JsonGenerator g) {
    List<String> keyOrder = keyOrderGetter == null ? List.of() : keyOrderGetter.apply(value);
    Map<String, JsonValue> unknown = unknownGetter == null ? Map.of() : unknownGetter.apply(value);
    boolean filtered = nullFiltered.test(value);
    g.writeStartObject();
    Set<String> done =
        keyOrder.isEmpty() ? Set.of() : writeListed(value, g, keyOrder, unknown, filtered);
    for (Field<T, B> f : fields) {
      if (done.contains(f.name())) {
        continue;
      }
      if (!asRead || keyOrder.isEmpty()) {
        f.writeBuilt(value, g, filtered);
      } else if (f.present(value)) {
        f.writePresent(value, g);
      }
    }
    for (Map.Entry<String, JsonValue> e : unknown.entrySet()) {
      String name = e.getKey();
      if (!done.contains(name) && !indexByName.containsKey(name)) {
        g.writeName(name);
        Values.RAW.write(e.getValue(), g);
      }
    }
    g.writeEndObject();
  }

  /**
   * Writes the keys of a decoded record's {@code keyOrder}, in that order: a known field by its
   * rule (or, {@linkplain Builder#asRead as read}, its value or {@code null}), an unknown key when
   * the record still holds it. The known fields not named there follow, in declared order: by their
   * rules, or as read only those that hold a value.
   *
   * @return the names written
   */
  private Set<String> writeListed(
      T value,
      JsonGenerator g,
      List<String> keyOrder,
      Map<String, JsonValue> unknown,
      boolean filtered) {
    Set<String> done = new HashSet<>();
    for (String name : keyOrder) {
      if (!done.add(name)) {
        continue;
      }
      Integer i = indexByName.get(name);
      if (i == null) {
        JsonValue v = unknown.get(name);
        if (v != null) {
          g.writeName(name);
          Values.RAW.write(v, g);
        }
      } else if (asRead) {
        fields.get(i).writeRead(value, g);
      } else {
        fields.get(i).writeBuilt(value, g, filtered);
      }
    }
    return done;
  }

  /** Declares the fields of a codec in write order. */
  public static final class Builder<T, B> {
    private final String typeName;
    private final Supplier<B> newBuilder;
    private final Function<B, T> build;
    private final List<Field<T, B>> fields = new ArrayList<>();
    private Predicate<T> nullFiltered = t -> true;
    private @Nullable SchemaVersion schemaVersion;
    private @Nullable Function<T, Map<String, JsonValue>> unknownGetter;
    private @Nullable BiConsumer<B, Map<String, JsonValue>> unknownSetter;
    private @Nullable Function<T, List<String>> keyOrderGetter;
    private @Nullable BiConsumer<B, List<String>> keyOrderSetter;
    private boolean asRead;

    private Builder(String typeName, Supplier<B> newBuilder, Function<B, T> build) {
      this.typeName = typeName;
      this.newBuilder = newBuilder;
      this.build = build;
    }

    /**
     * Declares the object's {@code schemaVersion} rule (every codec declares one, once); under
     * {@link SchemaVersion#V1} the field takes this place in the write order.
     *
     * @param rule the rule of the artifact inventory
     * @return this builder
     * @throws IllegalStateException when a rule was declared already
     */
    public Builder<T, B> schemaVersion(SchemaVersion rule) {
      if (schemaVersion != null) {
        throw new IllegalStateException(typeName + ": schemaVersion rule declared twice");
      }
      schemaVersion = rule;
      if (rule == SchemaVersion.V1) {
        fields.add(
            new ConstantField<>("schemaVersion", "v1", ErrorCode.UNSUPPORTED_SCHEMA_VERSION));
      }
      return this;
    }

    /**
     * Declares a required string field with exactly one allowed value, not stored in the record (an
     * envelope's {@code envelopeType}): written as {@code value}; on read absent is {@link
     * ErrorCode#MISSING_FIELD}, anything else ({@code null} included) {@code code}.
     *
     * @param name the key
     * @param value the one value
     * @param code the error of any other value
     * @return this builder
     */
    public Builder<T, B> constant(String name, String value, ErrorCode code) {
      fields.add(new ConstantField<>(name, value, code));
      return this;
    }

    /**
     * Decides per record how {@link Absence#LEVEL} fields that hold no value are written (default:
     * always omitted).
     *
     * @param filtered true for a record whose empty {@code LEVEL} fields are omitted, false for one
     *     whose are written as {@code null}
     * @return this builder
     */
    public Builder<T, B> nullFiltered(Predicate<T> filtered) {
      this.nullFiltered = filtered;
      return this;
    }

    /**
     * Declares a field that is always present; on read, absent or {@code null} is {@link
     * ErrorCode#MISSING_FIELD}.
     *
     * @param <V> the field's value type
     * @param name the key
     * @param codec reads and writes the value
     * @param get the record's accessor
     * @param set the builder's setter
     * @return this builder
     */
    public <V> Builder<T, B> required(
        String name, JsonCodec<V> codec, Function<T, V> get, BiConsumer<B, V> set) {
      fields.add(
          new RequiredField<>(name) {
            @Override
            void read(JsonParser p, B b) {
              set.accept(b, codec.read(p));
            }

            @Override
            void writeValue(T value, JsonGenerator g) {
              codec.write(get.apply(value), g);
            }
          });
      return this;
    }

    /**
     * Declares a {@code long} field that is always present (absent or {@code null} is {@link
     * ErrorCode#MISSING_FIELD}; a fraction or an out-of-range number is {@link
     * ErrorCode#INVALID_FIELD_TYPE}).
     *
     * @param name the key
     * @param get the record's accessor
     * @param set the builder's setter
     * @return this builder
     */
    public Builder<T, B> requiredLong(String name, ToLongFunction<T> get, ObjLongConsumer<B> set) {
      fields.add(
          new RequiredField<>(name) {
            @Override
            void read(JsonParser p, B b) {
              set.accept(b, Values.readLong(p));
            }

            @Override
            void writeValue(T value, JsonGenerator g) {
              g.writeNumber(get.applyAsLong(value));
            }
          });
      return this;
    }

    /**
     * Declares a boolean field that is always present (absent or {@code null} is {@link
     * ErrorCode#MISSING_FIELD}).
     *
     * @param name the key
     * @param get the record's accessor
     * @param set the builder's setter
     * @return this builder
     */
    public Builder<T, B> requiredBoolean(
        String name, Predicate<T> get, BiConsumer<B, Boolean> set) {
      return required(name, Values.BOOLEAN, get::test, set);
    }

    /**
     * Declares a field that may hold no value; absent and {@code null} both read as no value.
     *
     * @param <V> the field's value type
     * @param name the key
     * @param codec reads and writes a present value
     * @param get the record's accessor
     * @param set the builder's setter, called only for a present, non-null value
     * @param absence how "no value" is written
     * @return this builder
     */
    public <V> Builder<T, B> optional(
        String name,
        JsonCodec<V> codec,
        Function<T, Optional<V>> get,
        BiConsumer<B, V> set,
        Absence absence) {
      fields.add(
          new OptionalField<>(name, absence) {
            @Override
            void read(JsonParser p, B b) {
              set.accept(b, codec.read(p));
            }

            @Override
            boolean present(T value) {
              return get.apply(value).isPresent();
            }

            @Override
            void writeValue(T value, JsonGenerator g) {
              codec.write(get.apply(value).orElseThrow(), g);
            }
          });
      return this;
    }

    /**
     * Declares a field of any JSON value, {@code null} included (read as {@link
     * JsonValue#nullValue() JSON null}, kept as written); an absent key is no value and is not
     * written.
     *
     * @param name the key
     * @param get the record's accessor
     * @param set the builder's setter, called for every value read, {@code null} included
     * @return this builder
     */
    public Builder<T, B> raw(
        String name, Function<T, Optional<JsonValue>> get, BiConsumer<B, JsonValue> set) {
      fields.add(
          new OptionalField<>(name, Absence.OMIT) {
            @Override
            boolean readsNull() {
              return true;
            }

            @Override
            void read(JsonParser p, B b) {
              set.accept(b, Values.RAW.read(p));
            }

            @Override
            boolean present(T value) {
              return get.apply(value).isPresent();
            }

            @Override
            void writeValue(T value, JsonGenerator g) {
              Values.RAW.write(get.apply(value).orElseThrow(), g);
            }
          });
      return this;
    }

    /**
     * Declares a {@code long} field that may hold no value; absent and {@code null} both read as no
     * value.
     *
     * @param name the key
     * @param get the record's accessor
     * @param set the builder's setter, called only for a present, non-null value
     * @param absence how "no value" is written
     * @return this builder
     */
    public Builder<T, B> optionalLong(
        String name, Function<T, OptionalLong> get, ObjLongConsumer<B> set, Absence absence) {
      fields.add(
          new OptionalField<>(name, absence) {
            @Override
            void read(JsonParser p, B b) {
              set.accept(b, Values.readLong(p));
            }

            @Override
            boolean present(T value) {
              return get.apply(value).isPresent();
            }

            @Override
            void writeValue(T value, JsonGenerator g) {
              g.writeNumber(get.apply(value).getAsLong());
            }
          });
      return this;
    }

    /**
     * Declares a list field: a built record's list is written when {@code writeWhen} holds (e.g.
     * always, or only when non-empty), a decoded record's when its document had the key or the list
     * is not empty; absent or {@code null} reads as an empty list.
     *
     * @param <V> the element type
     * @param name the key
     * @param element reads and writes one element
     * @param get the record's accessor
     * @param set the builder's setter
     * @param writeWhen whether a built record's list is written at all
     * @return this builder
     */
    public <V> Builder<T, B> list(
        String name,
        JsonCodec<V> element,
        Function<T, List<V>> get,
        BiConsumer<B, List<V>> set,
        Predicate<T> writeWhen) {
      JsonCodec<List<V>> codec = Values.list(element);
      fields.add(
          new Field<>(name, false) {
            @Override
            void read(JsonParser p, B b) {
              set.accept(b, codec.read(p));
            }

            @Override
            boolean present(T value) {
              return !get.apply(value).isEmpty();
            }

            @Override
            void writeValue(T value, JsonGenerator g) {
              codec.write(get.apply(value), g);
            }

            @Override
            void writeBuilt(T value, JsonGenerator g, boolean filtered) {
              if (writeWhen.test(value)) {
                writePresent(value, g);
              }
            }

            @Override
            void writeRead(T value, JsonGenerator g) {
              writePresent(value, g);
            }
          });
      return this;
    }

    /**
     * Keeps unknown fields: read into the builder, written back after the known fields. Without
     * this, unknown fields are read and dropped.
     *
     * @param get the record's accessor of its unknown fields, in document order
     * @param set the builder's setter, called only when the object had unknown fields
     * @return this builder
     */
    public Builder<T, B> unknownFields(
        Function<T, Map<String, JsonValue>> get, BiConsumer<B, Map<String, JsonValue>> set) {
      this.unknownGetter = get;
      this.unknownSetter = set;
      return this;
    }

    /**
     * Keeps the key order of the document read: on read, every key of the object (known, unknown
     * and constant) is handed to {@code set} in document order; on write, a record whose {@code
     * get} list is non-empty is written in that order (fields not named there follow in declared
     * order), each field by its rule, one whose list is empty in declared order. For files that
     * other writers, or hand-written fixtures, may lay out in another order than the reference's,
     * and that the reference's writer null-filters (a key read as {@code null} follows its field's
     * {@link Absence} rule).
     *
     * @param get the record's accessor of its key order (empty for a built record)
     * @param set the builder's setter
     * @return this builder
     */
    public Builder<T, B> keyOrder(Function<T, List<String>> get, BiConsumer<B, List<String>> set) {
      this.keyOrderGetter = get;
      this.keyOrderSetter = set;
      return this;
    }

    /**
     * As {@link #keyOrder}, and a decoded record is written exactly as it was read: the keys it
     * had, in its order, a key read as {@code null} written as {@code null}, a field it did not
     * have left out whatever its {@link Absence} rule (a built record follows the rules). For
     * foreign input that is passed on byte for byte (envelopes).
     *
     * @param get the record's accessor of its key order (empty for a built record)
     * @param set the builder's setter
     * @return this builder
     */
    public Builder<T, B> asRead(Function<T, List<String>> get, BiConsumer<B, List<String>> set) {
      this.asRead = true;
      return keyOrder(get, set);
    }

    /**
     * {@return the codec}
     *
     * @throws IllegalStateException when no {@link #schemaVersion(SchemaVersion)} rule was
     *     declared, or a field name twice
     */
    public ObjectCodec<T, B> build() {
      return new ObjectCodec<>(this);
    }
  }
}
