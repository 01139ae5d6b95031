/**
 * Heartbeat telemetry records: the freshness projection {@code heartbeat.json}, its thresholds, the
 * {@code telemetry/heartbeat.jsonl} observation rows, and their codecs.
 */
@NullMarked
package io.superloop.visibility.api.heartbeat;

import org.jspecify.annotations.NullMarked;
