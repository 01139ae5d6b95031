package io.superloop.visibility.testkit.cli;

import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.sequence.SequenceCodecs;
import io.superloop.visibility.api.sequence.SequenceState;
import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.core.sequence.PreviousSequence;
import io.superloop.visibility.core.sequence.SequenceValidator;
import io.superloop.visibility.core.sequence.SequenceValues;
import io.superloop.visibility.core.sequence.SequenceVerdict;
import io.superloop.visibility.core.source.LineKind;
import io.superloop.visibility.core.source.LocalEventSource;
import io.superloop.visibility.core.source.ScanResult;
import io.superloop.visibility.core.source.ScanStart;
import io.superloop.visibility.core.store.StateFile;
import io.superloop.visibility.core.store.StateRead;
import io.superloop.visibility.core.time.Timestamps;
import io.superloop.visibility.core.trace.TraceIds;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code scan-events EVENTS_JSONL}: streams a runtime events log through the local source and the
 * validator in constant memory and prints the resulting sequence state.
 */
final class ScanEventsCommand {
  static final String USAGE =
      String.join(
          "\n",
          "usage: visibility-conformance scan-events EVENTS_JSONL [--from-line N]",
          "           [--previous SEQUENCE_STATE] [--loop LOOP_ID] [--rules reference|hardened]",
          "",
          "Streams a runtime events.jsonl (from line N, default 1) through the local envelope source and",
          "the sequence validator in constant memory, against an optional previous sequence-state.json,",
          "and prints the resulting sequence state. Exit status 1 when ordering drift is detected.",
          "Default rules: hardened.");

  private final PrintStream out;

  ScanEventsCommand(PrintStream out) {
    this.out = out;
  }

  int run(List<String> argv) {
    Args a = Args.parse(argv, Set.of("rules", "from-line", "previous", "loop"));
    if (a.help) {
      out.println(USAGE);
      return 0;
    }
    a.expectPositional(1, 1, "scan-events EVENTS_JSONL [--from-line N] [--previous SEQUENCE_STATE]");
    Path events = Paths.get(a.positional.get(0));
    if (!Files.isRegularFile(events)) {
      throw new UsageException("no such events log: " + events);
    }
    long fromLine = a.longOption("from-line", 1);
    if (fromLine < 1) {
      throw new UsageException("--from-line is 1 or more");
    }
    VisibilityRules rules = a.rules("hardened");
    Optional<SequenceState> previous = readPrevious(a.option("previous"));
    SequenceValidator validator = new SequenceValidator(rules);
    SequenceValidator.Batch batch = validator.begin(PreviousSequence.of(previous), false);
    ScanResult scan =
        new LocalEventSource()
            .scan(
                events,
                ScanStart.afterLines(fromLine - 1),
                (line, kind, buf, off, len) ->
                    batch.event(kind == LineKind.EVENT ? line : SequenceValues.MISSING));
    batch.snapshot(scan.newlineCount());
    SequenceVerdict v = batch.finish();
    String loopId =
        a.option("loop")
            .orElseGet(() -> previous.map(SequenceState::loopId).orElse("scan-events"));
    SequenceState state =
        v.toState(
            Timestamps.format(Instant.now()),
            loopId,
            TraceIds.generate(rules.idStyle(), new SecureRandom()),
            Transport.LOCAL);
    out.print(SequenceCodecs.STATE.encodeLine(state));
    if (scan.malformed() > 0) {
      System.err.println(
          "warning: " + ReasonCode.EVENT_LINE_MALFORMED.wire() + ": " + scan.malformed() + " malformed line(s)");
    }
    return v.driftActive() ? 1 : 0;
  }

  private static Optional<SequenceState> readPrevious(Optional<String> file) {
    if (file.isEmpty()) {
      return Optional.empty();
    }
    // read as the plane reads a state file: a regular file within ReadLimits.DEFAULT
    StateRead<SequenceState> r = StateFile.of(Paths.get(file.get()), SequenceCodecs.STATE).read();
    if (!(r instanceof StateRead.Present<SequenceState> p)) {
      throw r.isUnreadable()
          ? ((StateRead.Unreadable<SequenceState>) r).toException()
          : new UsageException("no such --previous file: " + file.get());
    }
    return Optional.of(p.value());
  }
}
