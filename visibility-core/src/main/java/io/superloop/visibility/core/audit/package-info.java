/**
 * Control invocation audit decisions (contract section 4; hardening H5, H6): idempotency keys, and
 * the mappings from what happened to a control action (a local command and its confirmation, or a
 * sprite_service answer) to the invocation record, the control row and the intent row.
 */
@NullMarked
package io.superloop.visibility.core.audit;

import org.jspecify.annotations.NullMarked;
