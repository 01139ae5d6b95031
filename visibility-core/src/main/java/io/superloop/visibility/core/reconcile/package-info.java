/**
 * One reconcile step of the visibility plane, composed from the pure decisions (sequence validation,
 * heartbeat freshness, health fold, escalation decisions, trace stamping): values in, values out.
 * This is what an embedding service calls; persisting the result is the store's job.
 */
@NullMarked
package io.superloop.visibility.core.reconcile;

import org.jspecify.annotations.NullMarked;
