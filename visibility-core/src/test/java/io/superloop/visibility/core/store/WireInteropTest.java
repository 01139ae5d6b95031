package io.superloop.visibility.core.store;

import static io.superloop.visibility.core.store.ControlFixtures.Logical;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.audit.Intent;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonCodec;
import io.superloop.visibility.core.audit.ControlContext;
import io.superloop.visibility.core.audit.ControlOutcomes;
import io.superloop.visibility.core.audit.InvocationAuditTrail;
import io.superloop.visibility.core.heartbeat.HeartbeatInput;
import io.superloop.visibility.core.rules.Durability;
import io.superloop.visibility.core.rules.VisibilityRules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written by the store decode with the library's codecs and carry the v1 rendering byte for
 * byte: each JSONL line equals {@code jq -c .} of itself, each state file equals {@code jq -c .}
 * plus a newline (contract section 0). Every file the store writes in a loop directory is checked.
 */
class WireInteropTest {
  @TempDir Path tmp;

  private static final Map<LoopArtifact, JsonCodec<?>> CODECS = new EnumMap<>(LoopArtifact.class);

  static {
    CODECS.put(LoopArtifact.HEARTBEAT_STATE, Codecs.HEARTBEAT_STATE);
    CODECS.put(LoopArtifact.SEQUENCE_STATE, Codecs.SEQUENCE_STATE);
    CODECS.put(LoopArtifact.HEALTH, Codecs.HEALTH);
    CODECS.put(LoopArtifact.STATE, Json.RAW); // owned by the projection; the store merges into it
    CODECS.put(LoopArtifact.CURSOR, Codecs.CURSOR_STATE);
    CODECS.put(LoopArtifact.TRANSPORT_HEALTH, Codecs.TRANSPORT_HEALTH);
    CODECS.put(LoopArtifact.INTENTS, Codecs.INTENT_ROW);
    CODECS.put(LoopArtifact.ESCALATIONS, Codecs.ESCALATION_ROW);
    CODECS.put(LoopArtifact.RECONCILE_TELEMETRY, Codecs.RECONCILE_ROW);
    CODECS.put(LoopArtifact.CONTROL_TELEMETRY, Codecs.CONTROL_ROW);
    CODECS.put(LoopArtifact.CONTROL_INVOCATIONS, Codecs.CONTROL_INVOCATION);
    CODECS.put(LoopArtifact.CONTROL_INVOCATIONS_INFLIGHT, Codecs.IN_FLIGHT_ROW);
    CODECS.put(LoopArtifact.HEARTBEAT_TELEMETRY, Codecs.HEARTBEAT_OBSERVATION);
    CODECS.put(LoopArtifact.SEQUENCE_TELEMETRY, Codecs.SEQUENCE_OBSERVATION);
  }

  /** Artifacts the library does not write (another component's alert dispatch). */
  private static final Set<LoopArtifact> NOT_WRITTEN =
      EnumSet.of(LoopArtifact.ALERT_DISPATCH_STATE, LoopArtifact.ALERTS_TELEMETRY);

  private static final String STALE_HEARTBEAT =
      "{\"schemaVersion\":\"v1\",\"timestamp\":\"2020-01-01T00:00:00Z\",\"source\":\"runtime\","
          + "\"status\":\"running\",\"stage\":\"iteration\"}";

  @Test
  void everyFileTheStoreWritesIsTheV1RenderingUnderReference() throws IOException {
    check(VisibilityRules.reference());
  }

  @Test
  void everyFileTheStoreWritesIsTheV1RenderingUnderHardened() throws IOException {
    check(VisibilityRules.hardened());
  }

