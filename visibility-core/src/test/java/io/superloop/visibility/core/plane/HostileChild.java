package io.superloop.visibility.core.plane;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.reconcile.ReconcileRow;
import io.superloop.visibility.api.status.VisibilitySummary;
import io.superloop.visibility.core.rules.Durability;
import io.superloop.visibility.core.store.LoopArtifact;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The child JVM of {@link HostileInputCorpusTest} and {@link SmallHeapTest}, run with {@code
 * -Xmx32m}: it builds loops, plants hostile files, runs the plane's operations and prints one
 * tab-separated line per outcome on stdout ({@code START}, {@code RESULT}, {@code OP}, {@code
 * DONE}). Every outcome is caught and printed: an {@link OutOfMemoryError} or another throwable is
 * an outcome too ({@code THROWABLE:...}), so the parent sees exactly which case failed.
 */
public final class HostileChild {
  static final String LOOP = "demo-loop";
  static final Instant T1 = Instant.parse("2026-03-01T12:00:00Z");
  static final Instant T2 = T1.plusSeconds(60);
  static final String RT = ".superloop/loops/" + LOOP + "/";
  static final String OPS = ".superloop/ops-manager/" + LOOP + "/";
  static final long MIB = 1 << 20;

  /** The kinds of hostile input, as issue 14 lists them. */
  enum Kind {
    FIFO,
    DEV_ZERO,
    DIRECTORY,
    SYMLINK_LOOP,
    SYMLINK_OUTSIDE,
    HUGE_LINE,
    HUGE_DOCUMENT,
    DEEP_NESTING,
    INVALID_UTF8,
    BOM,
    NUL;

    String id() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /**
   * The step journal (issue 14's step commit protocol), read by every step before anything else.
   */
  static final String JOURNAL = OPS + ".step-journal";

  /**
   * Every file the plane reads: the two runtime inputs, each loop artifact and the step journal.
   */
  static List<String> files() {
    List<String> out = new ArrayList<>(List.of(RT + "events.jsonl", RT + "heartbeat.v1.json"));
    for (LoopArtifact a : LoopArtifact.values()) {
      out.add(OPS + a.defaultPath());
    }
    out.add(JOURNAL);
    return out;
  }

  static String event(int i) {
    return "{\"timestamp\":\"2026-03-01T11:5" + (i % 10) + ":00Z\",\"event\":\"e" + i + "\"}\n";
  }

  static String heartbeat(Instant at) {
    return "{\"schemaVersion\":\"v1\",\"timestamp\":\"" + at + "\",\"source\":\"runtime\"}";
  }

