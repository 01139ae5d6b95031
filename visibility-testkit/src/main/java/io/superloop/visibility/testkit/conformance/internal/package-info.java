/**
 * The conformance machinery behind {@link
 * io.superloop.visibility.testkit.conformance.ConformanceSuite}, exported only to the library's own
 * modules: {@code CaseRunner} runs one case (one reconcile step) through the library and writes the
 * four compared files; {@code OutputComparison} compares them with the reference's outputs under
 * the documented rules. The command-line tool uses both.
 */
@NullMarked
package io.superloop.visibility.testkit.conformance.internal;

import org.jspecify.annotations.NullMarked;
