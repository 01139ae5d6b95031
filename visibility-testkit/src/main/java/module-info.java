/**
 * Test support for the Superloop visibility plane: seeded, reproducible generators with integrated
 * shrinking ({@code testkit.gen}) and a framework-neutral property runner ({@code testkit.property}).
 */
module io.superloop.visibility.testkit {
  requires transitive io.superloop.visibility.api;

  exports io.superloop.visibility.testkit.gen;
  exports io.superloop.visibility.testkit.property;
}
