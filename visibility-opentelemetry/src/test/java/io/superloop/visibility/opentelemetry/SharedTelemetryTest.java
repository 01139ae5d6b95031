package io.superloop.visibility.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.superloop.visibility.core.plane.SpriteServicePoll;
import io.superloop.visibility.core.plane.StepOptions;
import io.superloop.visibility.core.plane.VisibilityPlane;
import io.superloop.visibility.core.rules.Durability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One {@link VisibilityTelemetry} serving several planes: each loop and transport records under its
 * own {@code superloop.loop.id} and {@code superloop.transport}, never another's.
 */
class SharedTelemetryTest {
  @TempDir Path tmp;

  private static VisibilityPlane plane(Path repo, String loop, VisibilityTelemetry telemetry) {
    return VisibilityPlane.builder(repo, loop)
        .durability(Durability.NONE)
        .listener(telemetry)
        .build();
  }

  private static Path repoWithLines(Path repo, String loop, int lines) throws IOException {
    Path rt = Files.createDirectories(repo.resolve(".superloop/loops/" + loop));
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < lines; i++) {
      log.append("{\"timestamp\":\"2026-03-01T11:59:00Z\",\"event\":\"e").append(i).append("\"}\n");
    }
    Files.writeString(rt.resolve("events.jsonl"), log);
    return repo;
  }

  @Test
  void eachLoopAndTransportRecordsUnderItsOwnAttributes() throws IOException {
    try (InMemoryOtel otel = new InMemoryOtel()) {
      VisibilityTelemetry telemetry = VisibilityTelemetry.create(otel.sdk);
      Path local = tmp.resolve("local");
      repoWithLines(local, "a", 1);
      repoWithLines(local, "b", 2);
      plane(local, "a", telemetry).reconcileLocal(StepOptions.defaults());
      plane(local, "b", telemetry).reconcileLocal(StepOptions.defaults());
      plane(local, "b", telemetry).reconcileLocal(StepOptions.defaults());
      plane(Files.createDirectories(tmp.resolve("sprite")), "a", telemetry)
          .reconcile(SpriteServicePoll.requestFailed("no service"), StepOptions.defaults());

      Map<String, Long> points = otel.points();
      String aLocal = "{superloop.loop.id=a, superloop.transport=local}";
      String bLocal = "{superloop.loop.id=b, superloop.transport=local}";
      String aSprite = "{superloop.loop.id=a, superloop.transport=sprite_service}";
      assertEquals(1L, points.get("superloop.reconcile.duration#count " + aLocal));
      assertEquals(2L, points.get("superloop.reconcile.duration#count " + bLocal));
      assertEquals(1L, points.get("superloop.reconcile.duration#count " + aSprite));
      assertEquals(1L, points.get("superloop.ingest.lines " + aLocal));
      assertEquals(2L, points.get("superloop.ingest.lines " + bLocal));
      assertEquals(
          null, points.get("superloop.ingest.lines " + aSprite)); // a failed poll takes in nothing
      assertEquals(
          4,
          points.keySet().stream().filter(k -> k.startsWith("superloop.ingest.")).count(),
          "lines and bytes of the two local loops only: " + points);
    }
  }
}
