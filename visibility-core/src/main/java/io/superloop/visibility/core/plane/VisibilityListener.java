package io.superloop.visibility.core.plane;

import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.audit.ControlInvocation;

/**
 * Told what a {@link VisibilityPlane} did, so that a service sees it on its dashboards and in its
 * traces without reading the loop's files (the {@code visibility-opentelemetry} module is one).
 * Register listeners with {@link VisibilityPlane.Builder#listener(VisibilityListener)}; every
 * method has an empty default, so a listener overrides only what it needs.
 *
 * <p><b>When.</b> {@link #onStep} runs once per reconcile step, after the step's files are
 * committed and the loop lock is released, on the thread that ran the step, before the step's
 * method returns; then {@link #onWarning} once per warning of the step, in the step's order. {@link
 * #onControl} runs once per control action recorded through {@link VisibilityPlane#control}, in
 * {@link InFlightControl#complete} after its audit rows are appended, on the completing thread.
 * Listeners are called in registration order. Steps of one plane may run concurrently on several
 * threads, so a listener must be thread-safe.
 *
 * <p><b>Failures.</b> A listener that throws never breaks a step or a control action, nor stops the
 * listeners after it: the plane catches the exception and logs it through {@link System.Logger}
 * (logger {@code io.superloop.visibility.core.plane.VisibilityListener}, level {@code WARNING})
 * once per plane, listener and cause (the exception's class and the place it was thrown from);
 * later failures of the same cause are logged at {@code DEBUG}. An {@link Error} is not caught.
 */
public interface VisibilityListener {

  /**
   * One reconcile step, committed.
   *
   * @param step what the step did, with its duration and what it read
   */
  default void onStep(StepEvent step) {}

  /**
   * One warning of a committed step (also in {@code step}'s reconcile row), after {@link #onStep}.
   *
   * @param step the step
   * @param warning the warning's reason code, for example {@code previous_state_unreadable} or
   *     {@code event_log_rewritten}
   */
  default void onWarning(StepEvent step, ReasonCode warning) {}

  /**
   * One control action, its audit rows appended ({@code intents.jsonl}, {@code
   * telemetry/control.jsonl}, {@code telemetry/control-invocations.jsonl}).
   *
   * @param invocation the {@code telemetry/control-invocations.jsonl} row: the action's intent,
   *     trace, start and end times, execution, confirmation and outcome
   */
  default void onControl(ControlInvocation invocation) {}
}
