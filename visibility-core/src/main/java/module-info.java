/**
 * The decisions of the visibility plane (sequence validation, heartbeat freshness, health, trace
 * linkage, invocation outcomes, status) as pure functions, one reconcile step composed from them,
 * and the loop artifact store. Its API is {@code core.plane} (the plane, for all three jobs),
 * {@code core.rules} (the rules and settings) and the decisions a user may call on their own
 * ({@code core.sequence}'s validator, {@code core.heartbeat}'s freshness calculator); every other
 * package is exported to the library's own modules only.
 */
module io.superloop.visibility.core {
  requires transitive io.superloop.visibility.api;
  requires static org.immutables.value;

  exports io.superloop.visibility.core.rules;
  // decisions the plane composes and the library's own modules call (issue 15: not the user's API)
  exports io.superloop.visibility.core.time to
      io.superloop.visibility.testkit;
  exports io.superloop.visibility.core.health to
      io.superloop.visibility.testkit;
  exports io.superloop.visibility.core.audit to
      io.superloop.visibility.testkit;
  exports io.superloop.visibility.core.trace to
      io.superloop.visibility.testkit;
  exports io.superloop.visibility.core.status to
      io.superloop.visibility.testkit;
  exports io.superloop.visibility.core.sequence;
  exports io.superloop.visibility.core.heartbeat;
  exports io.superloop.visibility.core.plane;
  // the step, its sources and the store the plane composes (issue 15: not the user's API), and the
  // plane's store-level members (PlaneAccess): for the library's own modules
  exports io.superloop.visibility.core.source to
      io.superloop.visibility.testkit;
  exports io.superloop.visibility.core.reconcile to
      io.superloop.visibility.testkit;
  exports io.superloop.visibility.core.store to
      io.superloop.visibility.testkit;
  exports io.superloop.visibility.core.internal to
      io.superloop.visibility.testkit;
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
