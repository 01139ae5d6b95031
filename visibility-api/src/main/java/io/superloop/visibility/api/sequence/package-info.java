/**
 * Envelope sequence diagnostics records: the latest verdict {@code OPS/sequence-state.json}
 * (contract 1.5, also {@code state.json.sequence}), the {@code telemetry/sequence.jsonl} history
 * rows (1.6), their nested snapshot, events and transition diagnostics with the additive hardened
 * fields (H14, H15), the status and violation code enums, and their codecs.
 */
@NullMarked
package io.superloop.visibility.api.sequence;

import org.jspecify.annotations.NullMarked;
