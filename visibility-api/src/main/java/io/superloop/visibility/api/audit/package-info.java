/**
 * Control invocation audit records (contract 1.7-1.9, section 4; hardening H5, H6): the {@code
 * telemetry/control-invocations.jsonl} audit rows with their request, execution, confirmation and
 * outcome parts, the {@code telemetry/control.jsonl} attempt rows, the {@code intents.jsonl} intent
 * rows, the additive in-flight rows of {@code telemetry/control-invocations.inflight.jsonl}, their
 * value sets and their codecs ({@link io.superloop.visibility.api.Codecs}).
 */
@NullMarked
package io.superloop.visibility.api.audit;

import org.jspecify.annotations.NullMarked;