  /** Rows of the files other components write, from the contract's examples. */
  static final Map<String, String> OTHER_WRITERS =
      Map.of(
          "intents.jsonl",
          "{\"timestamp\":\"2026-03-01T11:58:00Z\",\"loopId\":\"demo-loop\",\"intent\":\"cancel\",\"traceId\":\"t-1\","
              + "\"requestedBy\":\"ops\",\"transport\":\"local\",\"status\":\"confirmed\",\"command\":\"superloop.sh cancel\","
              + "\"idempotencyKey\":\"k-1\",\"exitCode\":0}\n",
          "telemetry/control.jsonl",
          "{\"timestamp\":\"2026-03-01T11:58:00Z\",\"startedAt\":\"2026-03-01T11:57:58Z\",\"loopId\":\"demo-loop\","
              + "\"intent\":\"cancel\",\"traceId\":\"t-1\",\"transport\":\"local\",\"status\":\"confirmed\","
              + "\"idempotencyKey\":\"k-1\",\"requestedBy\":\"ops\",\"exitCode\":0,\"confirmExitCode\":0,"
              + "\"confirmed\":true,\"durationSeconds\":2}\n",
          "telemetry/control-invocations.jsonl",
          "{\"schemaVersion\":\"v1\",\"timestamp\":\"2026-03-01T11:58:00Z\",\"startedAt\":\"2026-03-01T11:57:58Z\","
              + "\"loopId\":\"demo-loop\",\"intent\":\"cancel\",\"traceId\":\"t-1\",\"transport\":\"local\","
              + "\"requestedBy\":\"ops\",\"idempotencyKey\":\"k-1\",\"request\":{\"doConfirm\":true,"
              + "\"timeoutSeconds\":30,\"intervalSeconds\":2,\"retryAttempts\":3,\"retryBackoffSeconds\":1},"
              + "\"execution\":{\"status\":\"succeeded\",\"exitCode\":0,\"command\":\"superloop.sh cancel\","
              + "\"output\":\"ok\",\"replayed\":false},\"confirmation\":{\"attempted\":true,\"status\":\"confirmed\","
              + "\"exitCode\":0},\"outcome\":{\"status\":\"confirmed\",\"confirmed\":true,\"durationSeconds\":2}}\n",
          "telemetry/control-invocations.inflight.jsonl",
          "{\"timestamp\":\"2026-03-01T11:57:58Z\",\"loopId\":\"demo-loop\",\"intent\":\"cancel\",\"traceId\":\"t-1\","
              + "\"transport\":\"local\",\"requestedBy\":\"ops\",\"idempotencyKey\":\"k-1\",\"phase\":\"started\"}\n"
              + "{\"timestamp\":\"2026-03-01T11:58:00Z\",\"loopId\":\"demo-loop\",\"intent\":\"cancel\",\"traceId\":\"t-1\","
              + "\"transport\":\"local\",\"requestedBy\":\"ops\",\"idempotencyKey\":\"k-1\",\"phase\":\"completed\"}\n",
          "telemetry/alerts.jsonl",
          "{\"timestamp\":\"2026-03-01T11:58:01Z\",\"loopId\":\"demo-loop\",\"traceId\":\"t-2\",\"category\":\"alert_dispatch\","
              + "\"status\":\"failed_command\",\"reasonCode\":\"alert_dispatch_failed\",\"message\":\"exit 1\"}\n",
          "alert-dispatch-state.json",
          "{\"schemaVersion\":\"v1\",\"updatedAt\":\"2026-03-01T11:58:01Z\",\"loopId\":\"demo-loop\",\"traceId\":\"t-2\","
              + "\"escalationsFile\":\"/srv/e.jsonl\",\"dispatchTelemetryFile\":\"/srv/a.jsonl\",\"status\":\"success\","
              + "\"processedCount\":1,\"dispatchedCount\":1,\"skippedCount\":0,\"failedCount\":0,"
              + "\"failureReasonCodes\":[],\"escalationsLineOffset\":1,\"escalationsLineCount\":1}\n",
          "state.json",
          "{\"schemaVersion\":\"v1\",\"generatedAt\":\"2026-03-01T11:59:00Z\",\"transition\":{\"currentState\":\"running\"},"
              + "\"projection\":{\"status\":\"running\",\"lastEventAt\":\"2026-03-01T11:59:50Z\"},"
              + "\"divergence\":{\"any\":false}}\n");

  static VisibilityPlane plane(Path repo, Instant now) {
    return VisibilityPlane.builder(repo, LOOP)
        .clock(Clock.fixed(now, ZoneOffset.UTC))
        .durability(Durability.NONE)
        .build();
  }

  /**
   * A loop after one clean step at {@link #T1}, with a row or state of every other writer and a
   * heartbeat gone stale since, so the next step escalates (and appends to every log it writes).
   */
  static void baseline(Path repo) throws IOException {
    Path rt = Files.createDirectories(repo.resolve(RT));
    Files.writeString(rt.resolve("events.jsonl"), event(1) + event(2) + event(3));
    Files.writeString(rt.resolve("heartbeat.v1.json"), heartbeat(T1.minusSeconds(10)));
    plane(repo, T1).reconcileLocal(StepOptions.defaults());
    for (Map.Entry<String, String> e : OTHER_WRITERS.entrySet()) {
      Files.writeString(repo.resolve(OPS + e.getKey()), e.getValue());
    }
    Files.writeString(repo.resolve(OPS + "escalations.jsonl"), "");
    Files.writeString(rt.resolve("heartbeat.v1.json"), heartbeat(T1.minusSeconds(1000)));
  }

