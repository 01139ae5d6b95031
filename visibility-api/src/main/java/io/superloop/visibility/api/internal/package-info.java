/**
 * Codec building blocks shared by the library's modules; not part of the public API (exported only
 * to the core and testkit modules).
 */
@NullMarked
package io.superloop.visibility.api.internal;

import org.jspecify.annotations.NullMarked;
