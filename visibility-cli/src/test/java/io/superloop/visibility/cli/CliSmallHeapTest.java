package io.superloop.visibility.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.superloop.visibility.core.plane.StepOptions;
import io.superloop.visibility.core.plane.VisibilityPlane;
import io.superloop.visibility.core.rules.Durability;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command of the operator's tool completes in a 32 MiB heap ({@code -Xmx32m}) on huge and
 * hostile inputs (issue 14): a 100 MB envelope document and a 50 MB envelope line are {@code
 * limit_exceeded} findings; a FIFO or {@code /dev/zero} is one error line and exit 2, never a hang
 * or a spin; {@code scan-events} streams a 1 GiB log with a 50 MB line; {@code status} reads logs
 * of 500 MB whose last row is 20 MB, and leaves out the section of a corrupt state with exit 0;
 * {@code reconcile-step} runs a case whose runtime log is 1 GiB and heartbeat 100 MB. Inputs are
 * sparse files. The timeout guards against a hang; it is not a speed assertion.
 */
class CliSmallHeapTest {
  private static final long MIB = 1 << 20;
  private static final String EVENT = "{\"timestamp\":\"2026-03-01T11:59:00Z\",\"event\":\"e\"}\n";

  @TempDir Path tmp;

  @BeforeEach
  void posix() {
    assumeTrue(
        Files.exists(Path.of("/dev/zero")) && Files.isExecutable(Path.of("/usr/bin/mkfifo")),
        "a POSIX system");
  }

  record Run(int status, String out, String err) {}

