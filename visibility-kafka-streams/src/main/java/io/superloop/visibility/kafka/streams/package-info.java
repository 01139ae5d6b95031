/**
 * The visibility plane as a Kafka Streams topology ({@link
 * io.superloop.visibility.kafka.streams.VisibilityTopology}): envelopes and runtime heartbeats
 * keyed by loop id in, sequence rows, heartbeat rows, health and escalation rows out, in the v1
 * JSON of the files, with each loop's previous states in changelogged state stores and exactly-once
 * v2. The decisions are {@code visibility-core}'s own ({@code ReconcileStep}, the freshness
 * calculator, the health fold), so a topology and a file-based plane reach the same verdicts for
 * the same envelopes at the same clock. {@link
 * io.superloop.visibility.kafka.streams.VisibilitySerdes} gives serdes on the v1 codecs. An
 * optional module: nothing else in the project depends on it.
 */
@NullMarked
package io.superloop.visibility.kafka.streams;

import org.jspecify.annotations.NullMarked;
