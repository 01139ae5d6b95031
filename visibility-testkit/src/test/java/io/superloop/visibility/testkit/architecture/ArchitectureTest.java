package io.superloop.visibility.testkit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import java.net.URI;
import java.util.List;
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
    return uri.getPath().endsWith(".jar")
        ? Location.of(URI.create("jar:" + uri + "!/"))
        : Location.of(uri);
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

  private static final String CORE = "io.superloop.visibility.core.";

  /**
   * The store does I/O only (issue 15): no class of {@code core.store} refers to a decision package
   * (sequence, heartbeat, health, trace, audit, status) nor to the packages that compose them
   * (plane, source). The in-flight check is {@code core.audit.InFlightCompletion}, the health
   * sources {@code core.health.HealthSources}, the status reads {@code core.status.StatusReader},
   * the control audit trail {@code core.audit.InvocationAuditTrail}.
   */
  @Test
  void theStoreDependsOnNoDecisionPackage() {
    noClasses()
        .that()
        .resideInAPackage(CORE + "store..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            CORE + "sequence..",
            CORE + "heartbeat..",
            CORE + "health..",
            CORE + "trace..",
            CORE + "audit..",
            CORE + "status..",
            CORE + "plane..",
            CORE + "source..")
        .check(classes);
  }

  /**
   * What the store still takes from {@code core.reconcile} and {@code core.rules}, exactly: the
   * step's result it persists ({@code StepResult}, with the {@code ArtifactPaths} it hands the step
   * and the {@code state.json} merge rule {@code StateJsonMerge} it applies when it writes or
   * completes a step; {@code PreviousStates} fills a {@code StepInput} builder) and the I/O
   * settings {@code ReadLimits}, {@code TelemetryRetention} and {@code Durability}. Nothing else of
   * those packages, and nothing of {@code core.time} nor of {@code core.internal}.
   */
  @Test
  void theStoreUsesOnlyTheseReconcileAndRulesTypes() {
    Set<String> allowed =
        Set.of(
            CORE + "reconcile.StepResult",
            CORE + "reconcile.ArtifactPaths",
            CORE + "reconcile.StateJsonMerge",
            CORE + "reconcile.internal.ImmutableStepInput",
            CORE + "reconcile.internal.ImmutableStepInput$Builder",
            CORE + "rules.ReadLimits",
            CORE + "rules.TelemetryRetention",
            CORE + "rules.Durability");
    List<String> packages =
        List.of(
            CORE + "reconcile",
            CORE + "reconcile.internal",
            CORE + "rules",
            CORE + "time",
            CORE + "internal");
    noClasses()
        .that()
        .resideInAPackage(CORE + "store..")
        .should()
        .dependOnClassesThat(
            DescribedPredicate.describe(
                "are in core.reconcile, core.rules or core.time but not one of " + allowed,
                (JavaClass c) ->
                    packages.contains(c.getPackageName()) && !allowed.contains(c.getName())))
        .check(classes);
  }

  /**
   * The testkit uses the exported API (the packages visibility-api and -core export to every
   * module) and beyond it exactly this: the generated {@code Immutable*} builders of the api's
   * records ({@code api.*.internal}, behind the records' {@code builder()}), the sprite service's
   * control and error answers its generators build ({@code api.internal.answer}, with their
   * generated builders in {@code api.internal.answer.internal}), the control audit of {@code
   * core.audit} its deliveries write as the reference does ({@code ControlContext} with its
   * generated builder in {@code core.audit.internal}, {@code ControlOutcomes}, {@code
   * ControlRecords}, {@code InvocationAuditTrail}), {@code core.time.Timestamps}, the plane over an
   * explicit layout of its scenarios and conformance cases ({@code core.internal.PlaneAccess} with
   * {@code core.store.LoopLayout} and {@code LoopArtifact}, also to read a loop's files) and the
   * default thresholds {@code core.reconcile.StepInput.DEFAULT_THRESHOLDS}. Those packages are
   * exported to the library's own modules only.
   */
  @Test
  void theTestkitUsesTheExportedApiAndNamedTypesBeyondIt() {
    Set<String> exported = new java.util.HashSet<>();
    exported.addAll(LibraryModules.unqualifiedExports(LibraryModules.API));
    exported.addAll(LibraryModules.unqualifiedExports(LibraryModules.CORE));
    Set<String> beyondPackages =
        Set.of(
            "io.superloop.visibility.api.audit.internal",
            "io.superloop.visibility.api.envelope.internal",
            "io.superloop.visibility.api.internal.answer",
            "io.superloop.visibility.api.internal.answer.internal",
            "io.superloop.visibility.api.health.internal",
            "io.superloop.visibility.api.heartbeat.internal",
            "io.superloop.visibility.api.reconcile.internal",
            "io.superloop.visibility.api.sequence.internal",
            "io.superloop.visibility.api.status.internal",
            "io.superloop.visibility.core.audit.internal");
    Set<String> beyondTypes =
        Set.of(
            CORE + "audit.ControlContext",
            CORE + "audit.ControlOutcomes",
            CORE + "audit.ControlRecords",
            CORE + "audit.InvocationAuditTrail",
            CORE + "time.Timestamps",
            CORE + "time.TimestampSyntax",
            CORE + "internal.PlaneAccess",
            CORE + "store.LoopLayout",
            CORE + "store.LoopArtifact",
            CORE + "reconcile.StepInput");
    noClasses()
        .that()
        .resideInAPackage("io.superloop.visibility.testkit..")
        .should()
        .dependOnClassesThat(
            DescribedPredicate.describe(
                "are library classes outside the exported API and not one of "
                    + beyondPackages
                    + " "
                    + beyondTypes,
                (JavaClass dependency) -> {
                  // an array of a type depends on the type
                  JavaClass c =
                      dependency.isArray() ? dependency.getBaseComponentType() : dependency;
                  String pkg = c.getPackageName();
                  if (!pkg.startsWith(LibraryModules.API) && !pkg.startsWith(LibraryModules.CORE)) {
                    return false;
                  }
                  String top =
                      c.getName().contains("$")
                          ? c.getName().substring(0, c.getName().indexOf('$'))
                          : c.getName();
                  return !exported.contains(pkg)
                      && !beyondPackages.contains(pkg)
                      && !beyondTypes.contains(top);
                }))
        .check(classes);
  }
}
