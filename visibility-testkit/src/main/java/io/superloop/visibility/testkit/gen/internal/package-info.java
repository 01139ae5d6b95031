/**
 * The generators behind {@link io.superloop.visibility.testkit.gen.VisibilityGens}, exported only
 * to the library's own modules: one class per api package ({@code ValueGens}, {@code
 * HeartbeatGens}, {@code EnvelopeGens}, {@code SequenceGens}, {@code HealthGens}, {@code
 * AuditGens}, {@code ReconcileGens}, {@code StatusGens}) with a generator for every v1 record and
 * its parts, {@code BuilderGen} that composes them, and {@code Zip}, the three- and four-way zips.
 */
@NullMarked
package io.superloop.visibility.testkit.gen.internal;

import org.jspecify.annotations.NullMarked;
