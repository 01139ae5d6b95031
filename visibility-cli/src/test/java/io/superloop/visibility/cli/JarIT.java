package io.superloop.visibility.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built executable jar, run as an operator runs it: {@code java -jar}. */
class JarIT {
  @TempDir Path work;

  record Run(int status, String out, String err) {}

  static Path jar() {
    return CliTest.repo()
        .resolve(
            "visibility-cli/target/superloop-visibility-"
                + System.getProperty("project.version")
                + ".jar");
  }

  private Run java(List<String> jvm, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvm);
    cmd.add("-jar");
    cmd.add(jar().toString());
    cmd.addAll(List.of(args));
    Path out = work.resolve("out.txt");
    Path err = work.resolve("err.txt");
    Process p =
        new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + cmd);
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  @Test
  void theOnlyJarNamedSuperloopVisibilityRunsItsHelp() throws Exception {
    assertTrue(Files.isRegularFile(jar()), jar().toString());
    try (Stream<Path> s = Files.walk(CliTest.repo(), 3)) {
      List<Path> named =
          s.filter(
                  p ->
                      p.toString().contains("/target/")
                          && String.valueOf(p.getFileName()).endsWith(".jar"))
              .filter(p -> String.valueOf(p.getFileName()).contains("superloop-visibility"))
              .collect(Collectors.toList());
      assertEquals(List.of(jar()), named);
    }
    Run help = java(List.of(), "--help");
    assertEquals(0, help.status(), help.err());
    assertTrue(help.out().startsWith("Usage: superloop-visibility "), help.out());
    assertEquals("", help.err());
    Run version = java(List.of(), "--version");
    assertEquals(
        "superloop-visibility " + System.getProperty("project.version") + "\n", version.out());
  }

  @Test
  void anErrorIsOneLineOnStderrAndExitTwo() throws Exception {
    Run r = java(List.of(), "status", work.resolve("nope").toString());
    assertEquals(2, r.status());
    assertEquals("", r.out());
    assertEquals("error: no such directory: " + work.resolve("nope") + "\n", r.err());
  }

  /**
   * A real OutOfMemoryError: a 48 MB document read whole (its limit raised to 64 MiB) in a 16 MB
   * heap is one line and exit 2, never 1.
   */
  @Test
  void outOfMemoryIsOneLineAndExitTwo() throws Exception {
    Path big = work.resolve("big.json");
    byte[] chunk = new byte[1 << 20];
    java.util.Arrays.fill(chunk, (byte) ' ');
    try (OutputStream o = Files.newOutputStream(big)) {
      o.write("{\"a\":\"".getBytes(StandardCharsets.US_ASCII));
      for (int i = 0; i < 48; i++) {
        o.write(chunk);
      }
      o.write("\"}".getBytes(StandardCharsets.US_ASCII));
    }
    Run r =
        java(
            List.of("-Xmx16m", "-XX:+UseSerialGC"),
            "validate",
            "--max-document-bytes",
            String.valueOf(64 << 20),
            big.toString());
    Files.delete(big);
    assertEquals(2, r.status(), r.out() + r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("error: out of memory"), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
  }
}
