/**
 * OpenTelemetry for the visibility plane. {@link
 * io.superloop.visibility.opentelemetry.VisibilityTelemetry} is a {@link
 * io.superloop.visibility.core.plane.VisibilityListener}: registered on a plane's builder, it
 * records the plane's metrics per loop and transport (heartbeat lag and freshness, sequence
 * violations, drift, gaps and duplicates, control outcomes, step duration, lines and bytes
 * ingested, quarantined files, warnings) and a span per reconcile step and per control action,
 * joined to the caller's trace or to the step's own trace id. The module depends on the
 * OpenTelemetry API only; the names, units and parenting rules are in {@code
 * docs/observability.md}.
 */
@NullMarked
package io.superloop.visibility.opentelemetry;

import org.jspecify.annotations.NullMarked;
