/**
 * Heartbeat freshness (contract section 2, C5; hardening H8-H11, H18): the {@link
 * io.superloop.visibility.core.heartbeat.FreshnessCalculator} turns the snapshot's runtime
 * heartbeat, the previous {@code heartbeat.json}, the clock and the thresholds into the new
 * heartbeat state, the telemetry row and the heartbeat's health reasons.
 */
@NullMarked
package io.superloop.visibility.core.heartbeat;

import org.jspecify.annotations.NullMarked;
