package io.superloop.visibility.testkit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import java.net.URI;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The boundaries between the library's modules and packages (issue 15), checked by ArchUnit over
 * the main classes of visibility-api, -core and -testkit as the JVM resolved them.
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    Set<Location> locations =
        LibraryModules.PUBLISHED.stream()
            .map(LibraryModules::location)
            .map(ArchitectureTest::asLocation)
            .collect(Collectors.toSet());
    classes = new ClassFileImporter().importLocations(locations);
  }

  private static Location asLocation(URI uri) {
    // a jar is read through its jar: URL, a directory of class files as it is
    return uri.getPath().endsWith(".jar") ? Location.of(URI.create("jar:" + uri + "!/")) : Location.of(uri);
  }

  /** The record model is the bottom layer: nothing of visibility-api refers to visibility-core. */
  @Test
  void theApiNeverUsesCore() {
    noClasses()
        .that()
        .resideInAPackage("io.superloop.visibility.api..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.superloop.visibility.core..", "io.superloop.visibility.testkit..")
        .check(classes);
  }
}
