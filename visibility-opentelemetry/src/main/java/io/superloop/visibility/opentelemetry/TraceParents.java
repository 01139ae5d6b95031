package io.superloop.visibility.opentelemetry;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceId;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parent of a step's or a control action's span (docs/observability.md, "Spans"): the current
 * span when there is one; else the remote parent a {@code traceparent} names; else, for a bare W3C
 * trace id (32 hex digits) or a UUID read without its dashes, the synthetic remote parent {@link
 * #SYNTHETIC_PARENT_SPAN_ID} in that trace; else none (a new trace).
 */
final class TraceParents {
  private TraceParents() {}

  /**
   * The span id of the synthetic remote parent: "superloo" in ASCII. Every span joined to a
   * superloop trace id by its value alone is a child of this span id in that trace, which no
   * exporter ever receives: a trace view shows the spans of one superloop trace under one missing
   * parent.
   */
  static final String SYNTHETIC_PARENT_SPAN_ID = "73757065726c6f6f";

  /** How the span was parented (the {@code superloop.trace_link} attribute). */
  enum Link {
    /** The current OpenTelemetry context held a span. */
    CONTEXT("context"),
    /** The superloop trace id was a W3C {@code traceparent}. */
    TRACEPARENT("traceparent"),
    /** The superloop trace id was a bare W3C trace id (32 hex digits). */
    TRACE_ID("trace_id"),
    /** The superloop trace id was a UUID, read without its dashes. */
    UUID("uuid"),
    /** None of these: the span starts a new trace. */
    NONE("none");

    final String wire;

    Link(String wire) {
      this.wire = wire;
    }
  }

  /**
   * A parent context and how it was chosen.
   *
   * @param context the context to start the span in
   * @param link how
   */
  record Parent(Context context, Link link) {}

  private static final Pattern TRACEPARENT =
      Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
  private static final Pattern HEX32 = Pattern.compile("[0-9a-fA-F]{32}");
  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  static Parent of(Context current, String superloopTraceId) {
    if (Span.fromContext(current).getSpanContext().isValid()) {
      return new Parent(current, Link.CONTEXT);
    }
    Matcher tp = TRACEPARENT.matcher(superloopTraceId);
    if (tp.matches() && !tp.group(1).equals("ff")) {
      SpanContext remote =
          SpanContext.createFromRemoteParent(
              tp.group(2),
              tp.group(3),
              TraceFlags.fromHex(tp.group(4), 0),
              TraceState.getDefault());
      if (remote.isValid()) {
        return new Parent(current.with(Span.wrap(remote)), Link.TRACEPARENT);
      }
    }
    if (HEX32.matcher(superloopTraceId).matches()) {
      return synthetic(current, superloopTraceId, Link.TRACE_ID);
    }
    if (UUID.matcher(superloopTraceId).matches()) {
      return synthetic(current, superloopTraceId.replace("-", ""), Link.UUID);
    }
    return new Parent(current, Link.NONE);
  }

  private static Parent synthetic(Context current, String hex, Link link) {
    String traceId = hex.toLowerCase(Locale.ROOT);
    if (!TraceId.isValid(traceId)) { // all zeros
      return new Parent(current, Link.NONE);
    }
    SpanContext parent =
        SpanContext.createFromRemoteParent(
            traceId, SYNTHETIC_PARENT_SPAN_ID, TraceFlags.getSampled(), TraceState.getDefault());
    return new Parent(current.with(Span.wrap(parent)), link);
  }
}
