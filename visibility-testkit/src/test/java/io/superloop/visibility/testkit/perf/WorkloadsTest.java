package io.superloop.visibility.testkit.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.envelope.EventEnvelope;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.core.reconcile.EnvelopeFeed;
import io.superloop.visibility.core.reconcile.Ingest;
import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.core.sequence.SequenceValidator;
import io.superloop.visibility.core.sequence.SequenceVerdict;
import io.superloop.visibility.core.source.LineKind;
import io.superloop.visibility.core.source.LocalEventSource;
import io.superloop.visibility.core.source.SpriteServiceIngest;
import io.superloop.visibility.testkit.scenario.internal.Workloads;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark workloads are what their Javadoc says: runtime event lines of ~300-600 bytes that
 * are all events, envelopes and answers that decode and validate clean with sequence values equal
 * to line numbers, equal bytes for equal seeds, and large logs written to the size asked.
 */
class WorkloadsTest {

  @Test
  void runtimeLinesAreRealisticEvents() {
    List<String> lines = Workloads.runtimeEventLines(2000, 3);
    LocalEventSource source = new LocalEventSource();
    long total = 0;
    for (String l : lines) {
      byte[] b = l.getBytes(StandardCharsets.UTF_8);
      total += b.length;
      assertTrue(b.length >= 250 && b.length <= 700, "line of " + b.length + " bytes: " + l);
      assertEquals(LineKind.EVENT, source.classify(b, 0, b.length), l);
      assertTrue(l.contains("\"payload\":{"), "a payload: " + l);
    }
    double mean = (double) total / lines.size();
    assertTrue(mean >= 300 && mean <= 600, "mean line length " + mean);
  }

  @Test
  void equalSeedsGiveEqualBytes() {
    assertTrue(Arrays.equals(Workloads.runtimeEventLog(500, 9), Workloads.runtimeEventLog(500, 9)));
    assertFalse(
        Arrays.equals(Workloads.runtimeEventLog(500, 9), Workloads.runtimeEventLog(500, 10)));
    assertEquals(Workloads.eventsAnswerBody(50, 4), Workloads.eventsAnswerBody(50, 4));
  }

  @Test
  void answersValidateCleanWithLineNumbers() {
    int n = 5000; // more than the line pool: repeated lines keep their own numbers
    SpriteServiceIngest.Poll poll =
        new SpriteServiceIngest()
            .ofBodies(Workloads.snapshotBody(n, 2), Workloads.eventsAnswerBody(n, 2));
    Ingest.Succeeded ok = (Ingest.Succeeded) poll.ingest();
    SequenceValidator v = new SequenceValidator(VisibilityRules.hardened());
    SequenceValidator.Batch batch = v.begin(Optional.empty(), false);
    ok.envelopes()
        .feed(
            v,
            batch,
            w -> {
              throw new AssertionError("warning " + w);
            });
    SequenceVerdict verdict = batch.finish();
    assertFalse(verdict.driftActive(), verdict.toString());
    assertEquals(n, batch.ingestedCount());
    assertEquals(n, poll.cursor().orElseThrow().eventLineOffset());
    List<JsonValue> events = Codecs.EVENTS_ANSWER.decode(Workloads.eventsAnswerBody(n, 2)).events();
    for (int i = 0; i < n; i++) {
      assertEquals(JsonValue.of(i + 1L), EnvelopeFeed.sequenceValueOf(events.get(i)));
    }
  }

  @Test
  void ndjsonLinesAreTypedEnvelopes() {
    String[] lines =
        new String(Workloads.eventEnvelopeNdjson(300, 8), StandardCharsets.UTF_8).split("\n");
    assertEquals(300, lines.length);
    for (int i = 0; i < lines.length; i++) {
      EventEnvelope e = Codecs.EVENT_ENVELOPE.decode(lines[i]);
      assertEquals(JsonValue.of(i + 1L), e.sequenceValue().orElseThrow());
      int size = lines[i].getBytes(StandardCharsets.UTF_8).length;
      assertTrue(size > 500 && size < 2000, "envelope of " + size + " bytes");
    }
  }

  @Test
  void largeLogsReachTheirSize(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("events.jsonl");
    long lines = Workloads.appendRuntimeEventLog(f, 3_000_000, 5);
    long size = Files.size(f);
    assertTrue(size >= 3_000_000 && size < 3_000_000 + 1000, "size " + size);
    assertEquals(lines, Files.readAllLines(f).size());
    long more = Workloads.appendRuntimeEventLog(f, 4_000_000, 5);
    assertEquals(lines + more, Files.readAllLines(f).size());
  }
}
