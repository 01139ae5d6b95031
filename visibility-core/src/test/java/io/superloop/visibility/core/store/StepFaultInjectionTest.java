package io.superloop.visibility.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.core.plane.VisibilityPlane;
import io.superloop.visibility.core.rules.Durability;
import io.superloop.visibility.core.rules.TelemetryRetention;
import io.superloop.visibility.core.rules.VisibilityRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fault injection over one whole reconcile step, for both transports. A loop has taken two steps
 * (lines 1-6); the runtime appends lines 7-9 and the next step, {@code faulty}, is interrupted:
 *
 * <ul>
 *   <li>by an I/O error at its k-th file operation, for every k (open, write, force, truncate,
 *       rename, directory force, delete, mkdirs, list), and again with half of a failing write's
 *       bytes written first (a full disk in the middle of a write);
 *   <li>by a power cut after its k-th recorded operation, for every k: only what was forced
 *       survives (file contents at their last force, directory entries at their directory's last
 *       force), and again with half of each file's unforced appended bytes surviving.
 * </ul>
 *
 * A third run has the faulty step rotate its three telemetry logs (retention at 500 bytes). Then
 * the runtime appends lines 10-11 and one clean step runs. Every artifact must parse (no
 * unparseable or torn line, no temp file, an empty journal); the reconcile rows must chain (each
 * step starts where the previous one ended, from line 0 to line 11, so no line is lost or counted
 * twice), and the {@code faulty} step must have happened fully (its reconcile, sequence and
 * heartbeat rows all present, once) or not at all (none of them), with the sequence state covering
 * every line.
 */
class StepFaultInjectionTest {
  private static final int FAULTY_LINES = 3;
  private static final int LATER_LINES = 2;

  /**
   * Every fault of every case, and each power cut twice (with half of the unforced bytes kept too):
   * {@code -Dstore.fault.exhaustive=true} ({@code -Plong}). By default the sprite_service case
   * takes every other fault and cut point, the rotating case every third, and a power cut keeps
   * half of the unforced bytes at every other cut point.
   */
  private static final boolean EXHAUSTIVE = Boolean.getBoolean("store.fault.exhaustive");

  @TempDir Path tmp;

