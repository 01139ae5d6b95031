/**
 * The health fold (contract 2.5-2.7, C7): the seven reason sources as typed inputs, folded into
 * {@code health.json} with the reference's precedence, de-duplication and ordering. The escalation
 * decisions that follow from a change of health or of sequence drift are taken by {@link
 * io.superloop.visibility.core.reconcile.ReconcileStep}.
 */
@NullMarked
package io.superloop.visibility.core.health;

import org.jspecify.annotations.NullMarked;
