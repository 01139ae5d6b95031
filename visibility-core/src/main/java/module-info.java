/**
 * The decisions of the visibility plane (sequence validation, heartbeat freshness, health, trace
 * linkage, invocation outcomes, status) as pure functions, one reconcile step composed from them,
 * and the loop artifact store.
 */
module io.superloop.visibility.core {
  requires transitive io.superloop.visibility.api;
  requires static org.immutables.value;

  exports io.superloop.visibility.core.rules;
  exports io.superloop.visibility.core.time;
  exports io.superloop.visibility.core.sequence;
  exports io.superloop.visibility.core.heartbeat;
  exports io.superloop.visibility.core.health;
  exports io.superloop.visibility.core.source;
  exports io.superloop.visibility.core.audit;
  exports io.superloop.visibility.core.trace;
  exports io.superloop.visibility.core.status;
  exports io.superloop.visibility.core.reconcile;
  exports io.superloop.visibility.core.store;
  exports io.superloop.visibility.core.plane;
  // generated Immutables implementations (VisibilityStyle): for the library's own modules
  exports io.superloop.visibility.core.audit.internal to
      io.superloop.visibility.testkit;
  exports io.superloop.visibility.core.health.internal to
      io.superloop.visibility.testkit;
  exports io.superloop.visibility.core.reconcile.internal to
      io.superloop.visibility.testkit;
  exports io.superloop.visibility.core.rules.internal to
      io.superloop.visibility.testkit;
  exports io.superloop.visibility.core.status.internal to
      io.superloop.visibility.testkit;
}
