/**
 * Health records: the health verdict {@code OPS/health.json} (contract 1.10) with its reasons,
 * metrics, thresholds, transport and evidence objects, the transport health state {@code
 * telemetry/transport-health.json} (1.13), their enums, the open failure code set, and their
 * codecs.
 */
@NullMarked
package io.superloop.visibility.api.health;

import org.jspecify.annotations.NullMarked;
