/**
 * Reconcile telemetry and escalation records (contract 1.12, 1.14, 1.15; hardening H2, H13, H18,
 * H19): the {@code telemetry/reconcile.jsonl} rows, the {@code escalations.jsonl} rows by category,
 * the alert dispatch state and the {@code telemetry/alerts.jsonl} rows the library reads, their
 * value sets and their codecs ({@link io.superloop.visibility.api.Codecs}).
 */
@NullMarked
package io.superloop.visibility.api.reconcile;

import org.jspecify.annotations.NullMarked;
