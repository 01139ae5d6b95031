/**
 * A small, framework-neutral property runner: {@link
 * io.superloop.visibility.testkit.property.Property#forAll} draws values from a generator for a
 * number of tries, and on the first failing value shrinks it to a minimal counterexample. {@code
 * check} throws an {@link AssertionError} (so it works in JUnit or any other harness) whose message
 * names the seed to replay with {@code -Dvisibility.property.seed=<seed>}; {@code run} returns a
 * {@link io.superloop.visibility.testkit.property.PropertyResult} instead.
 */
@NullMarked
package io.superloop.visibility.testkit.property;

import org.jspecify.annotations.NullMarked;
