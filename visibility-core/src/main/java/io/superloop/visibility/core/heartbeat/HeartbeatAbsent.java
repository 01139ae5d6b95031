package io.superloop.visibility.core.heartbeat;

/** Absent heartbeat ({@link HeartbeatInput#ABSENT}). */
record HeartbeatAbsent() implements HeartbeatInput {}
