/**
 * The conformance command ({@code visibility-conformance.jar}): {@code demo}, {@code reconcile-step},
 * {@code status}, {@code validate} and {@code scan-events}. Not an API: run it with {@code java -jar}.
 */
@NullMarked
package io.superloop.visibility.testkit.cli;

import org.jspecify.annotations.NullMarked;
