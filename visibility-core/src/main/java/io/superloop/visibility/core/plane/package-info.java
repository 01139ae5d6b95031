/**
 * The embedding entry point: {@link io.superloop.visibility.core.plane.VisibilityPlane} runs one
 * reconcile step of a loop end to end (lock, load the previous states, read the envelopes of either
 * transport, decide, persist) and renders its status surface.
 */
@NullMarked
package io.superloop.visibility.core.plane;

import org.jspecify.annotations.NullMarked;
