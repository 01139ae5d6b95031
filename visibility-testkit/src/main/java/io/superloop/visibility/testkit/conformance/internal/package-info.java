/**
 * The conformance machinery behind {@link
 * io.superloop.visibility.testkit.conformance.ConformanceSuite}; not exported (the command-line
 * tool uses it from the class path): {@code CaseRunner} runs one case (one reconcile step) through
 * the library and writes the four compared files; {@code OutputComparison} compares them with the
 * reference's outputs under the documented rules.
 */
@NullMarked
package io.superloop.visibility.testkit.conformance.internal;

import org.jspecify.annotations.NullMarked;
