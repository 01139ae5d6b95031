/**
 * Codec building blocks, contract checks and the I/O error mapping shared by the library's modules;
 * not part of the public API (exported only to the core, testkit and producer modules).
 */
@NullMarked
package io.superloop.visibility.api.internal;

import org.jspecify.annotations.NullMarked;
