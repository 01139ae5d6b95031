package io.superloop.visibility.opentelemetry;

import io.opentelemetry.api.common.AttributeKey;

/** The attribute keys of the module's metrics and spans (semantic-convention style). */
final class Attr {
  private Attr() {}

  static final AttributeKey<String> LOOP_ID = AttributeKey.stringKey("superloop.loop.id");
  static final AttributeKey<String> TRANSPORT = AttributeKey.stringKey("superloop.transport");
  static final AttributeKey<String> TRACE_ID = AttributeKey.stringKey("superloop.trace_id");
  static final AttributeKey<String> TRACE_LINK = AttributeKey.stringKey("superloop.trace_link");
  static final AttributeKey<String> REASON_CODE = AttributeKey.stringKey("superloop.reason_code");
  static final AttributeKey<String> FRESHNESS_STATUS =
      AttributeKey.stringKey("superloop.heartbeat.freshness_status");
  static final AttributeKey<Long> HEARTBEAT_LAG = AttributeKey.longKey("superloop.heartbeat.lag");
  static final AttributeKey<String> HEALTH_STATUS =
      AttributeKey.stringKey("superloop.health.status");
  static final AttributeKey<String> INGEST_STATUS =
      AttributeKey.stringKey("superloop.ingest.status");
  static final AttributeKey<String> FAILURE_CODE = AttributeKey.stringKey("superloop.failure_code");
  static final AttributeKey<String> SEQUENCE_STATUS =
      AttributeKey.stringKey("superloop.sequence.status");
  static final AttributeKey<Boolean> DRIFT_ACTIVE =
      AttributeKey.booleanKey("superloop.sequence.drift_active");
  static final AttributeKey<Long> EVENTS_INGESTED =
      AttributeKey.longKey("superloop.reconcile.events_ingested");
  static final AttributeKey<String> ESCALATION_CATEGORY =
      AttributeKey.stringKey("superloop.escalation.category");
  static final AttributeKey<String> CONTROL_INTENT =
      AttributeKey.stringKey("superloop.control.intent");
  static final AttributeKey<String> CONTROL_STATUS =
      AttributeKey.stringKey("superloop.control.status");
  static final AttributeKey<String> IDEMPOTENCY_KEY =
      AttributeKey.stringKey("superloop.control.idempotency_key");
}
