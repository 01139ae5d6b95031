package io.superloop.visibility.core.plane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.superloop.visibility.core.plane.HostileChild.Kind;
import io.superloop.visibility.core.store.ChildJvm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile-input corpus of issue 14: for every file the plane reads (the runtime's events log
 * and heartbeat, each state file, each log of the loop, the step journal) and each kind of hostile
 * input (FIFO, a link to {@code /dev/zero}, a directory, a link loop, a link to a file outside the
 * repository, a 50 MB line, a huge document, deep nesting, invalid UTF-8, a byte order mark, NUL),
 * a child JVM with a 32 MiB heap runs status, one reconcile step and status again. Each returns a
 * typed error or a reason code (never a hang, a stack trace or an {@link OutOfMemoryError}),
 * exactly the one this test expects from the file's role, and nothing outside the repository
 * changes.
 *
 * <p>The expectations are restated here from the issue, the contract and the documented limits, not
 * taken from the code: the loop's own files are never used through a link ({@code
 * symlink_refused}); a FIFO, device or directory is never opened ({@code not_regular_file}, or a
 * state renamed aside as unreadable, H2); a state beyond its limits is unreadable; a log row beyond
 * them is skipped and the row before it found; status leaves out the section of an unreadable file.
 */
class HostileInputCorpusTest {
  @TempDir Path tmp;

  private static final Set<String> STATUS_STATES =
      Set.of("heartbeat.json", "sequence-state.json", "alert-dispatch-state.json");
  private static final Set<String> STEP_STATES =
      Set.of(
          "heartbeat.json",
          "sequence-state.json",
          "health.json",
          "cursor.json",
          "telemetry/transport-health.json");
  private static final Set<String> APPENDED_LOGS =
      Set.of(
          "escalations.jsonl",
          "telemetry/reconcile.jsonl",
          "telemetry/heartbeat.jsonl",
          "telemetry/sequence.jsonl");
  private static final Map<String, String> SECTION_OF =
      Map.of(
          "heartbeat.json", "heartbeat",
          "telemetry/heartbeat.jsonl", "heartbeat",
          "sequence-state.json", "sequence",
          "telemetry/sequence.jsonl", "sequence",
          "telemetry/control-invocations.jsonl", "invocationAudit",
          "telemetry/control-invocations.inflight.jsonl", "invocationAudit");

  private static final String OK = "ok success failure=- warnings=[]";

  private static String ok(String warning) {
    return "ok success failure=- warnings=[" + warning + "]";
  }

  private static boolean isLink(Kind k) {
    return k == Kind.DEV_ZERO || k == Kind.SYMLINK_LOOP || k == Kind.SYMLINK_OUTSIDE;
  }

  private static boolean notAFile(Kind k) {
    return k == Kind.FIFO || k == Kind.DIRECTORY;
  }

  /** What a state document of this kind reads as: an error code, or null when it reads normally. */
  private static @Nullable String documentCode(Kind k) {
    return switch (k) {
      case HUGE_LINE, HUGE_DOCUMENT, DEEP_NESTING -> "limit_exceeded";
      case INVALID_UTF8, NUL -> "invalid_json";
      case FIFO, DIRECTORY -> "not_regular_file";
      case DEV_ZERO, SYMLINK_LOOP, SYMLINK_OUTSIDE -> "symlink_refused";
      case BOM -> null; // skipped before the document, as jq skips it
    };
  }

  private static String status(Map<String, String> unreadable) {
    List<String> sections = new ArrayList<>();
    for (String s : List.of("heartbeat", "sequence", "invocationAudit")) {
      if (unreadable.keySet().stream().noneMatch(f -> s.equals(SECTION_OF.get(f)))) {
        sections.add(s);
      }
    }
    return "ok sections=" + String.join(",", sections) + " unreadable=" + new TreeMap<>(unreadable);
  }

