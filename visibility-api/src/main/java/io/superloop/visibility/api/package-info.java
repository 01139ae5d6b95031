/**
 * Core vocabulary of the visibility plane: transports, trace ids, reason codes, the open value sets
 * ({@link io.superloop.visibility.api.OpenWireValue}; the closed ones are enums with a {@code
 * wire()} string), and the single exception type {@link
 * io.superloop.visibility.api.VisibilityException} with its stable {@link
 * io.superloop.visibility.api.ErrorCode}s.
 */
@NullMarked
package io.superloop.visibility.api;

import org.jspecify.annotations.NullMarked;
