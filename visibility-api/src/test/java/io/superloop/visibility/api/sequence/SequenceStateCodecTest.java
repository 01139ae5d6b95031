package io.superloop.visibility.api.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.sequence.internal.ImmutableEventDiagnostics;
import io.superloop.visibility.api.sequence.internal.ImmutableSequenceState;
import io.superloop.visibility.api.sequence.internal.ImmutableSequenceTransition;
import io.superloop.visibility.api.sequence.internal.ImmutableSnapshotDiagnostics;
import io.superloop.visibility.api.testing.RepoFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class SequenceStateCodecTest {

  // --- the reference's outputs --------------------------------------------------------------

  @TestFactory
  Stream<DynamicTest> everyExpectedSequenceStateReencodesAsJqCompact() {
    return RepoFiles.reencodeExpectedAsJqCompact("sequence-state.json", Codecs.SEQUENCE_STATE);
  }

  @TestFactory
  Stream<DynamicTest> sequenceMemberOfEveryExpectedStateJsonReencodesAsJqCompact() {
    List<Path> files = RepoFiles.files("conformance/expected", "state.json");
    files.removeIf(f -> !f.getFileName().toString().equals("state.json"));
    assertFalse(files.isEmpty());
    return files.stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    RepoFiles.parentName(f),
                    () -> {
                      String member = jq(".sequence", f);
                      SequenceState s = Codecs.SEQUENCE_STATE.decode(member);
                      assertEquals(member, Codecs.SEQUENCE_STATE.encode(s));
                    }));
  }

  /**
   * The previous states of the cases are read as the reference reads them: the watermarks and drift
   * flag decode (some files lack {@code transition}, some put {@code reasonCode} last); the torn
   * one of pub-100-020 is {@code invalid_json}.
   */
  @TestFactory
  Stream<DynamicTest> everyPreviousSequenceStateOfTheCasesDecodesOrIsInvalidJson() {
    List<Path> files = RepoFiles.files("conformance/cases", "sequence-state.json");
    assertFalse(files.isEmpty());
    return files.stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    RepoFiles.root()
                        .resolve("conformance/cases")
                        .relativize(f)
                        .getName(0)
                        .toString(),
                    () -> {
                      String text = RepoFiles.read(f);
                      if (f.toString().contains("pub-100-020")) {
                        VisibilityException e =
                            assertThrows(
                                VisibilityException.class,
                                () -> Codecs.SEQUENCE_STATE.decode(text));
                        assertEquals(ErrorCode.INVALID_JSON, e.code());
                        return;
                      }
                      SequenceState s = Codecs.SEQUENCE_STATE.decode(text);
                      assertEquals(jq(".snapshot.current", f), render(s.snapshot().current()));
                      assertEquals(jq(".events.last", f), render(s.events().last()));
                      assertEquals(jq(".driftActive", f), Boolean.toString(s.driftActive()));
                      assertEquals(
                          jq(".transition == null", f), Boolean.toString(s.transition().isEmpty()));
                    }));
  }

  // --- omitted-vs-null rules (expected JSON written from contract 1.5 / 1.6 / hardening) ------

  private static final String DRIFT_STATE =
      "{\"schemaVersion\":\"v1\",\"updatedAt\":\"2026-03-01T12:00:00Z\",\"loopId\":\"demo-loop\","
          + "\"traceId\":\"trace-1\",\"transport\":\"sprite_service\",\"status\":\"ordering_drift_detected\","
          + "\"reasonCode\":\"ordering_drift_detected\",\"driftActive\":true,"
          + "\"violations\":[\"event_sequence_missing\",\"snapshot_sequence_missing\"],"
          + "\"snapshot\":{\"previous\":null,\"current\":null,\"monotonic\":false,\"regressed\":false,\"missing\":true},"
          + "\"events\":{\"ingestedCount\":0,\"previousLast\":null,\"first\":null,\"last\":null,"
          + "\"monotonicWithinBatch\":true,\"monotonicAcrossBatches\":true,\"regressed\":false,\"missing\":true},"
          + "\"transition\":{\"previousDriftActive\":false,\"transitionedToDrift\":true,\"recoveredFromDrift\":false}}";

  @Test
  void nestedSnapshotAndEventsKeepExplicitNulls() {
    SequenceState s = Codecs.SEQUENCE_STATE.decode(DRIFT_STATE);
    assertTrue(s.snapshot().current().isEmpty());
    assertTrue(s.snapshot().previous().isEmpty());
    assertTrue(s.events().previousLast().isEmpty());
    assertTrue(s.events().first().isEmpty());
    assertTrue(s.events().last().isEmpty());
    assertEquals(DRIFT_STATE, Codecs.SEQUENCE_STATE.encode(s));
    assertEquals(DRIFT_STATE, Codecs.SEQUENCE_STATE.encode(driftState().build()));
  }

  @Test
  void reasonCodeIsOmittedWhenOk() {
    SequenceState ok = okState().build();
    String json = Codecs.SEQUENCE_STATE.encode(ok);
    assertEquals(
        "{\"schemaVersion\":\"v1\",\"updatedAt\":\"2026-03-01T12:00:00Z\",\"loopId\":\"demo-loop\","
            + "\"traceId\":\"trace-1\",\"transport\":\"local\",\"status\":\"ok\",\"driftActive\":false,"
            + "\"violations\":[],"
            + "\"snapshot\":{\"previous\":0,\"current\":1,\"monotonic\":true,\"regressed\":false,\"missing\":false},"
            + "\"events\":{\"ingestedCount\":1,\"previousLast\":0,\"first\":1,\"last\":1,"
            + "\"monotonicWithinBatch\":true,\"monotonicAcrossBatches\":true,\"regressed\":false,\"missing\":false},"
            + "\"transition\":{\"previousDriftActive\":false,\"transitionedToDrift\":false,\"recoveredFromDrift\":false}}",
        json);
    assertEquals(ok, Codecs.SEQUENCE_STATE.decode(json));
  }

  @Test
  void topLevelTraceIdIsOmittedWhenAbsent() {
    String json =
        Codecs.SEQUENCE_STATE.encode(okState().traceId(java.util.Optional.empty()).build());
    assertFalse(json.contains("traceId"), json);
    assertTrue(
        json.startsWith(
            "{\"schemaVersion\":\"v1\",\"updatedAt\":\"2026-03-01T12:00:00Z\",\"loopId\":\"demo-loop\",\"transport\":\"local\","),
        json);
  }

  @Test
  void violationsArePresentAsAnEmptyArrayWhenOk() {
    assertTrue(Codecs.SEQUENCE_STATE.encode(okState().build()).contains("\"violations\":[]"));
  }

  @Test
  void additiveFieldsAreOmittedWhenEmptyAndWrittenAfterTheV1Fields() {
    SequenceState s =
        okState()
            .snapshot(snapshotOk().withHighWater(7))
            .events(eventsOk().withGaps(0).withDuplicates(2).withMax(9).withHighWater(9))
            .transition(transition(false, false, false).withEpochReset(true))
            .build();
    String json = Codecs.SEQUENCE_STATE.encode(s);
    assertTrue(
        json.contains(
            "\"snapshot\":{\"previous\":0,\"current\":1,\"monotonic\":true,\"regressed\":false,\"missing\":false,\"highWater\":7}"),
        json);
    assertTrue(
        json.contains(
            "\"regressed\":false,\"missing\":false,\"gaps\":0,\"duplicates\":2,\"max\":9,\"highWater\":9}"),
        json);
    assertTrue(
        json.contains(
            "\"transition\":{\"previousDriftActive\":false,\"transitionedToDrift\":false,\"recoveredFromDrift\":false,\"epochReset\":true}"),
        json);
    assertEquals(s, Codecs.SEQUENCE_STATE.decode(json));
    String plain = Codecs.SEQUENCE_STATE.encode(okState().build());
    for (String additive : List.of("highWater", "gaps", "duplicates", "max", "epochReset")) {
      assertFalse(plain.contains(additive), additive);
    }
  }

  @Test
  void epochResetFalseIsKept() {
    String json =
        Codecs.SEQUENCE_TRANSITION.encode(transition(true, false, true).withEpochReset(false));
    assertEquals(
        "{\"previousDriftActive\":true,\"transitionedToDrift\":false,\"recoveredFromDrift\":true,\"epochReset\":false}",
        json);
  }

  @Test
  void transitionIsOmittedOnlyWhenAbsent() {
    String json =
        Codecs.SEQUENCE_STATE.encode(okState().transition(java.util.Optional.empty()).build());
    assertFalse(json.contains("transition"), json);
  }

  @Test
  void unknownFieldsSurviveARoundTripAtEveryLevel() {
    String in =
        DRIFT_STATE
            .replace("\"missing\":true},\"events\"", "\"missing\":true,\"zSnap\":1},\"events\"")
            .replace(
                "\"missing\":true},\"transition\"",
                "\"missing\":true,\"zEvt\":[null]},\"transition\"")
            .replace(
                "\"recoveredFromDrift\":false}}",
                "\"recoveredFromDrift\":false,\"zTr\":{}},\"zTop\":\"x\"}");
    assertEquals(in, Codecs.SEQUENCE_STATE.encode(Codecs.SEQUENCE_STATE.decode(in)));
  }

  @Test
  void observationRowHasCategoryNoSchemaVersionAndTheStateFields() {
    SequenceObservation row = SequenceObservation.of(driftState().build(), "2026-03-01T12:00:01Z");
    String json = Codecs.SEQUENCE_OBSERVATION.encode(row);
    String expected =
        "{\"timestamp\":\"2026-03-01T12:00:01Z\",\"loopId\":\"demo-loop\",\"traceId\":\"trace-1\","
            + "\"transport\":\"sprite_service\",\"category\":\"envelope_sequence\","
            + DRIFT_STATE.substring(DRIFT_STATE.indexOf("\"status\""));
    assertEquals(expected, json);
    assertEquals(row, Codecs.SEQUENCE_OBSERVATION.decode(json));
  }

  @Test
  void observationRowOmitsTraceIdAndReasonCodeWhenOk() {
    SequenceObservation row =
        SequenceObservation.of(okState().traceId(java.util.Optional.empty()).build(), "t");
    String json = Codecs.SEQUENCE_OBSERVATION.encode(row);
    assertTrue(
        json.startsWith(
            "{\"timestamp\":\"t\",\"loopId\":\"demo-loop\",\"transport\":\"local\",\"category\":\"envelope_sequence\",\"status\":\"ok\",\"driftActive\":false,"),
        json);
  }

  @Test
  void observationRowWithAnotherCategoryDoesNotDecode() {
    String json =
        Codecs.SEQUENCE_OBSERVATION
            .encode(SequenceObservation.of(okState().build(), "t"))
            .replace("envelope_sequence", "runtime_heartbeat");
    VisibilityException e =
        assertThrows(VisibilityException.class, () -> Codecs.SEQUENCE_OBSERVATION.decode(json));
    assertEquals(ErrorCode.INVALID_FIELD_VALUE, e.code());
    assertEquals("/category", e.path().orElseThrow());
  }

  // --- contract checks ---------------------------------------------------------------------

  @Test
  void violationCodesAreDeclaredInTheCanonicalOrderOfContract34() {
    List<String> canonical =
        List.of(
            "event_sequence_missing",
            "event_sequence_non_monotonic",
            "event_sequence_regression",
            "snapshot_sequence_missing",
            "snapshot_sequence_regression");
    List<String> declared = new ArrayList<>();
    for (ViolationCode c : ViolationCode.values()) {
      declared.add(c.wire());
    }
    assertEquals(canonical, declared);
    List<String> sorted = new ArrayList<>(declared);
    sorted.sort(null);
    assertEquals(sorted, declared);
  }

  @Test
  void unsortedViolationsAreRejected() {
    assertRejected(
        ErrorCode.INVALID_FIELD_VALUE,
        DRIFT_STATE.replace(
            "[\"event_sequence_missing\",\"snapshot_sequence_missing\"]",
            "[\"snapshot_sequence_missing\",\"event_sequence_missing\"]"));
  }

  @Test
  void duplicateViolationsAreRejected() {
    assertRejected(
        ErrorCode.INVALID_FIELD_VALUE,
        DRIFT_STATE.replace(
            "[\"event_sequence_missing\",\"snapshot_sequence_missing\"]",
            "[\"event_sequence_missing\",\"event_sequence_missing\"]"));
  }

  @Test
  void unknownViolationCodeIsRejected() {
    assertRejected(
        ErrorCode.INVALID_FIELD_VALUE,
        DRIFT_STATE.replace("\"snapshot_sequence_missing\"]", "\"snapshot_sequence_gap\"]"));
  }

  @Test
  void driftWithoutViolationsIsRejected() {
    assertRejected(
        ErrorCode.INVALID_FIELD_VALUE,
        DRIFT_STATE.replace("[\"event_sequence_missing\",\"snapshot_sequence_missing\"]", "[]"));
  }

  @Test
  void violationsWithoutDriftAreRejected() {
    VisibilityException e =
        assertThrows(
            VisibilityException.class,
            () -> okState().addViolations(ViolationCode.EVENT_SEQUENCE_MISSING).build());
    assertEquals(ErrorCode.INVALID_FIELD_VALUE, e.code());
  }

  @Test
  void statusOkWithDriftIsRejected() {
    assertRejected(
        ErrorCode.INVALID_FIELD_VALUE,
        DRIFT_STATE.replace("\"status\":\"ordering_drift_detected\"", "\"status\":\"ok\""));
  }

  @Test
  void driftWithoutReasonCodeIsRejected() {
    assertRejected(
        ErrorCode.INVALID_FIELD_VALUE,
        DRIFT_STATE.replace("\"reasonCode\":\"ordering_drift_detected\",", ""));
  }

  @Test
  void driftWithAnotherReasonCodeIsRejected() {
    assertRejected(
        ErrorCode.INVALID_FIELD_VALUE,
        DRIFT_STATE.replace(
            "\"reasonCode\":\"ordering_drift_detected\"",
            "\"reasonCode\":\"divergence_detected\""));
  }

  @Test
  void reasonCodeWhenOkIsRejected() {
    VisibilityException e =
        assertThrows(
            VisibilityException.class,
            () -> okState().reasonCode(ReasonCode.ORDERING_DRIFT_DETECTED).build());
    assertEquals(ErrorCode.INVALID_FIELD_VALUE, e.code());
  }

  @Test
  void statusDriftWhenNoDriftIsRejected() {
    VisibilityException e =
        assertThrows(
            VisibilityException.class,
            () -> okState().status(SequenceStatus.ORDERING_DRIFT_DETECTED).build());
    assertEquals(ErrorCode.INVALID_FIELD_VALUE, e.code());
  }

  @Test
  void negativeIngestedCountIsRejectedAtItsObject() {
    VisibilityException e =
        assertRejected(
            ErrorCode.INVALID_FIELD_VALUE,
            DRIFT_STATE.replace("\"ingestedCount\":0", "\"ingestedCount\":-1"));
    assertEquals("/events", e.path().orElseThrow());
  }

  @Test
  void negativeAdditiveCountsAreRejected() {
    assertThrows(VisibilityException.class, () -> eventsOk().withGaps(-1));
    VisibilityException e =
        assertThrows(VisibilityException.class, () -> eventsOk().withDuplicates(-1));
    assertEquals(ErrorCode.INVALID_FIELD_VALUE, e.code());
  }

  @Test
  void negativeSequenceValueIsRejected() {
    VisibilityException e =
        assertRejected(
            ErrorCode.INVALID_SEQUENCE_VALUE,
            DRIFT_STATE.replace("\"previous\":null", "\"previous\":-1"));
    assertEquals("/snapshot", e.path().orElseThrow());
    assertThrows(VisibilityException.class, () -> eventsOk().withLast(-5));
  }

  @Test
  void invalidLoopIdIsRejected() {
    assertRejected(ErrorCode.INVALID_LOOP_ID, DRIFT_STATE.replace("\"demo-loop\"", "\"../etc\""));
    VisibilityException e =
        assertThrows(
            VisibilityException.class,
            () ->
                SequenceObservation.builder()
                    .from(SequenceObservation.of(okState().build(), "t"))
                    .loopId("")
                    .build());
    assertEquals(ErrorCode.INVALID_LOOP_ID, e.code());
  }

  @Test
  void anObservationRowIsCheckedLikeTheState() {
    String json =
        Codecs.SEQUENCE_OBSERVATION
            .encode(SequenceObservation.of(driftState().build(), "t"))
            .replace("\"driftActive\":true", "\"driftActive\":false");
    VisibilityException e =
        assertThrows(VisibilityException.class, () -> Codecs.SEQUENCE_OBSERVATION.decode(json));
    assertEquals(ErrorCode.INVALID_FIELD_VALUE, e.code());
  }

  @Test
  void missingRequiredFieldAndWrongSchemaVersionAreRejected() {
    assertRejected(ErrorCode.MISSING_FIELD, DRIFT_STATE.replace("\"driftActive\":true,", ""));
    assertRejected(
        ErrorCode.MISSING_FIELD,
        DRIFT_STATE
            .replace("\"current\":null", "\"current\":null,\"x\":1")
            .replace("\"monotonic\":false,", ""));
    assertRejected(
        ErrorCode.UNSUPPORTED_SCHEMA_VERSION,
        DRIFT_STATE.replace("\"schemaVersion\":\"v1\"", "\"schemaVersion\":\"v2\""));
    assertRejected(
        ErrorCode.INVALID_FIELD_TYPE, DRIFT_STATE.replace("\"current\":null", "\"current\":1.5"));
  }

  // --- helpers --------------------------------------------------------------------------------

  private static VisibilityException assertRejected(ErrorCode code, String json) {
    VisibilityException e =
        assertThrows(VisibilityException.class, () -> Codecs.SEQUENCE_STATE.decode(json));
    assertEquals(code, e.code(), e.getMessage());
    return e;
  }

  private static ImmutableSnapshotDiagnostics snapshotOk() {
    return SnapshotDiagnostics.builder()
        .previous(0)
        .current(1)
        .monotonic(true)
        .regressed(false)
        .missing(false)
        .build();
  }

  private static ImmutableEventDiagnostics eventsOk() {
    return EventDiagnostics.builder()
        .ingestedCount(1)
        .previousLast(0)
        .first(1)
        .last(1)
        .monotonicWithinBatch(true)
        .monotonicAcrossBatches(true)
        .regressed(false)
        .missing(false)
        .build();
  }

  private static ImmutableSequenceTransition transition(boolean prev, boolean to, boolean from) {
    return SequenceTransition.builder()
        .previousDriftActive(prev)
        .transitionedToDrift(to)
        .recoveredFromDrift(from)
        .build();
  }

  private static ImmutableSequenceState.Builder okState() {
    return SequenceState.builder()
        .updatedAt("2026-03-01T12:00:00Z")
        .loopId("demo-loop")
        .traceId(TraceId.of("trace-1"))
        .transport(Transport.LOCAL)
        .status(SequenceStatus.OK)
        .driftActive(false)
        .snapshot(snapshotOk())
        .events(eventsOk())
        .transition(transition(false, false, false));
  }

  private static ImmutableSequenceState.Builder driftState() {
    return SequenceState.builder()
        .updatedAt("2026-03-01T12:00:00Z")
        .loopId("demo-loop")
        .traceId(TraceId.of("trace-1"))
        .transport(Transport.SPRITE_SERVICE)
        .status(SequenceStatus.ORDERING_DRIFT_DETECTED)
        .reasonCode(ReasonCode.ORDERING_DRIFT_DETECTED)
        .driftActive(true)
        .addViolations(
            ViolationCode.EVENT_SEQUENCE_MISSING, ViolationCode.SNAPSHOT_SEQUENCE_MISSING)
        .snapshot(
            SnapshotDiagnostics.builder().monotonic(false).regressed(false).missing(true).build())
        .events(
            EventDiagnostics.builder()
                .ingestedCount(0)
                .monotonicWithinBatch(true)
                .monotonicAcrossBatches(true)
                .regressed(false)
                .missing(true)
                .build())
        .transition(transition(false, true, false));
  }

  private static String render(OptionalLong v) {
    return v.isPresent() ? Long.toString(v.getAsLong()) : "null";
  }

  /** {@code jq -c <filter> file}, without the trailing newline. */
  static String jq(String filter, Path file) {
    try {
      Process p =
          new ProcessBuilder(Arrays.asList("jq", "-c", filter, file.toString()))
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new IllegalStateException("jq failed on " + file + ": " + out);
      }
      return out.endsWith("\n") ? out.substring(0, out.length() - 1) : out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
