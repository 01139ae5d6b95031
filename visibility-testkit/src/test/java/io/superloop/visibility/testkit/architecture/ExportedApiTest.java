package io.superloop.visibility.testkit.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The exported API stays small (issue 15): every public or protected type, top-level or nested, of
 * a package that visibility-api, -core or -testkit exports to every module (qualified exports to
 * the library's own modules do not count; generated {@code Immutable*} classes count where they are
 * exported). The list is printed, one type a line, so a review sees what the API is.
 */
class ExportedApiTest {
  /** Issue 15's ceiling: it holds after later issues too, whose new types count. */
  static final int CEILING = 110;

  /**
   * Where the count stands (a ratchet under {@link #CEILING}: lower it as types leave the API; a
   * new exported type raises it, consciously, in the same change, never above the ceiling). Was 311
   * before issue 15 (nested types and Immutables classes counted); 212 after the adapter kit (issue
   * 16) added the testkit's JUnit 5 and delivery types; 210 once the store's decisions left it
   * (HealthSources to core.health, InvocationAuditTrail with its Invocation to core.audit, both
   * exported only to the testkit; StateJsonMerge added to core.reconcile); 212 with the listener
   * SPI (issue 17: core.plane's VisibilityListener and StepEvent); 165 once core exports only its
   * plane, rules, sequence validator and freshness calculator (core 71 -> 24: core.store,
   * core.reconcile and core.source exported to the library's own modules only); 128 once the
   * testkit exported only the user's kit (51 -> 14 types: the scenario model, the generators per
   * api package, the generation plumbing and the conformance machinery in the testkit's internal
   * packages); 118 once the api has one Codecs class instead of seven holders, no WireValue, and
   * OpenWireValue.Registry, JsonValue's boolean and null variants hidden (api 90 -> 80); 115 once
   * the rules' three two-valued enums (IdStyle, TimestampSyntax, SequenceValueSyntax) are boolean
   * switches of VisibilityRules (core 24 -> 21); 110 once the sprite service's control and error
   * answers the plane never reads (ControlAnswer, ErrorAnswer, ServiceError, ServiceErrorCode)
   * moved to api.internal.answer and SequenceValidator.begin took the api's SequenceState
   * (PreviousSequence package-private; api 80 -> 76, core 21 -> 20); 106 once JsonValue's object,
   * array, string and number records moved to api.internal.json and a user reads a JsonValue
   * through its accessors (api 76 -> 72).
   */
  static final int RATCHET = 106;

  /**
   * The testkit's exported API, exactly: writing a property test, generating the library's records,
   * checking an adapter's transport parity, asserting on what a plane reports and running the
   * conformance suite. A type added to (or removed from) an exported testkit package shows up here.
   */
  static final List<String> TESTKIT_API =
      List.of(
          "io.superloop.visibility.testkit.conformance.ConformanceSuite",
          "io.superloop.visibility.testkit.gen.Gen",
          "io.superloop.visibility.testkit.gen.VisibilityGens",
          "io.superloop.visibility.testkit.property.Counterexample",
          "io.superloop.visibility.testkit.property.Property",
          "io.superloop.visibility.testkit.property.PropertyResult",
          "io.superloop.visibility.testkit.property.PropertyTest",
          "io.superloop.visibility.testkit.scenario.Delivery",
          "io.superloop.visibility.testkit.scenario.Delivery.Service",
          "io.superloop.visibility.testkit.scenario.ParityProperties",
          "io.superloop.visibility.testkit.scenario.RuntimeHistory",
          "io.superloop.visibility.testkit.scenario.Scenarios",
          "io.superloop.visibility.testkit.scenario.SpriteServiceAnswers",
          "io.superloop.visibility.testkit.scenario.VisibilityAssertions");

  /**
   * The testkit exports its four user packages and nothing else: its internal packages (the
   * scenario model, the per-package generators and generation plumbing, the conformance machinery)
   * are not exported, and its exported API is {@link #TESTKIT_API}.
   */
  @Test
  void theTestkitExportsOnlyTheUsersKit() {
    assertEquals(
        Set.of(
            "io.superloop.visibility.testkit.conformance",
            "io.superloop.visibility.testkit.gen",
            "io.superloop.visibility.testkit.property",
            "io.superloop.visibility.testkit.scenario"),
        LibraryModules.descriptor(LibraryModules.TESTKIT).exports().stream()
            .map(java.lang.module.ModuleDescriptor.Exports::source)
            .collect(java.util.stream.Collectors.toSet()));
    assertTrue(
        LibraryModules.classNames(LibraryModules.TESTKIT)
            .contains("io.superloop.visibility.testkit.scenario.internal.HistoryStep"),
        "the scenario model is in the module, not in its API");
    assertEquals(
        TESTKIT_API,
        exportedTypes(
            LibraryModules.TESTKIT, LibraryModules.unqualifiedExports(LibraryModules.TESTKIT)));
  }

