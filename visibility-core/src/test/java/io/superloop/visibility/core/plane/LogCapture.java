package io.superloop.visibility.core.plane;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects what the library logs through {@link System.Logger} under one logger name (the JDK's
 * default backend is {@code java.util.logging}); close it to detach.
 */
final class LogCapture extends Handler implements AutoCloseable {
  private final Logger logger;
  private final Level before;
  private final List<LogRecord> records = new ArrayList<>();

  LogCapture(String name) {
    logger = Logger.getLogger(name);
    before = logger.getLevel();
    logger.setLevel(Level.ALL);
    setLevel(Level.ALL);
    logger.addHandler(this);
  }

  @Override
  public synchronized void publish(LogRecord r) {
    records.add(r);
  }

  /** {@return the formatted messages at {@code level} (JUL's level: WARNING, INFO, FINE...)} */
  synchronized List<String> messages(Level level) {
    List<String> out = new ArrayList<>();
    for (LogRecord r : records) {
      if (r.getLevel().equals(level)) {
        out.add(new java.util.logging.SimpleFormatter().formatMessage(r));
      }
    }
    return out;
  }

  synchronized List<LogRecord> records() {
    return List.copyOf(records);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    logger.removeHandler(this);
    logger.setLevel(before);
  }
}