  private void check(VisibilityRules rules) throws IOException {
    LoopStore s =
        new LoopStore(LoopLayout.of(tmp.resolve(rules.name()), "demo-loop"), Durability.NONE);
    Files.createDirectories(s.layout().opsDir());
    // state.json as the projection writes it (the store only merges into an existing one)
    Files.writeString(
        s.layout().path(LoopArtifact.STATE),
        "{\"schemaVersion\":\"v1\",\"loopId\":\"demo-loop\",\"transition\":{\"currentState\":\"running\"},\"health\":null}\n");
    Instant t0 = Instant.parse("2026-02-22T12:09:00Z");
    ControlFixtures.reconcile(
        s,
        rules,
        "trace-interop-1",
        Transport.LOCAL,
        t0,
        2,
        2,
        HeartbeatInput.of(Json.parse(STALE_HEARTBEAT)),
        false);
    // a regression: drift, escalation rows
    ControlFixtures.reconcile(
        s,
        rules,
        "trace-interop-2",
        Transport.LOCAL,
        t0.plusSeconds(60),
        1,
        1,
        HeartbeatInput.of(Json.parse(STALE_HEARTBEAT)),
        false);
    // an unparseable heartbeat (a failed observation row)
    ControlFixtures.reconcile(
        s,
        rules,
        "trace-interop-3",
        Transport.LOCAL,
        t0.plusSeconds(120),
        1,
        1,
        HeartbeatInput.of(Json.parse("{\"timestamp\":\"2026-02-22T12:11:00.5+01:00\"}")),
        false);
    // control actions with text that needs escaping: quotes, backslash, control chars, non-ASCII
    ControlContext local =
        ControlContext.builder()
            .from(
                ControlFixtures.ctx(
                    "demo-loop", Intent.CANCEL, "trace-interop-4", Transport.LOCAL, "k-1"))
            .note("note \"quoted\" \\ back/slash\ttab é ü 你好 😀 \u0001\u001f\u007f")
            .build();
    InvocationAuditTrail.of(s, rules)
        .begin(local)
        .complete(
            ControlOutcomes.local(
                local,
                "superloop.sh cancel --repo '/re po'",
                0,
                "line 1\nline \"2\"\n\tindented é\u0002\n",
                Optional.of(
                    new ControlOutcomes.ConfirmRun(
                        1, Optional.of(ControlFixtures.confirmResult(Intent.CANCEL, false)))),
                ControlFixtures.COMPLETED));
    ControlContext sprite =
        ControlFixtures.ctx(
            "demo-loop", Intent.APPROVE, "trace-interop-5", Transport.SPRITE_SERVICE, "idem-1");
    InvocationAuditTrail.of(s, rules)
        .begin(sprite)
        .complete(ControlFixtures.sprite(sprite, Logical.CONFIRMED, true));
    ControlContext failed =
        ControlFixtures.ctx(
            "demo-loop", Intent.REJECT, "trace-interop-6", Transport.SPRITE_SERVICE, "idem-2");
    InvocationAuditTrail.of(s, rules)
        .begin(failed)
        .complete(
            ControlOutcomes.spriteFailure(
                failed, ControlFixtures.SPRITE_COMMAND, 1, ControlFixtures.COMPLETED));

    List<Path> written;
    try (Stream<Path> files = Files.walk(s.layout().opsDir())) {
      written = files.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
    }
    Set<LoopArtifact> seen = EnumSet.noneOf(LoopArtifact.class);
    for (Path f : written) {
      if (f.getFileName().toString().endsWith(".lock")) {
        continue; // the loop lock and the logs' lock files (H3, H4): empty, not JSON
      }
      if (f.equals(s.layout().stepJournalFile())) {
        assertEquals(0, Files.size(f), "the step journal is empty between steps");
        continue;
      }
      LoopArtifact a = artifactOf(s.layout(), f);
      seen.add(a);
      String text = Files.readString(f, StandardCharsets.UTF_8);
      assertEquals(jqFile(f), text, f + ": not the jq -c rendering");
      JsonCodec<?> codec = java.util.Objects.requireNonNull(CODECS.get(a), a.name());
      if (a.kind() == LoopArtifact.Kind.STATE) {
        assertTrue(
            text.endsWith("\n") && text.indexOf('\n') == text.length() - 1, f + ": one line");
        assertEquals(
            text,
            roundTrip(codec, text.substring(0, text.length() - 1)) + "\n",
            f + ": codec round trip");
      } else {
        for (String line : text.split("\n", -1)) {
          if (!line.isEmpty()) {
            assertEquals(line, roundTrip(codec, line), f + ": codec round trip");
          }
        }
      }
    }
    Set<LoopArtifact> expected = EnumSet.complementOf(EnumSet.copyOf(NOT_WRITTEN));
    if (!rules.writeInFlightAuditRows()) {
      expected.remove(LoopArtifact.CONTROL_INVOCATIONS_INFLIGHT);
    }
    assertEquals(expected, seen, "every artifact the library writes was written and checked");
  }

  private static <T> String roundTrip(JsonCodec<T> codec, String line) {
    return codec.encode(Json.DEFAULT.decode(codec, line));
  }

  private static LoopArtifact artifactOf(LoopLayout layout, Path f) {
    for (LoopArtifact a : LoopArtifact.values()) {
      if (layout.path(a).equals(f)) {
        return a;
      }
    }
    throw new AssertionError("a file the library does not know: " + f);
  }

  /** {@code jq -c . file}: every JSON document of the file, compact, one per line. */
  private static String jqFile(Path file) {
    try {
      Process p =
          new ProcessBuilder("jq", "-c", ".", file.toString()).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new AssertionError("jq failed on " + file + ": " + out);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
