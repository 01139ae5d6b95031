package io.superloop.visibility.core.plane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.health.FailureCode;
import io.superloop.visibility.api.health.IngestStatus;
import io.superloop.visibility.api.reconcile.ReconcileRow;
import io.superloop.visibility.api.status.VisibilitySummary;
import io.superloop.visibility.core.internal.PlaneAccess;
import io.superloop.visibility.core.rules.Durability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Only regular files are read, and the loop's files are never used through a symbolic link (issue
 * 14, item 2 and 4): every component from {@code .superloop/ops-manager} down is refused when it is
 * a link ({@code symlink_refused}, naming it), a FIFO, device or directory in place of a file is
 * {@code not_regular_file} or a renamed-aside state (never a blocking open), and the runtime's own
 * files may be links to regular files. Nothing outside the repository changes: a directory beside
 * it is hashed before and after.
 */
class FileKindsTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final String LOOP = "demo-loop";
  private static final Duration NO_HANG = Duration.ofSeconds(60);

  @TempDir Path tmp;
  private Path repo;
  private Path outside;
  private Path ops;

  @BeforeEach
  void setUp() throws IOException {
    repo = Files.createDirectories(tmp.resolve("repo"));
    outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(outside.resolve("health.json"), "{\"keep\":true}\n");
    Files.writeString(outside.resolve("reconcile.jsonl"), "{\"row\":1}\n{\"torn\":");
    Path rt = Files.createDirectories(repo.resolve(".superloop/loops/" + LOOP));
    Files.writeString(rt.resolve("events.jsonl"), event(1) + event(2));
    Files.writeString(rt.resolve("heartbeat.v1.json"), "{\"timestamp\":\"2026-03-01T11:59:30Z\"}");
    ops = repo.resolve(".superloop/ops-manager/" + LOOP);
  }

  private static String event(int i) {
    return "{\"timestamp\":\"2026-03-01T11:59:0" + i + "Z\",\"event\":\"e" + i + "\"}\n";
  }

  private VisibilityPlane plane() {
    return VisibilityPlane.builder(repo, LOOP)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .durability(Durability.NONE)
        .build();
  }

  private ReconcileRow step() {
    return assertTimeoutPreemptively(NO_HANG, () -> plane().reconcileLocal(StepOptions.defaults()))
        .reconcileRow();
  }

  private VisibilityException failedStep() {
    return assertTimeoutPreemptively(
        NO_HANG,
        () ->
            assertThrows(
                VisibilityException.class, () -> plane().reconcileLocal(StepOptions.defaults())));
  }

  /** Every file under {@code dir} (links not followed) with the hash of its content. */
  private static Map<String, String> tree(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        String key = dir.relativize(p).toString();
        if (Files.isSymbolicLink(p)) {
          out.put(key, "link:" + Files.readSymbolicLink(p));
        } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          out.put(key, sha256(Files.readAllBytes(p)));
        } else {
          out.put(key, "dir");
        }
      }
    }
    return out;
  }

  private static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  private static void mkfifo(Path p) throws IOException, InterruptedException {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/mkfifo")), "mkfifo is needed");
    Files.createDirectories(p.getParent());
    Process pr = new ProcessBuilder("/usr/bin/mkfifo", p.toString()).inheritIO().start();
    assertEquals(0, pr.waitFor());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        ".superloop/ops-manager",
        ".superloop/ops-manager/demo-loop",
        ".superloop/ops-manager/demo-loop/telemetry"
      })
  void aLinkedDirectoryOfTheLoopIsRefusedAndNothingIsWrittenThroughIt(String dir)
      throws IOException {
    step(); // a first step writes every file, telemetry/ included
    Path link = repo.resolve(dir);
    Path moved = tmp.resolve("moved");
    Files.move(link, moved);
    Files.createSymbolicLink(link, outside);
    Map<String, String> before = tree(outside);
    VisibilityException e = failedStep();
    assertEquals(ErrorCode.SYMLINK_REFUSED, e.code(), e.getMessage());
    assertTrue(e.getMessage().contains(link.toString()), "names the link: " + e.getMessage());
    assertEquals(before, tree(outside));
    VisibilitySummary status = plane().status();
    assertFalse(status.unreadable().isEmpty());
    assertTrue(
        status.unreadable().values().stream().allMatch("symlink_refused"::equals),
        status.unreadable().toString());
    assertEquals(before, tree(outside));
  }

  /**
   * A linked state file, log (the case: the target's unterminated last line was cut and
   * rows appended to it) or lock file: refused naming the link, the link and its target left as
   * they are.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "health.json:health.json",
        "telemetry/reconcile.jsonl:reconcile.jsonl",
        ".lock:health.json"
      })
  void aLinkedFileOfTheLoopIsRefusedAndWhatItLeadsToIsKept(String fileAndTarget)
      throws IOException {
    String file = fileAndTarget.split(":")[0];
    Path link = ops.resolve(file);
    step();
    Files.delete(link);
    Files.createSymbolicLink(link, outside.resolve(fileAndTarget.split(":")[1]));
    Map<String, String> before = tree(outside);
    VisibilityException e = failedStep();
    assertEquals(ErrorCode.SYMLINK_REFUSED, e.code());
    assertTrue(e.getMessage().contains(link.toString()), e.getMessage());
    assertTrue(Files.isSymbolicLink(link), "the link is left for the operator");
    assertEquals(before, tree(outside));
    Map<String, String> expected =
        file.endsWith(".jsonl") ? Map.of(file, "symlink_refused") : Map.of();
    assertEquals(expected, plane().status().unreadable());
  }

  @Test
  void theDirectoriesAboveOpsManagerMayBeLinks() throws IOException {
    Path real = Files.createDirectories(tmp.resolve("elsewhere"));
    Files.move(repo.resolve(".superloop"), real.resolve(".superloop"));
    Files.createSymbolicLink(repo.resolve(".superloop"), real.resolve(".superloop"));
    assertEquals(IngestStatus.SUCCESS, step().status());
    assertTrue(Files.isRegularFile(real.resolve(".superloop/ops-manager/demo-loop/health.json")));
  }

  @Test
  void aFifoInPlaceOfALogIsAnErrorNotAHang() throws Exception {
    step();
    Files.delete(ops.resolve("telemetry/sequence.jsonl"));
    mkfifo(ops.resolve("telemetry/sequence.jsonl"));
    VisibilityException e = failedStep();
    assertEquals(ErrorCode.NOT_REGULAR_FILE, e.code(), e.getMessage());
    assertEquals(
        Map.of("telemetry/sequence.jsonl", "not_regular_file"),
        assertTimeoutPreemptively(NO_HANG, () -> plane().status()).unreadable());
  }

  @ParameterizedTest
  @ValueSource(strings = {"fifo", "directory"})
  void aStateFileThatIsNotAFileIsRenamedAsideAndRewritten(String kind) throws Exception {
    step();
    Path seq = ops.resolve("sequence-state.json");
    Files.delete(seq);
    if (kind.equals("fifo")) {
      mkfifo(seq);
    } else {
      Files.createDirectory(seq);
    }
    assertEquals(
        Map.of("sequence-state.json", "not_regular_file"),
        assertTimeoutPreemptively(NO_HANG, () -> plane().status()).unreadable());
    ReconcileRow row = step();
    assertEquals(List.of(ReasonCode.PREVIOUS_STATE_UNREADABLE), List.copyOf(row.warnings()));
    assertTrue(Files.isRegularFile(seq, LinkOption.NOFOLLOW_LINKS));
    try (Stream<Path> s = Files.list(ops)) {
      assertEquals(
          1,
          s.filter(p -> p.getFileName().toString().startsWith("sequence-state.json.corrupt-"))
              .count());
    }
    assertTrue(plane().status().unreadable().isEmpty());
  }

  @Test
  void runtimeFilesMayBeLinksToRegularFilesOutside() throws IOException {
    Path rt = repo.resolve(".superloop/loops/" + LOOP);
    Files.writeString(outside.resolve("events.jsonl"), event(1) + event(2) + event(3));
    Files.delete(rt.resolve("events.jsonl"));
    Files.createSymbolicLink(rt.resolve("events.jsonl"), outside.resolve("events.jsonl"));
    Map<String, String> before = tree(outside);
    ReconcileRow row = step();
    assertEquals(IngestStatus.SUCCESS, row.status());
    assertEquals(3, row.eventsIngested());
    assertEquals(before, tree(outside));
  }

  /**
   * Puts a link loop, a directory, a FIFO or a link to the device {@code kind} in place of {@code
   * f}.
   */
  private static void replaceWith(Path f, String kind) throws IOException, InterruptedException {
    Files.delete(f);
    switch (kind) {
      case "loop" -> Files.createSymbolicLink(f, f);
      case "directory" -> Files.createDirectory(f);
      case "fifo" -> mkfifo(f);
      default -> {
        assumeTrue(Files.exists(Path.of(kind)));
        Files.createSymbolicLink(f, Path.of(kind));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/dev/zero", "/dev/null", "loop", "directory", "fifo"})
  void anEventsLogThatIsNotARegularFileIsAFailedIngestNotASpinOrAHang(String kind)
      throws Exception {
    replaceWith(repo.resolve(".superloop/loops/" + LOOP + "/events.jsonl"), kind);
    ReconcileRow row = step();
    assertEquals(IngestStatus.FAILED, row.status());
    assertEquals(FailureCode.EVENTS_UNAVAILABLE, row.failureCode().orElseThrow());
    assertTrue(
        row.failureMessage().orElse("").contains("not a regular file"),
        row.failureMessage().toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/dev/zero", "loop", "directory", "fifo"})
  void aHeartbeatThatIsNotARegularFileIsAFailedRowNotAHang(String kind) throws Exception {
    replaceWith(repo.resolve(".superloop/loops/" + LOOP + "/heartbeat.v1.json"), kind);
    ReconcileRow row = step();
    assertEquals(IngestStatus.SUCCESS, row.status());
    assertTrue(
        row.warnings().contains(ReasonCode.INVALID_HEARTBEAT_PAYLOAD), row.warnings().toString());
  }

  @Test
  void anOverriddenPathOutsideOpsManagerIsNeverFollowedAtItsLastComponent() throws IOException {
    Path elsewhere = Files.createDirectories(tmp.resolve("custom"));
    Files.createSymbolicLink(elsewhere.resolve("health.json"), outside.resolve("health.json"));
    Map<String, String> before = tree(outside);
    VisibilityPlane plane =
        PlaneAccess.builder(
                io.superloop.visibility.core.store.LoopLayout.of(repo, LOOP)
                    .withPath(
                        io.superloop.visibility.core.store.LoopArtifact.HEALTH,
                        elsewhere.resolve("health.json")))
            .durability(Durability.NONE)
            .build();
    VisibilityException e =
        assertThrows(VisibilityException.class, () -> plane.reconcileLocal(StepOptions.defaults()));
    assertEquals(ErrorCode.SYMLINK_REFUSED, e.code());
    assertEquals(before, tree(outside));
  }
}
