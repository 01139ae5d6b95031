package io.superloop.visibility.producer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The heartbeat file: the contract's shape (1.2), whole on every read, on the caller's schedule.
 */
class HeartbeatWriterTest {
  private static final String LOOP = "hb-loop";

  @TempDir Path repo;

  private Path file() {
    return repo.resolve(".superloop/loops/" + LOOP + "/heartbeat.v1.json");
  }

  @Test
  void writesTheContractsHeartbeatShape() throws Exception {
    Clock clock = Clock.fixed(Instant.parse("2026-03-01T11:57:30.987Z"), ZoneOffset.UTC);
    HeartbeatWriter hb =
        HeartbeatWriter.builder(repo, LOOP).clock(clock).field("pid", JsonValue.of(4242)).build();
    assertEquals(file(), hb.file());
    assertEquals(Instant.parse("2026-03-01T11:57:30Z"), hb.beat());
    // contract 1.2 (the reference's tests write this object), then the extra field
    assertEquals(
        "{\"schemaVersion\":\"v1\",\"timestamp\":\"2026-03-01T11:57:30Z\",\"source\":\"runtime\","
            + "\"status\":\"running\",\"stage\":\"iteration\",\"pid\":4242}\n",
        Files.readString(file()));
    hb.beat("waiting", "approval");
    assertTrue(Files.readString(file()).contains("\"status\":\"waiting\",\"stage\":\"approval\""));
    hb.beat();
    assertTrue(Files.readString(file()).contains("\"status\":\"waiting\""), "the new state stays");
    try (Stream<Path> s = Files.list(file().getParent())) {
      assertEquals(List.of(file()), s.toList(), "no temp file is left");
    }
  }

  @Test
  void refusesWhatItOwnsOrCannotWrite() {
    HeartbeatWriter.Builder b = HeartbeatWriter.builder(repo, LOOP);
    assertEquals(
        ErrorCode.INVALID_ARGUMENT,
        assertThrows(VisibilityException.class, () -> b.field("timestamp", JsonValue.of(1)))
            .code());
    assertEquals(
        ErrorCode.INVALID_ARGUMENT,
        assertThrows(VisibilityException.class, () -> b.state(" ", "x")).code());
    assertEquals(
        ErrorCode.INVALID_ARGUMENT,
        assertThrows(VisibilityException.class, () -> b.source("")).code());
    assertEquals(
        ErrorCode.INVALID_LOOP_ID,
        assertThrows(VisibilityException.class, () -> HeartbeatWriter.builder(repo, "..")).code());
  }

  @Test
  void aReaderNeverSeesHalfAHeartbeat() throws Exception {
    HeartbeatWriter hb =
        HeartbeatWriter.builder(repo, LOOP)
            .force(false)
            .field("pad", JsonValue.of("p".repeat(20_000)))
            .build();
    hb.beat();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger reads = new AtomicInteger();
    List<String> torn = new CopyOnWriteArrayList<>();
    Thread reader =
        new Thread(
            () -> {
              while (!stop.get()) {
                try {
                  String text = Files.readString(file());
                  reads.incrementAndGet();
                  if (!Json.parse(text).isObject() || !text.endsWith("}\n")) {
                    torn.add(text);
                  }
                } catch (Exception e) {
                  torn.add(String.valueOf(e));
                }
              }
            });
    reader.start();
    for (int i = 0; i < 300; i++) {
      hb.beat(i % 2 == 0 ? "running" : "waiting", "iteration");
    }
    stop.set(true);
    reader.join();
    assertEquals(List.of(), torn);
    assertTrue(reads.get() > 0);
  }

  @Test
  void theScheduleGoesOnAfterAFailedBeat() throws Exception {
    HeartbeatWriter hb = HeartbeatWriter.builder(repo, LOOP).force(false).build();
    // a directory where the file belongs: every beat fails until it is removed
    Files.createDirectories(file().resolve("blocker"));
    List<VisibilityException> failures = new CopyOnWriteArrayList<>();
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    try {
      ScheduledFuture<?> f = hb.scheduleAtFixedRate(executor, Duration.ofSeconds(1), failures::add);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (failures.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertTrue(!failures.isEmpty(), "the failure was reported");
      assertTrue(hb.lastFailure().isPresent());
      Files.delete(file().resolve("blocker"));
      Files.delete(file());
      while (!Files.isRegularFile(file()) && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertTrue(Files.isRegularFile(file()), "a later beat wrote the file");
      assertTrue(!f.isDone(), "the schedule still runs");
      f.cancel(false);
    } finally {
      executor.shutdownNow();
    }
    assertTrue(hb.lastFailure().isEmpty(), "the last beat succeeded");
    assertEquals(
        ErrorCode.INVALID_ARGUMENT,
        assertThrows(
                VisibilityException.class,
                () -> hb.scheduleAtFixedRate(executor, Duration.ofMillis(500), failures::add))
            .code());
  }
}
