/**
 * The embedding entry point: {@link io.superloop.visibility.core.plane.VisibilityPlane} runs one
 * reconcile step of a loop end to end (lock, load the previous states, read the envelopes of either
 * transport, decide, persist) and renders its status surface. It also decides what a step torn by a
 * crash or an I/O error means for the next one: never happened (its journal record was cut short),
 * to be completed (a whole record), or superseded by another writer (docs/failure-model.md).
 */
@NullMarked
package io.superloop.visibility.core.plane;

import org.jspecify.annotations.NullMarked;
