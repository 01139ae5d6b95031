package io.superloop.visibility.testkit.gen.internal;

import io.superloop.visibility.api.OpenWireValue;
import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.testkit.gen.Gen;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

/**
 * Generators of the scalar building blocks of the v1 records: strings (with unicode, control
 * characters and quotes), loop ids, trace ids, timestamps as written, edge-biased whole numbers,
 * raw {@link JsonValue}s of bounded depth, unknown-field maps whose keys are never a field name of
 * any v1 record, and the open value sets (known constants and unknown wire strings).
 */
public final class ValueGens {
  private ValueGens() {}

  /**
   * Every field name of every v1 object level (plus {@code schemaVersion} and {@code
   * envelopeType}): {@link #unknownFields()} never uses one as a key.
   */
  public static final Set<String> KNOWN_FIELD_NAMES =
      Set.of(
          "schemaVersion",
          "envelopeType",
          "alertTraceId",
          "artifacts",
          "at",
          "attempted",
          "category",
          "clockSkewSeconds",
          "code",
          "command",
          "commandOutput",
          "confirm",
          "confirmExitCode",
          "confirmation",
          "confirmationStatus",
          "confirmed",
          "controlInvocationTraceId",
          "controlTraceId",
          "criticalHeartbeatLagSeconds",
          "criticalIngestLagSeconds",
          "criticalTransportFailureStreak",
          "current",
          "cursor",
          "cursorFile",
          "cursorOffsetAfter",
          "cursorOffsetBefore",
          "degradedHeartbeatLagSeconds",
          "degradedIngestLagSeconds",
          "degradedTransportFailureStreak",
          "dispatchTelemetryFile",
          "dispatchedCount",
          "distinctTraceIds",
          "doConfirm",
          "driftActive",
          "duplicates",
          "durationSeconds",
          "emittedAt",
          "epochReset",
          "error",
          "escalationTraceId",
          "escalationsFile",
          "escalationsLineCount",
          "escalationsLineOffset",
          "event",
          "eventByteOffset",
          "eventLineCount",
          "eventLineOffset",
          "events",
          "eventsFile",
          "eventsIngested",
          "eventsLast",
          "eventTailCrc32",
          "evidence",
          "execution",
          "executionStatus",
          "exists",
          "exitCode",
          "failedCount",
          "failureCode",
          "failureMessage",
          "failureReasonCodes",
          "failureStreak",
          "first",
          "freshnessStatus",
          "fromStart",
          "gaps",
          "health",
          "healthFile",
          "healthReasonCodes",
          "healthStatus",
          "heartbeat",
          "heartbeatAt",
          "heartbeatLagSeconds",
          "heartbeatTraceId",
          "highWater",
          "idempotencyKey",
          "inFlight",
          "ingestLagSeconds",
          "ingestStatus",
          "ingestedCount",
          "intent",
          "intervalSeconds",
          "invocationAudit",
          "last",
          "lastControlStatus",
          "lastEventAt",
          "lastFailureAt",
          "lastFailureCode",
          "lastHeartbeatAt",
          "lastObservation",
          "lastResult",
          "lastSuccessAt",
          "lifecycleState",
          "lineCount",
          "loopId",
          "max",
          "maxEvents",
          "message",
          "metric",
          "metrics",
          "missing",
          "mode",
          "monotonic",
          "monotonicAcrossBatches",
          "monotonicWithinBatch",
          "mtimeEpoch",
          "note",
          "observed",
          "ok",
          "outcome",
          "outcomeStatus",
          "output",
          "path",
          "phase",
          "previous",
          "previousDriftActive",
          "previousLast",
          "processedCount",
          "profile",
          "reasonCode",
          "reasonCodes",
          "reasons",
          "reconcileTraceId",
          "recoveredFromDrift",
          "regressed",
          "replayed",
          "repoPath",
          "request",
          "requestedBy",
          "result",
          "retryAttempts",
          "retryBackoffSeconds",
          "run",
          "runtime",
          "sequence",
          "sequenceReasonCode",
          "sequenceStateFile",
          "sequenceStatus",
          "sequenceTelemetryFile",
          "sequenceTraceId",
          "sequenceUpdatedAt",
          "severity",
          "sharedTraceId",
          "sizeBytes",
          "skippedCount",
          "snapshot",
          "snapshotCurrent",
          "source",
          "startedAt",
          "stateFile",
          "status",
          "stderr",
          "threshold",
          "thresholdProfile",
          "thresholds",
          "timeoutSeconds",
          "timestamp",
          "trace",
          "traceId",
          "transition",
          "transitionedToDrift",
          "transport",
          "transportFailureStreak",
          "updatedAt",
          "violations",
          "warnings");

