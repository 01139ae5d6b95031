/**
 * Streaming JSON for the visibility plane over jackson-core: {@link
 * io.superloop.visibility.api.json.Json} reads and writes whole documents and lines under {@link
 * io.superloop.visibility.api.json.JsonReadLimits}; {@link
 * io.superloop.visibility.api.json.JsonValue} holds the parts of an artifact the library does not
 * interpret, exactly as read; {@link io.superloop.visibility.api.Codecs} holds a {@link
 * io.superloop.visibility.api.json.JsonCodec} for each record and vocabulary of the api.
 */
@NullMarked
package io.superloop.visibility.api.json;

import org.jspecify.annotations.NullMarked;
