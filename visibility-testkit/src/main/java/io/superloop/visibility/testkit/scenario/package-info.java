/**
 * Checks of a loop's visibility as a user runs them on their own adapter: transport-neutral runtime
 * histories ({@link io.superloop.visibility.testkit.scenario.RuntimeHistory}) and their seeded
 * generator ({@link io.superloop.visibility.testkit.scenario.Scenarios}), deliveries of one history
 * over a transport ({@link io.superloop.visibility.testkit.scenario.Delivery}: local runtime files,
 * sprite_service answers encoded by the testkit itself, or an adapter's own sprite service), the
 * transport parity property over two deliveries ({@link
 * io.superloop.visibility.testkit.scenario.ParityProperties}), the reference answers of a sprite
 * service ({@link io.superloop.visibility.testkit.scenario.SpriteServiceAnswers}) and assertions on
 * what a plane reports ({@link io.superloop.visibility.testkit.scenario.VisibilityAssertions}).
 */
@NullMarked
package io.superloop.visibility.testkit.scenario;

import org.jspecify.annotations.NullMarked;
