/**
 * OpenTelemetry metrics and spans of the visibility plane: {@link
 * io.superloop.visibility.opentelemetry.VisibilityTelemetry}, a listener of the plane on the
 * OpenTelemetry API (the application brings the SDK).
 */
@SuppressWarnings(
    "requires-transitive-automatic") // OpenTelemetry's jars name their modules in the manifest
module io.superloop.visibility.opentelemetry {
  requires transitive io.superloop.visibility.core;
  requires transitive io.opentelemetry.api;
  requires transitive io.opentelemetry.context;

  exports io.superloop.visibility.opentelemetry;
}
