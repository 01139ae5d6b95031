package io.superloop.visibility.kafka.streams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** {@code docs/fleet.md}: its runnable example, compiled against this module's class path. */
final class FleetDoc {
  static final String MARKER = "<!-- fleet: example -->";

  private FleetDoc() {}

  static Path repoRoot() {
    for (Path d = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
        d != null;
        d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("docs/fleet.md"))
          && Files.isRegularFile(d.resolve("pom.xml"))) {
        return d;
      }
    }
    throw new IllegalStateException(
        "no repository root with docs/fleet.md above " + System.getProperty("user.dir"));
  }

  static String read(String relative) {
    try {
      return Files.readString(repoRoot().resolve(relative), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The example's Java source: the fenced block after the marker. */
  static String example() {
    String doc = read("docs/fleet.md");
    int at = doc.indexOf(MARKER);
    if (at < 0) {
      throw new AssertionError("docs/fleet.md has no " + MARKER);
    }
    int open = doc.indexOf("```java\n", at);
    int close = doc.indexOf("\n```\n", open);
    if (open < 0 || close < 0 || !doc.substring(at + MARKER.length(), open).isBlank()) {
      throw new AssertionError("the example marker is not followed by a ```java block");
    }
    return doc.substring(open + "```java\n".length(), close + 1);
  }

  /**
   * Compiles the example into {@code dir}.
   *
   * @return the example's main class name
   */
  static String compile(Path dir) throws IOException {
    String source = example();
    Matcher m = Pattern.compile("public class (\\w+)").matcher(source);
    if (!m.find()) {
      throw new AssertionError("the example declares no public class");
    }
    Path src = dir.resolve("src").resolve(m.group(1) + ".java");
    Path classes = dir.resolve("classes");
    Files.createDirectories(src.getParent());
    Files.createDirectories(classes);
    Files.writeString(src, source, StandardCharsets.UTF_8);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      boolean ok =
          javac
              .getTask(
                  null,
                  files,
                  diagnostics,
                  List.of(
                      "--release",
                      "17",
                      "-Xlint:all",
                      "-Werror",
                      "-classpath",
                      KafkaBroker.testClassPath(),
                      "-d",
                      classes.toString()),
                  null,
                  files.getJavaFileObjects(src))
              .call();
      if (!ok) {
        throw new AssertionError(
            "docs/fleet.md's example does not compile: " + diagnostics.getDiagnostics());
      }
    }
    return m.group(1);
  }
}
