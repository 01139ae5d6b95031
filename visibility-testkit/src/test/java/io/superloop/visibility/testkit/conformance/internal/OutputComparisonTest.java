package io.superloop.visibility.testkit.conformance.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.testkit.conformance.ConformanceSuite;
import io.superloop.visibility.testkit.docs.DocFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The comparison rules of docs/conformance.md, one by one, on hand-written documents: each expected
 * difference list is written from the rule, not from the comparison's output.
 */
class OutputComparisonTest {
  @TempDir Path work;

  private static List<String> diff(String file, String expected, String actual) {
    return OutputComparison.compareFile(file, Json.parse(expected), Json.parse(actual)).stream()
        .map(Object::toString)
        .collect(Collectors.toList());
  }

  @Test
  void everyExpectedFieldMustBePresentWithAnEqualValue() {
    assertEquals(
        List.of(),
        diff("heartbeat.json", "{\"a\":1,\"b\":{\"c\":\"x\"}}", "{\"b\":{\"c\":\"x\"},\"a\":1}"));
    assertEquals(
        List.of(
            "heartbeat.json: {\"path\":\"heartbeat.a\",\"expected\":1,\"actual\":\"(absent)\"}"),
        diff("heartbeat.json", "{\"a\":1,\"b\":2}", "{\"b\":2}"));
    assertEquals(
        List.of("heartbeat.json: {\"path\":\"heartbeat.b.c\",\"expected\":\"x\",\"actual\":\"y\"}"),
        diff("heartbeat.json", "{\"b\":{\"c\":\"x\"}}", "{\"b\":{\"c\":\"y\"}}"));
  }

  @Test
  void anExplicitNullIsNotAnAbsentField() {
    assertEquals(
        List.of(
            "sequence-state.json: {\"path\":\"sequence-state.x\",\"expected\":null,\"actual\":\"(absent)\"}"),
        diff("sequence-state.json", "{\"x\":null}", "{}"));
    assertEquals(
        List.of(
            "sequence-state.json: {\"path\":\"sequence-state.x\",\"expected\":\"(absent)\",\"actual\":null}"),
        diff("sequence-state.json", "{}", "{\"x\":null}"));
  }

  @Test
  void onlyTheAdditiveFieldsMayBeAddedAtAnyDepth() {
    assertEquals(
        List.of(),
        diff(
            "sequence-state.json",
            "{\"events\":{\"first\":1}}",
            "{\"events\":{\"first\":1,\"gaps\":0,\"max\":1},\"epochReset\":false}"));
    assertEquals(
        List.of(
            "sequence-state.json: {\"path\":\"sequence-state.events.extra\",\"expected\":\"(absent)\",\"actual\":true}"),
        diff(
            "sequence-state.json",
            "{\"events\":{\"first\":1}}",
            "{\"events\":{\"first\":1,\"extra\":true}}"));
  }

  @Test
  void numbersCompareByValueArraysInOrder() {
    assertEquals(
        List.of(), diff("heartbeat.json", "{\"n\":1.0,\"l\":[1,2]}", "{\"n\":1,\"l\":[1,2.00]}"));
    assertEquals(
        List.of(
            "heartbeat.json: {\"path\":\"heartbeat.l[0]\",\"expected\":1,\"actual\":2}",
            "heartbeat.json: {\"path\":\"heartbeat.l[1]\",\"expected\":2,\"actual\":1}"),
        diff("heartbeat.json", "{\"l\":[1,2]}", "{\"l\":[2,1]}"));
    // arrays of different lengths differ as a whole
    assertEquals(
        List.of("heartbeat.json: {\"path\":\"heartbeat.l\",\"expected\":[1,2],\"actual\":[1]}"),
        diff("heartbeat.json", "{\"l\":[1,2]}", "{\"l\":[1]}"));
  }

  @Test
  void healthComparesOnlyWhatThePlaneDecides() {
    String expected =
        "{\"traceId\":\"<TRACE_ID>\",\"status\":\"critical\",\"updatedAt\":\"2026-01-01T00:00:00Z\","
            + "\"metrics\":{\"heartbeatLagSeconds\":400,\"ingestLagSeconds\":9},\"transport\":{\"mode\":\"local\"}}";
    // other fields (updatedAt, ingestLagSeconds) may differ; an absent view field equals null
    String actual =
        "{\"traceId\":\"<TRACE_ID>\",\"status\":\"critical\",\"updatedAt\":\"2030-01-01T00:00:00Z\","
            + "\"metrics\":{\"heartbeatLagSeconds\":400,\"ingestLagSeconds\":1,\"sequenceStatus\":null},"
            + "\"transport\":{\"mode\":\"local\"},\"extra\":1}";
    assertEquals(List.of(), diff("health.json", expected, actual));
    assertEquals(
        List.of(
            "health.json: {\"path\":\"health.heartbeatLagSeconds\",\"expected\":400,\"actual\":401}"),
        diff(
            "health.json",
            expected,
            actual.replace("\"heartbeatLagSeconds\":400", "\"heartbeatLagSeconds\":401")));
    assertEquals(12, OutputComparison.HEALTH_VIEW.size());
  }

