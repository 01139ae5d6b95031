package io.superloop.visibility.core.heartbeat;

/**
 * A heartbeat file that does not parse as JSON ({@link HeartbeatInput#unparseable}).
 *
 * @param text the file's content
 * @param problem what is wrong with it
 */
record HeartbeatUnparseable(String text, String problem) implements HeartbeatInput {}
