package io.superloop.visibility.testkit.cli;

/** A command line the command cannot run: printed as one line on stderr, exit status 2. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
