package io.superloop.visibility.testkit.cli;

import io.superloop.visibility.api.VisibilityException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * {@code java -jar visibility-conformance.jar <command> ...}: the conformance command. Exit status 0
 * when all is well, 1 when there are findings (drift, invalid envelopes, differences), 2 on a usage
 * or input error, which is one line on stderr and never a stack trace.
 */
public final class ConformanceCommand {
  static final String USAGE =
      String.join(
          "\n",
          "usage: visibility-conformance <command> [options]",
          "",
          "commands:",
          "  demo [--dir DIR]                         end-to-end run on built-in generated data",
          "  reconcile-step CASE_DIR OUT_DIR          one conformance case as one reconcile step",
          "  status LOOP_DIR                          the visibility object of a loop directory",
          "  validate FILE...                         check envelopes and artifacts against the v1 contract",
          "  scan-events EVENTS_JSONL [--from-line N] [--previous SEQUENCE_STATE]",
          "                                           stream a runtime events log through the validator",
          "",
          "every command takes --rules reference|hardened (default hardened; reconcile-step: reference)",
          "and --help. Exit status: 0 ok, 1 findings, 2 usage or input error.");

  private final PrintStream out;
  private final PrintStream err;

  ConformanceCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /** Runs the command and exits with its status. */
  public static void main(String[] args) {
    int status = new ConformanceCommand(System.out, System.err).run(Arrays.asList(args));
    System.out.flush();
    System.exit(status);
  }

  /**
   * Runs one command line without exiting the JVM: the entry point for tests, benchmarks and tools
   * that embed the commands.
   *
   * @param out where the command prints its result
   * @param err where the command prints its one-line errors
   * @param argv the command line, command first ({@code demo --dir /tmp/x})
   * @return the exit status: 0 ok, 1 findings, 2 usage or input error
   */
  public static int run(PrintStream out, PrintStream err, String... argv) {
    return new ConformanceCommand(out, err).run(Arrays.asList(argv));
  }

  /** Runs the command line {@code argv}; returns the exit status. */
  int run(List<String> argv) {
    if (argv.isEmpty() || argv.get(0).equals("--help") || argv.get(0).equals("-h")) {
      out.println(USAGE);
      return argv.isEmpty() ? 2 : 0;
    }
    String command = argv.get(0);
    List<String> rest = argv.subList(1, argv.size());
    try {
      switch (command) {
        case "demo":
          return new DemoCommand(out).run(rest);
        case "reconcile-step":
          return new ReconcileStepCommand(out).run(rest);
        case "status":
          return new StatusCommand(out).run(rest);
        case "validate":
          return new ValidateCommand(out).run(rest);
        case "scan-events":
          return new ScanEventsCommand(out).run(rest);
        default:
          throw new UsageException("unknown command " + command + " (see --help)");
      }
    } catch (UsageException e) {
      err.println("error: " + e.getMessage());
      return 2;
    } catch (VisibilityException e) {
      err.println("error: " + e.getMessage());
      return 2;
    } catch (RuntimeException e) {
      err.println("error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      return 2;
    }
  }
}
