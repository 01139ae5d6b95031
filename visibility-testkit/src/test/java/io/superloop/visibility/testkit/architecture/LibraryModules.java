package io.superloop.visibility.testkit.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleReader;
import java.lang.module.ResolvedModule;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The library's modules as the JVM resolved them: the tests run on the module path (the testkit has
 * a module descriptor), so each module's descriptor and class files are read from where it was
 * resolved (its {@code target/classes} directory or its jar).
 */
final class LibraryModules {
  static final String API = "io.superloop.visibility.api";
  static final String CORE = "io.superloop.visibility.core";
  static final String TESTKIT = "io.superloop.visibility.testkit";

  /** The modules whose exported types make the library's public API. */
  static final List<String> PUBLISHED = List.of(API, CORE, TESTKIT);

  private LibraryModules() {}

  static ResolvedModule resolved(String name) {
    return ModuleLayer.boot()
        .configuration()
        .findModule(name)
        .orElseThrow(
            () ->
                new AssertionError(name + " is not on the module path: run the tests as a module"));
  }

  static ModuleDescriptor descriptor(String name) {
    return resolved(name).reference().descriptor();
  }

  static URI location(String name) {
    return resolved(name).reference().location().orElseThrow();
  }

  /** {@return the packages {@code name} exports to every module (qualified exports left out)} */
  static Set<String> unqualifiedExports(String name) {
    return descriptor(name).exports().stream()
        .filter(e -> !e.isQualified())
        .map(ModuleDescriptor.Exports::source)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** {@return the binary names of every class of module {@code name} (nested classes included)} */
  static List<String> classNames(String name) {
    try (ModuleReader reader = resolved(name).reference().open();
        Stream<String> entries = reader.list()) {
      List<String> names =
          entries
              .filter(e -> e.endsWith(".class"))
              .filter(e -> !e.endsWith("module-info.class") && !e.endsWith("package-info.class"))
              .map(e -> e.substring(0, e.length() - ".class".length()).replace('/', '.'))
              .sorted()
              .toList();
      assertTrue(!names.isEmpty(), name + " has no classes");
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
