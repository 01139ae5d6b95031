package io.superloop.visibility.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.sdk.metrics.data.MetricData;
import io.superloop.visibility.core.plane.StepOptions;
import io.superloop.visibility.core.plane.VisibilityPlane;
import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.testkit.gen.internal.GenContext;
import io.superloop.visibility.testkit.gen.internal.Generation;
import io.superloop.visibility.testkit.scenario.internal.History;
import io.superloop.visibility.testkit.scenario.internal.HistoryGens;
import io.superloop.visibility.testkit.scenario.internal.HistoryShape;
import io.superloop.visibility.testkit.scenario.internal.StepDelivery;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/observability.md: its metrics table lists exactly the instruments the module registers, and
 * its autoconfigure example compiles and runs, exporting the span and the metrics.
 */
class ObservabilityDocTest {
  private static final Pattern ROW =
      Pattern.compile(
          "\\| `(superloop\\.[a-z_.]+)` \\| (counter|gauge|histogram) \\| `([^`]+)` \\| ([^|]+) \\|.*");

  @TempDir Path work;

  private static Path repoRoot() {
    String prop = System.getProperty("visibility.repo.root");
    if (prop != null && Files.isRegularFile(Paths.get(prop, "pom.xml"))) {
      return Paths.get(prop);
    }
    Path module = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
    return java.util.Objects.requireNonNull(module.getParent(), "the module's parent");
  }

  private static String doc() throws IOException {
    return Files.readString(repoRoot().resolve("docs/observability.md"), StandardCharsets.UTF_8);
  }

  /** The rows of the table after the marker, as "name kind unit [attributes]". */
  private static Set<String> tableRows(String doc) {
    String table = doc.substring(doc.indexOf("<!-- observability: metrics -->"));
    Set<String> rows = new TreeSet<>();
    for (String line : table.split("\n")) {
      if (line.isBlank() && !rows.isEmpty()) {
        break;
      }
      Matcher m = ROW.matcher(line);
      if (m.matches()) {
        List<String> attrs = new ArrayList<>();
        Matcher a = Pattern.compile("`([a-z_.]+)`").matcher(m.group(4));
        while (a.find()) {
          attrs.add(a.group(1));
        }
        assertTrue(rows.add(m.group(1) + " " + m.group(2) + " " + m.group(3) + " " + attrs), line);
      }
    }
    return rows;
  }

  @Test
  void theMetricsTableListsExactlyTheRegisteredInstruments() throws IOException {
    Set<String> documented = tableRows(doc());
    Set<String> declared = new TreeSet<>();
    for (Instrument i : Instrument.values()) {
      List<String> attrs = new ArrayList<>(List.of("superloop.loop.id", "superloop.transport"));
      attrs.addAll(i.extraAttributes);
      declared.add(i.metricName + " " + i.kind.doc + " " + i.unit + " " + attrs);
    }
    assertEquals(declared, documented, "docs/observability.md's metrics table");

    // what the SDK receives: a quarantined state file, and generated histories of both transports
    // until every instrument has reported (each name, type and unit as declared)
    TreeMap<String, String> exported = new TreeMap<>();
    AtomicInteger runs = new AtomicInteger();
    try (InMemoryOtel otel = new InMemoryOtel()) {
      VisibilityTelemetry telemetry = VisibilityTelemetry.create(otel.sdk);
      // a step that finds an unreadable state file
      Path q = work.resolve("q");
      Files.createDirectories(q.resolve(".superloop/loops/parity-loop"));
      Path ops = Files.createDirectories(q.resolve(".superloop/ops-manager/parity-loop"));
      Files.writeString(ops.resolve("health.json"), "{");
      VisibilityPlane.builder(q, "parity-loop")
          .listener(telemetry)
          .build()
          .reconcileLocal(StepOptions.defaults());
      GenContext ctx = GenContext.of(17);
      for (int i = 0; i < 200 && exported.size() < Instrument.values().length; i++) {
        History h =
            Generation.generate(HistoryGens.histories(HistoryShape.withSpriteFaults()), ctx)
                .value();
        for (StepDelivery d :
            List.of(
                StepDelivery.localWith(b -> b.listener(telemetry)),
                StepDelivery.spriteServiceWith(b -> b.listener(telemetry)))) {
          Path dir = work.resolve("r" + runs.incrementAndGet());
          if (d.canCarry(h)) {
            d.deliver(h, dir, VisibilityRules.hardened());
          }
        }
        for (MetricData m : otel.reader.collectAllMetrics()) {
          exported.put(m.getName(), m.getType() + " " + m.getUnit());
        }
      }
    }
    TreeMap<String, String> want = new TreeMap<>();
    for (Instrument i : Instrument.values()) {
      String type =
          i.kind == Instrument.Kind.COUNTER
              ? "LONG_SUM"
              : i.kind == Instrument.Kind.GAUGE ? "LONG_GAUGE" : "HISTOGRAM";
      want.put(i.metricName, type + " " + i.unit);
    }
    assertEquals(want, exported, "the instruments the SDK received");
  }

