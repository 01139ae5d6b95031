package io.superloop.visibility.api.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.internal.answer.AnswerCodecs;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonCodec;
import io.superloop.visibility.api.json.JsonReadLimits;
import io.superloop.visibility.api.testing.RepoFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Malformed, truncated and oversized envelope inputs only ever raise {@link VisibilityException}
 * (never an NPE, a ClassCastException or a Jackson exception); what does decode re-encodes stably.
 */
class EnvelopeRobustnessTest {

  private static final List<JsonCodec<?>> CODECS =
      List.of(
          Codecs.SNAPSHOT_ENVELOPE,
          Codecs.EVENT_ENVELOPE,
          Codecs.EVENTS_ANSWER,
          AnswerCodecs.CONTROL_ANSWER);

  private static final byte[] INTERESTING =
      "{}[]\":,0-9e.+\\ntfu \u0000x".getBytes(StandardCharsets.ISO_8859_1);

  private static byte[] snapshotBytes() {
    Path f = RepoFiles.root().resolve("fixtures/reference/snapshot.v1.json");
    return RepoFiles.jqCompact(f).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] eventBytes() {
    Path f = RepoFiles.root().resolve("fixtures/reference/service/events-batch.v1.json");
    return RepoFiles.jqCompact(f).getBytes(StandardCharsets.UTF_8);
  }

  private static int decoded;

  private static <T> void decodeOnly(JsonCodec<T> codec, byte[] input, String what) {
    T v;
    try {
      v = codec.decode(input);
    } catch (VisibilityException e) {
      assertTrue(e.getMessage() != null && !e.getMessage().isEmpty());
      return;
    } catch (RuntimeException | StackOverflowError e) {
      fail(
          what
              + ": "
              + e.getClass().getName()
              + " on input "
              + new String(input, StandardCharsets.UTF_8),
          e);
      return;
    }
    decoded++;
    String once = codec.encode(v);
    assertEquals(once, codec.encode(codec.decode(once)), what + ": re-encoding is stable");
  }

  private static void decodeAll(byte[] input, String what) {
    for (JsonCodec<?> c : CODECS) {
      decodeOnly(c, input, what);
    }
    // the same bytes as (possibly lossy) UTF-16 text go through the String entry point
    String text = new String(input, StandardCharsets.UTF_8);
    for (JsonCodec<?> c : List.of(Codecs.SNAPSHOT_ENVELOPE, Codecs.EVENTS_ANSWER)) {
      try {
        c.decode(text);
      } catch (VisibilityException e) {
        // expected
      } catch (RuntimeException e) {
        fail(what + " (as text): " + e.getClass().getName(), e);
      }
    }
  }

  @Test
  void everyTruncationOfARealSnapshotOnlyRaisesVisibilityException() {
    byte[] full = snapshotBytes();
    for (int n = 0; n < full.length; n++) {
      byte[] cut = Arrays.copyOf(full, n);
      for (JsonCodec<?> c : CODECS) {
        try {
          c.decode(cut);
          if (c == Codecs.SNAPSHOT_ENVELOPE) {
            fail("a truncated snapshot decoded at length " + n);
          }
        } catch (VisibilityException e) {
          // expected
        } catch (RuntimeException e) {
          fail("truncation at " + n + ": " + e.getClass().getName(), e);
        }
      }
    }
  }

  @Test
  void everyTruncationOfAnEventsAnswerOnlyRaisesVisibilityException() {
    byte[] full = eventBytes();
    for (int n = 0; n < full.length; n += 1) {
      decodeAll(Arrays.copyOf(full, n), "truncation at " + n);
    }
  }

  @Test
  void mutatedSnapshotsAndEventsOnlyRaiseVisibilityException() {
    Random r = new Random(20260301L);
    decoded = 0;
    byte[][] seeds = {snapshotBytes(), eventBytes()};
    for (int i = 0; i < 400; i++) {
      byte[] in = seeds[i % 2].clone();
      int edits = 1 + r.nextInt(4);
      for (int k = 0; k < edits; k++) {
        int pos = r.nextInt(in.length);
        switch (r.nextInt(4)) {
          case 0 -> in[pos] = INTERESTING[r.nextInt(INTERESTING.length)];
          case 1 -> in[pos] = (byte) r.nextInt(256);
          case 2 -> {
            byte[] out = new byte[in.length + 1];
            System.arraycopy(in, 0, out, 0, pos);
            out[pos] = INTERESTING[r.nextInt(INTERESTING.length)];
            System.arraycopy(in, pos, out, pos + 1, in.length - pos);
            in = out;
          }
          default -> {
            if (in.length > 1) {
              byte[] out = new byte[in.length - 1];
              System.arraycopy(in, 0, out, 0, pos);
              System.arraycopy(in, pos + 1, out, pos, in.length - pos - 1);
              in = out;
            }
          }
        }
      }
      decodeAll(in, "mutation " + i);
    }
    assertTrue(decoded > 0, "some mutations (inside strings) still decode");
  }