  /** Counts of a run, printed as figures. */
  private static final class Figures {
    int operations;
    int errorRuns;
    int partialWriteRuns;
    int powerCuts;
    int faultyStepHappened;
    int faultyStepNeverHappened;
    int recoveredWarnings;
    long linesLost;
    long linesTwice;
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(Transport.LOCAL, false),
        Arguments.of(Transport.SPRITE_SERVICE, false),
        Arguments.of(Transport.LOCAL, true));
  }

  /**
   * @param transport the transport
   * @param rotating whether the faulty step also rotates its three telemetry logs (retention at 500
   *     bytes)
   */
  @ParameterizedTest
  @MethodSource("cases")
  void everyFaultOfAStepLeavesAllOrNothing(Transport transport, boolean rotating)
      throws IOException {
    Figures fig = new Figures();
    VisibilityRules rules =
        rotating
            ? VisibilityRules.hardened().withTelemetryRetention(new TelemetryRetention(500, 10))
            : VisibilityRules.hardened();
    TestLoop base =
        new TestLoop(tmp.resolve("base"), transport, rules, Durability.FSYNC_PER_RECORD);
    Files.createDirectories(base.layout().opsDir());
    Files.writeString(
        base.layout().path(LoopArtifact.STATE),
        "{\"schemaVersion\":\"v1\",\"transition\":{\"currentState\":\"running\"}}\n",
        StandardCharsets.UTF_8);
    base.append(3).step(NoSyncFileOps.INSTANCE, "trace-1");
    base.append(3).step(NoSyncFileOps.INSTANCE, "trace-2");
    base.append(FAULTY_LINES);

    // the operations of an undisturbed faulty step
    Path counted = tmp.resolve("counted");
    DiskImage.copyTree(base.repo, counted);
    AtomicInteger ops = new AtomicInteger();
    RecordingFileOps counter = new RecordingFileOps(NoSyncFileOps.INSTANCE);
    counter.fault(
        (op, path) -> {
          ops.incrementAndGet();
          return null;
        });
    base.at(counted).step(counter, "faulty");
    fig.operations = ops.get();
    assertTrue(fig.operations > 30, "a step does many file operations: " + fig.operations);

    // by default: every fault of the local step, every other of the sprite_service step (the same
    // writes), every third of the rotating step
    int stride = EXHAUSTIVE ? 1 : rotating ? 3 : transport == Transport.SPRITE_SERVICE ? 2 : 1;
    // an I/O error at each operation; for writes also after half of the bytes
    for (int k = 1; k <= fig.operations; k += stride) {
      for (boolean half : new boolean[] {false, true}) {
        Path dir = tmp.resolve("error-" + k + "-" + half);
        DiskImage.copyTree(base.repo, dir);
        TestLoop loop = base.at(dir);
        RecordingFileOps faulty = new RecordingFileOps(NoSyncFileOps.INSTANCE);
        AtomicInteger seen = new AtomicInteger();
        String[] failedOp = {""};
        int at = k;
        faulty.fault(
            new RecordingFileOps.Fault() {
              @Override
              public @Nullable IOException before(String op, Path path) {
                if (seen.incrementAndGet() != at) {
                  return null;
                }
                failedOp[0] = op;
                return new IOException(
                    op.equals("write") ? "No space left on device" : "Input/output error");
              }

              @Override
              public int partialWrite(Path path, int length) {
                return half ? length / 2 : 0;
              }
            });
        try {
          loop.step(faulty, "faulty");
        } catch (VisibilityException e) {
          assertTrue(e.file().isPresent() || e.getMessage() != null, "a reason-coded error: " + e);
        } catch (RuntimeException e) {
          fail("operation " + k + " (" + failedOp[0] + "): not a VisibilityException", e);
        }
        if (half && !failedOp[0].equals("write")) {
          DiskImage.deleteTree(dir);
          continue; // the same run as without half
        }
        if (half) {
          fig.partialWriteRuns++;
        } else {
          fig.errorRuns++;
        }
        finish(
            loop,
            fig,
            "error at operation " + k + " (" + failedOp[0] + (half ? ", half written" : "") + ")");
        DiskImage.deleteTree(dir);
      }
    }

    // a power cut after each recorded operation
    Path recorded = tmp.resolve("recorded");
    DiskImage.copyTree(base.repo, recorded);
    RecordingFileOps recorder = new RecordingFileOps(NoSyncFileOps.INSTANCE);
    DiskImage.Snapshot before = DiskImage.snapshot(recorded);
    base.at(recorded).step(recorder, "faulty");
    List<RecordingFileOps.Event> events = recorder.events();
    for (int cut = 0; cut <= events.size(); cut += stride) {
      for (boolean half : EXHAUSTIVE ? new boolean[] {false, true} : new boolean[] {cut % 2 == 1}) {
        DiskImage image = new DiskImage(before).apply(events.subList(0, cut));
        Path dir = tmp.resolve("cut-" + cut + "-" + half);
        image.materialize(dir, half);
        fig.powerCuts++;
        finish(
            base.at(dir),
            fig,
            "power cut after "
                + cut
                + " of "
                + events.size()
                + " operations"
                + (half ? ", half of unforced bytes kept" : ""));
        DiskImage.deleteTree(dir);
      }
    }

    if (rotating) {
      for (LoopArtifact a : LoopStore.ROTATED) {
        assertTrue(
            events.stream()
                .anyMatch(
                    e ->
                        e instanceof RecordingFileOps.Move m
                            && m.source().equals(base.at(recorded).layout().path(a))),
            "the faulty step rotates " + a);
      }
    }
    System.out.println(
        "[store-figures] fault injection, "
            + transport.wire()
            + (rotating ? " (rotating its logs)" : "")
            + ": file operations per step="
            + fig.operations
            + " errorRuns="
            + fig.errorRuns
            + " partialWriteRuns="
            + fig.partialWriteRuns
            + " powerCuts="
            + fig.powerCuts
            + " (of "
            + (events.size() + 1)
            + " cut points)"
            + " faultyStepHappened="
            + fig.faultyStepHappened
            + " neverHappened="
            + fig.faultyStepNeverHappened
            + " tornStepRecoveredWarnings="
            + fig.recoveredWarnings
            + " linesLost="
            + fig.linesLost
            + " linesCountedTwice="
            + fig.linesTwice);
    assertTrue(
        fig.faultyStepHappened > 0 && fig.faultyStepNeverHappened > 0, "both outcomes occur");
    assertTrue(fig.recoveredWarnings > 0, "some clean steps completed a torn step");
    assertEquals(0, fig.linesLost);
    assertEquals(0, fig.linesTwice);
  }

  /** The runtime appends more lines, one clean step runs; then the loop is checked. */
  private static void finish(TestLoop loop, Figures fig, String what) {
    loop.append(LATER_LINES);
    VisibilityPlane.Reconciliation clean;
    try {
      clean = loop.step(NoSyncFileOps.INSTANCE, "clean");
    } catch (RuntimeException e) {
      throw new AssertionError(what + ": the clean step failed", e);
    }
    try {
      check(loop, fig, clean);
    } catch (AssertionError | RuntimeException e) {
      throw new AssertionError(what + ": " + e.getMessage(), e);
    }
  }

  static void check(TestLoop loop, Figures fig, VisibilityPlane.Reconciliation clean) {
    int n = loop.lines();
    LoopChecks.Parsed p = LoopChecks.parseAll(loop.layout());

    // the faulty step happened fully or not at all
    List<String> traces = LoopChecks.traces(p.rows());
    boolean happened = traces.contains("faulty");
    List<String> expected =
        happened
            ? List.of("trace-1", "trace-2", "faulty", "clean")
            : List.of("trace-1", "trace-2", "clean");
    assertEquals(expected, traces, "reconcile rows");
    assertEquals(expected, p.sequenceRowTraces(), "sequence rows");
    assertEquals(expected, p.heartbeatRowTraces(), "heartbeat rows");
    if (happened) {
      fig.faultyStepHappened++;
    } else {
      fig.faultyStepNeverHappened++;
    }
    if (clean.warnings().contains(ReasonCode.TORN_STEP_RECOVERED)) {
      fig.recoveredWarnings++;
    }

    // the rows chain from line 0 to line n: no line lost, none counted twice
    long[] coveredTwice = LoopChecks.chain(p.rows());
    fig.linesLost += n - coveredTwice[0];
    fig.linesTwice += coveredTwice[1];
    assertEquals(n, coveredTwice[0], "every line read: " + traces);
    assertEquals(0, coveredTwice[1], "no line read twice: " + traces);

    // the states are the clean step's and cover every line
    assertEquals(n, p.cursor().eventLineOffset());
    assertEquals("clean", p.sequence().traceId().orElseThrow().value());
    assertEquals(n, p.sequence().snapshot().current().orElse(-1));
    assertEquals(n, p.sequence().events().highWater().orElse(-1));
    assertTrue(p.sequence().violations().isEmpty() && p.sequenceRowsClean(), "no drift");
    assertEquals("clean", p.health().traceId().orElseThrow().value());
    assertEquals("clean", p.stateJsonReconcileTraceId());
  }
}
