package io.superloop.visibility.api.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Spec-derived example rows kept as test resources: a {@code # name} line, then the row's JSON text
 * (compact, as {@code jq -c .} prints it), repeated.
 */
public final class ExampleRows {
  private ExampleRows() {}

  /** One example: its description and its exact JSON text. */
  public record Example(String name, String json) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** The examples of the resource {@code name} next to {@code anchor}'s package. */
  public static List<Example> load(Class<?> anchor, String name) {
    try (InputStream in = anchor.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      List<Example> out = new ArrayList<>();
      String pending = null;
      for (String line : text.split("\n", -1)) {
        if (line.startsWith("#")) {
          pending = line.substring(1).trim();
        } else if (!line.isEmpty()) {
          out.add(new Example(pending == null ? "row " + (out.size() + 1) : pending, line));
          pending = null;
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code jq -c .} of each JSON text, in order (one jq run over a temporary JSONL file). */
  public static List<String> jqCompactEach(List<String> jsonTexts) {
    try {
      Path tmp = Files.createTempFile("examples", ".jsonl");
      try {
        Files.writeString(tmp, String.join("\n", jsonTexts) + "\n");
        String out = RepoFiles.jqCompact(tmp);
        return List.of(out.split("\n", -1));
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One dynamic test per example: it decodes, re-encodes byte for byte (also as a JSONL line), and
   * the re-encoding decodes to an equal value.
   */
  public static <T> java.util.stream.Stream<org.junit.jupiter.api.DynamicTest> roundTrips(
      String kind, List<Example> examples, io.superloop.visibility.api.json.JsonCodec<T> codec) {
    return examples.stream()
        .map(
            e ->
                org.junit.jupiter.api.DynamicTest.dynamicTest(
                    kind + ": " + e.name(),
                    () -> {
                      T value = codec.decode(e.json());
                      org.junit.jupiter.api.Assertions.assertEquals(e.json(), codec.encode(value));
                      org.junit.jupiter.api.Assertions.assertEquals(
                          e.json() + "\n", codec.encodeLine(value));
                      org.junit.jupiter.api.Assertions.assertEquals(
                          value, codec.decode(codec.encode(value)));
                    }));
  }
}
