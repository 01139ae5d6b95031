/**
 * Envelope sequence diagnostics (contract section 3, C1-C3, C9; hardening H12, H14, H15): judging
 * sequence values, and the {@link io.superloop.visibility.core.sequence.SequenceValidator} that
 * checks a snapshot and a batch of events against the previous state, event by event, in constant
 * memory.
 */
@NullMarked
package io.superloop.visibility.core.sequence;

import org.jspecify.annotations.NullMarked;
