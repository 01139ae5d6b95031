/**
 * The {@code visibility} object of the status surface (contract 6.2-6.4, C4, additive fields of
 * hardening H16): the heartbeat, sequence, invocation-audit and trace surfaces of one loop, each a
 * null-filtered object, with their codecs in {@link io.superloop.visibility.api.Codecs}.
 */
@NullMarked
package io.superloop.visibility.api.status;

import org.jspecify.annotations.NullMarked;
