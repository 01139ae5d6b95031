package io.superloop.visibility.producer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.api.sequence.SequenceState;
import io.superloop.visibility.api.sequence.SequenceStatus;
import io.superloop.visibility.core.plane.StepOptions;
import io.superloop.visibility.core.plane.VisibilityPlane;
import io.superloop.visibility.core.rules.Durability;
import io.superloop.visibility.core.rules.VisibilityRules;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A producer child JVM ({@link CrashChild}) is killed with SIGKILL at a random moment of each
 * cycle, often in the middle of a large write; every fourth cycle a torn fragment is also left by
 * hand. After each kill: every acknowledged value names the line that holds its event, no value was
 * acknowledged twice, and the plane (hardened, between cycles) reads every whole line exactly once,
 * in order, and never counts a torn one. At the end both presets read the whole log from line 1:
 * every line an event, no malformed line, no gap. Cycles: {@code producer.crash.cycles} (4 by
 * default, 40 with {@code -Plong}).
 */
class ProducerCrashTest {
  private static final String LOOP = "crash-loop";

  @TempDir Path repo;

  @Test
  void killedProducersNeitherTearNorReuseAValue() throws Exception {
    int cycles = Integer.getInteger("producer.crash.cycles", 4);
    long seed = Long.getLong("producer.crash.seed", System.nanoTime());
    Random rnd = new Random(seed);
    Path events = repo.resolve(".superloop/loops/" + LOOP + "/events.jsonl");
    Map<Long, String> acked = new HashMap<>();
    long tornSeen = 0;
    long lastRead = 0;
    for (int c = 0; c < cycles; c++) {
      if (c % 4 == 3 && Files.exists(events)) {
        Files.writeString(
            events,
            "{\"timestamp\":\"2026-03-01T12:00:00Z\",\"event\":\"torn-" + c,
            StandardOpenOption.APPEND);
      }
      Process p =
          child(
              CrashChild.class,
              repo.toString(),
              LOOP,
              String.valueOf(c),
              String.valueOf(rnd.nextLong()));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Thread pump = pump(p.getInputStream(), out);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!text(out).contains("READY")) {
        if (!p.isAlive() || System.nanoTime() > deadline) {
          fail("the child did not start (seed " + seed + "): " + text(out));
        }
        Thread.sleep(2);
      }
      Thread.sleep(5 + rnd.nextInt(120));
      p.destroyForcibly();
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
      pump.join();
      String all = text(out);
      for (String line : all.substring(0, all.lastIndexOf('\n') + 1).split("\n")) {
        String[] f = line.split(" ");
        if (f[0].equals("A")) {
          String before = acked.put(Long.parseLong(f[2]), f[1]);
          assertNull(
              before,
              "value "
                  + f[2]
                  + " acknowledged twice: "
                  + before
                  + " and "
                  + f[1]
                  + " (seed "
                  + seed
                  + ")");
        }
      }
      byte[] bytes = Files.readAllBytes(events);
      if (bytes.length > 0 && bytes[bytes.length - 1] != '\n') {
        tornSeen++;
      }
      List<String> whole = wholeLines(bytes);
      for (Map.Entry<Long, String> e : acked.entrySet()) {
        assertTrue(
            e.getKey() <= whole.size(),
            "acknowledged line " + e.getKey() + " is gone (seed " + seed + ")");
        assertEquals(
            e.getValue(),
            idOf(whole.get((int) (e.getKey() - 1))),
            "line " + e.getKey() + " (seed " + seed + ")");
      }
      // the manager reads the new whole lines, in order; a torn tail is not counted
      SequenceState s = reconcile(VisibilityRules.hardened(), false);
      assertEquals(SequenceStatus.OK, s.status(), "seed " + seed);
      if (whole.size() > lastRead) {
        assertEquals(lastRead + 1, s.events().first().orElseThrow(), "seed " + seed);
        assertEquals(whole.size(), s.events().last().orElseThrow(), "seed " + seed);
        assertEquals(whole.size() - lastRead, s.events().ingestedCount(), "seed " + seed);
      }
      lastRead = whole.size();
    }
    // a last, clean writer repairs whatever the last kill left and goes on after the last line
    try (EventLog log = EventLog.builder(repo, LOOP).force(false).open()) {
      assertEquals(lastRead + 1, log.append("after_crashes", Map.of()));
    }
    long total = lastRead + 1;
    System.out.printf(
        "producer crash: %d cycles, %d values acknowledged, %d lines, %d torn tails seen after a kill (seed %d)%n",
        cycles, acked.size(), total, tornSeen, seed);
    for (VisibilityRules rules : List.of(VisibilityRules.reference(), VisibilityRules.hardened())) {
      try (java.util.stream.Stream<Path> ops = Files.walk(repo.resolve(".superloop/ops-manager"))) {
        ops.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
      SequenceState s = reconcile(rules, true);
      assertEquals(SequenceStatus.OK, s.status(), rules.name() + " seed " + seed);
      assertEquals(total, s.events().ingestedCount(), "every line read once, none malformed");
      assertEquals(1L, s.events().first().orElseThrow());
      assertEquals(total, s.events().last().orElseThrow());
      assertFalse(s.events().missing());
      assertEquals(0L, s.events().gaps().orElse(0L));
    }
  }

  private SequenceState reconcile(VisibilityRules rules, boolean fromStart) {
    VisibilityPlane.Reconciliation r =
        VisibilityPlane.builder(repo, LOOP)
            .rules(rules)
            .durability(Durability.NONE)
            .build()
            .reconcileLocal(StepOptions.defaults().withFromStart(fromStart));
    assertEquals(List.of(), r.warnings(), "no malformed line was counted");
    return r.sequenceState().orElseThrow();
  }

  private static List<String> wholeLines(byte[] bytes) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        out.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
        start = i + 1;
      }
    }
    return out;
  }

  private static String idOf(String line) {
    JsonValue o = Json.parse(line);
    return o.get("id").flatMap(JsonValue::stringValue).orElseThrow();
  }

  private static Process child(Class<?> main, String... args) throws IOException {
    Set<String> parts = new LinkedHashSet<>();
    for (String prop : new String[] {"jdk.module.path", "java.class.path"}) {
      String v = System.getProperty(prop);
      if (v != null) {
        for (String s : v.split(File.pathSeparator)) {
          if (!s.isEmpty()) {
            parts.add(s);
          }
        }
      }
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(
        List.of("-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx96m", "-cp"));
    cmd.add(String.join(File.pathSeparator, parts));
    cmd.add(main.getName());
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  private static Thread pump(InputStream in, ByteArrayOutputStream out) {
    Thread t =
        new Thread(
            () -> {
              byte[] b = new byte[4096];
              try {
                int n;
                while ((n = in.read(b)) > 0) {
                  synchronized (out) {
                    out.write(b, 0, n);
                  }
                }
              } catch (IOException e) {
                // the child died
              }
            });
    t.start();
    return t;
  }

  private static String text(ByteArrayOutputStream out) {
    synchronized (out) {
      return out.toString(StandardCharsets.UTF_8);
    }
  }
}
