/**
 * Transport-neutral scenarios of a loop's runtime history ({@link
 * io.superloop.visibility.testkit.scenario.RuntimeHistory}), their seeded generators ({@link
 * io.superloop.visibility.testkit.scenario.Scenarios}), two independent deliveries of one history
 * ({@link io.superloop.visibility.testkit.scenario.Delivery#LOCAL local runtime files} and {@link
 * io.superloop.visibility.testkit.scenario.Delivery#SPRITE_SERVICE sprite_service answers encoded
 * by the testkit itself}), and the local / sprite_service parity properties ({@link
 * io.superloop.visibility.testkit.scenario.ParityProperties}) that users can run on their own
 * deliveries.
 */
@NullMarked
package io.superloop.visibility.testkit.scenario;

import org.jspecify.annotations.NullMarked;
