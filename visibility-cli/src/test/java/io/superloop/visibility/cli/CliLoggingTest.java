package io.superloop.visibility.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.core.plane.StepOptions;
import io.superloop.visibility.core.plane.VisibilityPlane;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.LogManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tool prints the library's System.Logger lines as one line per message on stderr, the stack
 * trace only under --verbose, nothing below INFO.
 */
class CliLoggingTest {
  @TempDir Path repo;

  @AfterEach
  void restore() throws IOException {
    LogManager.getLogManager().readConfiguration();
  }

  private String stepWithACorruptState(boolean verbose) throws IOException {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CliLogging.install(new PrintStream(err, true, StandardCharsets.UTF_8), verbose);
    Path ops = Files.createDirectories(repo.resolve(".superloop/ops-manager/l"));
    Files.createDirectories(repo.resolve(".superloop/loops/l"));
    Files.writeString(ops.resolve("health.json"), "{");
    VisibilityPlane.builder(repo, "l").build().reconcileLocal(StepOptions.defaults());
    System.getLogger("io.superloop.visibility.cli.test")
        .log(
            System.Logger.Level.WARNING,
            "a message\nover two lines",
            new IllegalStateException("boom"));
    System.getLogger("io.superloop.visibility.cli.test")
        .log(System.Logger.Level.DEBUG, "not shown");
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void oneLinePerMessage() throws IOException {
    String[] lines = stepWithACorruptState(false).split("\n");
    assertEquals(2, lines.length, String.join("\n", lines));
    assertTrue(
        lines[0].startsWith(
            "warning: quarantined unreadable state file "
                + repo.resolve(".superloop/ops-manager/l/health.json")
                + " to "),
        lines[0]);
    assertEquals("warning: a message over two lines", lines[1]);
  }

  @Test
  void stackTracesOnlyWhenVerbose() throws IOException {
    String out = stepWithACorruptState(true);
    assertTrue(
        out.contains(
            "warning: a message over two lines\njava.lang.IllegalStateException: boom\n\tat "),
        out);
    assertTrue(!out.contains("not shown"), out);
  }
}
