package io.superloop.visibility.testkit.docs;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The repository's documentation files, their marked blocks, and child processes that run them. */
public final class DocFiles {
  private DocFiles() {}

  /**
   * The repository root: {@code visibility.repo.root} when set (the build sets it), else the
   * nearest directory above the working directory holding README.md, docs/ and pom.xml.
   */
  public static Path repoRoot() {
    String prop = System.getProperty("visibility.repo.root");
    if (prop != null && Files.isRegularFile(Paths.get(prop, "pom.xml"))) {
      return Paths.get(prop).toAbsolutePath().normalize();
    }
    Path dir = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("README.md"))
          && Files.isDirectory(d.resolve("docs"))
          && Files.isRegularFile(d.resolve("pom.xml"))) {
        return d;
      }
    }
    throw new IllegalStateException("no repository root above " + dir);
  }

  static String read(String relative) {
    try {
      return Files.readString(repoRoot().resolve(relative), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One fenced block after a {@code <!-- marker -->} line. */
  record Block(String marker, int line, String lang, String text) {}

  /**
   * Every fenced block that directly follows (blank lines allowed) an HTML comment line {@code <!--
   * prefix...-->}; the comment's text after {@code <!--} is the marker.
   */
  static List<Block> markedBlocks(String doc, String prefix) {
    String[] lines = doc.split("\n", -1);
    List<Block> out = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i].strip();
      if (!l.startsWith("<!-- " + prefix) || !l.endsWith("-->")) {
        continue;
      }
      String marker = l.substring(5, l.length() - 3).strip();
      int j = i + 1;
      while (j < lines.length && lines[j].isBlank()) {
        j++;
      }
      if (j >= lines.length || !lines[j].startsWith("```")) {
        throw new AssertionError(
            "line " + (i + 1) + ": marker " + marker + " is not followed by a fenced block");
      }
      String lang = lines[j].substring(3).strip();
      StringBuilder text = new StringBuilder();
      int k = j + 1;
      while (k < lines.length && !lines[k].startsWith("```")) {
        text.append(lines[k]).append('\n');
        k++;
      }
      if (k >= lines.length) {
        throw new AssertionError("line " + (j + 1) + ": unterminated fenced block");
      }
      out.add(new Block(marker, j + 2, lang, text.toString()));
      i = k;
    }
    return out;
  }

  /** The class path of this test JVM, module path included: everything the library needs. */
  static String testClassPath() {
    List<String> parts = new ArrayList<>();
    for (String key : List.of("jdk.module.path", "java.class.path")) {
      String v = System.getProperty(key, "");
      for (String p : v.split(File.pathSeparator)) {
        if (!p.isEmpty() && !parts.contains(p)) {
          parts.add(p);
        }
      }
    }
    return String.join(File.pathSeparator, parts);
  }

  static String javaBinary() {
    return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** What a child process did. */
  record Run(int status, String output) {}

  /**
   * Runs {@code command} with {@code env} added, stdout and stderr merged, at most {@code seconds}.
   */
  static Run run(List<String> command, Map<String, String> env, Path workDir, long seconds) {
    ProcessBuilder pb =
        new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    try {
      Path out = Files.createTempFile("doc-run-", ".out");
      try {
        pb.redirectOutput(out.toFile());
        Process p = pb.start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
          p.descendants().forEach(ProcessHandle::destroyForcibly);
          p.destroyForcibly();
          throw new AssertionError("timed out after " + seconds + " s: " + command);
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
