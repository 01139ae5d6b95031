/**
 * Streaming JSON for the visibility plane over jackson-core: {@link
 * io.superloop.visibility.api.json.Json} reads and writes whole documents and lines under {@link
 * io.superloop.visibility.api.json.JsonReadLimits}; {@link
 * io.superloop.visibility.api.json.JsonValue} holds the parts of an artifact the library does not
 * interpret, exactly as read; each record package has a {@code *Codecs} class with a {@link
 * io.superloop.visibility.api.json.JsonCodec} for each of its records (such as {@link
 * io.superloop.visibility.api.heartbeat.HeartbeatCodecs}).
 */
@NullMarked
package io.superloop.visibility.api.json;

import org.jspecify.annotations.NullMarked;
