package io.superloop.visibility.core.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.core.rules.VisibilityRules;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Hardening H7, the "always" part: "a trace id is accepted when it is 1-256 printable ASCII
 * characters (0x21-0x7E), so legacy ids such as trace-20260301120000-42-0007 stay valid; anything
 * else is rejected with reason code invalid_trace_id. ... Conversion to W3C: a 32-hex id is itself,
 * a UUID drops its dashes, a 16-hex id is left-padded with zeros; other ids have no W3C form
 * (empty). A traceparent header parses to its trace-id".
 */
class TraceIdRulesTest {

  @Test
  void acceptsOneTo256PrintableAscii() {
    StringBuilder all = new StringBuilder();
    for (char c = 0x21; c <= 0x7e; c++) {
      all.append(c);
    }
    for (String ok :
        List.of(
            "trace-20260301120000-42-0007",
            "trace-vis-drift-1",
            "x",
            "!",
            "~",
            all.toString(),
            "a".repeat(256),
            "550e8400-e29b-41d4-a716-446655440000")) {
      assertTrue(TraceId.isValid(ok), ok);
      assertEquals(ok, TraceId.of(ok).value());
    }
  }

  @Test
  void rejectsEverythingElseWithInvalidTraceId() {
    for (String bad :
        List.of(
            "",
            "a".repeat(257),
            " ",
            "trace 1",
            " trace",
            "trace\t",
            "trace\n",
            "trace\u0000",
            "trace\u007f",
            "trac\u00e9",
            "\u200btrace",
            "trace\ud83d\ude00")) {
      assertFalse(TraceId.isValid(bad), bad);
      VisibilityException e = assertThrows(VisibilityException.class, () -> TraceId.of(bad));
      assertEquals(ErrorCode.INVALID_TRACE_ID, e.code());
    }
  }

  /**
   * Contract 5.1 resolution with an invalid explicit or environment value: rejected in both
   * presets.
   */
  @Test
  void resolutionRejectsInvalidValuesInBothPresets() {
    for (VisibilityRules rules : List.of(VisibilityRules.reference(), VisibilityRules.hardened())) {
      VisibilityException e =
          assertThrows(
              VisibilityException.class,
              () ->
                  TraceIds.resolve(
                      Optional.of("bad trace"),
                      Optional.empty(),
                      IdStyle.of(rules),
                      new SplittableRandom(1)));
      assertEquals(ErrorCode.INVALID_TRACE_ID, e.code());
      assertThrows(
          VisibilityException.class,
          () ->
              TraceIds.resolve(
                  Optional.empty(),
                  Optional.of("bad\ttrace"),
                  IdStyle.of(rules),
                  new SplittableRandom(1)));
    }
  }

  @Test
  void w3cConversion() {
    assertEquals(
        Optional.of("4bf92f3577b34da6a3ce929d0e0e4736"),
        TraceId.of("4bf92f3577b34da6a3ce929d0e0e4736").toW3c());
    assertEquals(
        Optional.of("550e8400e29b41d4a716446655440000"),
        TraceId.of("550e8400-e29b-41d4-a716-446655440000").toW3c());
    assertEquals(
        Optional.of("0000000000000000" + "00f067aa0ba902b7"),
        TraceId.of("00f067aa0ba902b7").toW3c());
    for (String none :
        List.of(
            "trace-20260301120000-42-0007",
            "4bf92f3577b34da6a3ce929d0e0e473", // 31 hex
            "4bf92f3577b34da6a3ce929d0e0e47361", // 33 hex
            "4bf92f3577b34da6a3ce929d0e0e473g",
            "550e8400e29b-41d4-a716-446655440000-",
            "abc",
            "00000000000000000000000000000000")) { // all zeros is not a W3C trace-id
      assertEquals(Optional.empty(), TraceId.of(none).toW3c(), none);
    }
  }

  /** W3C Trace Context: traceparent = version "-" trace-id "-" parent-id "-" trace-flags. */
  @Test
  void traceparentParsesToItsTraceId() {
    assertEquals(
        Optional.of(TraceId.of("4bf92f3577b34da6a3ce929d0e0e4736")),
        TraceId.fromTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
    assertEquals(
        Optional.of(TraceId.of("4bf92f3577b34da6a3ce929d0e0e4736")),
        TraceId.fromTraceparent("  00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00  "));
    for (String bad :
        List.of(
            "",
            "garbage",
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01", // all-zero trace-id
            "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01", // all-zero parent-id
            "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01", // upper case
            "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", // version ff is invalid
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra", // version 00 has no
            // more fields
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7", // no flags
            "00_4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7_01")) {
      assertEquals(Optional.empty(), TraceId.fromTraceparent(bad), bad);
    }
  }

  /**
   * Reference ids are what {@code uuidgen} prints (H7: "lower-case UUID with dashes"): random
   * UUIDs, RFC 4122 version 4 with the IETF variant, as java.util.UUID reads them.
   */
  @Test
  void referenceIdsAreVersion4Uuids() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 1000; i++) {
      String id = TraceIds.generate(IdStyle.REFERENCE, random).value();
      UUID u = UUID.fromString(id);
      assertEquals(4, u.version(), id);
      assertEquals(2, u.variant(), id);
      assertEquals(u.toString(), id, "lower case, dashes at 8-4-4-4-12");
    }
  }
}
