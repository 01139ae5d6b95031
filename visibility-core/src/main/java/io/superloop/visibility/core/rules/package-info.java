/**
 * The rules object: one immutable set of named switches, one per decision that differs between the
 * {@code reference} preset (same verdicts as the reference ops manager) and the {@code hardened}
 * preset (the default, fixing its weaknesses), as listed in hardening.md.
 */
@NullMarked
package io.superloop.visibility.core.rules;

import org.jspecify.annotations.NullMarked;
