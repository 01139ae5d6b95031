/**
 * Conformance with the reference ops manager, in the case format of {@code docs/conformance.md}:
 * {@link io.superloop.visibility.testkit.conformance.ConformanceSuite} runs each case of a
 * directory (one reconcile step) through the library and compares the four outputs with the
 * reference's under the documented rules. The build runs the repository's 60 cases ({@code
 * conformance/}); the command-line tool runs any directory of the same layout.
 */
@NullMarked
package io.superloop.visibility.testkit.conformance;

import org.jspecify.annotations.NullMarked;
