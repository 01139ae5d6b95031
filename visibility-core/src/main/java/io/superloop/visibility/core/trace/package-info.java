/**
 * Trace ids (contract section 5; hardening H7): generation per preset and the resolution order
 * (explicit, then an environment value passed in, then generated). The trace linkage of the status
 * surface is projected by {@link io.superloop.visibility.core.status.StatusProjector}.
 */
@NullMarked
package io.superloop.visibility.core.trace;

import org.jspecify.annotations.NullMarked;