  @Test
  void theAutoconfigureExampleCompilesRunsAndExports() throws Exception {
    String doc = doc();
    String source = block(doc, "<!-- observability: example -->");
    String command = block(doc, "<!-- observability: example command -->").strip();
    Matcher m = Pattern.compile("public class (\\w+)").matcher(source);
    assertTrue(m.find());
    Path src = work.resolve("src/" + m.group(1) + ".java");
    Path classes = work.resolve("classes");
    Files.createDirectories(src.getParent());
    Files.createDirectories(classes);
    Files.writeString(src, source, StandardCharsets.UTF_8);
    String cp = System.getProperty("java.class.path");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int rc =
        javac.run(
            null,
            null,
            null,
            "--release",
            "17",
            "-classpath",
            cp,
            "-d",
            classes.toString(),
            src.toString());
    assertEquals(0, rc, "the example compiles");

    Path repo = work.resolve("repo");
    Path rt = Files.createDirectories(repo.resolve(".superloop/loops/demo-loop"));
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    Files.writeString(
        rt.resolve("events.jsonl"),
        "{\"timestamp\":\"" + now + "\",\"event\":\"loop_start\",\"iteration\":1}\n");
    Files.writeString(
        rt.resolve("heartbeat.v1.json"),
        "{\"schemaVersion\":\"v1\",\"timestamp\":\""
            + now
            + "\",\"source\":\"runtime\",\"status\":\"running\"}\n");

    // the documented command: java, its -D options, the class (-cp added), its argument
    List<String> cmd = new ArrayList<>();
    cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    for (String word : command.split(" ")) {
      if (word.equals("java")) {
        continue;
      }
      if (word.equals(m.group(1))) {
        cmd.add("-cp");
        cmd.add(classes + File.pathSeparator + cp);
      }
      cmd.add(word.equals("REPO") ? repo.toString() : word);
    }
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    Path out = work.resolve("out.txt");
    pb.redirectOutput(out.toFile());
    Process p = pb.start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the example ends");
    String output = Files.readString(out, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), output);
    assertTrue(output.contains("step 4bf92f3577b34da6a3ce929d0e0e4736: health healthy"), output);
    assertTrue(
        output.contains("'superloop.reconcile' : 4bf92f3577b34da6a3ce929d0e0e4736 "), output);
    for (Instrument i :
        List.of(Instrument.RECONCILE_DURATION, Instrument.INGEST_LINES, Instrument.HEARTBEAT_LAG)) {
      assertTrue(output.contains("name=" + i.metricName + ","), i.metricName + "\n" + output);
    }
    assertTrue(
        output.contains("service.name=\"ops-manager\"")
            || output.contains("service.name=ops-manager"),
        output);
  }

  private static String block(String doc, String marker) {
    int at = doc.indexOf(marker);
    assertTrue(at >= 0, marker);
    assertEquals(-1, doc.indexOf(marker, at + 1), "one " + marker);
    int open = doc.indexOf("```", at);
    int start = doc.indexOf('\n', open) + 1;
    return doc.substring(start, doc.indexOf("\n```", start) + 1);
  }
}
