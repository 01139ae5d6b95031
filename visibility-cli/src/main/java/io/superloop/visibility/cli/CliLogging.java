package io.superloop.visibility.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The library's {@link System.Logger} lines (quarantined files, a rewritten log, long lock waits)
 * as the tool prints them: one line per message on stderr, {@code warning: ...}, with the stack
 * trace only under {@code --verbose}; {@code INFO} and above. The JDK's {@code System.Logger}
 * backend is {@code java.util.logging}, whose root handler this replaces.
 */
final class CliLogging {
  private CliLogging() {}

  /**
   * Routes every log record of this JVM to {@code err}.
   *
   * @param err the tool's stderr
   * @param verbose whether stack traces are printed
   */
  static void install(PrintStream err, boolean verbose) {
    LogManager.getLogManager().reset();
    Logger root = Logger.getLogger("");
    root.setLevel(Level.INFO);
    root.addHandler(new OneLineHandler(err, verbose));
  }

  /** Prints each record as one line (plus its stack trace under {@code --verbose}). */
  static final class OneLineHandler extends Handler {
    private final PrintStream err;

    OneLineHandler(PrintStream err, boolean verbose) {
      this.err = err;
      setLevel(Level.INFO);
      setFormatter(new OneLine(verbose));
    }

    @Override
    public void publish(LogRecord r) {
      if (isLoggable(r)) {
        err.print(getFormatter().format(r));
        err.flush();
      }
    }

    @Override
    public void flush() {
      err.flush();
    }

    @Override
    public void close() {
      flush();
    }
  }

  /** {@code <level>: <message on one line>\n}, then the stack trace when verbose. */
  static final class OneLine extends Formatter {
    private final boolean verbose;

    OneLine(boolean verbose) {
      this.verbose = verbose;
    }

    @Override
    public String format(LogRecord r) {
      StringBuilder b =
          new StringBuilder()
              .append(level(r.getLevel()))
              .append(": ")
              .append(Failures.oneLine(formatMessage(r)))
              .append('\n');
      Throwable t = r.getThrown();
      if (verbose && t != null) {
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace, true));
        b.append(trace);
      }
      return b.toString();
    }

    /** System.Logger's level names, lower case: SEVERE is error, FINE debug. */
    private static String level(Level l) {
      if (l.intValue() >= Level.SEVERE.intValue()) {
        return "error";
      }
      if (l.intValue() >= Level.WARNING.intValue()) {
        return "warning";
      }
      if (l.intValue() >= Level.INFO.intValue()) {
        return "info";
      }
      return l.intValue() >= Level.FINE.intValue() ? "debug" : "trace";
    }
  }
}