  @Test
  void deepNestingIsLimitExceeded() {
    String deep = "[".repeat(5000) + "]".repeat(5000);
    String in =
        "{\"schemaVersion\":\"v1\",\"envelopeType\":\"loop_run_event\",\"event\":" + deep + "}";
    VisibilityException e =
        assertThrows(VisibilityException.class, () -> Codecs.EVENT_ENVELOPE.decode(in));
    assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code());
    String deepSeq =
        "{\"schemaVersion\":\"v1\",\"envelopeType\":\"loop_run_event\",\"sequence\":"
            + "{\"a\":".repeat(100)
            + "1"
            + "}".repeat(100)
            + "}";
    assertEquals(
        ErrorCode.LIMIT_EXCEEDED,
        assertThrows(VisibilityException.class, () -> Codecs.EVENT_ENVELOPE.decode(deepSeq))
            .code());
  }

  @Test
  void hugeNumberLiteralIsLimitExceeded() {
    String in =
        "{\"schemaVersion\":\"v1\",\"envelopeType\":\"loop_run_event\",\"sequence\":{\"value\":"
            + "9".repeat(100_000)
            + "}}";
    assertEquals(
        ErrorCode.LIMIT_EXCEEDED,
        assertThrows(VisibilityException.class, () -> Codecs.EVENT_ENVELOPE.decode(in)).code());
    String exp =
        "{\"schemaVersion\":\"v1\",\"envelopeType\":\"loop_run_event\",\"sequence\":{\"value\":1e999999999}}";
    EventEnvelope e = Codecs.EVENT_ENVELOPE.decode(exp);
    assertEquals("1e999999999", e.sequenceValue().orElseThrow().toJson());
  }

  @Test
  void oversizedDocumentsAndStringsAreLimitExceeded() {
    Json small = Json.withLimits(new JsonReadLimits(16, 1024, 256, 32, 1500));
    byte[] snapshot = snapshotBytes();
    assertTrue(snapshot.length > 1500);
    assertEquals(
        ErrorCode.LIMIT_EXCEEDED,
        assertThrows(
                VisibilityException.class, () -> small.decode(Codecs.SNAPSHOT_ENVELOPE, snapshot))
            .code());
    String longString =
        "{\"schemaVersion\":\"v1\",\"envelopeType\":\"loop_run_event\",\"emittedAt\":\""
            + "x".repeat(2000)
            + "\"}";
    assertEquals(
        ErrorCode.LIMIT_EXCEEDED,
        assertThrows(
                VisibilityException.class, () -> small.decode(Codecs.EVENT_ENVELOPE, longString))
            .code());
    String longName =
        "{\""
            + "k".repeat(300)
            + "\":1,\"schemaVersion\":\"v1\",\"envelopeType\":\"loop_run_event\"}";
    assertEquals(
        ErrorCode.LIMIT_EXCEEDED,
        assertThrows(VisibilityException.class, () -> small.decode(Codecs.EVENT_ENVELOPE, longName))
            .code());
  }

  @Test
  void duplicateKeysAndTrailingContentAreRejected() {
    String dup =
        "{\"schemaVersion\":\"v1\",\"envelopeType\":\"loop_run_event\",\"sequence\":1,\"sequence\":2}";
    assertEquals(
        ErrorCode.DUPLICATE_KEY,
        assertThrows(VisibilityException.class, () -> Codecs.EVENT_ENVELOPE.decode(dup)).code());
    String trailing = "{\"schemaVersion\":\"v1\",\"envelopeType\":\"loop_run_event\"} {}";
    assertEquals(
        ErrorCode.INVALID_JSON,
        assertThrows(VisibilityException.class, () -> Codecs.EVENT_ENVELOPE.decode(trailing))
            .code());
  }
}
