/**
 * The operator's command-line tool ({@code superloop-visibility-<version>.jar}): {@code demo},
 * {@code reconcile-step}, {@code status}, {@code validate}, {@code scan-events}, {@code
 * conformance} and {@code generate-completion}, on picocli. Not an API: run it with {@code java
 * -jar}; {@link io.superloop.visibility.cli.Main#run} runs a command line in-process.
 */
@NullMarked
package io.superloop.visibility.cli;

import org.jspecify.annotations.NullMarked;
