package io.superloop.visibility.testkit.scenario;

import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.testkit.gen.Gen;
import io.superloop.visibility.testkit.property.Property;
import io.superloop.visibility.testkit.scenario.internal.ParityChecks;
import java.nio.file.Path;

/**
 * Transport parity as a property: for every generated {@link RuntimeHistory}, a manager that
 * reconciles it over one {@link Delivery} and a manager that reconciles it over another end every
 * step with the same loop files (sequence state, heartbeat state, health, telemetry, the {@code
 * visibility} status), except what contract 7.3 lets differ. {@link #transportParity} runs it as a
 * {@link Property} (default tries: {@link Property#defaultTries()}, 1,000 unless configured);
 * {@link #assertTransportParity} checks one history and throws an {@link AssertionError} when it
 * fails. Every try works in a fresh subdirectory of the work directory, removed after a passing
 * try.
 *
 * <pre>{@code
 * ParityProperties.in(tempDir).transportParity(
 *     Scenarios.carriableHistories(), Delivery.LOCAL, Delivery.spriteService(myAdapter),
 *     VisibilityRules.hardened());
 * }</pre>
 */
public final class ParityProperties {
  private final ParityChecks checks;

  private ParityProperties(ParityChecks checks) {
    this.checks = checks;
  }

  /**
   * Properties working under a directory, with the default tries and a random seed.
   *
   * @param workDir where each try gets a fresh subdirectory
   * @return the properties
   */
  public static ParityProperties in(Path workDir) {
    return new ParityProperties(ParityChecks.in(workDir));
  }

  /**
   * These properties with another number of tries.
   *
   * @param tries tries per property, at least 1
   * @return the copy
   * @throws IllegalArgumentException when {@code tries < 1}
   */
  public ParityProperties tries(int tries) {
    return new ParityProperties(checks.tries(tries));
  }

  /**
   * These properties with a fixed seed.
   *
   * @param seed the seed of every property
   * @return the copy
   */
  public ParityProperties seed(long seed) {
    return new ParityProperties(checks.seed(seed));
  }

  /**
   * Transport parity: for every history both deliveries can carry, after every step the two loop
   * directories hold the same sequence state, heartbeat state, health, telemetry and visibility,
   * except what contract 7.3 lets differ.
   *
   * @param histories the histories; those a delivery cannot carry are filtered out
   * @param left one delivery
   * @param right the other delivery
   * @param rules the rules of every step
   * @throws AssertionError naming the property, seed and shrunk counterexample when a try fails
   */
  public void transportParity(
      Gen<RuntimeHistory> histories, Delivery left, Delivery right, VisibilityRules rules) {
    checks.transportParity(
        histories.map(RuntimeHistory::model), left.steps(), right.steps(), rules);
  }

  /**
   * One try of {@link #transportParity}.
   *
   * @param history a history both deliveries can carry
   * @param left one delivery
   * @param right the other delivery
   * @param rules the rules of every step
   * @throws AssertionError naming the first step and member that differ
   */
  public void assertTransportParity(
      RuntimeHistory history, Delivery left, Delivery right, VisibilityRules rules) {
    checks.assertTransportParity(history.model(), left.steps(), right.steps(), rules);
  }
}
