package io.superloop.visibility.core.heartbeat;

import io.superloop.visibility.api.json.JsonValue;

/**
 * A heartbeat value, kept raw ({@link HeartbeatInput#of}).
 *
 * @param value the value as read (an object when well formed), never JSON {@code null}
 */
record HeartbeatPresent(JsonValue value) implements HeartbeatInput {}
