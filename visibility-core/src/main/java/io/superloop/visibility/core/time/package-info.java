/**
 * Timestamps of the visibility plane: parsing heartbeat timestamps under the v1-strict or RFC 3339
 * syntax (hardening H8; RFC 3339 leap seconds included) into epoch milliseconds with {@code
 * java.time}, and formatting the manager's own timestamps as {@code YYYY-MM-DDTHH:MM:SSZ}.
 */
@NullMarked
package io.superloop.visibility.core.time;

import org.jspecify.annotations.NullMarked;
