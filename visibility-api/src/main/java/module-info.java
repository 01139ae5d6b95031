/** The v1 record model of the Superloop visibility plane and its streaming JSON codecs. */
module io.superloop.visibility.api {
  requires transitive tools.jackson.core;
  requires transitive org.jspecify;
  requires static org.immutables.value;

  exports io.superloop.visibility.api;
  exports io.superloop.visibility.api.json;
  exports io.superloop.visibility.api.heartbeat;
  exports io.superloop.visibility.api.sequence;
  exports io.superloop.visibility.api.health;
  exports io.superloop.visibility.api.audit;
  exports io.superloop.visibility.api.envelope;
  exports io.superloop.visibility.api.status;
  exports io.superloop.visibility.api.reconcile;
  exports io.superloop.visibility.api.internal to
      io.superloop.visibility.core,
      io.superloop.visibility.testkit,
      io.superloop.visibility.producer;
  // the sprite service's control and error answers, which the plane never reads: for the testkit
  exports io.superloop.visibility.api.internal.answer to
      io.superloop.visibility.testkit;
  exports io.superloop.visibility.api.internal.answer.internal to
      io.superloop.visibility.testkit;
  // JsonValue's six implementations (users read a JsonValue through its accessors)
  exports io.superloop.visibility.api.internal.json to
      io.superloop.visibility.core,
      io.superloop.visibility.testkit,
      io.superloop.visibility.producer;
  // generated Immutables implementations (VisibilityStyle): for the library's own modules
  exports io.superloop.visibility.api.audit.internal to
      io.superloop.visibility.core,
      io.superloop.visibility.testkit,
      io.superloop.visibility.producer;
  exports io.superloop.visibility.api.envelope.internal to
      io.superloop.visibility.core,
      io.superloop.visibility.testkit,
      io.superloop.visibility.producer;
  exports io.superloop.visibility.api.health.internal to
      io.superloop.visibility.core,
      io.superloop.visibility.testkit,
      io.superloop.visibility.producer;
  exports io.superloop.visibility.api.heartbeat.internal to
      io.superloop.visibility.core,
      io.superloop.visibility.testkit,
      io.superloop.visibility.producer;
  exports io.superloop.visibility.api.reconcile.internal to
      io.superloop.visibility.core,
      io.superloop.visibility.testkit,
      io.superloop.visibility.producer;
  exports io.superloop.visibility.api.sequence.internal to
      io.superloop.visibility.core,
      io.superloop.visibility.testkit,
      io.superloop.visibility.producer;
  exports io.superloop.visibility.api.status.internal to
      io.superloop.visibility.core,
      io.superloop.visibility.testkit,
      io.superloop.visibility.producer;
}