  private Run cli(String... args) throws Exception {
    String cp =
        Stream.of("jdk.module.path", "java.class.path")
            .map(System::getProperty)
            .filter(Objects::nonNull)
            .flatMap(v -> Stream.of(v.split(File.pathSeparator)))
            .filter(s -> !s.isEmpty())
            .distinct()
            .collect(Collectors.joining(File.pathSeparator));
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                cp,
                Main.class.getName()));
    cmd.addAll(List.of(args));
    Path out = tmp.resolve("out.txt");
    Path err = tmp.resolve("err.txt");
    Process p =
        new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly().waitFor();
      fail("hung: " + List.of(args));
    }
    Run r = new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    System.out.println(
        "[cli-small-heap] -Xmx32m "
            + String.join(" ", args).replace(tmp.toString(), "$TMP")
            + " -> exit "
            + r.status());
    assertFalse(
        r.err().contains("\tat ") || r.err().contains("Exception in thread"),
        "a stack trace: " + r.err());
    return r;
  }

  private static void sparse(Path f, String head, long at, String tail) throws IOException {
    Files.createDirectories(f.getParent());
    try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
      raf.write(head.getBytes(StandardCharsets.UTF_8));
      raf.seek(at);
      raf.write(tail.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void validateReportsHugeDocumentsAndLinesAsFindings() throws Exception {
    Path big = tmp.resolve("big.json");
    sparse(big, "{\"pad\":\"", 100 * MIB, "\"}");
    Run r = cli("validate", big.toString());
    assertEquals(1, r.status());
    assertTrue(r.out().contains(big + ":1: limit_exceeded"), r.out());

    String envelope =
        "{\"schemaVersion\":\"v1\",\"envelopeType\":\"loop_run_event\",\"emittedAt\":\"2026-03-01T12:00:00Z\","
            + "\"source\":{\"repoPath\":\"/r\",\"loopId\":\"demo-loop\"},\"sequence\":{\"source\":\"cursor_event_line_offset\","
            + "\"value\":%d},\"event\":{\"timestamp\":\"2026-03-01T12:00:00Z\",\"event\":\"e\"}}\n";
    Path lines = tmp.resolve("lines.ndjson");
    sparse(
        lines,
        String.format(envelope, 1) + "{\"pad\":\"",
        50 * MIB,
        "\"}\n" + String.format(envelope, 3));
    r = cli("validate", lines.toString());
    assertEquals(1, r.status(), r.out());
    assertTrue(r.out().contains(lines + ":2: limit_exceeded"), r.out());
    assertFalse(r.out().contains(lines + ":1:") || r.out().contains(lines + ":3:"), r.out());

    // a raised limit reads a longer line whole (the heap must hold it: 2 MiB here)
    Path two = tmp.resolve("two.ndjson");
    sparse(two, String.format(envelope, 1) + "{\"pad\":\"", 2 * MIB, "\"}\n");
    assertTrue(cli("validate", two.toString()).out().contains(two + ":2: limit_exceeded"));
    r = cli("validate", "--max-document-bytes", String.valueOf(3 * MIB), two.toString());
    assertTrue(r.out().contains(two + ":2: invalid_json"), "read, and NUL is not JSON: " + r.out());
  }

  /** The hostile corpus for envelope files: each file gets its own finding, or none. */
  @Test
  void validateGivesEachHostileEnvelopeFileItsFinding() throws Exception {
    String envelope =
        "{\"schemaVersion\":\"v1\",\"envelopeType\":\"loop_run_event\",\"emittedAt\":\"2026-03-01T12:00:00Z\","
            + "\"source\":{\"repoPath\":\"/r\",\"loopId\":\"demo-loop\"},\"sequence\":{\"source\":\"cursor_event_line_offset\","
            + "\"value\":1},\"event\":{\"timestamp\":\"2026-03-01T12:00:00Z\",\"event\":\"e\"}}";
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(outside.resolve("ok.json"), envelope);
    Path linked = tmp.resolve("linked.json");
    Files.createSymbolicLink(linked, outside.resolve("ok.json"));
    Path deep = tmp.resolve("deep.json");
    Files.writeString(deep, "{\"a\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}");
    Path utf8 = tmp.resolve("utf8.json");
    Files.write(
        utf8,
        concat(
            envelope.replace("\"e\"}}", "\"").getBytes(StandardCharsets.UTF_8),
            new byte[] {(byte) 0xc3, 0x28},
            "\"}}".getBytes(StandardCharsets.UTF_8)));
    Path bom = tmp.resolve("bom.json");
    Files.write(
        bom,
        concat(
            new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf},
            envelope.getBytes(StandardCharsets.UTF_8)));
    Path nul = tmp.resolve("nul.json");
    Files.writeString(nul, envelope.replace("\"e\"}}", "\"\u0000\"}}"));
    long before = Files.size(outside.resolve("ok.json"));
    Run r =
        cli(
            "validate",
            linked.toString(),
            deep.toString(),
            utf8.toString(),
            bom.toString(),
            nul.toString());
    assertEquals(1, r.status(), r.err());
    List<String> findings =
        r.out()
            .lines()
            .filter(l -> l.startsWith(tmp.toString()))
            .map(l -> l.replace(tmp + "/", ""))
            .toList();
    assertEquals(
        List.of(
            "deep.json:1: limit_exceeded", "utf8.json:1: invalid_json", "nul.json:1: invalid_json"),
        findings.stream().map(l -> l.split(": ")[0] + ": " + l.split(": ")[1]).toList(),
        r.out());
    assertEquals(before, Files.size(outside.resolve("ok.json")));
    Path loop = tmp.resolve("loop.json");
    Files.createSymbolicLink(loop, loop);
    assertEquals(2, cli("validate", loop.toString()).status());
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  @Test
  void validateRefusesWhatIsNotARegularFileInOneLine() throws Exception {
    Path fifo = tmp.resolve("pipe.ndjson");
    assertEquals(0, new ProcessBuilder("/usr/bin/mkfifo", fifo.toString()).start().waitFor());
    Path zero = tmp.resolve("zero.json");
    Files.createSymbolicLink(zero, Path.of("/dev/zero"));
    for (Path p : List.of(fifo, zero, tmp)) {
      Run r = cli("validate", p.toString());
      assertEquals(2, r.status());
      assertEquals(1, r.err().strip().lines().count(), r.err());
      assertTrue(r.err().contains("not a regular file"), r.err());
    }
    // a directory stands for its regular JSON files: the FIFO and the device link are skipped,
    // unopened
    assertTrue(cli("validate", tmp.toString()).err().contains("(2 skipped: not a regular file)"));
  }

  @EnabledIfSystemProperty(
      named = "visibility.long",
      matches = "true",
      disabledReason = "a -Plong run: it streams gigabyte files (.ci/run runs -Plong)")
  @Test
  void scanEventsStreamsAGigabyteLogWithAFiftyMegabyteLine() throws Exception {
    Path events = tmp.resolve("events.jsonl");
    sparse(events, EVENT + EVENT + "{\"pad\":\"", 50 * MIB, "\"}\n");
    sparse(events, "", 1024 * MIB, "\n" + EVENT);
    Run r = cli("scan-events", events.toString());
    assertEquals(1, r.status(), "two malformed lines are missing values: drift");
    assertTrue(r.err().contains("event_line_malformed: 2 malformed line(s)"), r.err());
    assertTrue(r.out().contains("\"ingestedCount\":5"), r.out());
  }

  private Path loop() {
    Path repo = tmp.resolve("repo");
    try {
      Path rt = Files.createDirectories(repo.resolve(".superloop/loops/demo-loop"));
      Files.writeString(rt.resolve("events.jsonl"), EVENT);
      Files.writeString(
          rt.resolve("heartbeat.v1.json"), "{\"timestamp\":\"2026-03-01T11:59:30Z\"}");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    VisibilityPlane.builder(repo, "demo-loop")
        .durability(Durability.NONE)
        .clock(Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC))
        .build()
        .reconcileLocal(StepOptions.defaults());
    return repo.resolve(".superloop/ops-manager/demo-loop");
  }

  @Test
  void statusReadsHugeLogsAndLeavesOutTheSectionOfACorruptState() throws Exception {
    Path ops = loop();
    for (String log :
        List.of(
            "telemetry/heartbeat.jsonl", "telemetry/sequence.jsonl", "telemetry/reconcile.jsonl")) {
      Path f = ops.resolve(log);
      String rows = Files.readString(f);
      Files.delete(f);
      sparse(f, "", 480 * MIB, "\n" + rows + "{\"pad\":\"");
      sparse(f, "", Files.size(f) + 20 * MIB, "\"}\n");
    }
    Run r = cli("status", ops.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(
        r.out().startsWith("{\"heartbeat\":{") && r.out().contains("\"sequence\":{"), r.out());

    Files.writeString(ops.resolve("sequence-state.json"), "{\"loopId\":");
    r = cli("status", ops.toString());
    assertEquals(0, r.status(), r.err());
    assertFalse(r.out().contains("\"sequence\":{"), r.out());
    assertTrue(
        r.out().contains("\"unreadable\":{\"sequence-state.json\":\"invalid_json\"}"), r.out());
  }

  @EnabledIfSystemProperty(
      named = "visibility.long",
      matches = "true",
      disabledReason = "a -Plong run: it streams gigabyte files (.ci/run runs -Plong)")
  @Test
  void reconcileStepRunsACaseWithAGigabyteLogAndAHundredMegabyteHeartbeat() throws Exception {
    Path caseDir = tmp.resolve("case");
    Path rt = Files.createDirectories(caseDir.resolve("repo/.superloop/loops/demo-loop"));
    Files.writeString(
        caseDir.resolve("config.json"), "{\"now\":\"2026-03-01T12:00:00Z\",\"traceId\":\"t-32m\"}");
    sparse(rt.resolve("events.jsonl"), EVENT + "{\"pad\":\"", 50 * MIB, "\"}\n");
    sparse(rt.resolve("events.jsonl"), "", 1024 * MIB, "\n" + EVENT);
    sparse(
        rt.resolve("heartbeat.v1.json"),
        "{\"timestamp\":\"2026-03-01T11:59:30Z\",\"pad\":\"",
        100 * MIB,
        "\"}");
    Run r =
        cli(
            "reconcile-step",
            caseDir.toString(),
            tmp.resolve("out").toString(),
            "--rules",
            "hardened");
    assertEquals(0, r.status(), r.err());
    assertEquals("t-32m", r.out().strip());
    String visibility = Files.readString(tmp.resolve("out/visibility.json"));
    assertTrue(
        visibility.contains(
            "\"lastObservation\":{\"status\":\"failed\",\"reasonCode\":\"heartbeat_payload_too_large\""),
        visibility);
  }

  @Test
  void demoRuns() throws Exception {
    assertEquals(0, cli("demo", "--dir", tmp.resolve("demo").toString()).status());
  }
}
