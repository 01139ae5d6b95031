/**
 * Seeded, deterministic generators with integrated shrinking. A {@link
 * io.superloop.visibility.testkit.gen.Gen} draws from a seeded random source with a size hint and
 * gives the value together with a lazily computed tree of smaller candidates. Because {@code map},
 * {@code flatMap}, {@code filter} and the collection generators transform whole trees, composed
 * generators shrink without extra code, and every shrink candidate still satisfies the generator's
 * own constraints (ranges, sizes, filters). The same seed always yields the same values. No test
 * framework is needed.
 *
 * <p>{@link io.superloop.visibility.testkit.gen.VisibilityGens} generates the v1 records and
 * envelopes of the api, valid by construction (every {@code @Value.Check} holds), with optional
 * fields present and absent, empty and non-empty lists, unknown fields, edge numbers and strings
 * with unicode, control characters and quotes.
 */
@NullMarked
package io.superloop.visibility.testkit.gen;

import org.jspecify.annotations.NullMarked;
