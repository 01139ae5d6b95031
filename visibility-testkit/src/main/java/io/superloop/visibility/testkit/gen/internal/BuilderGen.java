package io.superloop.visibility.testkit.gen.internal;

import io.superloop.visibility.testkit.gen.Gen;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Builds a generator of an Immutables record from one generator per builder setter: every part is
 * drawn in declaration order, then applied to a fresh builder, and the record is built. Parts that
 * must agree with each other (a status and its reason code, ...) are drawn as one value and set by
 * one setter, so every built value satisfies the record's checks by construction.
 *
 * @param <B> the builder type
 * @param <T> the record type
 */
public final class BuilderGen<B, T> {
  private final Supplier<B> newBuilder;
  private final Function<B, ? extends T> build;
  private final List<Gen<Consumer<B>>> parts = new ArrayList<>();

  private BuilderGen(Supplier<B> newBuilder, Function<B, ? extends T> build) {
    this.newBuilder = newBuilder;
    this.build = build;
  }

  /**
   * A builder generator of {@code type}'s records.
   *
   * @param type the record type (names the generator's type at the call site)
   * @param newBuilder a fresh builder
   * @param build builds the record
   * @param <B> the builder type
   * @param <T> the record type
   * @return a builder generator without parts
   */
  public static <B, T> BuilderGen<B, T> of(
      Class<T> type, Supplier<B> newBuilder, Function<B, ? extends T> build) {
    return new BuilderGen<>(newBuilder, build);
  }

  /**
   * Adds a part: a generator of one setter's value.
   *
   * @param gen the value's generator
   * @param set applies the value to the builder
   * @param <V> the value type
   * @return this
   */
  public <V> BuilderGen<B, T> with(Gen<V> gen, BiConsumer<B, ? super V> set) {
    parts.add(gen.map(v -> b -> set.accept(b, v)));
    return this;
  }

  /** {@return the generator of records built from one value of each part, in order} */
  public Gen<T> gen() {
    List<Gen<Consumer<B>>> copy = List.copyOf(parts);
    return Gen.sequence(copy)
        .map(
            setters -> {
              B b = newBuilder.get();
              for (Consumer<B> s : setters) {
                s.accept(b);
              }
              T built = build.apply(b);
              return built;
            });
  }
}
