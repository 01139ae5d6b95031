/**
 * Conformance with the reference ops manager: the {@link
 * io.superloop.visibility.testkit.conformance.CaseRunner} runs one case of the shared conformance
 * format (one reconcile step) through the library and writes the four compared files.
 */
@NullMarked
package io.superloop.visibility.testkit.conformance;

import org.jspecify.annotations.NullMarked;
