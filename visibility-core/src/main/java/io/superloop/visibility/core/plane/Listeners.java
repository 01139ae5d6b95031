package io.superloop.visibility.core.plane;

import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.audit.ControlInvocation;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The listeners of one plane, called in registration order; a listener's exception is caught and
 * logged once per listener and cause (at most {@link #MAX_CAUSES} causes are remembered; beyond
 * them, and for a cause already logged, at {@code DEBUG}).
 */
final class Listeners {
  static final System.Logger LOG = System.getLogger(VisibilityListener.class.getName());
  static final int MAX_CAUSES = 256;

  private final List<VisibilityListener> listeners;
  private final Set<String> logged = ConcurrentHashMap.newKeySet();

  Listeners(List<VisibilityListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  boolean isEmpty() {
    return listeners.isEmpty();
  }

  void step(StepEvent step) {
    for (VisibilityListener l : listeners) {
      call(l, "onStep", x -> x.onStep(step));
    }
    for (ReasonCode w : step.reconciliation().warnings()) {
      for (VisibilityListener l : listeners) {
        call(l, "onWarning", x -> x.onWarning(step, w));
      }
    }
  }

  void control(ControlInvocation invocation) {
    for (VisibilityListener l : listeners) {
      call(l, "onControl", x -> x.onControl(invocation));
    }
  }

  private void call(VisibilityListener l, String method, Consumer<VisibilityListener> call) {
    try {
      call.accept(l);
    } catch (Exception e) { // a runtime exception, or a checked one thrown sneakily
      failed(l, method, e);
    }
  }

  private void failed(VisibilityListener l, String method, Exception e) {
    StackTraceElement[] at = e.getStackTrace();
    String cause =
        System.identityHashCode(l)
            + " "
            + e.getClass().getName()
            + (at.length == 0 ? "" : " " + at[0]);
    boolean first = logged.size() < MAX_CAUSES && logged.add(cause);
    String message =
        "listener "
            + l.getClass().getName()
            + "."
            + method
            + " failed: "
            + e
            + (first ? " (logged once per listener and cause; the step is not affected)" : "");
    LOG.log(first ? Level.WARNING : Level.DEBUG, message, e);
  }
}