  /** The expected {before, step, after} outcome of {@code kind} in place of {@code file}. */
  static List<String> expected(String file, Kind kind) {
    String none = status(Map.of());
    if (file.endsWith("/events.jsonl")) {
      String step =
          switch (kind) {
            case FIFO, DEV_ZERO, DIRECTORY, SYMLINK_LOOP ->
                "ok failed failure=events_unavailable warnings=[]";
            case SYMLINK_OUTSIDE, BOM -> OK; // a runtime file may be a link; a BOM is skipped (jq)
            case INVALID_UTF8 -> OK; // jq reads invalid UTF-8 as U+FFFD: still an event
            default -> ok("event_line_malformed");
          };
      return List.of(none, step, none);
    }
    if (file.endsWith("/heartbeat.v1.json")) {
      String step =
          switch (kind) {
            case HUGE_LINE, HUGE_DOCUMENT -> ok("heartbeat_payload_too_large");
            case SYMLINK_OUTSIDE, INVALID_UTF8, BOM -> OK;
            default -> ok("invalid_heartbeat_payload");
          };
      return List.of(none, step, none);
    }
    if (file.endsWith("/.step-journal")) {
      // never read through a link nor opened unless a regular file; bytes that are no whole record
      // are a write cut short, dropped; a whole record beyond stepJournalBytes is kept, the step
      // stops
      String step =
          isLink(kind)
              ? "error symlink_refused"
              : notAFile(kind)
                  ? "error not_regular_file"
                  : kind == Kind.HUGE_DOCUMENT ? "error limit_exceeded" : OK;
      return List.of(none, step, none); // status never reads the journal
    }
    String name = file.substring(file.indexOf("/demo-loop/") + "/demo-loop/".length());
    boolean jsonl = name.endsWith(".jsonl");
    boolean statusReads = jsonl ? !name.equals("escalations.jsonl") : STATUS_STATES.contains(name);
    @Nullable String code =
        jsonl
            ? (isLink(kind) ? "symlink_refused" : notAFile(kind) ? "not_regular_file" : null)
            : documentCode(kind);
    String before = statusReads && code != null ? status(Map.of(name, code)) : none;
    String step;
    String after = before;
    if (jsonl) {
      boolean stepReads = APPENDED_LOGS.contains(name) || name.equals("intents.jsonl");
      step = stepReads && code != null ? "error " + code : OK;
    } else if (STEP_STATES.contains(name)) {
      if (isLink(kind)) {
        step = "error symlink_refused";
      } else if (code != null) {
        step = ok("previous_state_unreadable"); // renamed aside and written anew (H2)
        after = none;
      } else {
        step = OK;
      }
    } else if (name.equals("state.json")) {
      step =
          isLink(kind)
              ? "error symlink_refused"
              : OK; // another component's file: unreadable is absent
    } else {
      step = OK; // alert-dispatch-state.json: status only
    }
    return List.of(before, step, after);
  }

  private static Map<String, String> hashes(Path dir) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        if (Files.isRegularFile(p)) {
          byte[] d = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p));
          out.put(dir.relativize(p).toString(), java.util.HexFormat.of().formatHex(d));
        }
      }
    }
    return out;
  }

  /** Runs the child, returns its stdout lines; fails naming the case in progress on a hang. */
  static List<String> runChild(Path tmp, String... args) throws Exception {
    Path log = tmp.resolve("child.out");
    Process p =
        ChildJvm.builder("32m", HostileChild.class, args).redirectOutput(log.toFile()).start();
    boolean done = p.waitFor(20, TimeUnit.MINUTES); // a guard against a hang, not a speed check
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    if (!done) {
      p.destroyForcibly().waitFor();
      fail(
          "the child hung at: "
              + lines.stream().filter(l -> l.startsWith("START")).reduce((a, b) -> b).orElse("?"));
    }
    assertEquals(
        0,
        p.exitValue(),
        "child exit status; last lines: "
            + lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    assertTrue(lines.get(lines.size() - 1).startsWith("DONE"), String.valueOf(lines));
    return lines;
  }

  @Test
  void everyFileAndEveryKindGivesItsTypedOutcomeIn32MiBAndNothingOutsideChanges() throws Exception {
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/mkfifo")) && Files.exists(Path.of("/dev/zero")),
        "a POSIX system");
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    StringBuilder events = new StringBuilder();
    for (int i = 1; i <= 5; i++) {
      events.append(HostileChild.event(i));
    }
    Files.writeString(outside.resolve("events.jsonl"), events);
    Files.writeString(
        outside.resolve("heartbeat.v1.json"),
        HostileChild.heartbeat(HostileChild.T2.minusSeconds(5)));
    Files.writeString(outside.resolve("any.json"), "{\"keep\":true}\n");
    Files.writeString(outside.resolve("any.jsonl"), "{\"row\":1}\n{\"torn\":");
    Map<String, String> before = hashes(outside);

    List<String> lines =
        runChild(tmp, "corpus", tmp.resolve("work").toString(), outside.toString());

    Map<String, List<String>> got = new LinkedHashMap<>();
    for (String l : lines) {
      String[] f = l.split("\t", -1);
      if (f[0].equals("RESULT")) {
        got.put(f[1] + " " + f[2], List.of(f[3], f[4], f[5]));
      }
    }
    List<String> wrong = new ArrayList<>();
    int cases = 0;
    for (String file : HostileChild.files()) {
      for (Kind kind : Kind.values()) {
        cases++;
        List<String> want = expected(file, kind);
        List<String> have = got.get(file + " " + kind.id());
        if (!want.equals(have)) {
          wrong.add(file + " " + kind.id() + "\n    want " + want + "\n    have " + have);
        }
      }
    }
    assertEquals(List.of(), wrong, wrong.size() + " of " + cases + " cases differ");
    assertEquals(before, hashes(outside), "files outside the repository changed");
    System.out.println(
        "[hostile-corpus] " + cases + " cases at -Xmx32m, " + lines.get(lines.size() - 1));
  }
}
