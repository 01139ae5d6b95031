package io.superloop.visibility.api.internal.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.TraceId;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.internal.answer.internal.ImmutableControlAnswer;
import io.superloop.visibility.api.json.JsonValue;
import io.superloop.visibility.api.testing.RepoFiles;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The sprite service's error and control answers (contract 1.18) through their internal codecs. */
class AnswerCodecTest {

  @Test
  void errorAnswerFixtureReencodesAsJqCompact() {
    Path f = RepoFiles.root().resolve("fixtures/reference/service/unauthorized-response.json");
    ErrorAnswer a = AnswerCodecs.ERROR_ANSWER.decode(RepoFiles.read(f));
    assertEquals(RepoFiles.jqCompact(f), AnswerCodecs.ERROR_ANSWER.encode(a));
    assertFalse(a.ok());
    assertEquals(ServiceErrorCode.UNAUTHORIZED, a.error().code());
    assertTrue(a.error().code().isKnown());
    assertEquals(
        RepoFiles.jqCompact(f),
        AnswerCodecs.ERROR_ANSWER.encode(
            ErrorAnswer.of(
                ServiceError.of(ServiceErrorCode.UNAUTHORIZED, "missing or invalid token"))));
    ErrorAnswer other =
        AnswerCodecs.ERROR_ANSWER.decode(
            "{\"ok\":false,\"error\":{\"code\":\"teapot\",\"message\":\"m\"}}");
    assertFalse(other.error().code().isKnown());
    assertEquals("teapot", other.error().code().wire());
  }

  @Test
  void controlAnswerDropsNullKeysAndKeepsResultRaw() {
    // contract 1.18: {"ok": exit==0, "exitCode", "result", "stderr", "replayed": false, "traceId"}
    String in =
        "{\"ok\":true,\"exitCode\":0,\"result\":{\"timestamp\":\"2026-03-01T12:00:00Z\",\"intent\":\"cancel\","
            + "\"status\":\"confirmed\",\"z\":[1,2]},\"stderr\":\"\",\"replayed\":false,\"traceId\":\"t-ctl\"}";
    ControlAnswer a = AnswerCodecs.CONTROL_ANSWER.decode(in);
    assertEquals(in, AnswerCodecs.CONTROL_ANSWER.encode(a));
    assertEquals(Optional.of(Boolean.FALSE), a.replayed());
    assertEquals(Optional.of(TraceId.of("t-ctl")), a.traceId());

    String withNulls =
        "{\"ok\":false,\"exitCode\":2,\"result\":null,\"stderr\":\"boom\",\"replayed\":false,\"traceId\":null}";
    assertEquals(
        "{\"ok\":false,\"exitCode\":2,\"stderr\":\"boom\",\"replayed\":false}",
        AnswerCodecs.CONTROL_ANSWER.encode(AnswerCodecs.CONTROL_ANSWER.decode(withNulls)));

    ControlAnswer replay = ImmutableControlAnswer.copyOf(a).withReplayed(true);
    // the result is a JSON object when built too (a JsonValue since issue 15)
    assertEquals(
        ErrorCode.INVALID_FIELD_TYPE,
        assertThrows(
                VisibilityException.class,
                () -> ImmutableControlAnswer.copyOf(a).withResult(JsonValue.of("x")))
            .code());
    assertEquals(
        in.replace("\"replayed\":false", "\"replayed\":true"),
        AnswerCodecs.CONTROL_ANSWER.encode(replay));

    VisibilityException e =
        assertThrows(
            VisibilityException.class,
            () -> AnswerCodecs.CONTROL_ANSWER.decode("{\"ok\":true,\"result\":[1]}"));
    assertEquals(ErrorCode.INVALID_FIELD_TYPE, e.code());
    assertEquals(Optional.of("/result"), e.path());
  }
}