  @Test
  void visibilityLeavesOutTheAlertTraceOnly() {
    String expected =
        "{\"trace\":{\"reconcileTraceId\":\"<TRACE_ID>\",\"alertTraceId\":\"<TRACE_ID>\"}}";
    assertEquals(
        List.of(),
        diff("visibility.json", expected, "{\"trace\":{\"reconcileTraceId\":\"<TRACE_ID>\"}}"));
    assertEquals(
        List.of(
            "visibility.json: {\"path\":\"visibility.trace.reconcileTraceId\",\"expected\":\"<TRACE_ID>\",\"actual\":\"other\"}"),
        diff(
            "visibility.json",
            expected,
            "{\"trace\":{\"reconcileTraceId\":\"other\",\"alertTraceId\":\"z\"}}"));
  }

  @Test
  void theTraceIsReplacedInWholeStringValuesOnly() {
    JsonValue v = Json.parse("{\"t\":\"abc\",\"abc\":[\"abc\",\"abcd\"]}");
    assertEquals(
        "{\"t\":\"<TRACE_ID>\",\"abc\":[\"<TRACE_ID>\",\"abcd\"]}",
        OutputComparison.replaceTrace(v, "abc").toJson());
  }

  @Test
  void wholeFileDifferences() throws IOException {
    Path e = Files.createDirectories(work.resolve("e"));
    Path a = Files.createDirectories(work.resolve("a"));
    write(e.resolve("sequence-state.json"), "{\"traceId\":\"<TRACE_ID>\"}");
    write(a.resolve("sequence-state.json"), "{\"traceId\":\"t-1\"}");
    write(e.resolve("health.json"), "{\"traceId\":\"<TRACE_ID>\"}");
    write(a.resolve("health.json"), "{\"traceId\":\"t-1\",");
    write(a.resolve("heartbeat.json"), "{}");
    write(e.resolve("visibility.json"), "{}");
    List<OutputComparison.Difference> d = OutputComparison.compare(e, a, "t-1");
    assertEquals(
        List.of(
            "heartbeat.json: expected no file (the reference wrote none), actual a file",
            "health.json",
            "visibility.json: expected a file, actual no file"),
        d.stream()
            .map(
                x -> x.path().isEmpty() && x.file().equals("health.json") ? x.file() : x.toString())
            .collect(Collectors.toList()));
    assertTrue(d.get(1).actual().startsWith("not JSON"), d.get(1).actual());
  }

  @Test
  void aCaseWithoutTraceIdIsComparedUnderTheGeneratedOne() throws IOException {
    Path e = Files.createDirectories(work.resolve("e"));
    Path a = Files.createDirectories(work.resolve("a"));
    write(e.resolve("health.json"), "{\"traceId\":\"<TRACE_ID>\",\"status\":\"healthy\"}");
    write(a.resolve("health.json"), "{\"traceId\":\"generated-1\",\"status\":\"healthy\"}");
    write(e.resolve("sequence-state.json"), "{\"traceId\":\"<TRACE_ID>\"}");
    write(a.resolve("sequence-state.json"), "{\"traceId\":\"generated-2\"}");
    assertEquals(
        List.of(
            "sequence-state.json: {\"path\":\"sequence-state.traceId\",\"expected\":\"<TRACE_ID>\",\"actual\":\"generated-2\"}"),
        OutputComparison.compare(e, a, "").stream()
            .map(Object::toString)
            .collect(Collectors.toList()));
  }

  /** A real case conforms; one changed value in the library's output is exactly one difference. */
  @Test
  void aRealCaseAndOneMutation() throws IOException {
    ConformanceSuite suite = ConformanceSuite.at(DocFiles.repoRoot().resolve("conformance"));
    Path out = work.resolve("out");
    List<String> differences =
        suite.run("stale-heartbeat-critical", VisibilityRules.reference(), out);
    assertTrue(differences.isEmpty(), differences.toString());
    String trace =
        OutputComparison.configTrace(
                Json.parse(
                    Files.readString(
                        suite.root().resolve("cases/stale-heartbeat-critical/config.json"))))
            .orElse("");
    Path hb = out.resolve("heartbeat.json");
    String text = Files.readString(hb);
    assertTrue(text.contains("\"freshnessStatus\":\"critical\""), text);
    write(hb, text.replace("\"freshnessStatus\":\"critical\"", "\"freshnessStatus\":\"degraded\""));
    List<OutputComparison.Difference> d =
        OutputComparison.compare(
            suite.root().resolve("expected/stale-heartbeat-critical"), out, trace);
    assertEquals(1, d.size(), d.toString());
    assertEquals("heartbeat.freshnessStatus", d.get(0).path());
    assertEquals("\"critical\"", d.get(0).expected());
    assertEquals("\"degraded\"", d.get(0).actual());
    assertFalse(
        OutputComparison.compare(
                suite.root().resolve("expected/stale-heartbeat-critical"), out, "other-trace")
            .isEmpty());
  }

  private static void write(Path p, String s) throws IOException {
    Files.writeString(p, s, StandardCharsets.UTF_8);
  }
}
