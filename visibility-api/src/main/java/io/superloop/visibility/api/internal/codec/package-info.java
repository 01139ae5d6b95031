/**
 * The definitions of the v1 record codecs, one class per record package, behind the public {@link
 * io.superloop.visibility.api.Codecs}; not exported.
 */
@NullMarked
package io.superloop.visibility.api.internal.codec;

import org.jspecify.annotations.NullMarked;
