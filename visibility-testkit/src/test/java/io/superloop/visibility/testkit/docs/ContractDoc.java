package io.superloop.visibility.testkit.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The machine-readable parts of {@code docs/artifact-contract.md}, found by HTML-comment markers
 * that render as nothing:
 *
 * <ul>
 *   <li>{@code <!-- artifact: ID -->} opens the section of one artifact ({@code OPS/...}, {@code
 *       RT/...}) or message ({@code wire:...});
 *   <li>{@code <!-- example: ID -->} or {@code <!-- example: ID#variant -->}, followed by a {@code
 *       ```json} fenced block: one example; each line of the block is one compact JSON document;
 *   <li>{@code <!-- fields: Codecs.CONSTANT -->} (or {@code AnswerCodecs.CONSTANT}, an internal
 *       answer codec of {@link io.superloop.visibility.testkit.codecs.AllCodecs#ANSWER_CODECS}),
 *       followed by a table: the fields of one object level, each first cell a backticked field
 *       name;
 *   <li>{@code <!-- codes: TypeSimpleName -->}, followed by a table: one value set, each first cell
 *       a backticked wire value.
 * </ul>
 *
 * A marker that does not have what must follow it is a parse error, so a broken doc fails loudly
 * rather than silently yielding fewer checks.
 */
final class ContractDoc {
  private static final Pattern ARTIFACT = Pattern.compile("^<!-- artifact: (\\S+) -->$");
  private static final Pattern EXAMPLE =
      Pattern.compile("^<!-- example: ([^\\s#]+)(?:#(\\S+))? -->$");
  private static final Pattern FIELDS = Pattern.compile("^<!-- fields: (\\w+\\.\\w+) -->$");
  private static final Pattern CODES = Pattern.compile("^<!-- codes: (\\w+) -->$");
  private static final Pattern CELL = Pattern.compile("^`([^`]+)`$");

  /** One example: the artifact it shows, its variant, the section it stands in, its lines. */
  record Example(String id, String variant, String section, int docLine, List<String> lines) {
    String name() {
      return variant.isEmpty() ? id : id + "#" + variant;
    }

    @Override
    public String toString() {
      return name() + " (line " + docLine + ")";
    }
  }

  /** One marked table: its key (codec or type name), its first-column values, where it stands. */
  record Table(String key, int docLine, List<String> firstColumn) {}

  final Path file;
  final List<String> sections = new ArrayList<>();
  final List<Example> examples = new ArrayList<>();
  final List<Table> fieldTables = new ArrayList<>();
  final Map<String, Table> codeTables = new LinkedHashMap<>();
  final String text;

  private ContractDoc(Path file, String text) {
    this.file = file;
    this.text = text;
  }

  /** The doc of this checkout: {@code docs/artifact-contract.md} under the repository root. */
  static Path defaultPath() {
    return DocFiles.repoRoot().resolve("docs/artifact-contract.md");
  }

  static ContractDoc load() {
    return load(defaultPath());
  }

  static ContractDoc load(Path file) {
    try {
      return parse(file, Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ContractDoc parse(Path file, String text) {
    ContractDoc doc = new ContractDoc(file, text);
    String[] lines = text.split("\n", -1);
    String section = "";
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      Matcher m;
      if ((m = ARTIFACT.matcher(line)).matches()) {
        section = m.group(1);
        if (doc.sections.contains(section)) {
          throw doc.error(i, "artifact section listed twice: " + section);
        }
        doc.sections.add(section);
      } else if ((m = EXAMPLE.matcher(line)).matches()) {
        int j = nextNonBlank(lines, i + 1);
        if (j >= lines.length || !lines[j].strip().equals("```json")) {
          throw doc.error(i, "an example marker must be followed by a ```json block");
        }
        List<String> body = new ArrayList<>();
        int k = j + 1;
        while (k < lines.length && !lines[k].strip().equals("```")) {
          if (!lines[k].isBlank()) {
            body.add(lines[k]);
          }
          k++;
        }
        if (k >= lines.length) {
          throw doc.error(j, "unterminated ```json block");
        }
        if (body.isEmpty()) {
          throw doc.error(j, "empty example");
        }
        doc.examples.add(
            new Example(
                m.group(1),
                m.group(2) == null ? "" : m.group(2),
                section,
                i + 1,
                List.copyOf(body)));
        i = k;
      } else if ((m = FIELDS.matcher(line)).matches()) {
        doc.fieldTables.add(new Table(m.group(1), i + 1, doc.table(lines, i)));
      } else if ((m = CODES.matcher(line)).matches()) {
        Table t = new Table(m.group(1), i + 1, doc.table(lines, i));
        if (doc.codeTables.put(t.key(), t) != null) {
          throw doc.error(i, "value set listed twice: " + t.key());
        }
      } else if (line.startsWith("<!--")
          && (line.contains("artifact:")
              || line.contains("example:")
              || line.contains("fields:")
              || line.contains("codes:"))) {
        throw doc.error(i, "malformed marker: " + line);
      }
    }
    return doc;
  }

  /**
   * The first cells of the table right after the marker at {@code marker} (blank lines allowed
   * before).
   */
  private List<String> table(String[] lines, int marker) {
    int h = nextNonBlank(lines, marker + 1);
    if (h + 1 >= lines.length
        || !lines[h].strip().startsWith("|")
        || !lines[h + 1].strip().matches("^\\|(\\s*:?-+:?\\s*\\|)+$")) {
      throw error(marker, "a table marker must be followed by a markdown table with a header row");
    }
    List<String> out = new ArrayList<>();
    for (int r = h + 2; r < lines.length && lines[r].strip().startsWith("|"); r++) {
      String[] cells = lines[r].strip().split("\\|", -1);
      String first = cells.length > 1 ? cells[1].strip() : "";
      Matcher c = CELL.matcher(first);
      if (!c.matches()) {
        throw error(
            r, "the first cell of a marked table must be one backticked value, found: " + first);
      }
      if (out.contains(c.group(1))) {
        throw error(r, "listed twice: " + c.group(1));
      }
      out.add(c.group(1));
    }
    if (out.isEmpty()) {
      throw error(marker, "a marked table without rows");
    }
    return out;
  }

  private static int nextNonBlank(String[] lines, int from) {
    int j = from;
    while (j < lines.length && lines[j].isBlank()) {
      j++;
    }
    return j;
  }

  private IllegalStateException error(int zeroBasedLine, String message) {
    return new IllegalStateException(file + ":" + (zeroBasedLine + 1) + ": " + message);
  }
}
