package io.superloop.visibility.testkit.scenario.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Large, realistic inputs for benchmarks and soak tests, drawn from the scenario generators:
 * runtime {@code events.jsonl} lines of about 300-600 bytes with payloads ({@link
 * HistoryGens#eventLines}), and the sprite service's {@code /ops/events} answers and event
 * envelopes over the same lines, in the service poll adapter's shape (contract 1.1, 1.18). Equal
 * seeds give equal bytes.
 *
 * <p>Large logs cycle through a pool of distinct generated lines: a runtime log's sequence values
 * are its line numbers, not its contents, so a repeated line changes no decision, and a 1 GiB log
 * is written at disk speed instead of generator speed.
 */
public final class Workloads {
  /** The loop id of every workload. */
  public static final String LOOP_ID = "bench-loop";

  /** The manager's clock of every workload; event timestamps are up to ten minutes before it. */
  public static final Instant NOW = HistoryGens.BASE;

  /** Distinct lines in the pool of a large log. */
  static final int POOL = 4096;

  private Workloads() {}

  /**
   * {@code count} runtime event lines (no newline), all valid events.
   *
   * @param count how many lines
   * @param seed the seed
   * @return the lines, in order
   */
  public static List<String> runtimeEventLines(int count, long seed) {
    List<LogLine> lines = HistoryGens.eventLines(LOOP_ID, NOW).samples(seed, count);
    List<String> out = new ArrayList<>(count);
    for (LogLine l : lines) {
      out.add(l.text());
    }
    return out;
  }

  /**
   * A runtime {@code events.jsonl} of {@code lines} newline-terminated event lines, as UTF-8 bytes.
   *
   * @param lines how many lines
   * @param seed the seed
   * @return the log's bytes
   */
  public static byte[] runtimeEventLog(int lines, long seed) {
    List<byte[]> pool = linePool(Math.min(lines, POOL), seed);
    long total = 0;
    for (int i = 0; i < lines; i++) {
      total += pool.get(i % pool.size()).length;
    }
    if (total > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("a log of " + lines + " lines does not fit in an array");
    }
    byte[] out = new byte[(int) total];
    int at = 0;
    for (int i = 0; i < lines; i++) {
      byte[] line = pool.get(i % pool.size());
      System.arraycopy(line, 0, out, at, line.length);
      at += line.length;
    }
    return out;
  }

  /** {@code count} distinct event lines, each with its newline, as UTF-8 bytes. */
  private static List<byte[]> linePool(int count, long seed) {
    List<byte[]> pool = new ArrayList<>(count);
    for (String l : runtimeEventLines(count, seed)) {
      pool.add((l + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return pool;
  }

  /**
   * Appends newline-terminated runtime event lines to {@code file} (created when absent) until it
   * holds at least {@code minBytes} bytes; returns the lines written. Streams: memory stays
   * constant whatever the size.
   *
   * @param file the log
   * @param minBytes the size to reach
   * @param seed the seed
   * @return how many lines were appended
   * @throws IOException when the file cannot be written
   */
  public static long appendRuntimeEventLog(Path file, long minBytes, long seed) throws IOException {
    List<byte[]> pool = linePool(POOL, seed);
    long size = Files.exists(file) ? Files.size(file) : 0;
    long written = 0;
    try (OutputStream out =
        new BufferedOutputStream(
            Files.newOutputStream(
                file,
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND),
            1 << 20)) {
      while (size < minBytes) {
        byte[] line = pool.get((int) (written % POOL));
        out.write(line);
        size += line.length;
        written++;
      }
    }
    return written;
  }

  /**
   * The sprite service's {@code GET /ops/events} answer body (contract 1.18) delivering the first
   * {@code events} lines of a runtime log: one event envelope per line, {@code sequence.value} the
   * line number, cursor at the end.
   *
   * @param events how many envelopes
   * @param seed the seed
   * @return the body, compact JSON
   */
  public static String eventsAnswerBody(int events, long seed) {
    ReferenceAnswers service = service(events, seed);
    return service.eventsBody(quietStep(), 0, NOW, "4bf92f3577b34da6a3ce929d0e0e4736");
  }

  /**
   * The sprite service's {@code GET /ops/snapshot} answer body (contract 1.1) for the log of {@link
   * #eventsAnswerBody(int, long)}.
   *
   * @param events how many lines the log holds
   * @param seed the seed
   * @return the body, compact JSON
   */
  public static String snapshotBody(int events, long seed) {
    ReferenceAnswers service = service(events, seed);
    return service.snapshotBody(quietStep(), NOW, "4bf92f3577b34da6a3ce929d0e0e4736");
  }

  /**
   * The event envelopes of {@link #eventsAnswerBody(int, long)} as an NDJSON stream: one compact
   * {@code loop_run_event} envelope per line, newline-terminated, as UTF-8 bytes.
   *
   * @param events how many envelopes
   * @param seed the seed
   * @return the stream's bytes
   */
  public static byte[] eventEnvelopeNdjson(int events, long seed) {
    ReferenceAnswers service = service(events, seed);
    StringBuilder b = new StringBuilder(events * 1100);
    for (int i = 0; i < events; i++) {
      b.append(service.eventEnvelope(i, NOW, "4bf92f3577b34da6a3ce929d0e0e4736")).append('\n');
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static ReferenceAnswers service(int events, long seed) {
    ReferenceAnswers service = new ReferenceAnswers(LOOP_ID);
    List<LogLine> pool = HistoryGens.eventLines(LOOP_ID, NOW).samples(seed, Math.min(events, POOL));
    List<LogLine> lines = new ArrayList<>(events);
    for (int i = 0; i < events; i++) {
      lines.add(pool.get(i % pool.size()));
    }
    service.apply(quietStep().withAppended(lines));
    return service;
  }

  private static HistoryStep quietStep() {
    return new HistoryStep(
        0,
        LogChange.NONE,
        List.of(),
        Optional.empty(),
        false,
        HeartbeatSpec.ABSENT,
        Optional.empty(),
        List.of(),
        Optional.empty());
  }
}
