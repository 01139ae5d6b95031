package io.superloop.visibility.core.reconcile;

/**
 * The file names that escalation rows carry (contract 1.14), as the store lays them out.
 *
 * @param stateFile {@code state.json}
 * @param cursorFile {@code cursor.json}
 * @param healthFile {@code health.json}
 * @param sequenceStateFile {@code sequence-state.json}
 * @param sequenceTelemetryFile {@code telemetry/sequence.jsonl}
 */
public record ArtifactPaths(
    String stateFile,
    String cursorFile,
    String healthFile,
    String sequenceStateFile,
    String sequenceTelemetryFile) {}