  private static final String ALNUM =
      "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  /**
   * Characters a string may hold besides ASCII: BMP letters, symbols, separators and astral pairs.
   */
  private static final List<String> UNICODE =
      List.of(
          "\u00e9",
          "\u00fc",
          "\u00df",
          "\u4e2d",
          "\u6587",
          "\u043a",
          "\u20ac",
          "\u00a0",
          "\u2028",
          "\u2029",
          "\ufeff",
          "\ud83d\ude00",
          "\ud834\udd1e",
          "\u0301",
          "\uffff");

  private static final String CONTROLS;

  static {
    StringBuilder sb = new StringBuilder();
    for (char c = 0; c < 0x20; c++) {
      sb.append(c);
    }
    sb.append('\u007f').append('\u0080').append('\u009f');
    CONTROLS = sb.toString();
  }

  private static final Gen<String> ASCII_PIECE =
      Gen.chars(Gen.PRINTABLE_ASCII).map(String::valueOf);
  private static final Gen<String> UNICODE_PIECE = Gen.elements(UNICODE);
  private static final Gen<String> CONTROL_PIECE = Gen.chars(CONTROLS).map(String::valueOf);
  private static final Gen<String> QUOTE_PIECE =
      Gen.elements("\"", "\\", "'", "/", "\\\"", "\\u0000");

  /** Pieces of a loop id: no control character, {@code /} or {@code \}. */
  private static final Gen<String> LOOP_ID_PIECE =
      Gen.frequency(
          Gen.weighted(
              8, Gen.chars(ALNUM + "-_.:@+ ~'\"!#$%&()*,;<=>?[]^`{|}").map(String::valueOf)),
          Gen.weighted(
              2, Gen.elements("\u00e9", "\u4e2d", "\u043a", "\u20ac", "\ud83d\ude00", "\u00a0")));

  // ---------------------------------------------------------------- strings

  /**
   * Strings of 0 to 12 pieces: printable ASCII mostly, with unicode (BMP and surrogate pairs, line
   * separators, BOM), control characters (C0, DEL, C1) and quotes or backslashes mixed in; about
   * one in twelve is a longer printable string (up to 300 characters). Never a lone surrogate.
   *
   * @return the generator
   */
  public static Gen<String> strings() {
    Gen<String> piece =
        Gen.frequency(
            Gen.weighted(10, ASCII_PIECE),
            Gen.weighted(3, UNICODE_PIECE),
            Gen.weighted(2, CONTROL_PIECE),
            Gen.weighted(2, QUOTE_PIECE));
    return Gen.frequency(
        Gen.weighted(11, Gen.listOf(piece, 0, 12).map(ValueGens::join)),
        Gen.weighted(1, Gen.strings(Gen.PRINTABLE_ASCII, 0, 300)));
  }

  /**
   * Non-blank strings: a letter or digit followed by {@link #strings()}.
   *
   * @return the generator
   */
  public static Gen<String> nonBlankStrings() {
    return Gen.zip(Gen.chars(ALNUM), strings(), (c, s) -> c + s);
  }

