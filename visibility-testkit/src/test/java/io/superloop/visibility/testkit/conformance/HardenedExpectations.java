package io.superloop.visibility.testkit.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.internal.json.JsonArray;
import io.superloop.visibility.api.internal.json.JsonObject;
import io.superloop.visibility.api.internal.json.JsonString;
import io.superloop.visibility.api.json.Json;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.testkit.docs.DocFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The hardened expectations of the conformance cases: {@code conformance/hardened/<case>.json}
 * lists how the output of a case under {@code hardened} rules differs from the reference's expected
 * output, in groups, each group naming the rules of hardening.md that explain it ({@code rules}),
 * saying why ({@code why}), and giving the changes: {@code set} (file, JSON pointer, hardened
 * value), {@code remove} (file, JSON pointers of fields the hardened output does not have) and
 * {@code write} (a file the reference did not write, whole). A case without a file has no
 * difference.
 */
final class HardenedExpectations {
  private static final List<String> FILES =
      List.of("sequence-state.json", "heartbeat.json", "health.json", "visibility.json");

  private HardenedExpectations() {}

  static Path dir() {
    return DocFiles.repoRoot().resolve("conformance/hardened");
  }

  /** {@return the cases that have hardened differences} */
  static List<String> files() throws IOException {
    try (Stream<Path> s = Files.list(dir())) {
      return s.map(p -> String.valueOf(p.getFileName()))
          .filter(n -> n.endsWith(".json"))
          .map(n -> n.substring(0, n.length() - ".json".length()))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  /** {@return the groups of differences of a case, none when it has no file} */
  static List<JsonObject> of(String caseName) {
    Path f = dir().resolve(caseName + ".json");
    if (!Files.isRegularFile(f)) {
      return List.of();
    }
    JsonObject doc = (JsonObject) Json.parse(read(f));
    assertEquals(Optional.of(JsonValue.of(caseName)), doc.get("case"), f + " names its case");
    List<JsonObject> out = new ArrayList<>();
    for (JsonValue g : ((JsonArray) doc.get("differences").orElseThrow()).elements()) {
      out.add((JsonObject) g);
    }
    return out;
  }

  /**
   * Writes the reference's expected files of a case, changed by {@code groups}, into {@code out}.
   *
   * @return {@code out}
   */
  static Path write(Path referenceDir, List<JsonObject> groups, Path out) throws IOException {
    Files.createDirectories(out);
    for (String file : FILES) {
      Optional<JsonValue> doc = document(referenceDir, file);
      for (JsonObject g : groups) {
        Optional<JsonValue> written = member(g, "write", file);
        if (written.isPresent()) {
          doc = written;
        }
        for (Map.Entry<String, JsonValue> e : members(member(g, "set", file))) {
          doc = Optional.of(at(doc.orElseThrow(), tokens(e.getKey()), e.getValue()));
        }
        for (JsonValue p : elements(member(g, "remove", file))) {
          doc = Optional.of(at(doc.orElseThrow(), tokens(((JsonString) p).value()), null));
        }
      }
      if (doc.isPresent()) {
        Files.writeString(out.resolve(file), doc.get().toJson() + "\n", StandardCharsets.UTF_8);
      }
    }
    return out;
  }

  /**
   * Checks the differences of one case: each group names at least one rule whose mode in
   * hardening.md is not "always" and says why; each change is real.
   */
  static void check(
      String caseName, List<JsonObject> groups, Path referenceDir, Map<String, String> modes)
      throws IOException {
    assertFalse(groups.isEmpty(), caseName + ": a file with no difference");
    for (JsonObject g : groups) {
      List<JsonValue> rules = elements(g.get("rules"));
      assertFalse(rules.isEmpty(), caseName + ": a group without rules");
      for (JsonValue r : rules) {
        String id = ((JsonString) r).value();
        String mode = modes.get(id);
        assertTrue(mode != null, caseName + ": " + id + " is not a rule of hardening.md");
        assertFalse(
            String.valueOf(mode).startsWith("always"),
            caseName + ": " + id + " holds in both presets");
      }
      String why = g.get("why").map(v -> ((JsonString) v).value()).orElse("");
      assertTrue(why.length() > 20, caseName + ": a group that does not say why");
      for (String file : FILES) {
        Optional<JsonValue> ref = document(referenceDir, file);
        if (member(g, "write", file).isPresent()) {
          assertTrue(
              ref.isEmpty(), caseName + ": writes " + file + ", which the reference wrote too");
        }
        for (Map.Entry<String, JsonValue> e : members(member(g, "set", file))) {
          Optional<JsonValue> old = ref.flatMap(d -> get(d, tokens(e.getKey())));
          assertNotEquals(
              Optional.of(e.getValue()),
              old,
              caseName + ": " + file + e.getKey() + " is the reference's value");
        }
        for (JsonValue p : elements(member(g, "remove", file))) {
          String ptr = ((JsonString) p).value();
          assertTrue(
              ref.flatMap(d -> get(d, tokens(ptr))).isPresent(),
              caseName + ": " + file + ptr + " is not in the reference's output");
        }
      }
    }
  }

  /** The mode column of hardening.md's decision table, by rule id. */
  static Map<String, String> ruleModes(String hardeningMd) {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = Pattern.compile("(?m)^\\| (H\\d+) \\|.*\\| ([^|]+) \\|$").matcher(hardeningMd);
    while (m.find()) {
      out.put(m.group(1), m.group(2).trim().replace("`", ""));
    }
    assertTrue(out.size() >= 19, "hardening.md's table: " + out.keySet());
    return out;
  }

  private static Optional<JsonValue> document(Path dir, String file) throws IOException {
    Path f = dir.resolve(file);
    return Files.isRegularFile(f) ? Optional.of(Json.parse(read(f))) : Optional.empty();
  }

  private static String read(Path f) {
    try {
      return Files.readString(f, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<JsonValue> member(JsonObject g, String kind, String file) {
    return g.get(kind).flatMap(v -> ((JsonObject) v).get(file));
  }

  private static Iterable<Map.Entry<String, JsonValue>> members(Optional<JsonValue> o) {
    return o.map(v -> ((JsonObject) v).members().entrySet()).orElse(Set.of());
  }

  private static List<JsonValue> elements(Optional<JsonValue> a) {
    return a.map(v -> ((JsonArray) v).elements()).orElse(List.of());
  }

  /** RFC 6901 tokens of a pointer ({@code /a/0/b}). */
  private static List<String> tokens(String pointer) {
    assertTrue(pointer.startsWith("/"), "a JSON pointer: " + pointer);
    List<String> out = new ArrayList<>();
    for (String t : pointer.substring(1).split("/", -1)) {
      out.add(t.replace("~1", "/").replace("~0", "~"));
    }
    return out;
  }

  private static Optional<JsonValue> get(JsonValue v, List<String> path) {
    JsonValue cur = v;
    for (String t : path) {
      if (cur instanceof JsonObject o) {
        Optional<JsonValue> next = o.get(t);
        if (next.isEmpty()) {
          return Optional.empty();
        }
        cur = next.get();
      } else if (cur instanceof JsonArray a
          && t.matches("\\d+")
          && Integer.parseInt(t) < a.elements().size()) {
        cur = a.elements().get(Integer.parseInt(t));
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(cur);
  }

  /** {@code v} with the value at {@code path} set to {@code value}, or removed when it is null. */
  private static JsonValue at(JsonValue v, List<String> path, @Nullable JsonValue value) {
    String t = path.get(0);
    List<String> rest = path.subList(1, path.size());
    if (v instanceof JsonObject o) {
      Map<String, JsonValue> m = new LinkedHashMap<>(o.members());
      if (rest.isEmpty()) {
        if (value == null) {
          assertTrue(m.remove(t) != null, "no member " + t + " to remove");
        } else {
          m.put(t, value);
        }
      } else {
        m.put(t, at(Objects.requireNonNull(m.get(t), t), rest, value));
      }
      return JsonValue.object(m);
    }
    JsonArray a = (JsonArray) v;
    List<JsonValue> l = new ArrayList<>(a.elements());
    int i = Integer.parseInt(t);
    if (rest.isEmpty()) {
      if (value == null) {
        l.remove(i);
      } else {
        l.set(i, value);
      }
    } else {
      l.set(i, at(l.get(i), rest, value));
    }
    return JsonValue.array(l);
  }
}
