/**
 * Core vocabulary of the visibility plane: transports, trace ids, reason codes, the closed ({@link
 * io.superloop.visibility.api.WireValue}) and open ({@link
 * io.superloop.visibility.api.OpenWireValue}) value sets, and the single exception type {@link
 * io.superloop.visibility.api.VisibilityException} with its stable {@link
 * io.superloop.visibility.api.ErrorCode}s.
 */
@NullMarked
package io.superloop.visibility.api;

import org.jspecify.annotations.NullMarked;
