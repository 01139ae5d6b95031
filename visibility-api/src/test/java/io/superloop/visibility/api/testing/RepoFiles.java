package io.superloop.visibility.api.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Locates the repository's own reference data (conformance/, fixtures/reference/, spec/) and lists
 * files under it. The build needs nothing outside the repository.
 */
public final class RepoFiles {
  private RepoFiles() {}

  /**
   * The repository root: {@code visibility.repo.root} when set (the build sets it), else the
   * nearest directory above the working directory that holds {@code pom.xml} and {@code
   * conformance/cases}.
   */
  public static Path root() {
    String prop = System.getProperty("visibility.repo.root");
    if (prop != null && Files.isDirectory(Paths.get(prop, "conformance", "cases"))) {
      return Paths.get(prop).toAbsolutePath().normalize();
    }
    Path dir = Paths.get("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("pom.xml"))
          && Files.isDirectory(d.resolve("conformance/cases"))) {
        return d.normalize();
      }
    }
    throw new IllegalStateException(
        "no repository root (pom.xml and conformance/cases) above " + dir);
  }

  /**
   * Every regular file under {@code relative} (from the repository root) whose name ends with one
   * of {@code suffixes}.
   */
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
      Process p =
          new ProcessBuilder("jq", "-c", ".", file.toString()).redirectErrorStream(true).start();
      String out =
          new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
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
   * One dynamic test per file under {@code conformance/expected} named {@code fileName}: decoding
   * it with {@code codec} and encoding again gives exactly {@code jq -c .} of the file.
   */
  public static <T>
      java.util.stream.Stream<org.junit.jupiter.api.DynamicTest> reencodeExpectedAsJqCompact(
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
