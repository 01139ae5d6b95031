package io.superloop.visibility.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.heartbeat.FreshnessStatus;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.api.status.VisibilitySummary;
import io.superloop.visibility.core.plane.StepOptions;
import io.superloop.visibility.core.plane.VisibilityPlane;
import io.superloop.visibility.producer.EventLog;
import io.superloop.visibility.producer.HeartbeatWriter;
import io.superloop.visibility.testkit.gen.Gen;
import io.superloop.visibility.testkit.property.Property;
import io.superloop.visibility.testkit.property.PropertyTest;
import io.superloop.visibility.testkit.scenario.VisibilityAssertions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worked example of {@code docs/adapter-guide.md}: the code between {@code // guide:NAME} and
 * {@code // guide:end} lines runs here, and {@link #theGuideShowsThisCode} keeps each region and
 * the guide's block after {@code <!-- guide:NAME -->} identical.
 */
class AdapterGuideTest {
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  // guide:runtime
  /** A runtime's side of the plane: one heartbeat and one event per iteration. */
  static final class MyRuntime implements AutoCloseable {
    private final HeartbeatWriter heartbeat;
    private final EventLog events;

    MyRuntime(Path repo, String loopId, Clock clock) {
      this.heartbeat = HeartbeatWriter.builder(repo, loopId).clock(clock).build();
      this.events = EventLog.builder(repo, loopId).clock(clock).open();
    }

    /** Records one iteration; returns its event's sequence value (its line number). */
    long iteration(String runId, long n) {
      heartbeat.beat("running", "iteration");
      return events.append(
          "iteration_started",
          Map.of(
              "run_id",
              JsonValue.of(runId),
              "iteration",
              JsonValue.of(n),
              "status",
              JsonValue.of("running")));
    }

    @Override
    public void close() {
      events.close();
    }
  }

  // guide:end

  // guide:property
  @PropertyTest(tries = 20)
  void everyIterationIsSeenFreshAndInOrder(@TempDir Path dir) {
    Property.forAll(Gen.ints(1, 30))
        .check(
            iterations -> {
              Path repo = Files.createTempDirectory(dir, "repo");
              Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
              try (MyRuntime runtime = new MyRuntime(repo, "my-loop", clock)) {
                for (long i = 1; i <= iterations; i++) {
                  assertEquals(i, runtime.iteration("run-1", i));
                }
              }
              VisibilityPlane plane =
                  VisibilityPlane.builder(repo, "my-loop")
                      .clock(Clock.offset(clock, Duration.ofSeconds(5)))
                      .build();
              plane.reconcileLocal(StepOptions.defaults());
              VisibilitySummary status = plane.status();
              VisibilityAssertions.assertHeartbeat(status, FreshnessStatus.FRESH);
              VisibilityAssertions.assertSequenceInOrder(status);
              VisibilityAssertions.assertEventsLast(status, iterations);
            });
  }

  // guide:end

  @Test
  void theWorkedExampleRunsEndToEnd(@TempDir Path repo) throws IOException {
    try (MyRuntime runtime = new MyRuntime(repo, "my-loop", Clock.systemUTC())) {
      for (long i = 1; i <= 3; i++) {
        runtime.iteration("run-1", i);
      }
    }
    // guide:validate
    int exit = Main.run(System.out, System.err, "validate", repo.resolve(".superloop").toString());
    // guide:end
    assertEquals(0, exit, "validate finds nothing wrong in what the producer wrote");

    // guide:plane
    VisibilityPlane plane = VisibilityPlane.builder(repo, "my-loop").build();
    VisibilityPlane.Reconciliation step = plane.reconcileLocal(StepOptions.defaults());
    VisibilitySummary status = plane.status();
    System.out.println(Codecs.VISIBILITY_SUMMARY.encode(status));
    // guide:end
    assertEquals(3, step.sequenceState().orElseThrow().events().last().orElseThrow());
    VisibilityAssertions.assertHeartbeat(status, FreshnessStatus.FRESH);
    VisibilityAssertions.assertEventsLast(status, 3);

    // what the plane wrote validates too
    assertEquals(
        0, Main.run(System.out, System.err, "validate", repo.resolve(".superloop").toString()));
  }

  @Test
  void validateFindsRuntimeFilesTheProducerWouldNeverWrite(@TempDir Path repo) throws IOException {
    try (MyRuntime runtime = new MyRuntime(repo, "my-loop", Clock.systemUTC())) {
      runtime.iteration("run-1", 1);
    }
    Files.writeString(
        repo.resolve(".superloop/loops/my-loop/events.jsonl"),
        "{\"event\":\"no timestamp\"}\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit =
        Main.run(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            System.err,
            "validate",
            repo.resolve(".superloop").toString());
    assertEquals(1, exit, out.toString(StandardCharsets.UTF_8));
    assertTrue(
        out.toString(StandardCharsets.UTF_8)
            .contains("events.jsonl:2: invalid_field_value: not an event line"),
        out.toString(StandardCharsets.UTF_8));

    Files.writeString(
        repo.resolve(".superloop/loops/my-loop/heartbeat.v1.json"),
        "{\"status\":\"running\"}",
        StandardCharsets.UTF_8);
    out.reset();
    Main.run(
        new PrintStream(out, true, StandardCharsets.UTF_8),
        System.err,
        "validate",
        repo.resolve(".superloop").toString());
    assertTrue(
        out.toString(StandardCharsets.UTF_8).contains("heartbeat.v1.json:1: missing_field"),
        out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void theGuideShowsThisCode() throws IOException {
    String guide =
        Files.readString(CliTest.repo().resolve("docs/adapter-guide.md"), StandardCharsets.UTF_8);
    Map<String, String> blocks = blocks(guide);
    Map<String, String> regions =
        regions(
            Files.readString(
                Path.of("src/test/java/io/superloop/visibility/cli/AdapterGuideTest.java"),
                StandardCharsets.UTF_8));
    assertEquals(
        List.of("runtime", "property", "validate", "plane"), new ArrayList<>(regions.keySet()));
    assertEquals(
        regions.keySet(), blocks.keySet(), "every region is shown, every shown block runs");
    regions.forEach((name, code) -> assertEquals(code, blocks.get(name), "guide block " + name));
    assertFalse(guide.contains("../shared"));
    assertTrue(
        guide.contains("java -jar superloop-visibility-"), "the guide shows the CLI command");
  }

  /** The fenced block after each {@code <!-- guide:NAME -->} line. */
  private static Map<String, String> blocks(String doc) {
    Map<String, String> out = new LinkedHashMap<>();
    String[] lines = doc.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith("<!-- guide:")) {
        String name = lines[i].substring("<!-- guide:".length(), lines[i].indexOf(" -->"));
        assertTrue(lines[i + 1].startsWith("```java"), "a java block after " + lines[i]);
        StringBuilder b = new StringBuilder();
        for (int k = i + 2; !lines[k].startsWith("```"); k++) {
          b.append(lines[k]).append('\n');
        }
        out.put(name, b.toString());
      }
    }
    return out;
  }

  /**
   * Each {@code // guide:NAME} ... {@code // guide:end} region, with its common indentation
   * removed.
   */
  private static Map<String, String> regions(String source) {
    Map<String, String> out = new LinkedHashMap<>();
    String[] lines = source.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i].strip();
      if (l.startsWith("// guide:") && !l.equals("// guide:end")) {
        List<String> body = new ArrayList<>();
        int k = i + 1;
        while (!lines[k].strip().equals("// guide:end")) {
          body.add(lines[k++]);
        }
        int indent =
            body.stream()
                .filter(s -> !s.isBlank())
                .mapToInt(s -> s.length() - s.stripLeading().length())
                .min()
                .orElse(0);
        StringBuilder b = new StringBuilder();
        body.forEach(s -> b.append(s.isBlank() ? "" : s.substring(indent)).append('\n'));
        out.put(l.substring("// guide:".length()), b.toString());
        i = k;
      }
    }
    return out;
  }
}
