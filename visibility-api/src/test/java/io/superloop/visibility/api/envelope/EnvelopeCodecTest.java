package io.superloop.visibility.api.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.envelope.internal.ImmutableCursorState;
import io.superloop.visibility.api.internal.json.JsonObject;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.api.testing.RepoFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class EnvelopeCodecTest {

  private static List<Path> snapshotFiles() {
    List<Path> files = new ArrayList<>(RepoFiles.files("conformance/cases", "snapshot.json"));
    files.addAll(RepoFiles.files("fixtures/reference", "snapshot.v1.json"));
    files.addAll(RepoFiles.files("fixtures/reference/core", ".v1.json"));
    return files;
  }

  private static String name(Path f) {
    return RepoFiles.parentName(f) + "/" + f.getFileName();
  }

  @TestFactory
  Stream<DynamicTest> everySnapshotReencodesAsJqCompact() {
    List<Path> files = snapshotFiles();
    assertTrue(files.size() >= 40, "expected the conformance snapshots, found " + files.size());
    return files.stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    name(f),
                    () -> {
                      SnapshotEnvelope s = Codecs.SNAPSHOT_ENVELOPE.decode(RepoFiles.read(f));
                      assertEquals(RepoFiles.jqCompact(f), Codecs.SNAPSHOT_ENVELOPE.encode(s));
                    }));
  }

  @TestFactory
  Stream<DynamicTest> everyEventLineReencodesAsJqCompact() {
    List<Path> files = new ArrayList<>(RepoFiles.files("conformance/cases", "events.ndjson"));
    files.addAll(RepoFiles.files("fixtures/reference/core", ".ndjson"));
    assertFalse(files.isEmpty());
    return files.stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    name(f),
                    () -> {
                      List<String> lines =
                          RepoFiles.read(f).lines().filter(l -> !l.isEmpty()).toList();
                      String jq = RepoFiles.jqCompact(f);
                      List<String> expected = jq.isEmpty() ? List.of() : jq.lines().toList();
                      assertEquals(
                          expected.size(), lines.size(), "one jq output line per input line");
                      for (int i = 0; i < lines.size(); i++) {
                        EventEnvelope e = Codecs.EVENT_ENVELOPE.decode(lines.get(i));
                        assertEquals(
                            expected.get(i), Codecs.EVENT_ENVELOPE.encode(e), "line " + (i + 1));
                      }
                    }));
  }

  @Test
  void referenceEventFixtureReencodesAsJqCompact() {
    Path f = RepoFiles.root().resolve("fixtures/reference/event.v1.json");
    EventEnvelope e = Codecs.EVENT_ENVELOPE.decode(RepoFiles.read(f));
    assertEquals(RepoFiles.jqCompact(f), Codecs.EVENT_ENVELOPE.encode(e));
    assertEquals(Optional.of(JsonValue.of(43)), e.sequenceValue());
    assertEquals(EnvelopeCursor.of(43, 128), e.cursor().orElseThrow());
    assertEquals(EnvelopeSource.of("/tmp/repo", "demo-loop"), e.source().orElseThrow());
    assertTrue(e.traceId().isEmpty());
  }

  @Test
  void referenceSnapshotArtifactsAreArtifactRefs() {
    Path f = RepoFiles.root().resolve("fixtures/reference/snapshot.v1.json");
    SnapshotEnvelope s = Codecs.SNAPSHOT_ENVELOPE.decode(RepoFiles.read(f));
    JsonObject artifacts = (JsonObject) s.artifacts().orElseThrow();
    for (var e : artifacts.members().entrySet()) {
      if (e.getValue().isNull()) {
        continue;
      }
      ArtifactRef ref = Codecs.ARTIFACT_REF.decode(e.getValue().toJson());
      assertEquals(e.getValue().toJson(), Codecs.ARTIFACT_REF.encode(ref), e.getKey());
    }
    assertTrue(s.heartbeatArtifact().isEmpty(), "the fixture has no artifacts.heartbeat");
    assertTrue(s.runtimeHeartbeat().isEmpty(), "the fixture has no runtime.heartbeat key");
  }

  @Test
  void eventsAnswerFixtureReencodesAsJqCompact() {
    Path f = RepoFiles.root().resolve("fixtures/reference/service/events-batch.v1.json");
    EventsAnswer a = Codecs.EVENTS_ANSWER.decode(RepoFiles.read(f));
    assertEquals(RepoFiles.jqCompact(f), Codecs.EVENTS_ANSWER.encode(a));
    assertTrue(a.ok());
    assertTrue(a.traceId().isEmpty());
    assertEquals("2026-02-22T11:00:00Z", a.cursor().updatedAt());
    List<EventEnvelope> events = a.decodeEvents();
    assertEquals(1, events.size());
    assertEquals(Optional.of(JsonValue.of(1)), events.get(0).sequenceValue());
    assertEquals(a.events().get(0).toJson(), Codecs.EVENT_ENVELOPE.encode(events.get(0)));
  }

  @Test
  void eventsAnswerKeepsMalformedElementsRaw() {
    String in =
        "{\"ok\":true,\"schemaVersion\":\"v1\",\"traceId\":\"t-1\",\"source\":{\"repoPath\":\"/r\",\"loopId\":\"l\"},"
            + "\"events\":[null,7,\"x\",{\"envelopeType\":\"loop_run_event\"},[]],"
            + "\"cursor\":{\"eventLineOffset\":5,\"eventLineCount\":5,\"updatedAt\":\"2026-03-01T12:00:00Z\"}}";
    EventsAnswer a = Codecs.EVENTS_ANSWER.decode(in);
    assertEquals(5, a.events().size(), "contract C9: malformed elements count too");
    assertEquals(in, Codecs.EVENTS_ANSWER.encode(a));
    VisibilityException e = assertThrows(VisibilityException.class, a::decodeEvents);
    assertEquals(ErrorCode.INVALID_FIELD_TYPE, e.code());
    assertEquals(Optional.of("/events/0"), e.path());
  }

  @Test
  void eventsAnswerOtherSchemaVersionIsUnsupported() {
    String in =
        "{\"ok\":true,\"schemaVersion\":\"v2\",\"source\":{\"repoPath\":\"/r\",\"loopId\":\"l\"},\"events\":[],"
            + "\"cursor\":{\"eventLineOffset\":0,\"eventLineCount\":0,\"updatedAt\":\"t\"}}";
    VisibilityException e =
        assertThrows(VisibilityException.class, () -> Codecs.EVENTS_ANSWER.decode(in));
    assertEquals(ErrorCode.UNSUPPORTED_SCHEMA_VERSION, e.code());
  }

  @Test
  void builtEventsAnswerOmitsAbsentTraceId() {
    EventsAnswer a =
        EventsAnswer.builder()
            .source(EnvelopeSource.of("/r", "l"))
            .cursor(
                EventsCursor.builder()
                    .eventLineOffset(1)
                    .eventLineCount(2)
                    .updatedAt("2026-03-01T12:00:00Z")
                    .build())
            .build();
    assertEquals(
        "{\"ok\":true,\"schemaVersion\":\"v1\",\"source\":{\"repoPath\":\"/r\",\"loopId\":\"l\"},\"events\":[],"
            + "\"cursor\":{\"eventLineOffset\":1,\"eventLineCount\":2,\"updatedAt\":\"2026-03-01T12:00:00Z\"}}",
        Codecs.EVENTS_ANSWER.encode(a));
  }

  @TestFactory
  Stream<DynamicTest> everyPreviousCursorJsonReencodesAsJqCompact() {
    List<Path> files = RepoFiles.files("conformance/cases", "cursor.json");
    assertFalse(files.isEmpty());
    return files.stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    RepoFiles.root().relativize(f).toString(),
                    () -> {
                      CursorState c = Codecs.CURSOR_STATE.decode(RepoFiles.read(f));
                      assertEquals(RepoFiles.jqCompact(f), Codecs.CURSOR_STATE.encode(c));
                      assertTrue(c.eventByteOffset().isEmpty());
                    }));
  }

  @Test
  void cursorStateByteOffsetIsAdditiveAndOmittedWhenEmpty() {
    // contract 1.16 key order; hardening H17 adds eventByteOffset
    CursorState c =
        CursorState.builder()
            .repoPath("/srv/demo-repo")
            .loopId("demo-loop")
            .eventsFile(".superloop/loops/demo-loop/events.jsonl")
            .eventLineOffset(3)
            .eventLineCount(4)
            .updatedAt("2026-03-01T12:00:00Z")
            .build();
    String v1 =
        "{\"schemaVersion\":\"v1\",\"repoPath\":\"/srv/demo-repo\",\"loopId\":\"demo-loop\","
            + "\"eventsFile\":\".superloop/loops/demo-loop/events.jsonl\",\"eventLineOffset\":3,"
            + "\"eventLineCount\":4,\"updatedAt\":\"2026-03-01T12:00:00Z\"}";
    assertEquals(v1, Codecs.CURSOR_STATE.encode(c));
    String hardened = v1.substring(0, v1.length() - 1) + ",\"eventByteOffset\":120}";
    assertEquals(
        hardened,
        Codecs.CURSOR_STATE.encode(ImmutableCursorState.copyOf(c).withEventByteOffset(120)));
    assertEquals(120, Codecs.CURSOR_STATE.decode(hardened).eventByteOffset().getAsLong());
    String newer =
        v1.substring(0, v1.length() - 1) + ",\"eventByteOffset\":0,\"future\":{\"a\":null}}";
    assertEquals(newer, Codecs.CURSOR_STATE.encode(Codecs.CURSOR_STATE.decode(newer)));

    VisibilityException neg =
        assertThrows(
            VisibilityException.class,
            () ->
                Codecs.CURSOR_STATE.decode(
                    v1.replace("\"eventLineOffset\":3", "\"eventLineOffset\":-1")));
    assertEquals(ErrorCode.INVALID_FIELD_VALUE, neg.code());
    VisibilityException v2 =
        assertThrows(
            VisibilityException.class,
            () -> Codecs.CURSOR_STATE.decode(v1.replace("\"v1\"", "\"v2\"")));
    assertEquals(ErrorCode.UNSUPPORTED_SCHEMA_VERSION, v2.code());
    VisibilityException loop =
        assertThrows(
            VisibilityException.class,
            () -> Codecs.CURSOR_STATE.decode(v1.replace("\"demo-loop\"", "\"../x\"")));
    assertEquals(ErrorCode.INVALID_LOOP_ID, loop.code());
  }
}
