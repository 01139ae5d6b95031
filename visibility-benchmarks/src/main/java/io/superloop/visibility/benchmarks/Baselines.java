package io.superloop.visibility.benchmarks;

import io.superloop.visibility.api.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;

/**
 * The baseline of the stream workloads: a bare jackson-core loop that only calls {@code nextToken()}
 * over the same bytes, one parser over the whole input (root values separated by white space), the
 * same factory and limits as the library.
 */
final class Baselines {
  private Baselines() {}

  /** Tokens of {@code bytes}. */
  static long tokens(byte[] bytes) {
    try (JsonParser p = Json.DEFAULT.factory().createParser(ObjectReadContext.empty(), bytes)) {
      return drain(p);
    }
  }

  /** Tokens of {@code text}. */
  static long tokens(String text) {
    try (JsonParser p = Json.DEFAULT.factory().createParser(ObjectReadContext.empty(), text)) {
      return drain(p);
    }
  }

  /** Tokens of the file, read through a stream. */
  static long tokens(Path file) {
    try (InputStream in = Files.newInputStream(file);
        JsonParser p = Json.DEFAULT.factory().createParser(ObjectReadContext.empty(), in)) {
      return drain(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long drain(JsonParser p) {
    long tokens = 0;
    JsonToken t;
    while ((t = p.nextToken()) != null) {
      tokens += t.id();
    }
    return tokens;
  }
}
