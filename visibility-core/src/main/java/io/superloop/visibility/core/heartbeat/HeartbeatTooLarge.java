package io.superloop.visibility.core.heartbeat;

/**
 * A heartbeat file longer than its read limit ({@link HeartbeatInput#tooLarge}).
 *
 * @param limitBytes the limit it exceeds
 */
record HeartbeatTooLarge(long limitBytes) implements HeartbeatInput {}
