package io.superloop.visibility.kafka.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.health.HealthThresholds;
import io.superloop.visibility.api.heartbeat.HeartbeatState;
import io.superloop.visibility.api.internal.json.JsonArray;
import io.superloop.visibility.api.internal.json.JsonObject;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonCodec;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.api.sequence.SequenceState;
import io.superloop.visibility.api.status.VisibilitySummary;
import io.superloop.visibility.core.internal.PlaneAccess;
import io.superloop.visibility.core.plane.VisibilityPlane;
import io.superloop.visibility.core.reconcile.StepResult;
import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.core.store.LoopLayout;
import io.superloop.visibility.testkit.gen.Gen;
import io.superloop.visibility.testkit.property.Property;
import io.superloop.visibility.testkit.scenario.internal.History;
import io.superloop.visibility.testkit.scenario.internal.HistoryGens;
import io.superloop.visibility.testkit.scenario.internal.HistoryShape;
import io.superloop.visibility.testkit.scenario.internal.HistoryStep;
import io.superloop.visibility.testkit.scenario.internal.LoopFiles;
import io.superloop.visibility.testkit.scenario.internal.StepDelivery;
import io.superloop.visibility.testkit.scenario.internal.StepView;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Parity, third transport: for the same envelope histories at the same injected clock, the topology
 * gives the same sequence and heartbeat verdicts, and the health that follows from them, as the
 * file-based plane ({@code VisibilityPlane}), step by step, under both presets.
 *
 * <ul>
 *   <li>Heartbeats in the snapshots: histories with every sprite_service fault, plus records that
 *       are not JSON objects and snapshots that are not valid v1; the plane is fed the very same
 *       envelopes as sprite_service answers ({@code SpriteServicePoll.ofBodies}).
 *   <li>Heartbeats on the heartbeats topic: histories with white-space and malformed lines and
 *       heartbeat files that are not JSON; the plane is the local transport over real files ({@code
 *       StepDelivery.LOCAL}).
 * </ul>
 *
 * After every step, compared with loop id and trace ids taken out: the step's sequence row,
 * heartbeat row and health (the topology's published records against the plane's), the loop's
 * states (the loop store against the plane's files) and the {@code heartbeat} and {@code sequence}
 * sections of the status surface; with heartbeats in the snapshots also the escalation rows. Tries:
 * {@code visibility.kafka.property.tries} (default the smaller of 60 and {@code
 * visibility.property.tries}).
 */
class TopologyParityTest {
  private static final int TRIES =
      Integer.getInteger("visibility.kafka.property.tries", Math.min(60, Property.defaultTries()));

  /** Carriable histories with the sprite faults, no controls (no topic carries them). */
  private static final HistoryShape SNAPSHOT_SHAPE =
      new HistoryShape(1, 4, 20, true, false, true, false, true, false, true);

  /** Carriable histories with the local faults (torn tails taken out below), no controls. */
  private static final HistoryShape FILE_SHAPE =
      new HistoryShape(1, 4, 20, true, false, true, false, true, true, false);

  @TempDir(factory = MemoryTempDirFactory.class)
  Path dir;

  private final Map<HealthThresholds, TopologyDriver> drivers = new HashMap<>();
  private final AtomicLong tries = new AtomicLong();

  @AfterEach
  void closeDrivers() {
    drivers.values().forEach(TopologyDriver::close);
  }

  private TopologyDriver driver(HealthThresholds t, VisibilityRules rules) {
    return drivers.computeIfAbsent(
        t,
        k ->
            new TopologyDriver(
                VisibilityTopology.builder()
                    .rules(rules)
                    .thresholds(k)
                    .punctuationInterval(java.time.Duration.ZERO),
                HistoryGens.BASE,
                dir.resolve("driver-" + drivers.size())));
  }

  @ParameterizedTest
  @ValueSource(strings = {"hardened", "reference"})
  void heartbeatsInSnapshotsAgreeWithTheSpriteServicePlane(String preset) {
    VisibilityRules rules = VisibilityRules.named(preset);
    Property.forAll(
            Gen.zip(HistoryGens.histories(SNAPSHOT_SHAPE), EnvelopeScript.Extras.gen(), Case::new))
        .named("topology parity, heartbeats in snapshots (" + preset + ")")
        .tries(TRIES)
        .check(c -> assertSnapshotParity(c.history(), c.extras(), rules));
  }

  @ParameterizedTest
  @ValueSource(strings = {"hardened", "reference"})
  void heartbeatTopicAgreesWithTheLocalPlane(String preset) {
    VisibilityRules rules = VisibilityRules.named(preset);
    Property.forAll(HistoryGens.histories(FILE_SHAPE).map(TopologyParityTest::withoutTornTails))
        .named("topology parity, heartbeats topic (" + preset + ")")
        .tries(TRIES)
        .check(h -> assertFileParity(h, rules));
  }

  record Case(History history, EnvelopeScript.Extras extras) {}

  private static History withoutTornTails(History h) {
    List<HistoryStep> steps = new ArrayList<>();
    for (HistoryStep s : h.steps()) {
      steps.add(s.withTornTail(Optional.empty()));
    }
    return new History(h.loopId(), h.start(), h.thresholds(), h.seed(), steps);
  }

  /**
   * The plane fed the script's envelopes as sprite_service answers; the topology fed the records.
   */
  private void assertSnapshotParity(
      History h, EnvelopeScript.Extras extras, VisibilityRules rules) {
    String loop = "loop-" + tries.incrementAndGet();
    TopologyDriver topology = driver(h.thresholds(), rules);
    LoopLayout layout = LoopLayout.of(dir.resolve(loop), h.loopId());
    List<EnvelopeScript.Step> script = EnvelopeScript.of(h, h.loopId(), false, extras);
    Optional<SequenceState> sequence = Optional.empty();
    @Nullable VisibilityPlane plane = null;
    for (int i = 0; i < script.size(); i++) {
      EnvelopeScript.Step s = script.get(i);
      EnvelopeScript.PlaneStep step = s.reconcile(layout, rules, h.thresholds(), h.loopId());
      plane = step.plane();
      StepResult r = step.result();
      // the plane's files after the step: a failed ingest keeps sequence-state.json as it was
      if (r.sequenceState().isPresent()) {
        sequence = r.sequenceState();
      }
      TopologyDriver.Published p = runStep(topology, loop, s);
      LoopState state = topology.state(loop).orElseThrow(() -> new AssertionError("no loop state"));
      compareStep("step " + i, r, p, Set.of(), true);
      compareStates("step " + i, sequence, r.heartbeat().state(), state, Set.of());
    }
    if (plane != null) {
      compareSurfaces(
          "last step", LoopFiles.read(layout, plane.status()), topology, loop, Set.of());
    }
  }

  /** The local plane over real files; the topology fed heartbeat documents and envelope records. */
  private void assertFileParity(History h, VisibilityRules rules) {
    String loop = "loop-" + tries.incrementAndGet();
    TopologyDriver topology = driver(h.thresholds(), rules);
    List<StepView> views = StepDelivery.LOCAL.deliver(h, dir.resolve(loop), rules).steps();
    List<EnvelopeScript.Step> script =
        EnvelopeScript.of(h, h.loopId(), true, EnvelopeScript.Extras.NONE);
    // the transport differs by name only (contract 7.3): local files against sprite_service
    // envelopes
    Set<String> transport = Set.of("transport");
    for (int i = 0; i < script.size(); i++) {
      TopologyDriver.Published p = runStep(topology, loop, script.get(i));
      StepView v = views.get(i);
      LoopState state = topology.state(loop).orElseThrow(() -> new AssertionError("no loop state"));
      compareStep("step " + i, PlaneAccess.result(v.reconciliation()), p, transport, false);
      compareStates("step " + i, v.files().sequence(), v.files().heartbeat(), state, transport);
      compareSurfaces("step " + i, v.files(), topology, loop, transport);
    }
  }

  /** Sends one step's records at its clock; returns what the snapshot's step published. */
  private static TopologyDriver.Published runStep(
      TopologyDriver topology, String loop, EnvelopeScript.Step s) {
    topology.clock.set(s.now());
    s.heartbeatDocument().ifPresent(doc -> topology.heartbeat(loop, doc.orElse(null)));
    topology.drain(); // the heartbeat record's own evaluation: not a step of the plane
    for (EnvelopeScript.Event e : s.events()) {
      topology.envelope(loop, e.kafkaValue());
    }
    topology.snapshot(loop, s.snapshot(), s.replay());
    return topology.drain();
  }

  /** The step's published rows against the plane's. */
  private static void compareStep(
      String at,
      StepResult plane,
      TopologyDriver.Published p,
      Set<String> drop,
      boolean escalations) {
    same(
        at + " sequence row",
        rows(Codecs.SEQUENCE_OBSERVATION, plane.sequenceRow().stream().toList()),
        rows(Codecs.SEQUENCE_OBSERVATION, values(p.sequenceRows())),
        drop);
    same(
        at + " heartbeat row",
        rows(Codecs.HEARTBEAT_OBSERVATION, plane.heartbeat().observation().stream().toList()),
        rows(Codecs.HEARTBEAT_OBSERVATION, values(p.heartbeatRows())),
        drop);
    same(
        at + " health",
        rows(Codecs.HEALTH, List.of(plane.health())),
        rows(Codecs.HEALTH, values(p.health())),
        drop);
    if (escalations) {
      same(
          at + " escalations",
          rows(Codecs.ESCALATION_ROW, plane.escalations()),
          rows(Codecs.ESCALATION_ROW, values(p.escalations())),
          drop);
    }
  }

  /**
   * The loop store's states against the plane's {@code sequence-state.json} and {@code
   * heartbeat.json}.
   */
  private static void compareStates(
      String at,
      Optional<SequenceState> sequence,
      Optional<HeartbeatState> heartbeat,
      LoopState state,
      Set<String> drop) {
    same(
        at + " sequence-state",
        rows(Codecs.SEQUENCE_STATE, sequence.stream().toList()),
        rows(Codecs.SEQUENCE_STATE, state.sequence().stream().toList()),
        drop);
    same(
        at + " heartbeat state",
        rows(Codecs.HEARTBEAT_STATE, heartbeat.stream().toList()),
        rows(Codecs.HEARTBEAT_STATE, state.heartbeat().stream().toList()),
        drop);
  }

  /**
   * The {@code heartbeat} and {@code sequence} sections of the status surface (interactive query).
   */
  private static void compareSurfaces(
      String at, LoopFiles files, TopologyDriver topology, String loop, Set<String> drop) {
    VisibilitySummary mine = topology.status(loop).orElseThrow();
    same(
        at + " visibility.heartbeat",
        rows(Codecs.HEARTBEAT_SURFACE, files.visibility().heartbeat().stream().toList()),
        rows(Codecs.HEARTBEAT_SURFACE, mine.heartbeat().stream().toList()),
        drop);
    same(
        at + " visibility.sequence",
        rows(Codecs.SEQUENCE_SURFACE, files.visibility().sequence().stream().toList()),
        rows(Codecs.SEQUENCE_SURFACE, mine.sequence().stream().toList()),
        drop);
  }

  private static <T> List<T> values(
      List<org.apache.kafka.streams.test.TestRecord<String, T>> records) {
    return records.stream()
        .map(org.apache.kafka.streams.test.TestRecord::value)
        .collect(Collectors.toList());
  }

  private static <T> List<JsonValue> rows(JsonCodec<T> codec, List<T> values) {
    return values.stream().map(v -> Json.parse(codec.encode(v))).collect(Collectors.toList());
  }

  /** Loop ids, traces and the escalations' store and topic names are the transports' own. */
  private static final Set<String> DROPPED =
      Set.of(
          "loopId",
          "traceId",
          "stateFile",
          "cursorFile",
          "healthFile",
          "sequenceStateFile",
          "sequenceTelemetryFile");

  private static void same(
      String what, List<JsonValue> plane, List<JsonValue> topology, Set<String> alsoDrop) {
    assertEquals(
        plane.stream().map(v -> strip(v, alsoDrop)).collect(Collectors.toList()),
        topology.stream().map(v -> strip(v, alsoDrop)).collect(Collectors.toList()),
        what + " differs (plane, then topology)");
  }

  private static JsonValue strip(JsonValue v, Set<String> alsoDrop) {
    if (v instanceof JsonObject o) {
      Map<String, JsonValue> m = new LinkedHashMap<>();
      o.members()
          .forEach(
              (k, x) -> {
                if (!DROPPED.contains(k) && !alsoDrop.contains(k)) {
                  m.put(k, strip(x, alsoDrop));
                }
              });
      return JsonValue.object(m);
    }
    if (v instanceof JsonArray a) {
      return JsonValue.array(
          a.elements().stream().map(x -> strip(x, alsoDrop)).collect(Collectors.toList()));
    }
    return v;
  }
}
