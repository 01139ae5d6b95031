package io.superloop.visibility.core.store;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Starts a test main class in a child JVM with this JVM's class and module path on its class path. */
public final class ChildJvm {
  private ChildJvm() {}

  static String classPath() {
    Set<String> parts = new LinkedHashSet<>();
    for (String prop : new String[] {"jdk.module.path", "java.class.path"}) {
      String v = System.getProperty(prop);
      if (v != null && !v.isEmpty()) {
        for (String s : v.split(File.pathSeparator)) {
          if (!s.isEmpty()) {
            parts.add(s);
          }
        }
      }
    }
    return String.join(File.pathSeparator, parts);
  }

  static ProcessBuilder builder(Class<?> main, String... args) {
    return builder("64m", main, args);
  }

  /**
   * A child JVM of {@code heap} maximum heap ({@code -Xmx}) running {@code main}; its stderr is
   * this JVM's.
   *
   * @param heap the {@code -Xmx} value, for example {@code 32m}
   * @param main the class whose {@code main} runs
   * @param args its arguments
   * @return the process builder (not started)
   */
  public static ProcessBuilder builder(String heap, Class<?> main, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xshare:auto");
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-Xmx" + heap);
    cmd.add("-cp");
    cmd.add(classPath());
    cmd.add(main.getName());
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
  }

  static Process start(Class<?> main, String... args) throws IOException {
    return builder(main, args).start();
  }
}
