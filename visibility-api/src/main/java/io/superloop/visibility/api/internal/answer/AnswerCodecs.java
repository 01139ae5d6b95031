package io.superloop.visibility.api.internal.answer;

import io.superloop.visibility.api.internal.ObjectCodec;
import io.superloop.visibility.api.internal.ObjectCodec.Absence;
import io.superloop.visibility.api.internal.ObjectCodec.SchemaVersion;
import io.superloop.visibility.api.internal.Values;
import io.superloop.visibility.api.internal.answer.internal.ImmutableControlAnswer;
import io.superloop.visibility.api.internal.answer.internal.ImmutableErrorAnswer;
import io.superloop.visibility.api.internal.answer.internal.ImmutableServiceError;
import io.superloop.visibility.api.json.JsonCodec;

/**
 * The codecs of the sprite service's control and error answers (contract 1.18), in the reference's
 * key order and null rules, with the library's usual rules (unknown fields kept, a required field
 * absent or {@code null} is {@code missing_field}, no {@code schemaVersion}). Not in the public
 * {@link io.superloop.visibility.api.Codecs}: the plane never decodes those answers.
 */
public final class AnswerCodecs {
  private AnswerCodecs() {}

  /** The {@code error} object of an error answer: {@code {code, message}}. */
  public static final JsonCodec<ServiceError> SERVICE_ERROR =
      ObjectCodec.<ServiceError, ImmutableServiceError.Builder>builder(
              "service error", ImmutableServiceError::builder, ImmutableServiceError.Builder::build)
          .schemaVersion(SchemaVersion.NONE)
          .required(
              "code",
              Values.open(ServiceErrorCode::of),
              ServiceError::code,
              ImmutableServiceError.Builder::code)
          .required(
              "message",
              Values.STRING,
              ServiceError::message,
              ImmutableServiceError.Builder::message)
          .unknownFields(
              ServiceError::unknownFields, ImmutableServiceError.Builder::putAllUnknownFields)
          .build();

  /** A sprite service error body: {@code {ok:false, error:{code, message}}}. */
  public static final JsonCodec<ErrorAnswer> ERROR_ANSWER =
      ObjectCodec.<ErrorAnswer, ImmutableErrorAnswer.Builder>builder(
              "error answer", ImmutableErrorAnswer::builder, ImmutableErrorAnswer.Builder::build)
          .schemaVersion(SchemaVersion.NONE)
          .requiredBoolean("ok", ErrorAnswer::ok, ImmutableErrorAnswer.Builder::ok)
          .required("error", SERVICE_ERROR, ErrorAnswer::error, ImmutableErrorAnswer.Builder::error)
          .unknownFields(
              ErrorAnswer::unknownFields, ImmutableErrorAnswer.Builder::putAllUnknownFields)
          .build();

  /**
   * The {@code POST /ops/control} answer: {@code {ok, exitCode, result, stderr, replayed,
   * traceId}}, null-filtered.
   */
  public static final JsonCodec<ControlAnswer> CONTROL_ANSWER =
      ObjectCodec.<ControlAnswer, ImmutableControlAnswer.Builder>builder(
              "control answer",
              ImmutableControlAnswer::builder,
              ImmutableControlAnswer.Builder::build)
          .schemaVersion(SchemaVersion.NONE)
          .requiredBoolean("ok", ControlAnswer::ok, ImmutableControlAnswer.Builder::ok)
          .optionalLong(
              "exitCode",
              ControlAnswer::exitCode,
              ImmutableControlAnswer.Builder::exitCode,
              Absence.OMIT)
          .optional(
              "result",
              Values.RAW_OBJECT,
              ControlAnswer::result,
              ImmutableControlAnswer.Builder::result,
              Absence.OMIT)
          .optional(
              "stderr",
              Values.STRING,
              ControlAnswer::stderr,
              ImmutableControlAnswer.Builder::stderr,
              Absence.OMIT)
          .optional(
              "replayed",
              Values.BOOLEAN,
              ControlAnswer::replayed,
              ImmutableControlAnswer.Builder::replayed,
              Absence.OMIT)
          .optional(
              "traceId",
              Values.TRACE_ID,
              ControlAnswer::traceId,
              ImmutableControlAnswer.Builder::traceId,
              Absence.OMIT)
          .unknownFields(
              ControlAnswer::unknownFields, ImmutableControlAnswer.Builder::putAllUnknownFields)
          .build();
}
