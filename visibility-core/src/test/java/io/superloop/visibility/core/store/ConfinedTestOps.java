package io.superloop.visibility.core.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The production file operations for the test trees of any repository: a path under a {@code
 * <repo>/.superloop/ops-manager} goes through the {@link ConfinedFileOps} of that directory (as a
 * {@link LoopLayout}'s own operations do: no symbolic link followed, regular files only), any other
 * path through {@link RealFileOps}. The step tests' recording, fault-injecting and fsync-free
 * operations sit on top of it, so what they count or fail is the production path.
 */
final class ConfinedTestOps implements FileOps {
  static final ConfinedTestOps INSTANCE = new ConfinedTestOps();

  private final Map<Path, ConfinedFileOps> byRoot = new ConcurrentHashMap<>();

  private ConfinedTestOps() {}

  private FileOps of(Path path) {
    Path p = path.toAbsolutePath().normalize();
    for (Path at = p; at != null; at = at.getParent()) {
      Path name = at.getFileName();
      Path parent = at.getParent();
      if (name != null
          && name.toString().equals("ops-manager")
          && parent != null
          && parent.getFileName() != null
          && parent.getFileName().toString().equals(".superloop")) {
        return byRoot.computeIfAbsent(at, ConfinedFileOps::new);
      }
    }
    return RealFileOps.INSTANCE;
  }

  @Override
  public Handle open(Path file, Mode mode) throws IOException {
    return of(file).open(file, mode);
  }

  @Override
  public boolean exists(Path path) {
    return of(path).exists(path);
  }

  @Override
  public void createDirectories(Path dir) throws IOException {
    of(dir).createDirectories(dir);
  }

  @Override
  public void move(Path source, Path target) throws IOException {
    of(source).move(source, target);
  }

  @Override
  public void forceDirectory(Path dir) throws IOException {
    of(dir).forceDirectory(dir);
  }

  @Override
  public void deleteIfExists(Path path) throws IOException {
    of(path).deleteIfExists(path);
  }

  @Override
  public List<Path> list(Path dir) throws IOException {
    return of(dir).list(dir);
  }
}
