/**
 * JMH benchmarks of the visibility plane's hot paths. Each benchmark states its workload and runs
 * its baseline in the same run; {@code docs/benchmarks.md} records the figures and the command.
 */
@NullMarked
package io.superloop.visibility.benchmarks;

import org.jspecify.annotations.NullMarked;
