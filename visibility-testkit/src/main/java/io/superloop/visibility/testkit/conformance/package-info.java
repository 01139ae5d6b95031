/**
 * Conformance with the reference ops manager, in the case format of {@code docs/conformance.md}:
 * the {@link io.superloop.visibility.testkit.conformance.CaseRunner} runs one case (one reconcile
 * step) through the library and writes the four compared files; {@link
 * io.superloop.visibility.testkit.conformance.OutputComparison} compares them with the reference's
 * outputs under the documented rules; {@link
 * io.superloop.visibility.testkit.conformance.ConformanceSuite} does both for every case of a
 * directory. The build runs the repository's 60 cases ({@code conformance/}); the command-line tool
 * runs any directory of the same layout.
 */
@NullMarked
package io.superloop.visibility.testkit.conformance;

import org.jspecify.annotations.NullMarked;
