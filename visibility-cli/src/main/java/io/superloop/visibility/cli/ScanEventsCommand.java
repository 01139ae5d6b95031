package io.superloop.visibility.cli;

import io.superloop.visibility.api.Codecs;
import io.superloop.visibility.api.ReasonCode;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.sequence.SequenceState;
import io.superloop.visibility.core.rules.VisibilityRules;
import io.superloop.visibility.core.sequence.SequenceValidator;
import io.superloop.visibility.core.sequence.SequenceVerdict;
import io.superloop.visibility.core.source.LineKind;
import io.superloop.visibility.core.source.LocalEventSource;
import io.superloop.visibility.core.source.ScanResult;
import io.superloop.visibility.core.source.ScanStart;
import io.superloop.visibility.core.store.StateFile;
import io.superloop.visibility.core.store.StateRead;
import io.superloop.visibility.core.time.Timestamps;
import io.superloop.visibility.core.trace.IdStyle;
import io.superloop.visibility.core.trace.TraceIds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code scan-events EVENTS_JSONL}: streams a runtime events log through the local source and the
 * validator in constant memory and prints the resulting sequence state.
 */
@Command(
    name = "scan-events",
    mixinStandardHelpOptions = true,
    description = {
      "Streams a runtime events.jsonl (from line N, default 1) through the local envelope source and",
      "the sequence validator in constant memory, against an optional previous sequence-state.json,",
      "and prints the resulting sequence state. Exit status 1 when ordering drift is detected.",
      "Default rules: hardened."
    })
final class ScanEventsCommand implements Callable<Integer> {
  @SuppressWarnings("NullAway.Init") // set by picocli
  @Spec
  CommandSpec spec;

  @SuppressWarnings("NullAway.Init") // set by picocli
  @Parameters(index = "0", paramLabel = "EVENTS_JSONL", description = "The runtime's events log.")
  Path events;

  @Option(
      names = "--from-line",
      paramLabel = "N",
      description = "The first line of the batch (default: ${DEFAULT-VALUE}).")
  long fromLine = 1;

  @Option(
      names = "--previous",
      paramLabel = "SEQUENCE_STATE",
      description = "The previous step's sequence-state.json.")
  @Nullable Path previousFile;

  @Option(
      names = "--loop",
      paramLabel = "LOOP_ID",
      description = "The loop id of the printed state.")
  @Nullable String loop;

  @Option(
      names = "--rules",
      paramLabel = "PRESET",
      description = "reference or hardened (default: ${DEFAULT-VALUE}).")
  Rules rules = Rules.hardened;

  @Override
  public Integer call() {
    if (!Files.isRegularFile(events)) {
      throw new CliException("no such events log: " + events);
    }
    if (fromLine < 1) {
      throw new CliException("--from-line is 1 or more, not " + fromLine);
    }
    VisibilityRules preset = rules.rules();
    Optional<SequenceState> previous = readPrevious(previousFile);
    SequenceValidator validator = new SequenceValidator(preset);
    SequenceValidator.Batch batch = validator.begin(previous, false);
    ScanResult scan =
        new LocalEventSource()
            .scan(
                events,
                ScanStart.afterLines(fromLine - 1),
                (line, kind, buf, off, len) ->
                    batch.event(kind == LineKind.EVENT ? line : SequenceValidator.MISSING));
    batch.snapshot(scan.newlineCount());
    SequenceVerdict v = batch.finish();
    String loopId = loop != null ? loop : previous.map(SequenceState::loopId).orElse("scan-events");
    SequenceState state =
        v.toState(
            Timestamps.format(Instant.now()),
            loopId,
            TraceIds.generate(IdStyle.of(preset), new SecureRandom()),
            Transport.LOCAL);
    spec.commandLine().getOut().print(Codecs.SEQUENCE_STATE.encodeLine(state));
    if (scan.malformed() > 0) {
      spec.commandLine()
          .getErr()
          .println(
              "warning: "
                  + ReasonCode.EVENT_LINE_MALFORMED.wire()
                  + ": "
                  + scan.malformed()
                  + " malformed line(s)");
    }
    return v.driftActive() ? Main.FINDINGS : Main.OK;
  }

  private static Optional<SequenceState> readPrevious(@Nullable Path file) {
    if (file == null) {
      return Optional.empty();
    }
    // read as the plane reads a state file: a regular file within ReadLimits.DEFAULT
    StateRead<SequenceState> r = StateFile.of(file, Codecs.SEQUENCE_STATE).read();
    if (!(r instanceof StateRead.Present<SequenceState> p)) {
      throw r.isUnreadable()
          ? ((StateRead.Unreadable<SequenceState>) r).toException()
          : new CliException("no such --previous file: " + file);
    }
    return Optional.of(p.value());
  }
}
