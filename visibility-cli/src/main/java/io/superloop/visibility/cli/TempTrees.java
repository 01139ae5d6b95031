package io.superloop.visibility.cli;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Deletes a temporary tree the tool made (never follows a symbolic link). */
final class TempTrees {
  private TempTrees() {}

  /** Deletes a temporary tree; an error leaves it behind (no failure of the command). */
  static void delete(Path root) {
    try {
      deleteTree(root);
    } catch (IOException e) {
      // a temporary tree left behind is no failure of the command
    }
  }

  /**
   * Deletes a tree without following links (a link is deleted itself); absent is fine.
   *
   * @throws IOException when a file or directory cannot be deleted
   */
  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(
              Path dir, @org.jspecify.annotations.Nullable IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
