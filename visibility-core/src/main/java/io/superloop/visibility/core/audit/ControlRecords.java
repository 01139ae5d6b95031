package io.superloop.visibility.core.audit;

import io.superloop.visibility.api.audit.ControlInvocation;
import io.superloop.visibility.api.audit.ControlRow;
import io.superloop.visibility.api.audit.IntentRow;

/**
 * The three v1 audit rows of one completed control action, appended in this order (contract 4.5):
 * {@code intents.jsonl}, {@code telemetry/control.jsonl}, {@code
 * telemetry/control-invocations.jsonl}.
 *
 * @param intentRow the intent row (also the control command's stdout)
 * @param controlRow the control telemetry row
 * @param invocation the invocation audit record
 * @param exitCode the control command's exit status: 0 confirmed or executed unconfirmed, 2
 *     ambiguous, 1 otherwise
 */
public record ControlRecords(
    IntentRow intentRow, ControlRow controlRow, ControlInvocation invocation, int exitCode) {}
