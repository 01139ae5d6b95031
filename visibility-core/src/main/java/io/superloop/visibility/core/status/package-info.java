/**
 * The status surface (contract 6.2-6.5, C4; hardening H16): the {@link
 * io.superloop.visibility.core.status.StatusProjector} turns a loop's latest state records and last
 * telemetry rows into the {@code visibility} object, exactly as the reference renders it under
 * {@code reference} rules, with explicit booleans, separated heartbeat observations, the newer
 * alert trace and a count of distinct trace ids under {@code hardened} rules.
 */
@NullMarked
package io.superloop.visibility.core.status;

import org.jspecify.annotations.NullMarked;
