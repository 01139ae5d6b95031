/**
 * The generators behind {@link io.superloop.visibility.testkit.gen.VisibilityGens}; not exported
 * (the library's other modules use it from the class path, in their tests and benchmarks): one
 * class per api package ({@code ValueGens}, {@code HeartbeatGens}, {@code EnvelopeGens}, {@code
 * SequenceGens}, {@code HealthGens}, {@code AuditGens}, {@code ReconcileGens}, {@code StatusGens})
 * with a generator for every v1 record and its parts, {@code BuilderGen} that composes them, and
 * {@code Zip}, the three- and four-way zips; and the plumbing of {@link
 * io.superloop.visibility.testkit.gen.Gen} the property runner and the scenario generators use:
 * {@code GenContext} (the seeded random source and size hint a generator draws from), {@code
 * Shrinkable} (a value with its lazy tree of shrink candidates), {@code Generation} (builds a
 * generator from a draw function and draws from one) and {@code GenerationException} (a generator
 * that cannot produce a value).
 */
@NullMarked
package io.superloop.visibility.testkit.gen.internal;

import org.jspecify.annotations.NullMarked;