  /**
   * Timestamps as written: mostly {@code YYYY-MM-DDTHH:MM:SSZ}, sometimes any string (the records
   * keep the text they read).
   *
   * @return the generator
   */
  public static Gen<String> timestamps() {
    Gen<String> iso =
        Zip.zip(
            Gen.longs(0, 9999),
            Gen.longs(1, 12),
            Gen.longs(1, 28),
            Gen.longs(0, 86_399),
            (y, m, d, s) ->
                String.format(
                    "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d, s / 3600, s / 60 % 60, s % 60));
    return Gen.frequency(Gen.weighted(4, iso), Gen.weighted(1, strings()));
  }

  /**
   * Valid loop ids: 1 to 255 bytes in UTF-8, starting with a letter or digit, without control
   * characters, {@code /} or {@code \}; unicode, spaces, dots and quotes included. About one in
   * sixteen is exactly 255 bytes long (all ASCII, or two-byte characters after the first).
   *
   * @return the generator
   */
  public static Gen<String> loopIds() {
    Gen<String> normal =
        Gen.zip(
            Gen.chars(ALNUM),
            Gen.listOf(LOOP_ID_PIECE, 0, 16).map(ValueGens::join),
            (c, s) -> c + s);
    Gen<String> longestAscii =
        Gen.zip(Gen.chars(ALNUM), Gen.strings(ALNUM + "-_.", 254, 254), (c, s) -> c + s);
    Gen<String> longestWide =
        Gen.zip(Gen.chars(ALNUM), Gen.strings("\u00e9\u043a\u00a0", 127, 127), (c, s) -> c + s);
    return Gen.frequency(
        Gen.weighted(24, normal),
        Gen.weighted(6, Gen.constant("demo-loop")),
        Gen.weighted(1, longestAscii),
        Gen.weighted(1, longestWide));
  }

  /**
   * Valid trace ids (hardening H7): printable ASCII without space, 1 to 256 characters, in the
   * forms seen in practice (W3C 32-hex, UUID, 16-hex, legacy {@code trace-...}) and arbitrary ones,
   * including the longest.
   *
   * @return the generator
   */
  public static Gen<TraceId> traceIds() {
    String visible = Gen.PRINTABLE_ASCII.replace(" ", "");
    String hex = "0123456789abcdef";
    Gen<String> w3c = Gen.strings(hex, 32, 32);
    Gen<String> uuid =
        Zip.zip(
            Gen.strings(hex, 8, 8),
            Gen.strings(hex, 4, 4),
            Gen.strings(hex, 4, 4),
            Gen.strings(hex, 16, 16),
            (a, b, c, d) -> a + "-" + b + "-" + c + "-" + d.substring(0, 4) + "-" + d.substring(4));
    Gen<String> legacy =
        Gen.longs(0, 9999).map(n -> "trace-20260301120000-42-" + String.format("%04d", n));
    return Gen.frequency(
            Gen.weighted(4, Gen.strings(visible, 1, 40)),
            Gen.weighted(2, w3c),
            Gen.weighted(1, uuid),
            Gen.weighted(1, Gen.strings(hex, 16, 16)),
            Gen.weighted(2, legacy),
            Gen.weighted(1, Gen.strings(visible, 256, 256)))
        .map(TraceId::of);
  }

  /**
   * Optional trace ids: empty about one time in four.
   *
   * @return the generator
   */
  public static Gen<Optional<TraceId>> optionalTraceIds() {
    return Gen.optionals(traceIds());
  }

  // ---------------------------------------------------------------- numbers

  /**
   * Whole numbers {@code >= 0}, biased to the edges 0 and {@link Long#MAX_VALUE} and to small
   * values.
   *
   * @return the generator
   */
  public static Gen<Long> nonNegativeLongs() {
    return Gen.frequency(
        Gen.weighted(2, Gen.constant(0L)),
        Gen.weighted(1, Gen.constant(Long.MAX_VALUE)),
        Gen.weighted(4, Gen.longs(0, 1000)),
        Gen.weighted(3, Gen.longs(0, Long.MAX_VALUE)));
  }

  /**
   * Whole numbers {@code >= 1}, biased to 1, {@link Long#MAX_VALUE} and small values.
   *
   * @return the generator
   */
  public static Gen<Long> positiveLongs() {
    return Gen.frequency(
        Gen.weighted(2, Gen.constant(1L)),
        Gen.weighted(1, Gen.constant(Long.MAX_VALUE)),
        Gen.weighted(4, Gen.longs(1, 1000)),
        Gen.weighted(3, Gen.longs(1, Long.MAX_VALUE)));
  }

  /**
   * Any whole {@code long}, biased to 0, -1, {@link Long#MIN_VALUE}, {@link Long#MAX_VALUE} and
   * small values.
   *
   * @return the generator
   */
  public static Gen<Long> anyLongs() {
    return Gen.frequency(
        Gen.weighted(2, Gen.elements(0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE)),
        Gen.weighted(4, Gen.longs(-1000, 1000)),
        Gen.weighted(3, Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE)));
  }

  /**
   * Optional longs of {@code gen}: empty about one time in four.
   *
   * @param gen the present values
   * @return the generator
   */
  public static Gen<OptionalLong> optionalLongs(Gen<Long> gen) {
    return Gen.frequency(
        Gen.weighted(1, Gen.constant(OptionalLong.empty())),
        Gen.weighted(3, gen.map(OptionalLong::of)));
  }

  /**
   * JSON number literals in the forms JSON allows: integers (beyond the {@code long} range too),
   * negative zero, fractions and exponents; at most 64 characters (the default read limit).
   *
   * @return the generator
   */
  public static Gen<String> numberLiterals() {
    Gen<String> fixed =
        Gen.elements(
            "0",
            "-0",
            "1",
            "-1",
            "0.5",
            "-0.0",
            "3.0",
            "1e2",
            "1E+2",
            "2.5e-3",
            "1.0E-10",
            "9223372036854775807",
            "-9223372036854775808",
            "9223372036854775808",
            "123456789012345678901234567890",
            "1e400",
            "0.1",
            "100");
    Gen<String> decimal = Gen.zip(anyLongs(), Gen.longs(0, 999_999), (a, b) -> a + "." + b);
    return Gen.frequency(
        Gen.weighted(2, fixed),
        Gen.weighted(3, anyLongs().map(String::valueOf)),
        Gen.weighted(1, decimal));
  }

  // ---------------------------------------------------------------- JSON values

  /**
   * Raw JSON values of depth at most 3 (see {@link #jsonValues(int)}).
   *
   * @return the generator
   */
  public static Gen<JsonValue> jsonValues() {
    return jsonValues(3);
  }

  /**
   * Raw JSON values nested at most {@code depth} levels: null, booleans, number literals, strings,
   * and arrays and objects of up to 4 members (keys as {@link #strings()}, unique, in insertion
   * order).
   *
   * @param depth the deepest nesting of arrays and objects, at least 0
   * @return the generator
   */
  public static Gen<JsonValue> jsonValues(int depth) {
    Gen<JsonValue> leaf =
        Gen.frequency(
            Gen.weighted(1, Gen.constant(JsonValue.nullValue())),
            Gen.weighted(1, Gen.booleans().map(JsonValue::of)),
            Gen.weighted(2, numberLiterals().map(JsonValue::number)),
            Gen.weighted(3, strings().map(JsonValue::of)));
    if (depth <= 0) {
      return leaf;
    }
    Gen<JsonValue> inner = jsonValues(depth - 1);
    return Gen.frequency(
        Gen.weighted(4, leaf),
        Gen.weighted(1, Gen.listOf(inner, 0, 4).map(JsonValue::array)),
        Gen.weighted(1, objectsOf(strings(), inner, 4)));
  }

  /**
   * Raw JSON values other than {@code null} at the top (members may still be {@code null}).
   *
   * @return the generator
   */
  public static Gen<JsonValue> nonNullJsonValues() {
    return Gen.frequency(
        Gen.weighted(1, Gen.booleans().map(JsonValue::of)),
        Gen.weighted(1, numberLiterals().map(JsonValue::number)),
        Gen.weighted(1, strings().map(JsonValue::of)),
        Gen.weighted(1, Gen.listOf(jsonValues(2), 0, 4).map(JsonValue::array)),
        Gen.weighted(2, jsonObjects()));
  }

  /**
   * Raw JSON objects of up to 4 members of depth at most 2.
   *
   * @return the generator
   */
  public static Gen<JsonValue> jsonObjects() {
    return objectsOf(strings(), jsonValues(2), 4);
  }

  /**
   * Raw JSON arrays of up to 4 elements of depth at most 2.
   *
   * @return the generator
   */
  public static Gen<JsonValue> jsonArrays() {
    return Gen.listOf(jsonValues(2), 0, 4).map(JsonValue::array);
  }

  /**
   * Objects of up to {@code maxMembers} members; a repeated key keeps its first value.
   *
   * @param keys the member names
   * @param values the member values
   * @param maxMembers the most members
   * @return the generator
   */
  public static Gen<JsonValue> objectsOf(Gen<String> keys, Gen<JsonValue> values, int maxMembers) {
    return Gen.listOf(Gen.zip(keys, values, Map::entry), 0, maxMembers)
        .map(
            entries -> {
              Map<String, JsonValue> m = new LinkedHashMap<>();
              for (Map.Entry<String, JsonValue> e : entries) {
                m.putIfAbsent(e.getKey(), e.getValue());
              }
              return JsonValue.object(m);
            });
  }

  /**
   * Keys that are never a field name of a v1 record ({@link #KNOWN_FIELD_NAMES}): plausible future
   * field names, the empty key, quotes, controls, unicode, and any {@link #strings()}.
   *
   * @return the generator
   */
  public static Gen<String> unknownKeys() {
    Gen<String> plausible =
        Gen.elements(
            "futureField",
            "x-extra",
            "",
            "\"quoted\"",
            "\u043a\u043b\u044e\u0447",
            "a\u0000b",
            "emoji\ud83d\ude00",
            "schema_version",
            "TraceId",
            "loopid",
            "status ",
            "_links");
    return Gen.frequency(Gen.weighted(1, plausible), Gen.weighted(2, strings()))
        .map(k -> KNOWN_FIELD_NAMES.contains(k) ? k + "~unknown" : k);
  }

  /**
   * Unknown-field maps: empty about half the time, else 1 to 3 members with {@link #unknownKeys()}
   * and any raw value ({@code null} included), in insertion order.
   *
   * @return the generator
   */
  public static Gen<Map<String, JsonValue>> unknownFields() {
    Gen<Map<String, JsonValue>> some =
        objectsOf(unknownKeys(), jsonValues(2), 3).map(JsonValue::members);
    return Gen.frequency(
        Gen.weighted(1, Gen.constant(Collections.<String, JsonValue>emptyMap())),
        Gen.weighted(1, some));
  }

  // ---------------------------------------------------------------- value sets

  /**
   * Values of an open value set: one of {@code known} about three times in four, else a wire string
   * the set does not know (kept as written).
   *
   * @param known the constants
   * @param of the factory of a wire string
   * @param <V> the value type
   * @return the generator
   */
  public static <V extends OpenWireValue> Gen<V> openValues(
      Collection<V> known, Function<String, V> of) {
    Gen<V> unknown =
        Gen.frequency(
                Gen.weighted(1, Gen.elements("future_code", "x", "")), Gen.weighted(2, strings()))
            .map(
                s -> {
                  V v = of.apply(s);
                  return v.isKnown() ? of.apply(s + "~unknown") : v;
                });
    return Gen.frequency(
        Gen.weighted(3, Gen.elements(List.copyOf(known))), Gen.weighted(1, unknown));
  }

  /**
   * Reason codes: known ones and unknown wire strings.
   *
   * @return the generator
   */
  public static Gen<ReasonCode> reasonCodes() {
    return openValues(ReasonCode.known(), ReasonCode::of);
  }

  /**
   * Transports.
   *
   * @return the generator
   */
  public static Gen<Transport> transports() {
    return Gen.elements(Transport.values());
  }

  /**
   * Optional strings of {@link #strings()}: empty about one time in four.
   *
   * @return the generator
   */
  public static Gen<Optional<String>> optionalStrings() {
    return Gen.optionals(strings());
  }

  /**
   * Lists of 0 to {@code max} values of {@code gen}; empty about one time in three.
   *
   * @param gen the elements
   * @param max the longest list
   * @param <T> the element type
   * @return the generator
   */
  public static <T> Gen<List<T>> lists(Gen<T> gen, int max) {
    return Gen.frequency(
        Gen.weighted(1, Gen.constant(List.<T>of())), Gen.weighted(2, Gen.listOf(gen, 1, max)));
  }

  static String join(List<String> pieces) {
    return String.join("", pieces);
  }
}