  @Test
  void theExportedApiHasAtMostTheCeilingOfTypes() {
    List<String> exported = new ArrayList<>();
    for (String module : LibraryModules.PUBLISHED) {
      Set<String> packages = LibraryModules.unqualifiedExports(module);
      List<String> types = exportedTypes(module, packages);
      System.out.println("exported API of " + module + ": " + types.size() + " types");
      types.forEach(t -> System.out.println("  " + t));
      exported.addAll(types);
    }
    System.out.println("exported API: " + exported.size() + " types (ceiling " + CEILING + ")");
    assertTrue(RATCHET <= CEILING, "the ratchet " + RATCHET + " is above the ceiling " + CEILING);
    assertTrue(
        exported.size() <= RATCHET,
        "the exported API has "
            + exported.size()
            + " types, above the ratchet "
            + RATCHET
            + " (issue 15's ceiling is "
            + CEILING
            + "): a type added to the API raises the ratchet in the same change");
  }

  /**
   * visibility-core exports to every module only its API (issue 15): the plane, the rules, and the
   * two decisions a user may call alone; the store, the step, its sources and the plane's internal
   * accessor are exported to the library's own modules only.
   */
  @Test
  void coreExportsThePlaneTheRulesAndTwoDecisionsOnly() {
    String core = "io.superloop.visibility.core.";
    assertEquals(
        Set.of(core + "plane", core + "rules", core + "sequence", core + "heartbeat"),
        LibraryModules.unqualifiedExports(LibraryModules.CORE));
    Set<String> qualified =
        LibraryModules.descriptor(LibraryModules.CORE).exports().stream()
            .filter(e -> e.isQualified())
            .map(e -> e.source())
            .collect(Collectors.toSet());
    assertTrue(
        qualified.containsAll(
            Set.of(core + "store", core + "reconcile", core + "source", core + "internal")),
        qualified.toString());
  }

  /** The count sees what it must: a nested public type counts, a package-private one does not. */
  @Test
  void theCountSeesNestedAndHiddenTypes() {
    List<String> core =
        exportedTypes(LibraryModules.CORE, LibraryModules.unqualifiedExports(LibraryModules.CORE));
    assertTrue(
        core.contains("io.superloop.visibility.core.plane.VisibilityPlane"), core.toString());
    assertTrue(
        core.contains("io.superloop.visibility.core.plane.VisibilityPlane.Builder"),
        core.toString());
    List<String> all = new ArrayList<>();
    for (String module : LibraryModules.PUBLISHED) {
      all.addAll(exportedTypes(module, LibraryModules.unqualifiedExports(module)));
    }
    assertFalse(
        all.stream().anyMatch(t -> t.contains(".Immutable")),
        "no generated class is exported: " + all);
    // a package-private type of an exported package does not count
    assertFalse(all.contains("io.superloop.visibility.api.json.JsonSyntax"), all.toString());
    assertTrue(
        LibraryModules.classNames(LibraryModules.API)
            .contains("io.superloop.visibility.api.json.JsonSyntax"));
    // nor do the public implementations of an exported sealed interface that live in a package
    // exported to the library's own modules only (JsonValue's records)
    assertTrue(all.contains("io.superloop.visibility.api.json.JsonValue"), all.toString());
    for (String variant : List.of("JsonObject", "JsonArray", "JsonString", "JsonNumber")) {
      String name = "io.superloop.visibility.api.internal.json." + variant;
      assertTrue(LibraryModules.classNames(LibraryModules.API).contains(name), name);
      assertFalse(all.contains(name), all.toString());
      assertFalse(
          all.contains("io.superloop.visibility.api.json.JsonValue." + variant), all.toString());
    }
    assertFalse(
        LibraryModules.unqualifiedExports(LibraryModules.API)
            .contains("io.superloop.visibility.api.internal.json"));
    // a package exported only to the library's own modules does not count, though it has public
    // types
    assertFalse(
        LibraryModules.unqualifiedExports(LibraryModules.API)
            .contains("io.superloop.visibility.api.internal"));
    assertFalse(
        exportedTypes(LibraryModules.API, Set.of("io.superloop.visibility.api.internal"))
            .isEmpty());
    assertFalse(
        all.stream().anyMatch(t -> t.startsWith("io.superloop.visibility.api.internal.")),
        all.toString());
  }

  /**
   * The public or protected types of {@code packages} in {@code module}, by canonical name: a
   * nested type counts when it and every type enclosing it are public or protected.
   */
  static List<String> exportedTypes(String module, Set<String> packages) {
    List<String> out = new ArrayList<>();
    ClassLoader loader = ModuleLayer.boot().findLoader(module);
    for (String name : LibraryModules.classNames(module)) {
      String pkg = name.substring(0, name.lastIndexOf('.'));
      if (!packages.contains(pkg)) {
        continue;
      }
      Class<?> c;
      try {
        c = Class.forName(name, false, loader);
      } catch (ClassNotFoundException e) {
        throw new AssertionError(name, e);
      }
      if (c.isAnonymousClass() || c.isLocalClass() || c.isSynthetic()) {
        continue;
      }
      if (visibleOutside(c)) {
        out.add(c.getCanonicalName());
      }
    }
    out.sort(null);
    return out;
  }

  private static boolean visibleOutside(Class<?> c) {
    for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
      int m = k.getModifiers();
      if (!Modifier.isPublic(m) && !Modifier.isProtected(m)) {
        return false;
      }
    }
    return true;
  }
}
