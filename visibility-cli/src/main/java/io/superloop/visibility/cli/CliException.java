package io.superloop.visibility.cli;

/**
 * A command line the tool cannot run, or input it cannot read: one line on stderr, exit status 2.
 */
final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CliException(String message) {
    super(message);
  }
}
