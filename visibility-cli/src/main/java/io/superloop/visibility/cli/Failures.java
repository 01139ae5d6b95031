package io.superloop.visibility.cli;

import io.superloop.visibility.api.VisibilityException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/** How a failure reaches the operator: one line on stderr, exit status 2. */
final class Failures {
  private Failures() {}

  /**
   * Prints {@code error: <one line>} (and, when {@code verbose}, the stack trace) and returns 2.
   *
   * @param t the failure
   * @param err the error stream
   * @param verbose whether the stack trace follows the line
   * @return 2
   */
  static int report(Throwable failure, PrintWriter err, boolean verbose) {
    Throwable t = failure;
    // picocli wraps what is not an Exception (an Error such as OutOfMemoryError) in its own
    // exception
    if (t instanceof CommandLine.ExecutionException && t.getCause() != null) {
      t = t.getCause();
    }
    err.println("error: " + line(t));
    if (verbose) {
      t.printStackTrace(err);
    }
    err.flush();
    return Main.ERROR;
  }

  /** The one line that tells the operator what failed. */
  static String line(Throwable t) {
    if (t instanceof CliException) {
      return oneLine(String.valueOf(t.getMessage()));
    }
    if (t instanceof VisibilityException v) {
      return oneLine(v.getMessage());
    }
    if (t instanceof OutOfMemoryError) {
      return "out of memory ("
          + oneLine(String.valueOf(t.getMessage()))
          + "): the input needs more heap than the JVM has; raise it with -Xmx";
    }
    if (t instanceof StackOverflowError) {
      return "the input is nested too deeply to process (stack overflow)";
    }
    if (t instanceof UncheckedIOException u) {
      return "I/O error: " + oneLine(String.valueOf(u.getMessage()));
    }
    String m = t.getMessage();
    return "internal error: "
        + t.getClass().getSimpleName()
        + (m == null ? "" : ": " + oneLine(m))
        + " (--verbose prints the stack trace)";
  }

  /** The text on one line: line breaks become spaces. */
  static String oneLine(String s) {
    return s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
  }
}
