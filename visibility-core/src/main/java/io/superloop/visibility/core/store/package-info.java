/**
 * The loop artifact store: {@link io.superloop.visibility.core.store.LoopLayout} resolves the
 * loop-scoped paths of contract section 1.0; {@link io.superloop.visibility.core.store.StateFile}
 * writes single-JSON state files atomically (temp file, fsync, rename, directory fsync; hardening
 * H1) and reports an unreadable one instead of treating it as absent (H2); {@link
 * io.superloop.visibility.core.store.AppendLog} appends one JSONL record per write call under an
 * in-process and an OS lock with a chosen {@link io.superloop.visibility.core.rules.Durability},
 * quarantining a torn tail (H3); {@link io.superloop.visibility.core.store.JsonlReader} and {@link
 * io.superloop.visibility.core.store.TailReader} read those logs forward and backward, skipping and
 * counting unparseable lines; {@link io.superloop.visibility.core.store.LoopLock} serialises one
 * reconcile step per loop (H4); {@link io.superloop.visibility.core.store.LoopStore} loads the
 * previous states, persists a step's records as one unit (a {@link
 * io.superloop.visibility.core.store.StepRecord} in the step journal, forced before any artifact
 * changes; {@link io.superloop.visibility.core.store.PendingStep} is what a later step finds
 * there), rotates telemetry logs and reads state files and the last valid rows of logs. The store
 * does I/O only: what to read and what it means (the status inputs, the H5 in-flight check, the
 * health sources, the {@code state.json} merge rule) is decided in {@code core.status}, {@code
 * core.audit}, {@code core.health} and {@code core.reconcile}, and the control audit trail that
 * appends through it is {@code core.audit.InvocationAuditTrail}. Every failure is a {@link
 * io.superloop.visibility.api.VisibilityException} naming the file.
 */
@NullMarked
package io.superloop.visibility.core.store;

import org.jspecify.annotations.NullMarked;
