/**
 * Test support for the Superloop visibility plane: seeded, reproducible generators with integrated
 * shrinking ({@code testkit.gen}), a framework-neutral property runner ({@code testkit.property})
 * and the conformance case runner ({@code testkit.conformance}).
 */
module io.superloop.visibility.testkit {
  requires transitive io.superloop.visibility.api;
  requires transitive io.superloop.visibility.core;
  requires transitive org.junit.jupiter.api;

  exports io.superloop.visibility.testkit.gen;
  exports io.superloop.visibility.testkit.property;
  exports io.superloop.visibility.testkit.conformance;
  exports io.superloop.visibility.testkit.scenario;

  // JUnit instantiates PropertyTest's package-private extension reflectively
  opens io.superloop.visibility.testkit.property to
      org.junit.platform.commons;
}
