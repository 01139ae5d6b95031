/**
 * The six implementations of {@link io.superloop.visibility.api.json.JsonValue} (object, array,
 * string, number, boolean, null); not part of the public API (exported only to the core, testkit
 * and producer modules). The library's own code pattern-matches on these records, a fast path
 * without the {@code Optional}s of {@code JsonValue}'s public accessors; a user reads a value
 * through those accessors.
 */
@NullMarked
package io.superloop.visibility.api.internal.json;

import org.jspecify.annotations.NullMarked;
