/**
 * The foreign inputs of the visibility plane and the manager's cursor: the {@code
 * loop_run_snapshot} and {@code loop_run_event} envelopes of the runtime adapters (contract 1.1,
 * 3.1), the sprite service's events answer (1.18) and {@code OPS/cursor.json} (1.16, additive
 * {@code eventByteOffset} and {@code eventTailCrc32} of hardening H17), with their codecs in {@link
 * io.superloop.visibility.api.Codecs}. Envelopes are decoded tolerantly: only {@code schemaVersion}
 * and {@code envelopeType} are enforced, the parts the library does not interpret (the sequence
 * object included) are kept raw, and a decoded envelope re-encodes to exactly the compact form of
 * its input.
 */
@NullMarked
package io.superloop.visibility.api.envelope;

import org.jspecify.annotations.NullMarked;
