package io.superloop.visibility.core.plane;

import io.superloop.visibility.api.Transport;
import io.superloop.visibility.api.audit.ControlRequest;
import io.superloop.visibility.api.audit.Intent;
import java.util.Objects;
import java.util.Optional;

/**
 * One control action a service is about to take, as {@link VisibilityPlane#control(ControlCall)}
 * records it: its intent and who asked, and optionally a note, an idempotency key, a trace id, the
 * transport and the options it runs with. Immutable; each {@code with}-style method returns a copy.
 *
 * <p>What is not given is resolved when the action starts: the idempotency key is generated
 * (contract 4.2, H6 under hardened rules), the trace id comes from the plane's environment or is
 * generated, {@code requestedBy} is {@code $USER} or {@code unknown}, the transport is {@code
 * local} and the options are {@link ControlRequest#DEFAULT}.
 */
public final class ControlCall {
  private final Intent intent;
  private final Optional<String> requestedBy;
  private final Optional<String> note;
  private final Optional<String> idempotencyKey;
  private final Optional<String> traceId;
  private final Transport transport;
  private final ControlRequest options;

  private ControlCall(
      Intent intent,
      Optional<String> requestedBy,
      Optional<String> note,
      Optional<String> idempotencyKey,
      Optional<String> traceId,
      Transport transport,
      ControlRequest options) {
    this.intent = intent;
    this.requestedBy = requestedBy;
    this.note = note;
    this.idempotencyKey = idempotencyKey;
    this.traceId = traceId;
    this.transport = transport;
    this.options = options;
  }

  /**
   * A call of {@code intent} with every default.
   *
   * @param intent the action's intent
   * @return the call
   */
  public static ControlCall of(Intent intent) {
    return new ControlCall(
        Objects.requireNonNull(intent, "intent"),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Transport.LOCAL,
        ControlRequest.DEFAULT);
  }

  /** {@return a call to cancel the loop's run} */
  public static ControlCall cancel() {
    return of(Intent.CANCEL);
  }

  /** {@return a call to approve the pending approval} */
  public static ControlCall approve() {
    return of(Intent.APPROVE);
  }

  /** {@return a call to reject the pending approval} */
  public static ControlCall reject() {
    return of(Intent.REJECT);
  }

  /**
   * This call, asked by {@code who} ({@code --by}).
   *
   * @param who who asked
   * @return a copy
   */
  public ControlCall requestedBy(String who) {
    return new ControlCall(
        intent, Optional.of(who), note, idempotencyKey, traceId, transport, options);
  }

  /**
   * This call with an operator's note ({@code --note}; an empty note is omitted from the rows).
   *
   * @param text the note
   * @return a copy
   */
  public ControlCall note(String text) {
    return new ControlCall(
        intent, requestedBy, Optional.of(text), idempotencyKey, traceId, transport, options);
  }

  /**
   * This call with the caller's idempotency key ({@code --idempotency-key}; empty means generate
   * one).
   *
   * @param key the key, kept as given
   * @return a copy
   */
  public ControlCall idempotencyKey(String key) {
    return new ControlCall(
        intent, requestedBy, note, Optional.of(key), traceId, transport, options);
  }

  /**
   * This call with an explicit trace id ({@code --trace-id}); validated when the action starts.
   *
   * @param id the trace id; empty means none
   * @return a copy
   */
  public ControlCall traceId(String id) {
    return new ControlCall(
        intent, requestedBy, note, idempotencyKey, Optional.of(id), transport, options);
  }

  /**
   * This call over {@code via} (default {@code local}).
   *
   * @param via the transport the action uses
   * @return a copy
   */
  public ControlCall transport(Transport via) {
    return new ControlCall(
        intent,
        requestedBy,
        note,
        idempotencyKey,
        traceId,
        Objects.requireNonNull(via, "via"),
        options);
  }

  /**
   * This call with its confirmation and retry options (default {@link ControlRequest#DEFAULT}),
   * recorded in the invocation row's {@code request}.
   *
   * @param request the options
   * @return a copy
   */
  public ControlCall options(ControlRequest request) {
    return new ControlCall(
        intent,
        requestedBy,
        note,
        idempotencyKey,
        traceId,
        transport,
        Objects.requireNonNull(request, "request"));
  }

  /** {@return the intent} */
  public Intent intent() {
    return intent;
  }

  /** {@return who asked, when given} */
  public Optional<String> requestedBy() {
    return requestedBy;
  }

  /** {@return the operator's note, when given} */
  public Optional<String> note() {
    return note;
  }

  /** {@return the caller's idempotency key, when given} */
  public Optional<String> idempotencyKey() {
    return idempotencyKey;
  }

  /** {@return the explicit trace id, when given} */
  public Optional<String> traceId() {
    return traceId;
  }

  /** {@return the transport} */
  public Transport transport() {
    return transport;
  }

  /** {@return the confirmation and retry options} */
  public ControlRequest options() {
    return options;
  }

  @Override
  public String toString() {
    return "ControlCall[" + intent.wire() + ", " + transport.wire() + "]";
  }
}
