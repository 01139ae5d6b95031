package io.superloop.visibility.testkit.scenario.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * Temporary directories on a memory file system ({@code /dev/shm}) when there is one: every try of
 * the parity properties writes and fsyncs a loop directory, which on a shared disk costs more than
 * the work itself. Falls back to the default temporary directory.
 */
public final class MemoryTempDirFactory implements TempDirFactory {
  @Override
  public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext extension)
      throws IOException {
    Path shm = Paths.get("/dev/shm");
    if (Files.isDirectory(shm) && Files.isWritable(shm)) {
      return Files.createTempDirectory(shm, "visibility-parity-");
    }
    return Files.createTempDirectory("visibility-parity-");
  }
}
