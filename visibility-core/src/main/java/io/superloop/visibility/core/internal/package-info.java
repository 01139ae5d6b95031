/**
 * What the library's own modules (the testkit, the CLI, the Kafka Streams topology, the benchmarks)
 * reach of the plane beyond its public API: {@link
 * io.superloop.visibility.core.internal.PlaneAccess} builds a plane over an explicit {@code
 * LoopLayout} (paths overridden, file operations recorded or failed by tests) and gives a plane's
 * layout and a step's {@code StepResult}. Exported to the library's own modules only; not API.
 */
@NullMarked
package io.superloop.visibility.core.internal;

import org.jspecify.annotations.NullMarked;
