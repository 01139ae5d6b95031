/**
 * The scenario model behind {@code testkit.scenario}; not exported (the library's other modules use
 * it from the class path, in their tests and benchmarks): the steps of a runtime history ({@code
 * History}, {@code HistoryStep}, {@code LogLine}, {@code LogChange}, {@code RuntimeEvent}, {@code
 * SpriteFault}, {@code HeartbeatSpec}, {@code ControlAction}) and their generators ({@code
 * HistoryGens}, {@code HistoryShape}), the deliveries that run a history over a transport and
 * record each step's loop files ({@code StepDelivery}, {@code StepView}, {@code LoopFiles}), the
 * reference encoder of a sprite service's answers ({@code ReferenceAnswers}), every parity property
 * and step-level invariant ({@code ParityChecks}) and the benchmarks' inputs ({@code Workloads}).
 */
@NullMarked
package io.superloop.visibility.testkit.scenario.internal;

import org.jspecify.annotations.NullMarked;
