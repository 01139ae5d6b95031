package io.superloop.visibility.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar superloop-visibility-<version>.jar <command> ...}: the operator's tool. Exit
 * status 0 when all is well, 1 when there are findings (drift, invalid envelopes, differences), 2
 * on a usage or input error or any other failure, out of memory included: one line on stderr, never
 * a stack trace ({@code --verbose} adds the detail and the stack trace).
 */
@Command(
    name = "superloop-visibility",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "The operator's tool of the Superloop visibility plane: reconcile, inspect and check the files",
      "of a loop's ops manager (v1 contract)."
    },
    subcommands = {
      DemoCommand.class,
      ReconcileStepCommand.class,
      StatusCommand.class,
      ValidateCommand.class,
      ScanEventsCommand.class,
      ConformanceCommand.class,
      AutoComplete.GenerateCompletion.class
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:all is well",
      "1:findings (drift, invalid envelopes, differences from the reference)",
      "2:a usage or input error, or any other failure (one line on stderr)"
    },
    footer = {"", "Every command takes --help; --verbose prints the detail of an error."})
public final class Main implements Callable<Integer> {
  /** Exit status: all is well. */
  static final int OK = 0;

  /** Exit status: findings. */
  static final int FINDINGS = 1;

  /** Exit status: a usage or input error, or any other failure. */
  static final int ERROR = 2;

  private static final byte[] LAST_RESORT =
      "error: out of memory (raise the JVM's heap with -Xmx)\n".getBytes(StandardCharsets.US_ASCII);

  @SuppressWarnings("NullAway.Init") // set by picocli
  @Spec
  CommandSpec spec;

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "On an error, also print its detail and stack trace.")
  boolean verbose;

  /** For picocli. */
  public Main() {}

  /** Prints one line and exits 2: a command is needed. */
  @Override
  public Integer call() {
    spec.commandLine()
        .getErr()
        .println("error: no command given (see 'superloop-visibility --help' for the commands)");
    return ERROR;
  }

  /**
   * Runs the command line and exits with its status.
   *
   * @param args the command line, command first
   */
  public static void main(String[] args) {
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, e) -> {
          lastResort(e);
          Runtime.getRuntime().halt(ERROR);
        });
    int status;
    try {
      CliLogging.install(System.err, verbose(args));
      status = run(System.out, System.err, args);
    } catch (Throwable t) { // even an error while reporting an error is one line and exit 2
      lastResort(t);
      status = ERROR;
    }
    System.exit(status);
  }

  /**
   * Runs one command line without exiting the JVM: the entry point for tests, benchmarks and tools
   * that embed the commands.
   *
   * @param out where the command prints its result
   * @param err where the command prints its one-line errors
   * @param args the command line, command first ({@code demo --dir /tmp/x})
   * @return the exit status: 0 ok, 1 findings, 2 usage or input error, or any other failure
   */
  public static int run(PrintStream out, PrintStream err, String... args) {
    PrintWriter o = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    PrintWriter e = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    try {
      return execute(commandLine(o, e), args);
    } finally {
      o.flush();
      e.flush();
    }
  }

  /** The command line with its output streams and error handlers set. */
  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          CommandLine c = ex.getCommandLine();
          PrintWriter w = c.getErr();
          w.println(
              "error: "
                  + Failures.oneLine(String.valueOf(ex.getMessage()))
                  + " (see '"
                  + c.getCommandSpec().qualifiedName()
                  + " --help')");
          if (verbose(args)) {
            c.usage(w);
          }
          w.flush();
          return ERROR;
        });
    cl.setExecutionExceptionHandler(
        (ex, c, parseResult) ->
            Failures.report(
                ex, c.getErr(), verbose(parseResult.originalArgs().toArray(new String[0]))));
    return cl;
  }

  /**
   * Executes {@code args} on {@code cl}: whatever escapes the command (an {@link Error} such as
   * {@link OutOfMemoryError} too) is one line on the command line's stderr and exit status 2.
   */
  static int execute(CommandLine cl, String... args) {
    try {
      return cl.execute(args);
    } catch (Throwable t) {
      try {
        return Failures.report(t, cl.getErr(), verbose(args));
      } catch (Throwable again) {
        lastResort(again);
        return ERROR;
      }
    }
  }

  private static boolean verbose(String[] args) {
    return Arrays.asList(args).contains("--verbose");
  }

  /** Writes a preallocated line, or the failure's one line when memory allows. */
  private static void lastResort(Throwable t) {
    try {
      if (t instanceof OutOfMemoryError) {
        System.err.write(LAST_RESORT, 0, LAST_RESORT.length);
      } else {
        System.err.println("error: " + Failures.line(t));
      }
      System.err.flush();
    } catch (Throwable ignored) {
      // nothing more can be said
    }
  }

  /** The version of the build, from the jar's resources. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"superloop-visibility " + version()};
    }

    static String version() {
      Properties p = new Properties();
      try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          p.load(in);
        }
      } catch (IOException e) {
        return "unknown";
      }
      return p.getProperty("version", "unknown");
    }
  }
}
