package io.superloop.visibility.core.internal;

import io.superloop.visibility.core.plane.VisibilityPlane;
import io.superloop.visibility.core.reconcile.StepResult;
import io.superloop.visibility.core.store.LoopLayout;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The plane's store-level members, for the library's own modules and tests: a builder over an
 * explicit {@link LoopLayout}, a plane's layout, a step's {@link StepResult}. The public API keeps
 * them out (they would export the store and the step's internals); {@link VisibilityPlane} installs
 * the {@link Hooks} that implement them when its class is initialized.
 */
public final class PlaneAccess {
  private static volatile @Nullable Hooks hooks;

  private PlaneAccess() {}

  /** What {@link VisibilityPlane} implements for this accessor. */
  public interface Hooks {
    /**
     * Sets the builder's layout.
     *
     * @param builder a builder of {@link VisibilityPlane#builder}
     * @param layout the layout to use instead of its default one
     * @return the builder
     */
    VisibilityPlane.Builder layout(VisibilityPlane.Builder builder, LoopLayout layout);

    /**
     * The plane's layout.
     *
     * @param plane the plane
     * @return its layout
     */
    LoopLayout layout(VisibilityPlane plane);

    /**
     * The step's result.
     *
     * @param reconciliation the step
     * @return its records
     */
    StepResult result(VisibilityPlane.Reconciliation reconciliation);
  }

  /**
   * Installs the hooks; called once, by {@link VisibilityPlane}'s class initialization.
   *
   * @param h the hooks
   * @throws IllegalStateException when hooks are installed already
   */
  public static synchronized void install(Hooks h) {
    if (hooks != null) {
      throw new IllegalStateException("the plane's hooks are installed already");
    }
    hooks = Objects.requireNonNull(h, "hooks");
  }

  /**
   * A builder over an explicit layout (paths overridden, file operations replaced).
   *
   * @param layout the loop's file layout
   * @return a builder with every other default
   */
  public static VisibilityPlane.Builder builder(LoopLayout layout) {
    Objects.requireNonNull(layout, "layout");
    // the builder call initializes VisibilityPlane, which installs the hooks
    VisibilityPlane.Builder b = VisibilityPlane.builder(layout.repoRoot(), layout.loopId());
    return hooks().layout(b, layout);
  }

  /**
   * The layout of a plane's files.
   *
   * @param plane the plane
   * @return its layout (with the plane's read limits)
   */
  public static LoopLayout layout(VisibilityPlane plane) {
    return hooks().layout(Objects.requireNonNull(plane, "plane"));
  }

  /**
   * Every record one step produced, as the store persisted them.
   *
   * @param reconciliation the step
   * @return its result
   */
  public static StepResult result(VisibilityPlane.Reconciliation reconciliation) {
    return hooks().result(Objects.requireNonNull(reconciliation, "reconciliation"));
  }

  private static Hooks hooks() {
    Hooks h = hooks;
    if (h == null) {
      throw new IllegalStateException("VisibilityPlane is not initialized");
    }
    return h;
  }
}
