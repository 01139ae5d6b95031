package io.superloop.visibility.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.internal.json.JsonArray;
import io.superloop.visibility.api.internal.json.JsonNumber;
import io.superloop.visibility.api.internal.json.JsonObject;
import io.superloop.visibility.api.internal.json.JsonString;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.status.VisibilitySummary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** Each command's outputs, messages and exit status (0 ok, 1 findings, 2 error). */
class CliTest {
  @TempDir Path work;

  record Run(int status, String out, String err) {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        Main.run(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            args);
    return new Run(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static Path resource(String name) throws URISyntaxException {
    URL url = Objects.requireNonNull(CliTest.class.getResource("/validate/" + name), name);
    return Paths.get(url.toURI());
  }

  /** The repository root (conformance/, fixtures/ ...): set by the build, else found above. */
  static Path repo() {
    String prop = System.getProperty("visibility.repo.root");
    if (prop != null) {
      return Paths.get(prop);
    }
    for (Path d = Paths.get("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("conformance/cases"))) {
        return d;
      }
    }
    throw new IllegalStateException("no repository root");
  }

  /** One error: one line on stderr starting "error: ", no stack trace, exit status 2. */
  static void assertOneLineError(Run r, String... contains) {
    assertEquals(2, r.status(), r.err() + r.out());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("error: "), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
    for (String c : contains) {
      assertTrue(r.err().contains(c), "stderr lacks <" + c + ">: " + r.err());
    }
  }

  // --- validate ------------------------------------------------------------------------------

  /** Each broken file gives its code: the lower-case ErrorCode names. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "invalid_json", "unsupported_schema_version", "unknown_envelope_type", "missing_field",
        "invalid_field_type", "invalid_sequence_value", "invalid_trace_id", "invalid_timestamp",
        "event_sequence_non_monotonic", "duplicate_key"
      })
  void validateReportsTheCodeOfEachBrokenFile(String code) throws Exception {
    Path file = resource(code + ".ndjson");
    Run r = run("validate", file.toString());
    assertEquals(1, r.status(), r.out());
    int line = code.equals("event_sequence_non_monotonic") ? 2 : 1;
    assertTrue(r.out().contains(file + ":" + line + ": " + code + ": "), r.out());
  }

  @Test
  void aRepeatedKeyIsDuplicateKeyNamingKeyFileAndLine() throws Exception {
    Path file = resource("duplicate_key.ndjson");
    Run r = run("validate", file.toString());
    assertEquals(
        file
            + ":1: duplicate_key: at /schemaVersion: property \"schemaVersion\" appears twice in one object (column 55)\n"
            + "validate: 1 file(s), 1 document(s), 1 finding(s)\n",
        r.out());
  }

  @Test
  void malformedLinesArePlainWordsNeverParserInternals() throws IOException {
    Path f = work.resolve("bad.ndjson");
    Files.writeString(f, "{\"a\" 1}\n{\"a\":NaN}\n{\"a\":\"x\u0001\"}\n[1]\n");
    Run r = run("validate", f.toString());
    assertEquals(1, r.status());
    List<String> lines = r.out().lines().collect(Collectors.toList());
    assertEquals(
        f + ":1: invalid_json: column 6: expected ':' after the property name \"a\", found '1'",
        lines.get(0));
    assertTrue(
        lines
            .get(1)
            .startsWith(f + ":2: invalid_json: column 6: expected a value, found the word NaN"),
        lines.get(1));
    assertTrue(
        lines
            .get(2)
            .startsWith(f + ":3: invalid_json: column 8: control character U+0001 inside a string"),
        lines.get(2));
    assertEquals(
        f + ":4: invalid_field_type: the document is an array, not a JSON object", lines.get(3));
    for (String internal :
        List.of("Source", "REDACTED", "Feature", "jackson", "(code ", "CTRL-CHAR")) {
      assertFalse(r.out().contains(internal), r.out());
    }
  }

  @Test
  void invalidUtf8NamesItsLineAndTheOtherLinesAreStillChecked() throws Exception {
    Path f = work.resolve("utf8.ndjson");
    byte[] good = Files.readAllBytes(resource("good.ndjson"));
    String first = new String(good, StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
    try (var out = Files.newOutputStream(f)) {
      out.write((first + "\n").getBytes(StandardCharsets.UTF_8));
      out.write(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xc3, '"', '}', '\n'});
      out.write(
          (first.replace("\"emittedAt\":\"2026-03-01T12:00:00Z\"", "\"emittedAt\":\"nope\"") + "\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    Run r = run("validate", f.toString());
    assertEquals(1, r.status(), r.out() + r.err());
    assertTrue(
        r.out()
            .contains(
                f
                    + ":2: invalid_json: invalid UTF-8: byte 0xc3 at byte 7 is not part of a valid UTF-8 sequence"),
        r.out());
    assertTrue(r.out().contains(f + ":3: invalid_timestamp: "), r.out());
    assertTrue(
        r.out()
            .endsWith(
                "validate: 1 file(s), 3 document(s), "
                    + (r.out().lines().count() - 1)
                    + " finding(s)\n"),
        r.out());
  }

  @Test
  void validateTakesDirectoriesAndAcceptsEveryReferenceFixture() {
    Run r = run("validate", repo().resolve("fixtures/reference").toString());
    assertEquals(0, r.status(), r.out() + r.err());
    assertTrue(
        r.out().matches("validate: (\\d+) file\\(s\\), \\d+ document\\(s\\), 0 finding\\(s\\)\n"),
        r.out());
    assertTrue(
        Integer.parseInt(r.out().replaceAll("validate: (\\d+) file.*\n", "$1")) >= 8, r.out());
  }

  @Test
  void validateKnowsEveryFileOfTheDemosOpsDirectory() {
    Path repo = work.resolve("demo");
    assertEquals(0, run("demo", "--dir", repo.toString()).status());
    Path ops = repo.resolve(".superloop/ops-manager/demo-loop");
    Run r = run("validate", ops.toString());
    assertEquals(0, r.status(), r.out());
    assertTrue(r.out().startsWith("validate: 13 file(s), "), r.out());
    assertTrue(r.out().endsWith(" 0 finding(s)\n"), r.out());
    // a broken row in one of them is found at its line
    Run broken =
        run(
            "validate",
            repo.resolve(".superloop/ops-manager/demo-loop/telemetry/reconcile.jsonl").toString(),
            "--rules",
            "reference");
    assertEquals(0, broken.status(), broken.out());
  }

  @Test
  void validateFormatJsonIsOneDocumentWithEveryFinding() throws Exception {
    Run r =
        run(
            "validate",
            "--format",
            "json",
            resource("invalid_trace_id.ndjson").toString(),
            resource("good.ndjson").toString());
    assertEquals(1, r.status(), r.err());
    JsonObject doc = (JsonObject) Json.parse(r.out());
    JsonArray findings = (JsonArray) doc.get("findings").orElseThrow();
    assertEquals(1, findings.elements().size(), r.out());
    JsonObject f = (JsonObject) findings.elements().get(0);
    assertEquals(
        new JsonString(resource("invalid_trace_id.ndjson").toString()),
        f.get("file").orElseThrow());
    assertEquals("1", ((JsonNumber) f.get("line").orElseThrow()).literal());
    assertEquals(new JsonString("invalid_trace_id"), f.get("code").orElseThrow());
    JsonObject summary = (JsonObject) doc.get("summary").orElseThrow();
    assertEquals("2", ((JsonNumber) summary.get("files").orElseThrow()).literal());
    assertEquals("1", ((JsonNumber) summary.get("findings").orElseThrow()).literal());
    Run ok = run("validate", "--format", "json", resource("good.ndjson").toString());
    assertEquals(0, ok.status());
    assertTrue(ok.out().startsWith("{\"findings\":[],\"summary\":{\"files\":1,"), ok.out());
  }

  @Test
  void validateErrorsAreOneLine() throws IOException {
    assertOneLineError(
        run("validate", work.resolve("nope.json").toString()), "no such file or directory: ");
    assertOneLineError(run("validate", "/dev/null"), "not a regular file or directory: /dev/null");
    Files.createDirectories(work.resolve("empty/sub"));
    Files.writeString(work.resolve("empty/sub/notes.txt"), "x");
    assertOneLineError(
        run("validate", work.resolve("empty").toString()),
        "no regular .json, .jsonl or .ndjson file under ");
    assertOneLineError(run("validate", "--format", "yaml", "x"), "--format");
    assertOneLineError(run("validate"), "PATH");
  }

  // --- status --------------------------------------------------------------------------------

  @Test
  void statusTakesAnOpsDirectoryOrARepositoryRootWithLoop() throws IOException {
    Path repo = work.resolve("demo");
    assertEquals(0, run("demo", "--dir", repo.toString()).status());
    Run ops = run("status", repo.resolve(".superloop/ops-manager/demo-loop").toString());
    assertEquals(0, ops.status(), ops.err());
    Run root = run("status", repo.toString());
    assertEquals(0, root.status(), root.err());
    assertEquals(ops.out(), root.out());
    Run named = run("status", repo.toString(), "--loop", "demo-loop");
    assertEquals(ops.out(), named.out());
    VisibilitySummary v = Codecs.VISIBILITY_SUMMARY.decode(ops.out());
    assertEquals("confirmed", v.invocationAudit().orElseThrow().outcomeStatus().orElseThrow());

    assertOneLineError(
        run("status", repo.toString(), "--loop", "other"),
        "loop other has no ops directory",
        "loops with one: demo-loop");
    Files.createDirectories(repo.resolve(".superloop/ops-manager/second"));
    assertOneLineError(
        run("status", repo.toString()),
        "has several loops (demo-loop, second): choose one with --loop LOOP");
    assertOneLineError(
        run("status", repo.toString(), "--loop", "second"),
        "no status artifacts in ",
        "no reconcile step has run for loop second");
    assertOneLineError(
        run(
            "status",
            repo.resolve(".superloop/ops-manager/demo-loop").toString(),
            "--loop",
            "demo-loop"),
        "--loop goes with a repository root");
  }

  @Test
  void statusSaysWhatIsMissing() throws IOException {
    Path repo = work.resolve("fresh");
    Files.createDirectories(repo.resolve(".superloop/loops/l1"));
    assertOneLineError(
        run("status", repo.toString()),
        "no loop of ",
        "no reconcile step has run; runtime loops: l1");
    assertOneLineError(
        run("status", repo.toString(), "--loop", "l1"),
        "loop l1 has no ops directory",
        "its runtime files exist");
    Path plain = Files.createDirectories(work.resolve("plain"));
    assertOneLineError(
        run("status", plain.toString()),
        "is neither a repository root (no .superloop/) nor a loop's ops directory");
    assertOneLineError(run("status", work.resolve("nope").toString()), "no such directory: ");
  }

  // --- demo, reconcile-step, scan-events, conformance -----------------------------------------

  @Test
  void demoWritesALoopWithStaleHeartbeatDriftAndAControlAction() {
    Run r = run("demo", "--dir", work.resolve("demo").toString());
    assertEquals(0, r.status(), r.err());
    String last = r.out().lines().reduce((a, b) -> b).orElse("");
    VisibilitySummary v = Codecs.VISIBILITY_SUMMARY.decode(last);
    assertEquals(
        "runtime_heartbeat_stale", v.heartbeat().orElseThrow().reasonCode().orElseThrow().wire());
    assertEquals("ordering_drift_detected", v.sequence().orElseThrow().status().orElseThrow());
    assertEquals("confirmed", v.invocationAudit().orElseThrow().outcomeStatus().orElseThrow());
    assertTrue(Files.exists(work.resolve("demo/.superloop/ops-manager/demo-loop/health.json")));
  }

  @Test
  void demoRunTwiceOnOneDirectoryStartsAnewAndTouchesNothingElse() throws IOException {
    Path repo = work.resolve("again");
    Path mine =
        Files.createDirectories(repo.resolve(".superloop/loops/other-loop"))
            .resolve("events.jsonl");
    Files.writeString(mine, "kept\n");
    Path outside = Files.writeString(work.resolve("outside.txt"), "outside\n");
    assertEquals(0, run("demo", "--dir", repo.toString()).status());
    // a link planted in the demo's own folder is removed as a link; its target stays
    Files.createSymbolicLink(repo.resolve(".superloop/loops/demo-loop/planted"), outside);
    Run second = run("demo", "--dir", repo.toString());
    assertEquals(0, second.status(), second.err());
    String last = second.out().lines().reduce((a, b) -> b).orElse("");
    VisibilitySummary v = Codecs.VISIBILITY_SUMMARY.decode(last);
    assertEquals("ordering_drift_detected", v.sequence().orElseThrow().status().orElseThrow());
    assertEquals(
        "runtime_heartbeat_stale", v.heartbeat().orElseThrow().reasonCode().orElseThrow().wire());
    assertEquals("kept\n", Files.readString(mine));
    assertEquals("outside\n", Files.readString(outside));
    assertFalse(
        Files.exists(
            repo.resolve(".superloop/loops/demo-loop/planted"),
            java.nio.file.LinkOption.NOFOLLOW_LINKS));
  }

  @Test
  void reconcileStepThenStatusReproduceACase() throws IOException {
    Path c = repo().resolve("conformance/cases/stale-heartbeat-critical");
    Run r = run("reconcile-step", c.toString(), work.resolve("out").toString());
    assertEquals(0, r.status(), r.err());
    assertEquals("trace-oracle-stale-heartbeat\n", r.out());
    Run s =
        run(
            "status",
            work.resolve("out/repo/.superloop/ops-manager/demo-loop").toString(),
            "--rules",
            "reference");
    assertEquals(0, s.status(), s.err());
    JsonObject e =
        (JsonObject)
            Json.parse(
                Files.readString(
                        repo()
                            .resolve(
                                "conformance/expected/stale-heartbeat-critical/visibility.json"))
                    .replace("<TRACE_ID>", "trace-oracle-stale-heartbeat"));
    JsonObject a = (JsonObject) Json.parse(s.out());
    assertEquals(e.get("heartbeat"), a.get("heartbeat"));
    assertEquals(e.get("sequence"), a.get("sequence"));
    assertOneLineError(
        run("reconcile-step", work.toString(), work.resolve("x").toString()),
        "is not a conformance case (no config.json)");
  }

  @Test
  void scanEventsReportsDriftWithStatusOne() throws IOException {
    Path log = work.resolve("events.jsonl");
    Files.writeString(log, "{\"timestamp\":\"2026-03-01T00:00:00Z\",\"event\":\"a\"}\n   \n");
    Run r = run("scan-events", log.toString(), "--rules", "reference");
    assertEquals(1, r.status(), r.out());
    assertTrue(r.out().contains("\"violations\":[\"event_sequence_missing\"]"), r.out());
    assertEquals("warning: event_line_malformed: 1 malformed line(s)\n", r.err());
    assertOneLineError(
        run("scan-events", log.toString(), "--from-line", "0"), "--from-line is 1 or more");
    assertOneLineError(run("scan-events", log.toString(), "--from-line", "x"), "--from-line");
    Files.writeString(work.resolve("prev.json"), "{\"a\":1,\"a\":2}");
    assertOneLineError(
        run("scan-events", log.toString(), "--previous", work.resolve("prev.json").toString()),
        "duplicate_key: ",
        "prev.json");
  }

  @Test
  void conformanceRunsEveryCaseOfADirectory() throws IOException {
    Run r = run("conformance", repo().resolve("conformance").toString());
    assertEquals(0, r.status(), r.out() + r.err());
    assertEquals("conformance: 60 passed, 0 failed\n", r.out());
    // one case whose expected output is changed: one difference, exit status 1
    Path suite = work.resolve("suite");
    copy(
        repo().resolve("conformance/cases/stale-heartbeat-critical"),
        suite.resolve("cases/stale-heartbeat-critical"));
    copy(
        repo().resolve("conformance/expected/stale-heartbeat-critical"),
        suite.resolve("expected/stale-heartbeat-critical"));
    Path hb = suite.resolve("expected/stale-heartbeat-critical/heartbeat.json");
    Files.writeString(hb, Files.readString(hb).replace("\"critical\"", "\"degraded\""));
    Run d = run("conformance", suite.toString());
    assertEquals(1, d.status(), d.out());
    assertEquals(
        "case stale-heartbeat-critical: 1 difference(s)\n"
            + "  heartbeat.json: {\"path\":\"heartbeat.freshnessStatus\",\"expected\":\"degraded\",\"actual\":\"critical\"}\n"
            + "conformance: 0 passed, 1 failed\n",
        d.out());
    assertOneLineError(run("conformance", work.toString()), "holds no cases/ directory");
  }

  // --- the command line itself ---------------------------------------------------------------

  @Test
  void usageErrorsAreOneLineWithStatusTwo() {
    for (String[] args :
        List.of(
            new String[] {},
            new String[] {"bogus"},
            new String[] {"status"},
            new String[] {"validate", "--rules", "lenient", "x"},
            new String[] {"demo", "--nope"},
            new String[] {"scan-events", "/nonexistent"},
            new String[] {"reconcile-step", "/nonexistent", "/tmp/x"})) {
      assertOneLineError(run(args));
    }
    assertOneLineError(
        run("validate", "--rules", "lenient", "x"), "expected one of [reference, hardened]");
  }

  @Test
  void helpVersionAndCompletion() {
    Run help = run("--help");
    assertEquals(0, help.status());
    assertTrue(help.out().startsWith("Usage: superloop-visibility "), help.out());
    for (String c :
        List.of(
            "demo",
            "reconcile-step",
            "status",
            "validate",
            "scan-events",
            "conformance",
            "generate-completion")) {
      assertTrue(help.out().contains("\n  " + c + " "), c + " in " + help.out());
      Run sub = run(c, "--help");
      assertEquals(0, sub.status(), c);
      assertTrue(sub.out().startsWith("Usage: superloop-visibility " + c), sub.out());
    }
    Run v = run("--version");
    assertEquals(0, v.status());
    assertTrue(v.out().matches("superloop-visibility \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n"), v.out());
    Run completion = run("generate-completion");
    assertEquals(0, completion.status());
    assertTrue(
        completion.out().contains("complete -F _complete_superloop-visibility"),
        completion.out().substring(0, 200));
  }

  @Test
  void verbosePrintsTheDetail() {
    Run r = run("scan-events", "/nonexistent", "--verbose");
    assertEquals(2, r.status());
    assertTrue(r.err().startsWith("error: no such events log: /nonexistent\n"), r.err());
    assertTrue(r.err().contains("\tat io.superloop.visibility.cli.ScanEventsCommand"), r.err());
  }

  /** A command that fails with {@link #failure}. */
  @CommandLine.Command(name = "boom")
  static final class Boom implements Callable<Integer> {
    static Throwable failure = new IllegalStateException();

    @Override
    public Integer call() throws Exception {
      if (failure instanceof Error x) {
        throw x;
      }
      throw (Exception) failure;
    }
  }

  /** What the user sees of an unexpected throwable from a command. */
  private static Run failing(Throwable failure, String... extra) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintWriter o = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    PrintWriter e = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    CommandLine cl = Main.commandLine(o, e);
    Boom.failure = failure;
    cl.addSubcommand("boom", new Boom());
    cl.setOut(o); // to the new subcommand too
    cl.setErr(e);
    String[] args = Stream.concat(Stream.of("boom"), Stream.of(extra)).toArray(String[]::new);
    int status = Main.execute(cl, args);
    o.flush();
    e.flush();
    return new Run(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void anyUnexpectedThrowableIsOneLineAndExitTwoNeverOne() {
    assertOneLineError(
        failing(new OutOfMemoryError("Java heap space")),
        "error: out of memory (Java heap space): ",
        "-Xmx");
    assertOneLineError(failing(new StackOverflowError()), "nested too deeply");
    assertOneLineError(
        failing(new IllegalStateException("bad\nstate")),
        "internal error: IllegalStateException: bad state (--verbose prints the stack trace)");
    assertOneLineError(failing(new NullPointerException()), "internal error: NullPointerException");
    assertOneLineError(
        failing(new IOException("disk gone")), "internal error: IOException: disk gone");
    Run verbose = failing(new OutOfMemoryError("Java heap space"), "--verbose");
    assertEquals(2, verbose.status());
    assertTrue(
        verbose.err().contains("java.lang.OutOfMemoryError: Java heap space\n\tat "),
        verbose.err());
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
  }
}
