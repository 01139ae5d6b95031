package io.superloop.visibility.core.store;

import io.superloop.visibility.api.Transport;
import io.superloop.visibility.core.internal.PlaneAccess;
import io.superloop.visibility.core.plane.SpriteServicePoll;
import io.superloop.visibility.core.plane.StepOptions;
import io.superloop.visibility.core.plane.VisibilityPlane;
import io.superloop.visibility.core.rules.Durability;
import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.core.time.Timestamps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A loop for step-level store tests: a runtime that appends event lines (line {@code n} is an event
 * with {@code "n":n}) and writes a heartbeat, and either transport over it. The local transport
 * reads {@code events.jsonl}; the sprite_service transport gets the answers a service over the same
 * runtime gives for the manager's cursor (contract 3.1: event {@code n} has sequence value {@code
 * n}; the snapshot's value is the line count).
 */
final class TestLoop {
  static final String LOOP = "step-loop";

  final Path repo;
  final Transport transport;
  final VisibilityRules rules;
  final Durability durability;
  private int lines;
  private Instant now = Instant.parse("2026-03-01T12:00:00Z");

  TestLoop(Path repo, Transport transport, VisibilityRules rules, Durability durability) {
    this.repo = repo;
    this.transport = transport;
    this.rules = rules;
    this.durability = durability;
    try {
      Files.createDirectories(runtimeDir());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The same loop over another copy of its files (same line count and clock). */
  TestLoop at(Path otherRepo) {
    TestLoop t = new TestLoop(otherRepo, transport, rules, durability);
    t.lines = lines;
    t.now = now;
    return t;
  }

  /**
   * The same loop after {@code lines} lines, its clock at {@code now} (a tree written elsewhere).
   */
  TestLoop resume(int lines, Instant now) {
    TestLoop t = at(repo);
    t.lines = lines;
    t.now = now;
    return t;
  }

  Path runtimeDir() {
    return repo.resolve(".superloop/loops/" + LOOP);
  }

  Path eventsFile() {
    return runtimeDir().resolve("events.jsonl");
  }

  LoopLayout layout() {
    return LoopLayout.of(repo, LOOP);
  }

  int lines() {
    return lines;
  }

  Instant now() {
    return now;
  }

  static String line(int n) {
    return "{\"timestamp\":\"2026-03-01T11:59:00Z\",\"event\":\"tick\",\"n\":" + n + "}\n";
  }

  /**
   * The runtime appends {@code n} event lines and refreshes its heartbeat; the clock moves 30 s.
   */
  TestLoop append(int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append(line(++lines));
    }
    now = now.plusSeconds(30);
    try {
      Files.writeString(
          eventsFile(),
          b.toString(),
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      Files.writeString(
          runtimeDir().resolve("heartbeat.v1.json"), heartbeat(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  private String heartbeat() {
    return "{\"schemaVersion\":\"v1\",\"timestamp\":\""
        + Timestamps.format(now.minusSeconds(5))
        + "\",\"source\":\"runtime\",\"status\":\"running\"}";
  }

  VisibilityPlane plane(FileOps ops) {
    return PlaneAccess.builder(LoopLayout.of(repo, LOOP).withFileOps(ops))
        .rules(rules)
        .durability(durability)
        .clock(Clock.fixed(now, ZoneOffset.UTC))
        .build();
  }

  /** One step with {@code trace} through {@code ops}. */
  VisibilityPlane.Reconciliation step(FileOps ops, String trace) {
    StepOptions options = StepOptions.defaults().withTraceId(trace);
    VisibilityPlane plane = plane(ops);
    if (transport == Transport.LOCAL) {
      return plane.reconcileLocal(options);
    }
    return plane.reconcile(this::poll, options);
  }

  /** What the service answers to a poll from {@code cursor}. */
  SpriteServicePoll poll(long cursor) {
    if (cursor > lines) {
      return SpriteServicePoll.requestFailed(
          "HTTP 502 runtime_error: cursor offset ("
              + cursor
              + ") exceeds available events ("
              + lines
              + ")");
    }
    String at = Timestamps.format(now);
    String source = "{\"repoPath\":\"/srv/step-repo\",\"loopId\":\"" + LOOP + "\"}";
    String snapshot =
        "{\"schemaVersion\":\"v1\",\"envelopeType\":\"loop_run_snapshot\",\"emittedAt\":\""
            + at
            + "\",\"source\":"
            + source
            + ",\"runtime\":{\"heartbeat\":"
            + heartbeat()
            + "},\"cursor\":{\"eventLineOffset\":"
            + lines
            + ",\"eventLineCount\":"
            + lines
            + "},\"sequence\":{\"source\":\"cursor_event_line_offset\",\"value\":"
            + lines
            + "}}";
    StringBuilder events = new StringBuilder();
    for (long n = cursor + 1; n <= lines; n++) {
      if (events.length() > 0) {
        events.append(',');
      }
      events
          .append("{\"schemaVersion\":\"v1\",\"envelopeType\":\"loop_run_event\",\"emittedAt\":\"")
          .append(at)
          .append("\",\"source\":")
          .append(source)
          .append(",\"sequence\":{\"source\":\"cursor_event_line_offset\",\"value\":")
          .append(n)
          .append("},\"cursor\":{\"eventLineOffset\":")
          .append(n)
          .append(",\"eventLineCount\":")
          .append(lines)
          .append("},\"event\":{\"timestamp\":\"2026-03-01T11:59:00Z\",\"name\":\"tick\"}}");
    }
    String answer =
        "{\"ok\":true,\"schemaVersion\":\"v1\",\"source\":"
            + source
            + ",\"events\":["
            + events
            + "],\"cursor\":{\"eventLineOffset\":"
            + lines
            + ",\"eventLineCount\":"
            + lines
            + ",\"updatedAt\":\""
            + at
            + "\"}}";
    return SpriteServicePoll.ofBodies(snapshot, answer);
  }
}
