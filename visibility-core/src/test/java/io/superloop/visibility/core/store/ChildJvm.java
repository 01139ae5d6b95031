package io.superloop.visibility.core.store;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Starts a test main class in a child JVM with this JVM's class and module path on its class path.
 */
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

  /** A started child whose stdout is collected. */
  record Running(Process process, ByteArrayOutputStream out, Thread reader) {
    /** {@return what the child printed so far} */
    String text() {
      return ChildJvm.text(out);
    }

    /** {@return how many of the lines the child printed so far begin with {@code prefix}} */
    int lines(String prefix) {
      int n = 0;
      for (String l : text().split("\n")) {
        if (l.startsWith(prefix)) {
          n++;
        }
      }
      return n;
    }

    /** Kills the child (SIGKILL) and waits for it and its output. */
    String kill() throws InterruptedException {
      process.destroyForcibly();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new AssertionError("child did not die");
      }
      reader.join();
      return text();
    }
  }

  /**
   * Starts a test main class and waits (at most until {@code deadlineNanos}) until it printed
   * {@code READY}.
   *
   * @param failure what a child that did not start is reported with (the test's seed)
   */
  static Running startReady(Class<?> main, long deadlineNanos, String failure, String... args)
      throws IOException, InterruptedException {
    Process p = start(main, args);
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    Running r = new Running(p, buf, pump(p.getInputStream(), buf));
    while (!r.text().contains("READY\n")) {
      if (!p.isAlive() || System.nanoTime() > deadlineNanos) {
        throw new AssertionError("child did not start (" + failure + "): " + r.text());
      }
      Thread.sleep(2);
    }
    return r;
  }

  /** Collects what {@code in} gives into {@code buf} on a daemon thread, until it ends. */
  static Thread pump(InputStream in, ByteArrayOutputStream buf) {
    Thread t =
        new Thread(
            () -> {
              byte[] b = new byte[8192];
              try {
                int n;
                while ((n = in.read(b)) > 0) {
                  synchronized (buf) {
                    buf.write(b, 0, n);
                  }
                }
              } catch (IOException ignored) {
                // the child died
              }
            },
            "child-stdout");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** {@return what {@code buf} holds so far, as ASCII} */
  static String text(ByteArrayOutputStream buf) {
    synchronized (buf) {
      return buf.toString(StandardCharsets.US_ASCII);
    }
  }
}
