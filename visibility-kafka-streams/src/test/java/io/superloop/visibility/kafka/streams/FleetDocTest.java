package io.superloop.visibility.kafka.streams;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docs/fleet.md} stays true: its example compiles against this module (the end-to-end test
 * runs it), it names the topology's topics, stores and headers as the code does, and the command it
 * gives for the broker profile is the one {@code .ci/run} runs (under {@code timeout}).
 */
class FleetDocTest {
  @TempDir Path dir;

  @Test
  void theExampleCompiles() throws IOException {
    String main = FleetDoc.compile(dir);
    assertTrue(Files.isRegularFile(dir.resolve("classes").resolve(main + ".class")));
  }

  @Test
  void theDocNamesWhatTheCodeUses() {
    String doc = FleetDoc.read("docs/fleet.md");
    List<String> names = new ArrayList<>(VisibilityTopics.DEFAULT.inputs());
    names.addAll(VisibilityTopics.DEFAULT.outputs());
    names.addAll(
        List.of(
            VisibilityTopology.LOOP_STORE,
            VisibilityTopology.PENDING_STORE,
            VisibilityTopology.REPLAY_HEADER,
            VisibilityTopology.ERROR_CODE_HEADER));
    for (String name : names) {
      assertTrue(doc.contains("`" + name), "docs/fleet.md does not name " + name);
    }
  }

  @Test
  void theBrokerProfileCommandIsTheOneCiRuns() {
    String doc = FleetDoc.read("docs/fleet.md");
    String ci = FleetDoc.read(".ci/run");
    String command =
        "mvn -B -pl visibility-kafka-streams -am test -Pkafka-broker -Dtest='BrokerEndToEndTest,TopologyParityTest'"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dvisibility.kafka.property.tries=500";
    assertTrue(doc.contains("\n" + command + "\n"), "docs/fleet.md gives the command");
    // .ci/run bounds it with timeout(1) and fails loudly: the command ends its line, before a
    // continuation
    assertTrue(
        ci.lines()
            .anyMatch(
                l ->
                    l.endsWith(" " + command + " \\")
                        || l.endsWith(" " + command)
                        || l.equals(command)),
        ".ci/run runs the command");
  }
}
