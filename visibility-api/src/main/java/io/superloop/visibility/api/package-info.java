/**
 * Core vocabulary of the visibility plane: transports, trace ids and the single exception type.
 */
@NullMarked
package io.superloop.visibility.api;

import org.jspecify.annotations.NullMarked;
