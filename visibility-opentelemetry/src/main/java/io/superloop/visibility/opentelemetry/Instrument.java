package io.superloop.visibility.opentelemetry;

import java.util.List;

/**
 * The instruments {@link VisibilityTelemetry} registers: one place for their names, kinds, units,
 * attributes and descriptions (the table of {@code docs/observability.md} lists exactly these).
 */
enum Instrument {
  HEARTBEAT_LAG(
      "superloop.heartbeat.lag",
      Kind.GAUGE,
      "s",
      List.of(),
      "Heartbeat lag of the step's heartbeat state (manager clock minus the runtime's heartbeat time)"),
  HEARTBEAT_FRESHNESS(
      "superloop.heartbeat.freshness",
      Kind.GAUGE,
      "1",
      List.of(Attr.FRESHNESS_STATUS.getKey()),
      "1 for the heartbeat's freshness status of the last step, 0 for the two other statuses"),
  SEQUENCE_VIOLATIONS(
      "superloop.sequence.violations",
      Kind.COUNTER,
      "{violation}",
      List.of(Attr.REASON_CODE.getKey()),
      "Sequence violations found, by violation code"),
  SEQUENCE_DRIFT_ACTIVE(
      "superloop.sequence.drift.active",
      Kind.GAUGE,
      "1",
      List.of(),
      "1 while an ordering drift is active (sequence-state driftActive), else 0"),
  SEQUENCE_GAPS(
      "superloop.sequence.gaps",
      Kind.COUNTER,
      "{gap}",
      List.of(),
      "Gaps in the event sequence values of the ingested batches"),
  SEQUENCE_DUPLICATES(
      "superloop.sequence.duplicates",
      Kind.COUNTER,
      "{duplicate}",
      List.of(),
      "Duplicate event sequence values in the ingested batches"),
  CONTROL_INVOCATIONS(
      "superloop.control.invocations",
      Kind.COUNTER,
      "{invocation}",
      List.of(Attr.CONTROL_INTENT.getKey(), Attr.CONTROL_STATUS.getKey()),
      "Control actions recorded, by intent and outcome status"),
  RECONCILE_DURATION(
      "superloop.reconcile.duration",
      Kind.HISTOGRAM,
      "s",
      List.of(),
      "Wall time of a reconcile step, waiting for the loop lock included"),
  RECONCILE_WARNINGS(
      "superloop.reconcile.warnings",
      Kind.COUNTER,
      "{warning}",
      List.of(Attr.REASON_CODE.getKey()),
      "Warnings of reconcile steps, by reason code"),
  INGEST_LINES(
      "superloop.ingest.lines",
      Kind.COUNTER,
      "{line}",
      List.of(),
      "Event lines (local) or event envelopes (sprite_service) taken in by reconcile steps"),
  INGEST_BYTES(
      "superloop.ingest.bytes",
      Kind.COUNTER,
      "By",
      List.of(),
      "Bytes of the local events log read by reconcile steps"),
  QUARANTINED_FILES(
      "superloop.store.quarantined_files",
      Kind.COUNTER,
      "{file}",
      List.of(),
      "Unreadable state files of the loop renamed aside by reconcile steps");

  /** How an instrument is recorded. */
  enum Kind {
    COUNTER("counter"),
    GAUGE("gauge"),
    HISTOGRAM("histogram");

    final String doc;

    Kind(String doc) {
      this.doc = doc;
    }
  }

  final String metricName;
  final Kind kind;
  final String unit;

  @SuppressWarnings("ImmutableEnumChecker") // List.of: unmodifiable
  final List<String> extraAttributes;

  final String description;

  Instrument(
      String metricName, Kind kind, String unit, List<String> extraAttributes, String description) {
    this.metricName = metricName;
    this.kind = kind;
    this.unit = unit;
    this.extraAttributes = extraAttributes;
    this.description = description;
  }
}
