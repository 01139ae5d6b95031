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
 * A declarative codec of one JSON object level: its fields in the reference's key order, each with
 * its omitted-vs-null rule, and the unknown fields kept in order and written back after the known
 * ones. Reading is tolerant (unknown fields kept, absent optional fields empty); a required field
 * that is absent or null is {@code missing_field}.
 *
 * @param <T> the record type
 * @param <B> its builder type
 */
public final class ObjectCodec<T, B> implements JsonCodec<T> {

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

    abstract void read(JsonParser p, B builder);

    /** Writes the field (name and value) or nothing. */
    abstract void write(T value, JsonGenerator g, boolean filtered);
  }

  private final String typeName;
  private final List<Field<T, B>> fields;
  /** Field name to its place in {@link #fields}. */
  private final Map<String, Integer> indexByName;
  private final Supplier<B> newBuilder;
  private final Function<B, T> build;
  private final Predicate<T> nullFiltered;
  private final @Nullable String schemaVersion;
  private final @Nullable Function<T, Map<String, JsonValue>> unknownGetter;
  private final @Nullable BiConsumer<B, Map<String, JsonValue>> unknownSetter;
  private final @Nullable Function<T, List<String>> keyOrderGetter;
  private final @Nullable BiConsumer<B, List<String>> keyOrderSetter;

  private ObjectCodec(Builder<T, B> b) {
    this.typeName = b.typeName;
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
    this.schemaVersion = b.schemaVersion;
    this.unknownGetter = b.unknownGetter;
    this.unknownSetter = b.unknownSetter;
    this.keyOrderGetter = b.keyOrderGetter;
    this.keyOrderSetter = b.keyOrderSetter;
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
   * @return a builder to declare the fields with, in write order
   */
  public static <T, B> Builder<T, B> builder(
      String typeName, Supplier<B> newBuilder, Function<B, T> build) {
    return new Builder<>(typeName, newBuilder, build);
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
      if (schemaVersion != null && name.equals("schemaVersion")) {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_STRING || !schemaVersion.equals(p.getString())) {
          throw VisibilityException.at(
              ErrorCode.UNSUPPORTED_SCHEMA_VERSION,
              Values.path(p),
              "schemaVersion must be \"" + schemaVersion + "\", found " + Values.describe(t)
                  + (t == JsonToken.VALUE_STRING ? " \"" + p.getString() + "\"" : ""));
        }
        continue;
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
      if (p.currentToken() == JsonToken.VALUE_NULL) {
        if (f.required()) {
          throw VisibilityException.at(
              ErrorCode.MISSING_FIELD, Values.path(p), typeName + "." + name + " must not be null");
        }
        continue;
      }
      f.read(p, builder);
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
      return rethrowAt(e, objectPath);
    } catch (IllegalStateException | IllegalArgumentException | NullPointerException e) {
      throw VisibilityException.at(
          ErrorCode.INVALID_FIELD_VALUE, objectPath, typeName + ": " + e.getMessage());
    }
  }

  private static <T> T rethrowAt(VisibilityException e, String objectPath) {
    if (e.path().isPresent()) {
      throw e;
    }
    throw e.withPath(objectPath);
  }

  @Override
  public void write(T value, JsonGenerator g) {
    List<String> keyOrder = keyOrderGetter == null ? List.of() : keyOrderGetter.apply(value);
    if (!keyOrder.isEmpty()) {
      writeInOrder(value, g, keyOrder);
      return;
    }
    boolean filtered = nullFiltered.test(value);
    g.writeStartObject();
    if (schemaVersion != null) {
      g.writeName("schemaVersion");
      g.writeString(schemaVersion);
    }
    for (Field<T, B> f : fields) {
      f.write(value, g, filtered);
    }
    if (unknownGetter != null) {
      for (Map.Entry<String, JsonValue> e : unknownGetter.apply(value).entrySet()) {
        if (indexByName.containsKey(e.getKey()) || "schemaVersion".equals(e.getKey()) && schemaVersion != null) {
          continue;
        }
        g.writeName(e.getKey());
        Values.RAW.write(e.getValue(), g);
      }
    }
    g.writeEndObject();
  }

  /**
   * Writes the keys named in {@code keyOrder} first, in that order (a name whose field holds no
   * value follows the field's absence rule; an unknown name no longer held is skipped), then the
   * remaining known fields in declared order and the remaining unknown fields.
   */
  private void writeInOrder(T value, JsonGenerator g, List<String> keyOrder) {
    boolean filtered = nullFiltered.test(value);
    Map<String, JsonValue> unknown =
        unknownGetter == null ? Map.of() : unknownGetter.apply(value);
    Set<String> done = new HashSet<>();
    g.writeStartObject();
    if (schemaVersion != null && !keyOrder.contains("schemaVersion")) {
      g.writeName("schemaVersion");
      g.writeString(schemaVersion);
    }
    for (String name : keyOrder) {
      if (!done.add(name)) {
        continue;
      }
      Integer i = indexByName.get(name);
      @Nullable Field<T, B> f = i == null ? null : fields.get(i);
      if (schemaVersion != null && name.equals("schemaVersion")) {
        g.writeName("schemaVersion");
        g.writeString(schemaVersion);
      } else if (f != null) {
        f.write(value, g, filtered);
      } else {
        JsonValue v = unknown.get(name);
        if (v != null) {
          g.writeName(name);
          Values.RAW.write(v, g);
        }
      }
    }
    for (Field<T, B> f : fields) {
      if (!done.contains(f.name())) {
        f.write(value, g, filtered);
      }
    }
    for (Map.Entry<String, JsonValue> e : unknown.entrySet()) {
      String name = e.getKey();
      if (done.contains(name)
          || indexByName.containsKey(name)
          || ("schemaVersion".equals(name) && schemaVersion != null)) {
        continue;
      }
      g.writeName(name);
      Values.RAW.write(e.getValue(), g);
    }
    g.writeEndObject();
  }

  private static boolean omit(Absence a, boolean filtered) {
    return a == Absence.OMIT || (a == Absence.LEVEL && filtered);
  }

  /** Declares the fields of a codec in write order. */
  public static final class Builder<T, B> {
    private final String typeName;
    private final Supplier<B> newBuilder;
    private final Function<B, T> build;
    private final List<Field<T, B>> fields = new ArrayList<>();
    private Predicate<T> nullFiltered = t -> true;
    private @Nullable String schemaVersion;
    private @Nullable Function<T, Map<String, JsonValue>> unknownGetter;
    private @Nullable BiConsumer<B, Map<String, JsonValue>> unknownSetter;
    private @Nullable Function<T, List<String>> keyOrderGetter;
    private @Nullable BiConsumer<B, List<String>> keyOrderSetter;

    private Builder(String typeName, Supplier<B> newBuilder, Function<B, T> build) {
      this.typeName = typeName;
      this.newBuilder = newBuilder;
      this.build = build;
    }

    /**
     * The object starts with {@code "schemaVersion": version}; on read a present value other than
     * {@code version} is {@code unsupported_schema_version}, an absent one is accepted.
     *
     * @param version the one supported schema version, such as {@code "v1"}
     * @return this builder
     */
    public Builder<T, B> schemaVersion(String version) {
      this.schemaVersion = version;
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
          new Field<>(name, true) {
            @Override
            void read(JsonParser p, B b) {
              set.accept(b, codec.read(p));
            }

            @Override
            void write(T value, JsonGenerator g, boolean filtered) {
              g.writeName(name);
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
          new Field<>(name, true) {
            @Override
            void read(JsonParser p, B b) {
              set.accept(b, Values.readLong(p));
            }

            @Override
            void write(T value, JsonGenerator g, boolean filtered) {
              g.writeName(name);
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
    public Builder<T, B> requiredBoolean(String name, Predicate<T> get, BiConsumer<B, Boolean> set) {
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
          new Field<>(name, false) {
            @Override
            void read(JsonParser p, B b) {
              set.accept(b, codec.read(p));
            }

            @Override
            void write(T value, JsonGenerator g, boolean filtered) {
              Optional<V> v = get.apply(value);
              if (v.isPresent()) {
                g.writeName(name);
                codec.write(v.get(), g);
              } else if (!omit(absence, filtered)) {
                g.writeName(name);
                g.writeNull();
              }
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
          new Field<>(name, false) {
            @Override
            void read(JsonParser p, B b) {
              set.accept(b, Values.readLong(p));
            }

            @Override
            void write(T value, JsonGenerator g, boolean filtered) {
              OptionalLong v = get.apply(value);
              if (v.isPresent()) {
                g.writeName(name);
                g.writeNumber(v.getAsLong());
              } else if (!omit(absence, filtered)) {
                g.writeName(name);
                g.writeNull();
              }
            }
          });
      return this;
    }

    /**
     * Declares a list field: written when {@code writeWhen} holds (e.g. always, or only when
     * non-empty); absent or {@code null} reads as an empty list.
     *
     * @param <V> the element type
     * @param name the key
     * @param element reads and writes one element
     * @param get the record's accessor
     * @param set the builder's setter
     * @param writeWhen whether a record's list is written at all
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
            void write(T value, JsonGenerator g, boolean filtered) {
              if (writeWhen.test(value)) {
                g.writeName(name);
                codec.write(get.apply(value), g);
              }
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
     * and {@code schemaVersion}) is handed to {@code set} in document order; on write, a record
     * whose {@code get} list is non-empty is written in that order (fields not named there follow
     * in declared order), one whose list is empty in declared order. For files that other writers,
     * or hand-written fixtures, may lay out in another order than the reference's.
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

    /** {@return the codec} */
    public ObjectCodec<T, B> build() {
      return new ObjectCodec<>(this);
    }
  }
}
