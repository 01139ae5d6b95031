package io.superloop.visibility.testkit.property;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A JUnit 5 test whose {@link Property properties} take their tries and seed from this annotation:
 *
 * <pre>{@code
 * @PropertyTest(tries = 200)
 * void heartbeatsRoundTrip() {
 *   Property.forAll(VisibilityGens.heartbeatStates()).check(s -> assertEquals(s, decode(encode(s))));
 * }
 * }</pre>
 *
 * <p>It is a {@link Test} (JUnit runs, filters and reports it as one), and while it runs, every
 * property it checks that does not set its own {@link Property#tries} or {@link Property#seed} uses
 * {@link #tries()} and {@link #seed()}. A failing property's report names its seed and how to
 * replay it: {@code @PropertyTest(seed = "<seed>")} on the test, or {@code
 * -Dvisibility.property.seed=<seed>} for the whole run. Precedence: the property's own setting,
 * then this annotation, then the system properties ({@value Property#TRIES_PROPERTY}, {@value
 * Property#SEED_PROPERTY}), then the defaults.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Test
@ExtendWith(PropertyScope.Extension.class)
public @interface PropertyTest {
  /**
   * Tries of each property the test checks; 0 (the default) leaves them to the system property
   * {@value Property#TRIES_PROPERTY} or {@link Property#DEFAULT_TRIES}.
   *
   * @return the tries, 0 or more
   */
  int tries() default 0;

  /**
   * The seed of each property the test checks, as a failure report prints it (a decimal {@code
   * long}); empty (the default) leaves it to {@value Property#SEED_PROPERTY} or a random seed.
   *
   * @return the seed, or empty
   */
  String seed() default "";
}
