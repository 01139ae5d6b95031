package io.superloop.visibility.testkit.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's embedding example compiles against the library and, run on a loop with a fresh
 * heartbeat and two whole event lines, prints what the README says it prints.
 */
class ReadmeExampleTest {
  @TempDir Path work;

  /**
   * The coordinates the README gives are this build's: its version, and modules the BOM manages.
   */
  @Test
  void mavenAndGradleSnippetsNameThisBuildsCoordinates() {
    String readme = DocFiles.read("README.md");
    String version = System.getProperty("project.version", "?");
    String dependency =
        only(
                DocFiles.markedBlocks(readme, "readme: maven dependency"),
                "readme: maven dependency",
                "xml")
            .text();
    assertTrue(dependency.contains("<artifactId>visibility-core</artifactId>"), dependency);
    assertTrue(dependency.contains("<version>" + version + "</version>"), dependency);
    String maven =
        only(DocFiles.markedBlocks(readme, "readme: maven"), "readme: maven", "xml").text();
    assertTrue(
        maven.contains(
            "<artifactId>visibility-bom</artifactId>\n      <version>" + version + "</version>"),
        maven);
    String gradle =
        only(DocFiles.markedBlocks(readme, "readme: gradle"), "readme: gradle", "kotlin").text();
    assertTrue(
        gradle.contains("platform(\"io.superloop.visibility:visibility-bom:" + version + "\")"),
        gradle);
    String bom = DocFiles.read("visibility-bom/pom.xml");
    assertTrue(
        bom.contains("<version>" + version + "</version>"), "the BOM's version is the build's");
    for (String module :
        List.of(
            "visibility-api",
            "visibility-core",
            "visibility-producer",
            "visibility-testkit",
            "visibility-kafka-streams")) {
      assertTrue(bom.contains("<artifactId>" + module + "</artifactId>"), module + " in the BOM");
    }
    // .ci/run runs the command of this block, and the demo's
    assertEquals(
        "mvn -B verify\n",
        only(DocFiles.markedBlocks(readme, "readme: test command"), "readme: test command", "")
            .text());
    assertEquals(
        "java -jar visibility-cli/target/superloop-visibility-"
            + version
            + ".jar demo --dir /tmp/visibility-demo\n",
        only(DocFiles.markedBlocks(readme, "readme: demo command"), "readme: demo command", "")
            .text());
  }

  @Test
  void embeddingExampleCompilesRunsAndPrintsWhatTheReadmeSays() throws IOException {
    String readme = DocFiles.read("README.md");
    assertTrue(readme.contains("\n```\nmvn -B verify\n```\n"), "the build command stays as it is");
    assertTrue(
        readme.contains(
            "\n```\njava -jar visibility-cli/target/superloop-visibility-"
                + System.getProperty("project.version", "?")
                + ".jar demo --dir /tmp/visibility-demo\n```\n"),
        "the demo command stays as it is");
    List<DocFiles.Block> examples = DocFiles.markedBlocks(readme, "readme: example");
    DocFiles.Block source = only(examples, "readme: example", "java");
    DocFiles.Block expected = only(examples, "readme: example output", "text");

    String className = compile(source, work.resolve("example"));
    Path classes = work.resolve("example").resolve("classes");

    // a loop as the README describes it: two whole event lines and a heartbeat written just now
    Path repo = work.resolve("repo");
    Path runtime = repo.resolve(".superloop/loops/demo-loop");
    Files.createDirectories(runtime);
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    Files.writeString(
        runtime.resolve("events.jsonl"),
        "{\"timestamp\":\""
            + now
            + "\",\"event\":\"loop_start\",\"iteration\":1}\n"
            + "{\"timestamp\":\""
            + now
            + "\",\"event\":\"iteration_start\",\"iteration\":1}\n");
    Files.writeString(
        runtime.resolve("heartbeat.v1.json"),
        "{\"schemaVersion\":\"v1\",\"timestamp\":\""
            + now
            + "\",\"source\":\"runtime\",\"status\":\"running\"}\n");

    List<String> cmd =
        new ArrayList<>(
            List.of(
                DocFiles.javaBinary(),
                "-cp",
                classes + java.io.File.pathSeparator + DocFiles.testClassPath(),
                className,
                repo.toString()));
    DocFiles.Run run = DocFiles.run(cmd, Map.of(), work, 120);
    assertEquals(0, run.status(), run.output());
    String[] lines = run.output().split("\n");
    String[] want = expected.text().split("\n");
    assertTrue(lines.length > want.length, run.output());
    for (int i = 0; i < want.length; i++) {
      assertEquals(
          want[i], lines[i], "README example output line " + (i + 1) + "\n" + run.output());
    }
    // then the visibility object, whose fields the printed lines summarise
    String json = lines[want.length];
    assertTrue(json.startsWith("{\"heartbeat\":{\"freshnessStatus\":\"fresh\""), json);
    assertTrue(json.contains("\"sharedTraceId\":\"trace-readme-1\""), json);
    // the step wrote the manager's artifacts where the README says
    assertTrue(
        Files.isRegularFile(repo.resolve(".superloop/ops-manager/demo-loop/heartbeat.json")));
    assertTrue(
        Files.isRegularFile(repo.resolve(".superloop/ops-manager/demo-loop/sequence-state.json")));
  }

