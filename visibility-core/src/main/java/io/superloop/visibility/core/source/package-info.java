/**
 * Envelope sources: the {@code local} source streams a runtime {@code events.jsonl} and reads
 * {@code heartbeat.v1.json} (contract 3.1; hardening H13, H17, H18) in constant memory; the {@code
 * sprite_service} side decodes the service's {@code /ops/snapshot} and {@code /ops/events} answers.
 * Both hand the validator the same input.
 */
@NullMarked
package io.superloop.visibility.core.source;

import org.jspecify.annotations.NullMarked;
