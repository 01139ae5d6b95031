package io.superloop.visibility.api.audit;

import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.audit.internal.ImmutableIntentRow;
import io.superloop.visibility.api.internal.Checks;
import io.superloop.visibility.api.internal.VisibilityStyle;
import io.superloop.visibility.api.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * One row of {@code OPS/intents.jsonl}, the control intent log (contract 1.9); the same object is
 * the control call's stdout and the {@code result} of the sprite service's control answer.
 * Null-filtered; no {@code schemaVersion}. The health evaluation reads only the last row's {@link
 * #status()} (contract 4.6).
 *
 * <p>The library's control writer sets every field of contract 1.9; on read only {@code timestamp},
 * {@code loopId}, {@code intent} and {@code status} are required, since hand-written and older rows
 * (the reference's own test fixtures) carry fewer fields, in another key order. The key order of a
 * row read is kept and written back; a built row is written in the contract's order.
 */
@Value.Immutable
@VisibilityStyle
public abstract class IntentRow {

  /**
   * {@return a new builder} Its {@code build()} throws {@link IllegalStateException} when a
   * required attribute is unset, and {@link io.superloop.visibility.api.VisibilityException}
   * ({@link io.superloop.visibility.api.ErrorCode#INVALID_LOOP_ID}) when a value breaks the
   * record's contract checks.
   */
  public static ImmutableIntentRow.Builder builder() {
    return ImmutableIntentRow.builder();
  }

  /**
   * {@return the time of the row (computed separately from the invocation's completion), as
   * written}
   */
  public abstract String timestamp();

  /** {@return the loop id; a valid loop id} */
  public abstract String loopId();

  /** {@return the intent} */
  public abstract Intent intent();

  /** {@return the control trace; always written by the library} */
  public abstract Optional<TraceId> traceId();

  /** {@return who asked; always written by the library} */
  public abstract Optional<String> requestedBy();

  /** {@return the operator's note; omitted when empty (an empty string is normalised to absent)} */
  public abstract Optional<String> note();

  /** {@return the transport; always written by the library} */
  public abstract Optional<Transport> transport();

  /** {@return the outcome status (same as the invocation row's {@code outcome.status})} */
  public abstract OutcomeStatus status();

  /**
   * {@return the command (see {@link ControlExecution#command()}); always written by the library}
   */
  public abstract Optional<String> command();

  /** {@return the idempotency key; always written by the library} */
  public abstract Optional<String> idempotencyKey();

  /** {@return the command's (or service response's) exit code; always written by the library} */
  public abstract OptionalLong exitCode();

  /** {@return the confirm exit code; always written by the library} */
  public abstract OptionalLong confirmExitCode();

  /** {@return whether the effect was confirmed; always written by the library} */
  public abstract Optional<Boolean> confirmed();

  /**
   * {@return the command output (same content as {@code execution.output}); omitted when empty (an
   * empty string is normalised to absent)}
   */
  public abstract Optional<String> commandOutput();

  /** {@return the confirm result object, raw (nulls kept); omitted when there is none} */
  public abstract Optional<JsonValue> confirm();

  /**
   * {@return fields of a newer writer this version does not know, kept in order and written back}
   */
  public abstract Map<String, JsonValue> unknownFields();

  /**
   * {@return the keys of the row as read, in document order (empty for a built row, which is
   * written in the contract's order); not part of equality}
   */
  @Value.Auxiliary
  public abstract List<String> keyOrder();

  /** {@return this record, normalised; called by the generated implementation} */
  @Value.Check
  protected IntentRow normalize() {
    Checks.loopId(loopId());
    ImmutableIntentRow r = ImmutableIntentRow.copyOf(this);
    boolean changed = false;
    if (note().isPresent() && note().get().isEmpty()) {
      r = r.withNote(Optional.empty());
      changed = true;
    }
    if (commandOutput().isPresent() && commandOutput().get().isEmpty()) {
      r = r.withCommandOutput(Optional.empty());
      changed = true;
    }
    return changed ? r : this;
  }

  /** Checks the contract rules of this record; called by the generated implementation. */
  @Value.Check
  protected void checkRawValues() {
    Checks.notJsonNull("confirm", confirm());
  }
}
