package io.superloop.visibility.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/** Temporary workload directories. */
final class TempFiles {
  private TempFiles() {}

  /** Deletes {@code dir} and everything under it. */
  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    List<Path> all;
    try (Stream<Path> s = Files.walk(dir)) {
      all = new ArrayList<>(s.toList());
    }
    Collections.reverse(all);
    for (Path p : all) {
      Files.deleteIfExists(p);
    }
  }
}
