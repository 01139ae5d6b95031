package io.superloop.visibility.testkit.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.envelope.EventsAnswer;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.core.reconcile.EnvelopeFeed;
import io.superloop.visibility.testkit.gen.Gen;
import io.superloop.visibility.testkit.gen.internal.EnvelopeGens;
import io.superloop.visibility.testkit.gen.internal.Zip;
import io.superloop.visibility.testkit.property.Property;
import io.superloop.visibility.testkit.scenario.internal.Workloads;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The sprite_service ingest reads {@code /ops/events} answers with {@link
 * Codecs#EVENTS_ANSWER_SEQUENCES}, which skips what no decision needs. It must reach the same
 * outcome as the full {@link Codecs#EVENTS_ANSWER} decode: the same accept/reject (and error code),
 * the same number of events, the same sequence value of each, the same other members.
 */
class SequenceProjectionPropertiesTest {

  /** Decoded by both, or the error code of each. */
  private record Outcome(@Nullable EventsAnswer answer, @Nullable String error) {
    static Outcome of(String body, boolean projected) {
      try {
        return new Outcome(
            (projected ? Codecs.EVENTS_ANSWER_SEQUENCES : Codecs.EVENTS_ANSWER).decode(body), null);
      } catch (VisibilityException e) {
        return new Outcome(null, e.code().wire());
      }
    }
  }

  static void assertSameOutcome(String body) {
    Outcome full = Outcome.of(body, false);
    Outcome projected = Outcome.of(body, true);
    assertEquals(full.error(), projected.error(), () -> "accept/reject differs for " + body);
    EventsAnswer a = full.answer();
    EventsAnswer b = projected.answer();
    if (a == null || b == null) {
      return;
    }
    assertEquals(a.events().size(), b.events().size(), "event count");
    for (int i = 0; i < a.events().size(); i++) {
      JsonValue va = EnvelopeFeed.sequenceValueOf(a.events().get(i));
      JsonValue vb = EnvelopeFeed.sequenceValueOf(b.events().get(i));
      assertEquals(va, vb, "sequence value of event " + i + " in " + body);
    }
    assertEquals(a.ok(), b.ok());
    assertEquals(a.source(), b.source());
    assertEquals(a.cursor(), b.cursor());
    assertEquals(a.traceId(), b.traceId());
    assertEquals(a.unknownFields(), b.unknownFields());
  }

  /** Answers of any shape (elements: encoded envelopes and any raw JSON value). */
  @Test
  void generatedAnswersGiveTheSameOutcome() {
    Property.forAll(EnvelopeGens.eventsAnswers().map(Codecs.EVENTS_ANSWER::encode))
        .named("projection = full decode on generated answers")
        .check(SequenceProjectionPropertiesTest::assertSameOutcome);
  }

  /** The same answers with one byte changed, inserted or removed: mostly invalid JSON. */
  @Test
  void mutatedAnswersGiveTheSameOutcome() {
    Gen<String> mutated =
        Zip.zip(
            EnvelopeGens.eventsAnswers().map(Codecs.EVENTS_ANSWER::encode),
            Gen.longs(0, Long.MAX_VALUE),
            Gen.elements('{', '}', '[', ']', '"', ',', ':', '0', 'x', ' ', '\\'),
            Gen.elements(0, 1, 2),
            (body, at, ch, op) -> mutate(body, at, ch, op));
    Property.forAll(mutated)
        .named("projection = full decode on mutated answers")
        .check(SequenceProjectionPropertiesTest::assertSameOutcome);
  }

  /** Sequence members of every shape: missing, null, not an object, repeated, nested. */
  @Test
  void sequenceShapesGiveTheSameOutcome() {
    List<String> elements =
        List.of(
            "{}",
            "{\"sequence\":null}",
            "{\"sequence\":5}",
            "{\"sequence\":[1,2]}",
            "{\"sequence\":{}}",
            "{\"sequence\":{\"value\":null}}",
            "{\"sequence\":{\"value\":7,\"source\":\"x\"}}",
            "{\"sequence\":{\"source\":\"x\",\"value\":\"08\"}}",
            "{\"sequence\":{\"value\":{\"value\":1}}}",
            "{\"sequence\":{\"value\":1e2}}",
            "{\"sequence\":{\"value\":1,\"value\":2}}",
            "{\"sequence\":{\"value\":1},\"sequence\":{\"value\":2}}",
            "{\"event\":{\"sequence\":{\"value\":9}}}",
            "{\"a\":[{\"sequence\":{\"value\":9}}],\"sequence\":{\"value\":3}}",
            "[{\"sequence\":{\"value\":1}}]",
            "\"text\"",
            "null",
            "12");
    for (String e : elements) {
      assertSameOutcome(answer(List.of(e)));
      assertSameOutcome(answer(List.of(e, e, "{\"sequence\":{\"value\":4}}")));
    }
  }

  /** The benchmark's workload: realistic envelopes, the whole answer. */
  @Test
  void realisticAnswerGivesTheSameOutcome() {
    assertSameOutcome(Workloads.eventsAnswerBody(300, 21));
  }

  static String answer(List<String> events) {
    return "{\"ok\":true,\"schemaVersion\":\"v1\",\"source\":{\"repoPath\":\"/r\",\"loopId\":\"l\"},\"events\":["
        + String.join(",", events)
        + "],\"cursor\":{\"eventLineOffset\":3,\"eventLineCount\":3,\"updatedAt\":\"2026-01-01T00:00:00Z\"}}";
  }

  static String mutate(String body, long at, char ch, int op) {
    int i = (int) Math.floorMod(at, (long) body.length());
    String head = body.substring(0, i);
    String tail = body.substring(i);
    switch (op) {
      case 0:
        return head + ch + tail.substring(1);
      case 1:
        return head + ch + tail;
      default:
        return head + tail.substring(1);
    }
  }

  @Test
  void mutateHelperChangesTheBody() {
    assertEquals("axc", mutate("abc", 1, 'x', 0));
    assertEquals("axbc", mutate("abc", 1, 'x', 1));
    assertEquals("ac", mutate("abc", 1, 'x', 2));
    assertEquals("ab", mutate("abc", 5, 'x', 2));
  }
}
