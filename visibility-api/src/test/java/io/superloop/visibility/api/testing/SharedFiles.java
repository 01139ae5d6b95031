package io.superloop.visibility.api.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Locates {@code ../shared} (the steering repo's shared files) and lists files under it. */
public final class SharedFiles {
  private SharedFiles() {}

  /** The shared directory; fails the test run when it cannot be found. */
  public static Path root() {
    String prop = System.getProperty("visibility.shared.dir");
    if (prop != null && Files.isDirectory(Paths.get(prop))) {
      return Paths.get(prop).toAbsolutePath().normalize();
    }
    Path dir = Paths.get("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      Path candidate = d.resolveSibling("shared");
      if (Files.isDirectory(candidate.resolve("conformance"))) {
        return candidate.normalize();
      }
    }
    throw new IllegalStateException("cannot find ../shared from " + dir);
  }

  /** Every regular file under {@code shared/relative} whose name ends with one of {@code suffixes}. */
  public static List<Path> files(String relative, String... suffixes) {
    try (Stream<Path> s = Files.walk(root().resolve(relative))) {
      return s.filter(Files::isRegularFile)
          .filter(p -> Stream.of(suffixes).anyMatch(x -> p.getFileName().toString().endsWith(x)))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code jq -c .} of a file: the compact rendering the reference's jq would write. */
  public static String jqCompact(Path file) {
    try {
      Process p = new ProcessBuilder("jq", "-c", ".", file.toString()).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new IllegalStateException("jq failed on " + file + ": " + out);
      }
      return out.endsWith("\n") ? out.substring(0, out.length() - 1) : out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The name of the directory holding {@code file} (a case name). */
  public static String parentName(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    Path name = parent == null ? null : parent.getFileName();
    return name == null ? "" : name.toString();
  }

  /** The file's content as UTF-8. */
  public static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One dynamic test per file under {@code conformance/expected} named {@code fileName}: decoding it
   * with {@code codec} and encoding again gives exactly {@code jq -c .} of the file.
   */
  public static <T> java.util.stream.Stream<org.junit.jupiter.api.DynamicTest> reencodeExpectedAsJqCompact(
      String fileName, io.superloop.visibility.api.json.JsonCodec<T> codec) {
    List<Path> files = files("conformance/expected", fileName);
    files.removeIf(f -> !String.valueOf(f.getFileName()).equals(fileName));
    org.junit.jupiter.api.Assertions.assertFalse(files.isEmpty(), "no expected " + fileName);
    return files.stream()
        .map(
            f ->
                org.junit.jupiter.api.DynamicTest.dynamicTest(
                    parentName(f),
                    () ->
                        org.junit.jupiter.api.Assertions.assertEquals(
                            jqCompact(f), codec.encode(codec.decode(read(f))))));
  }
}
