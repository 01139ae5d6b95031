/**
 * The runtime's side of the visibility plane. {@link
 * io.superloop.visibility.producer.HeartbeatWriter} replaces {@code
 * .superloop/loops/<loop>/heartbeat.v1.json} atomically on a schedule the caller owns; {@link
 * io.superloop.visibility.producer.EventLog} appends whole event lines to {@code
 * .superloop/loops/<loop>/events.jsonl}, one write each under an in-process and an OS lock, so that
 * each line's number is the sequence value a manager assigns it (contract 3.1), never handed out
 * twice across crashes and restarts, and reads the log back as a sprite service serves it. The
 * module needs only {@code visibility-api}.
 */
@NullMarked
package io.superloop.visibility.producer;

import org.jspecify.annotations.NullMarked;
