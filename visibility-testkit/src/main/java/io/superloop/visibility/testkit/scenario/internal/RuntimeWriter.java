package io.superloop.visibility.testkit.scenario.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * Writes a history's runtime files, step by step, into a runtime folder ({@code events.jsonl},
 * {@code heartbeat.v1.json}) as a runtime would: a torn tail is completed at the start of the next
 * step.
 */
final class RuntimeWriter {
  private final Path events;
  private final Path heartbeat;
  private Optional<String> pendingTornRest = Optional.empty();

  /** Creates the runtime folder with an empty events log. */
  RuntimeWriter(Path runtimeDir) throws IOException {
    Files.createDirectories(runtimeDir);
    this.events = runtimeDir.resolve("events.jsonl");
    this.heartbeat = runtimeDir.resolve("heartbeat.v1.json");
    Files.write(events, new byte[0]);
  }

  /** Applies one step's runtime side (everything before the manager reconciles). */
  void apply(HistoryStep step) throws IOException {
    if (pendingTornRest.isPresent()) {
      append(pendingTornRest.get() + "\n");
      pendingTornRest = Optional.empty();
    }
    switch (step.change().kind()) {
      case TRUNCATE:
        truncateToLines(step.change().keepLines());
        break;
      case ROTATE:
        Files.writeString(events, lines(step.change().replacement()), StandardCharsets.UTF_8);
        break;
      default:
        break;
    }
    append(lines(step.appended()));
    if (step.tornTail().isPresent()) {
      String text = step.tornTail().get().text();
      int cut = Math.max(1, text.length() / 2);
      append(text.substring(0, cut));
      pendingTornRest = Optional.of(text.substring(cut));
    }
    if (step.heartbeat().fileText().isPresent()) {
      Files.writeString(heartbeat, step.heartbeat().fileText().get(), StandardCharsets.UTF_8);
    } else {
      Files.deleteIfExists(heartbeat);
    }
  }

  private static String lines(List<LogLine> lines) {
    StringBuilder b = new StringBuilder();
    for (LogLine l : lines) {
      b.append(l.text()).append('\n');
    }
    return b.toString();
  }

  private void append(String text) throws IOException {
    if (!text.isEmpty()) {
      Files.writeString(events, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
  }

  /** Cuts the log after its first {@code keep} newline-terminated lines (no-op when shorter). */
  private void truncateToLines(int keep) throws IOException {
    byte[] all = Files.readAllBytes(events);
    int end = keep == 0 ? 0 : -1;
    for (int i = 0, seen = 0; i < all.length && end < 0; i++) {
      if (all[i] == '\n' && ++seen == keep) {
        end = i + 1;
      }
    }
    if (end >= 0) {
      try (FileChannel ch = FileChannel.open(events, StandardOpenOption.WRITE)) {
        ch.truncate(end);
      }
    }
  }
}
