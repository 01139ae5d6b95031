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
}