  /** Writes {@code head}, a hole of zeros up to {@code at}, then {@code tail} (a sparse file). */
  static void sparse(Path f, byte[] head, long at, byte[] tail) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
      raf.setLength(0);
      raf.write(head);
      raf.seek(at);
      raf.write(tail);
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  static final byte[] BOM = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};

  /**
   * Puts {@code kind} in place of {@code file} (a path in {@code repo}); links lead to {@code
   * outside}.
   */
  static void plant(Path repo, String file, Kind kind, Path outside)
      throws IOException, InterruptedException {
    Path f = repo.resolve(file);
    boolean jsonl = file.endsWith(".jsonl");
    boolean events = file.endsWith("events.jsonl");
    byte[] old = Files.isRegularFile(f) ? Files.readAllBytes(f) : new byte[0];
    Files.createDirectories(f.getParent());
    switch (kind) {
      case FIFO -> {
        Files.deleteIfExists(f);
        Process p = new ProcessBuilder("/usr/bin/mkfifo", f.toString()).inheritIO().start();
        if (p.waitFor() != 0) {
          throw new IOException("mkfifo failed");
        }
      }
      case DEV_ZERO -> {
        Files.deleteIfExists(f);
        Files.createSymbolicLink(f, Path.of("/dev/zero"));
      }
      case DIRECTORY -> {
        Files.deleteIfExists(f);
        Files.createDirectory(f);
      }
      case SYMLINK_LOOP -> {
        Files.deleteIfExists(f);
        Files.createSymbolicLink(f, f);
      }
      case SYMLINK_OUTSIDE -> {
        Files.deleteIfExists(f);
        String name = f.getFileName().toString();
        Files.createSymbolicLink(
            f,
            outside.resolve(
                name.equals("events.jsonl") || name.equals("heartbeat.v1.json")
                    ? name
                    : jsonl ? "any.jsonl" : "any.json"));
      }
      case HUGE_LINE -> {
        // one 50 MB line: valid JSON around a hole of zeros; a log keeps its rows before it
        byte[] head = jsonl ? concat(old, utf8("{\"pad\":\"")) : utf8("{\"pad\":\"");
        sparse(f, head, head.length + 50 * MIB, utf8(jsonl ? "\"}\n" : "\"}"));
      }
      case HUGE_DOCUMENT -> {
        if (file.equals(
            JOURNAL)) { // a committed record of 100 MB: header, length and checksum right
          long length = 100 * MIB;
          java.util.zip.CRC32 crc = new java.util.zip.CRC32();
          byte[] zeros = new byte[1 << 20];
          for (long done = 0; done < length; done += zeros.length) {
            crc.update(zeros);
          }
          String header =
              "superloop-step-journal 1 "
                  + length
                  + " "
                  + java.util.HexFormat.of().toHexDigits((int) crc.getValue())
                  + "\n";
          byte[] head = utf8(header);
          try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(0);
            raf.write(head);
            raf.setLength(head.length + length);
          }
        } else if (events) { // 1 GiB: the lines read so far, one line of zeros, one more event
          sparse(f, old, 1024 * MIB, utf8("\n" + event(4)));
        } else if (jsonl) { // 500 MB: zeros, the rows, then a 20 MB last row
          byte[] rows = concat(utf8("\n"), old, utf8("{\"pad\":\""));
          Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
          try (RandomAccessFile raf = new RandomAccessFile(tmp.toFile(), "rw")) {
            long at = 480 * MIB;
            raf.seek(at);
            raf.write(rows);
            raf.seek(at + rows.length + 20 * MIB);
            raf.write(utf8("\"}\n"));
          }
          Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
        } else { // 100 MB over many lines
          sparse(f, utf8("{\"pad\":[\n"), 100 * MIB, utf8("\n0]}"));
        }
      }
      case DEEP_NESTING -> {
        String deep = "{\"a\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        Files.write(
            f,
            jsonl
                ? concat(
                    old,
                    utf8(
                        events
                            ? deep.replace(
                                    "{\"a\":",
                                    "{\"timestamp\":\"2026-03-01T11:59:00Z\",\"event\":\"d\",\"a\":")
                                + "\n"
                            : deep + "\n"))
                : utf8(deep));
      }
      case INVALID_UTF8 -> {
        byte[] bad = {(byte) 0xc3, (byte) 0x28, (byte) 0xff};
        byte[] doc =
            file.endsWith("heartbeat.v1.json")
                ? concat(
                    utf8(heartbeat(T2.minusSeconds(5)).replace("}", ",\"x\":\"")), bad, utf8("\"}"))
                : concat(
                    utf8(
                        events
                            ? "{\"timestamp\":\"2026-03-01T11:59:00Z\",\"event\":\"u\",\"x\":\""
                            : "{\"x\":\""),
                    bad,
                    utf8("\"}"));
        Files.write(f, jsonl ? concat(old, doc, utf8("\n")) : doc);
      }
      case BOM -> {
        if (jsonl) { // a row starting with a byte order mark, after the others
          byte[] last = events ? utf8(event(4)) : lastLine(old);
          Files.write(f, concat(old, BOM, last));
        } else {
          Files.write(f, concat(BOM, old.length > 0 ? old : utf8(heartbeat(T2.minusSeconds(5)))));
        }
      }
      case NUL -> {
        byte[] doc = utf8("{\"x\":\"\u0000\"}");
        Files.write(f, jsonl ? concat(old, doc, utf8("\n")) : concat(doc, old));
      }
    }
  }

  /** The last line of {@code content}, with its newline ({@code {}}+newline when there is none). */
  static byte[] lastLine(byte[] content) {
    int end = content.length;
    if (end == 0) {
      return utf8("{}\n");
    }
    int start = end - 1;
    while (start > 0 && content[start - 1] != '\n') {
      start--;
    }
    byte[] out = new byte[end - start];
    System.arraycopy(content, start, out, 0, out.length);
    return out;
  }

  /** The status outcome: the unreadable files, or the throwable. */
  static String status(Path repo) {
    try {
      VisibilitySummary s = plane(repo, T2).status();
      String sections =
          Stream.of("heartbeat", "sequence", "invocationAudit")
              .filter(
                  k ->
                      switch (k) {
                        case "heartbeat" -> s.heartbeat().isPresent();
                        case "sequence" -> s.sequence().isPresent();
                        default -> s.invocationAudit().isPresent();
                      })
              .collect(Collectors.joining(","));
      Codecs.VISIBILITY_SUMMARY.encode(s); // it encodes
      return "ok sections=" + sections + " unreadable=" + new java.util.TreeMap<>(s.unreadable());
    } catch (VisibilityException e) {
      return "error " + e.code().wire();
    } catch (Throwable t) {
      return "THROWABLE " + t;
    }
  }

  /** The reconcile outcome: ingest status, failure code and warnings, or the error code. */
  static String reconcile(Path repo, StepOptions options) {
    try {
      ReconcileRow row = plane(repo, T2).reconcileLocal(options).reconcileRow();
      return "ok "
          + row.status().wire()
          + " failure="
          + row.failureCode().map(c -> c.wire()).orElse("-")
          + " warnings="
          + row.warnings().stream().map(ReasonCode::wire).sorted().collect(Collectors.toList());
    } catch (VisibilityException e) {
      return "error " + e.code().wire();
    } catch (Throwable t) {
      return "THROWABLE " + t;
    }
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, LinkOption.NOFOLLOW_LINKS);
        }
      }
    }
  }

  static void deleteTree(Path dir) throws IOException {
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            Files.delete(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /**
   * The peak heap used since the start, in MiB: the sum of the heap pools' peaks (read through
   * reflection: the test module does not read java.management; the child runs on the class path).
   */
  static long peakHeapMiB() {
    try {
      Class<?> factory = Class.forName("java.lang.management.ManagementFactory");
      Class<?> poolType = Class.forName("java.lang.management.MemoryPoolMXBean");
      Class<?> usageType = Class.forName("java.lang.management.MemoryUsage");
      long peak = 0;
      for (Object pool : (List<?>) factory.getMethod("getMemoryPoolMXBeans").invoke(null)) {
        if (((Enum<?>) poolType.getMethod("getType").invoke(pool)).name().equals("HEAP")) {
          Object usage = poolType.getMethod("getPeakUsage").invoke(pool);
          peak += (long) usageType.getMethod("getUsed").invoke(usage);
        }
      }
      return peak >> 20;
    } catch (ReflectiveOperationException e) {
      return -1;
    }
  }

  /**
   * {@code corpus WORK OUTSIDE [FILE_FILTER]}: every file x kind; {@code large WORK}: the 32 MiB
   * scenario of the issue (1 GiB log, 50 MB line, 100 MB heartbeat, 500 MB logs whose last row is
   * 20 MB).
   */
  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Path work = Path.of(args[1]);
    if (args[0].equals("corpus")) {
      corpus(out, work, Path.of(args[2]), args.length > 3 ? args[3] : "");
    } else {
      large(out, work);
    }
    out.println(
        "DONE\tpeakHeapMiB="
            + peakHeapMiB()
            + "\tmaxHeapMiB="
            + (Runtime.getRuntime().maxMemory() >> 20));
  }

  static void corpus(PrintStream out, Path work, Path outside, String filter) throws Exception {
    Path template = work.resolve("template");
    baseline(template);
    int n = 0;
    for (String file : files()) {
      if (!file.contains(filter)) {
        continue;
      }
      for (Kind kind : Kind.values()) {
        Path repo = work.resolve("case-" + n++);
        copyTree(template, repo);
        out.println("START\t" + file + "\t" + kind.id());
        plant(repo, file, kind, outside);
        String before = status(repo);
        String step = reconcile(repo, StepOptions.defaults());
        String after = status(repo);
        out.println(
            "RESULT\t" + file + "\t" + kind.id() + "\t" + before + "\t" + step + "\t" + after);
        deleteTree(repo);
      }
    }
  }

  static void large(PrintStream out, Path repo) throws Exception {
    baseline(repo);
    Path events = repo.resolve(RT + "events.jsonl");
    byte[] first = Files.readAllBytes(events);
    // 1 GiB: the three lines read, a 50 MB line, a hole of zeros (one more line), one event
    try (RandomAccessFile raf = new RandomAccessFile(events.toFile(), "rw")) {
      raf.seek(first.length);
      raf.write(utf8("{\"timestamp\":\"2026-03-01T11:59:00Z\",\"event\":\"big\",\"pad\":\""));
      raf.seek(first.length + 50 * MIB);
      raf.write(utf8("\"}\n"));
      raf.seek(1024 * MIB);
      raf.write(utf8("\n" + event(9)));
    }
    sparse(
        repo.resolve(RT + "heartbeat.v1.json"),
        utf8("{\"timestamp\":\"2026-03-01T11:59:00Z\",\"pad\":\""),
        100 * MIB,
        utf8("\"}"));
    for (LoopArtifact a : LoopArtifact.values()) {
      if (a.kind() == LoopArtifact.Kind.LOG) {
        plant(repo, OPS + a.defaultPath(), Kind.HUGE_DOCUMENT, repo);
      }
    }
    op(out, "status-500MB-logs-20MB-last-rows", () -> status(repo));
    op(
        out,
        "reconcile-1GiB-log-50MB-line-100MB-heartbeat",
        () -> reconcile(repo, StepOptions.defaults()));
    op(out, "reconcile-again-from-cursor", () -> reconcile(repo, StepOptions.defaults()));
    op(
        out,
        "reconcile-from-start",
        () -> reconcile(repo, StepOptions.defaults().withFromStart(true)));
    op(out, "status-after", () -> status(repo));
    op(
        out,
        "reconcile-sprite-service",
        () -> {
          try {
            return "ok "
                + plane(repo, T2)
                    .reconcile(
                        SpriteServicePoll.requestFailed("unreachable"), StepOptions.defaults())
                    .reconcileRow()
                    .status()
                    .wire();
          } catch (Throwable t) {
            return "THROWABLE " + t;
          }
        });
  }

  interface Op {
    String run();
  }

  static void op(PrintStream out, String name, Op op) {
    out.println("START\t" + name);
    long t0 = System.nanoTime();
    String result = op.run();
    long ms = (System.nanoTime() - t0) / 1_000_000;
    out.println("OP\t" + name + "\t" + result + "\tms=" + ms + "\tpeakHeapMiB=" + peakHeapMiB());
  }

  private HostileChild() {}
}
