/**
 * Trace ids (contract section 5; hardening H7): generation per preset, the resolution order
 * (explicit, then an environment value passed in, then generated), and the trace linkage of the
 * status surface.
 */
@NullMarked
package io.superloop.visibility.core.trace;

import org.jspecify.annotations.NullMarked;
