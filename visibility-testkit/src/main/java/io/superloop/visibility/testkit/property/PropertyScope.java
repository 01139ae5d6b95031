package io.superloop.visibility.testkit.property;

import java.lang.reflect.Method;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** The settings of the {@link PropertyTest} running on this thread, if any. */
final class PropertyScope {
  private static final ThreadLocal<@Nullable PropertyScope> CURRENT = new ThreadLocal<>();

  private final int tries;
  private final OptionalLong seed;

  private PropertyScope(int tries, OptionalLong seed) {
    this.tries = tries;
    this.seed = seed;
  }

  /** {@return the settings of the test running on this thread, if it is a {@link PropertyTest}} */
  static Optional<PropertyScope> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /** {@return the tries the annotation sets, 0 for none} */
  int tries() {
    return tries;
  }

  /** {@return the seed the annotation sets, if any} */
  OptionalLong seed() {
    return seed;
  }

  /** Reads and checks the annotation's values. */
  static PropertyScope of(PropertyTest a, String where) {
    if (a.tries() < 0) {
      throw new IllegalArgumentException(
          "@PropertyTest(tries = " + a.tries() + ") on " + where + ": must be >= 0");
    }
    OptionalLong seed = OptionalLong.empty();
    if (!a.seed().isBlank()) {
      try {
        seed = OptionalLong.of(Long.parseLong(a.seed().trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "@PropertyTest(seed = \"" + a.seed() + "\") on " + where + ": must be a decimal long",
            e);
      }
    }
    return new PropertyScope(a.tries(), seed);
  }

  /**
   * The JUnit 5 extension of {@link PropertyTest}: the settings hold while the test method runs.
   */
  static final class Extension implements InvocationInterceptor {
    @Override
    public void interceptTestMethod(
        Invocation<@Nullable Void> invocation,
        ReflectiveInvocationContext<Method> invocationContext,
        ExtensionContext extensionContext)
        throws Throwable {
      Method m = invocationContext.getExecutable();
      Optional<PropertyTest> a = AnnotationSupport.findAnnotation(m, PropertyTest.class);
      if (a.isEmpty()) {
        invocation.proceed();
        return;
      }
      PropertyScope outer = CURRENT.get();
      CURRENT.set(of(a.get(), m.getDeclaringClass().getSimpleName() + "." + m.getName()));
      try {
        invocation.proceed();
      } finally {
        if (outer == null) {
          CURRENT.remove();
        } else {
          CURRENT.set(outer);
        }
      }
    }
  }
}