  /** Compiles a README block (one public class) against the library; {@return the class's name} */
  private static String compile(DocFiles.Block source, Path dir) throws IOException {
    Matcher m = Pattern.compile("public class (\\w+)").matcher(source.text());
    assertTrue(m.find(), "the example declares a public class");
    String className = m.group(1);
    Path src = dir.resolve("src").resolve(className + ".java");
    Path classes = dir.resolve("classes");
    Files.createDirectories(src.getParent());
    Files.createDirectories(classes);
    Files.writeString(src, source.text(), StandardCharsets.UTF_8);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      boolean ok =
          javac
              .getTask(
                  null,
                  files,
                  diagnostics,
                  List.of(
                      "--release",
                      "17",
                      "-classpath",
                      DocFiles.testClassPath(),
                      "-d",
                      classes.toString()),
                  null,
                  files.getJavaFileObjects(src))
              .call();
      assertTrue(
          ok,
          "README block (line "
              + source.line()
              + ") does not compile: "
              + diagnostics.getDiagnostics());
    }
    return className;
  }

  /**
   * The README's control example (issue 15) compiles, names at most three library types besides
   * {@code VisibilityPlane}, and, run on an empty repository, records a confirmed cancel: the
   * started row, then the v1 rows, as it prints.
   */
  @Test
  void controlExampleUsesThreeTypesBesideThePlaneAndRecordsTheAction() throws IOException {
    String readme = DocFiles.read("README.md");
    List<DocFiles.Block> blocks = DocFiles.markedBlocks(readme, "readme: control example");
    DocFiles.Block source = only(blocks, "readme: control example", "java");
    DocFiles.Block expected = only(blocks, "readme: control example output", "text");
    List<String> libraryTypes = new ArrayList<>();
    Matcher imports =
        Pattern.compile("(?m)^import (io\\.superloop\\.visibility\\.[\\w.]+);")
            .matcher(source.text());
    while (imports.find()) {
      libraryTypes.add(imports.group(1));
    }
    assertTrue(
        libraryTypes.remove("io.superloop.visibility.core.plane.VisibilityPlane"),
        libraryTypes.toString());
    assertTrue(
        libraryTypes.size() <= 3, "more than 3 library types besides the plane: " + libraryTypes);
    assertFalse(
        source
            .text()
            .substring(source.text().indexOf("public class"))
            .contains("io.superloop.visibility."),
        "no fully qualified library type in the body");

    String className = compile(source, work.resolve("control"));
    Path repo = work.resolve("control-repo");
    Files.createDirectories(repo);
    List<String> cmd =
        List.of(
            DocFiles.javaBinary(),
            "-cp",
            work.resolve("control").resolve("classes")
                + java.io.File.pathSeparator
                + DocFiles.testClassPath(),
            className,
            repo.toString());
    DocFiles.Run run = DocFiles.run(cmd, Map.of(), work, 120);
    assertEquals(0, run.status(), run.output());
    assertEquals(expected.text(), run.output());
    Path telemetry = repo.resolve(".superloop/ops-manager/demo-loop/telemetry");
    List<String> inflight =
        Files.readAllLines(telemetry.resolve("control-invocations.inflight.jsonl"));
    assertEquals(2, inflight.size(), inflight.toString());
    assertTrue(
        inflight.get(0).contains("\"requestedBy\":\"ops-bot\"")
            && inflight.get(0).endsWith("\"phase\":\"started\"}"),
        inflight.get(0));
    List<String> invocations = Files.readAllLines(telemetry.resolve("control-invocations.jsonl"));
    assertEquals(1, invocations.size());
    assertTrue(
        invocations.get(0).contains("\"command\":\"runner.stop(run-42)\""), invocations.get(0));
    assertTrue(
        invocations.get(0).contains("\"outcome\":{\"status\":\"confirmed\",\"confirmed\":true"),
        invocations.get(0));
    assertEquals(
        1,
        Files.readAllLines(repo.resolve(".superloop/ops-manager/demo-loop/intents.jsonl")).size());
  }

  private static DocFiles.Block only(List<DocFiles.Block> blocks, String marker, String lang) {
    List<DocFiles.Block> found = blocks.stream().filter(b -> b.marker().equals(marker)).toList();
    assertEquals(1, found.size(), "exactly one block marked <!-- " + marker + " -->");
    assertEquals(lang, found.get(0).lang(), marker);
    return found.get(0);
  }
}
