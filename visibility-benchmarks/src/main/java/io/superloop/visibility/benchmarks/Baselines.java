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
import tools.jackson.core.json.JsonFactory;

/**
 * The baseline of the stream workloads: a bare jackson-core loop that only calls {@code
 * nextToken()} over the same bytes, one parser over the whole input (root values separated by white
 * space), the same factory and limits as the library, except the document length: the baseline
 * reads the whole input as one stream, the library bounds each line.
 */
final class Baselines {
  private static final JsonFactory FACTORY =
      Json.DEFAULT
          .factory()
          .rebuild()
          .streamReadConstraints(
              Json.DEFAULT
                  .factory()
                  .streamReadConstraints()
                  .rebuild()
                  .maxDocumentLength(-1)
                  .build())
          .build();

  private Baselines() {}

  /** Tokens of {@code bytes}. */
  static long tokens(byte[] bytes) {
    try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), bytes)) {
      return drain(p);
    }
  }

  /** Tokens of {@code text}. */
  static long tokens(String text) {
    try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), text)) {
      return drain(p);
    }
  }

  /** Tokens of the file, read through a stream. */
  static long tokens(Path file) {
    try (InputStream in = Files.newInputStream(file);
        JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), in)) {
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
