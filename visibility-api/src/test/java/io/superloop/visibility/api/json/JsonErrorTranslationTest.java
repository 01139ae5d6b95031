package io.superloop.visibility.api.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.core.JacksonException;

/**
 * Jackson's failures become the library's codes by exception type and its messages are the
 * library's own: plain words, a column, what was expected; never the parser's internals.
 */
class JsonErrorTranslationTest {

  private static VisibilityException fail(String json) {
    return assertThrows(VisibilityException.class, () -> Json.DEFAULT.decode(Json.RAW, json));
  }

  @Test
  void truncatedDocumentIsInvalidJsonWithItsPathAndTheJacksonCause() {
    VisibilityException e = fail("{\"schemaVersion\":\"v1\",\"snapshot\":{\"current\":");
    assertEquals(ErrorCode.INVALID_JSON, e.code());
    assertEquals("/snapshot/current", e.path().orElseThrow());
    assertInstanceOf(JacksonException.class, e.getCause());
    assertEquals("column 45: the text ends where a value was expected", e.detail());
  }

  @Test
  void duplicateKeyIsDuplicateKeyAtItsPointer() {
    VisibilityException e = fail("{\"a\":1,\"b\":{\"c\":1,\"c\":2}}");
    assertEquals(ErrorCode.DUPLICATE_KEY, e.code());
    assertEquals("/b/c", e.path().orElseThrow());
    assertEquals("property \"c\" appears twice in one object (column 19)", e.detail());
    // the same through the byte path, and through a record codec (the strict parser, not RAW)
    VisibilityException b =
        assertThrows(
            VisibilityException.class,
            () ->
                Json.DEFAULT.decode(
                    Json.RAW, "{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8)));
    assertEquals(ErrorCode.DUPLICATE_KEY, b.code());
  }

  /**
   * Each malformed text, its code and the library's message (written from RFC 8259, not from
   * jackson).
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"a\" 1}|invalid_json|column 6: expected ':' after the property name \"a\", found '1'",
        "{\"a\":NaN}|invalid_json|column 6: expected a value, found the word NaN (JSON knows only true, false and null; strings need double quotes)",
        "{'a':1}|invalid_json|column 2: expected a property name in double quotes, found '''",
        "[1,2,]|invalid_json|column 6: expected a value, found ']'",
        "{\"a\":1,}|invalid_json|column 8: expected a property name in double quotes, found '}'",
        "{\"a\":01}|invalid_json|column 6: a number must not start with 0 followed by digits",
        "{\"a\":1 \"b\":2}|invalid_json|column 8: expected ',' or '}' after the value of \"a\", found '\"'",
        "[1 2]|invalid_json|column 4: expected ',' or ']' after an array element, found '2'",
        "{\"a\":\"x\\q\"}|invalid_json|column 8: invalid escape sequence \\q in a string",
        "{\"a\":[1,{\"b\":tru}]}|invalid_json|column 14: expected a value, found the word tru (JSON knows only true, false and null; strings need double quotes)",
      })
  void messagesArePlainWords(String json, String code, String message) {
    VisibilityException e = fail(json);
    assertEquals(code, e.code().wire(), e.getMessage());
    assertEquals(message, e.detail());
  }

  @Test
  void controlCharactersAndLineNumbersOfMultiLineDocuments() {
    VisibilityException e = fail("{\"a\":\"x\u0001\"}");
    assertEquals(
        "column 8: control character U+0001 inside a string (it must be written as an escape, such as \\n)",
        e.detail());
    VisibilityException m = fail("{\n  \"a\": 1,\n  \"b\" 2\n}");
    assertEquals(
        "line 3, column 7: expected ':' after the property name \"b\", found '2'", m.detail());
    assertEquals("/b", m.path().orElseThrow());
  }

  @Test
  void invalidUtf8NamesTheByte() {
    byte[] bytes = {'{', '"', 'a', '"', ':', '"', (byte) 0xff, '"', '}'};
    VisibilityException e =
        assertThrows(VisibilityException.class, () -> Json.DEFAULT.decode(Json.RAW, bytes));
    assertEquals(ErrorCode.INVALID_JSON, e.code());
    assertEquals(
        "invalid UTF-8: byte 0xff at byte 7 is not part of a valid UTF-8 sequence", e.detail());
  }

  @Test
  void limitsSayWhichLimit() {
    Json small = Json.withLimits(new JsonReadLimits(3, 10, 5, 4, 1000, Long.MAX_VALUE));
    VisibilityException depth =
        assertThrows(VisibilityException.class, () -> small.decode(Json.RAW, "[[[[1]]]]"));
    assertEquals(ErrorCode.LIMIT_EXCEEDED, depth.code());
    assertEquals("nested deeper than 3 levels (column 4; JsonReadLimits)", depth.detail());
    VisibilityException str =
        assertThrows(VisibilityException.class, () -> small.decode(Json.RAW, "[\"12345678901\"]"));
    assertEquals(ErrorCode.LIMIT_EXCEEDED, str.code());
    assertTrue(str.detail().startsWith("a string longer than 10 characters"), str.detail());
    VisibilityException num =
        assertThrows(VisibilityException.class, () -> small.decode(Json.RAW, "[123456]"));
    assertEquals(ErrorCode.LIMIT_EXCEEDED, num.code());
    assertTrue(num.detail().startsWith("a number longer than 4 characters"), num.detail());
    Json fewTokens = Json.withLimits(new JsonReadLimits(64, 100, 100, 10, 1000, 5));
    VisibilityException tokens =
        assertThrows(
            VisibilityException.class, () -> fewTokens.decode(Json.RAW, "[1,2,3,4,5,6,7,8]"));
    assertEquals(ErrorCode.LIMIT_EXCEEDED, tokens.code());
    assertTrue(tokens.detail().startsWith("more than 5 tokens"), tokens.detail());
  }

  @Test
  void noMessageQuotesTheParser() {
    for (String json :
        List.of(
            "{\"a\":NaN}",
            "{\"a\" 1}",
            "{\"a\":\"\u0001\"}",
            "{\"a\":1,\"a\":2}",
            "[",
            "{\"a\":-}",
            "\"abc",
            "{\"a\":1}x")) {
      String m = fail(json).getMessage();
      for (String internal :
          List.of(
              "Source",
              "REDACTED",
              "Feature",
              "jackson",
              "(code ",
              "CTRL-CHAR",
              "Object property")) {
        assertFalse(m.contains(internal), json + " -> " + m);
      }
    }
  }
}
