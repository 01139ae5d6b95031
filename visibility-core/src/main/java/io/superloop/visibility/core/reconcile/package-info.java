/**
 * One reconcile step of the visibility plane, composed from the pure decisions (sequence
 * validation, heartbeat freshness, health fold, escalation decisions, trace stamping): values in,
 * values out. Persisting the result is the store's job; {@link
 * io.superloop.visibility.core.plane.VisibilityPlane} does both under the loop lock and is the
 * usual entry point.
 */
@NullMarked
package io.superloop.visibility.core.reconcile;

import org.jspecify.annotations.NullMarked;
