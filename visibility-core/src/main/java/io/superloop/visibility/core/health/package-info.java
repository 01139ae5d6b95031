/**
 * The health fold (contract 2.5-2.7, C7): the seven reason sources as typed inputs, folded into
 * {@code health.json} with the reference's precedence, de-duplication and ordering, and the
 * escalation decisions that follow from a change of health or of sequence drift.
 */
@NullMarked
package io.superloop.visibility.core.health;

import org.jspecify.annotations.NullMarked;
