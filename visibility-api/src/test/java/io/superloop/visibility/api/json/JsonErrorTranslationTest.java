package io.superloop.visibility.api.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

class JsonErrorTranslationTest {

  @Test
  void truncatedDocumentIsInvalidJsonWithItsPathAndTheJacksonCause() {
    VisibilityException e =
        assertThrows(
            VisibilityException.class,
            () -> Json.DEFAULT.decode(Json.RAW, "{\"schemaVersion\":\"v1\",\"snapshot\":{\"current\":"));
    assertEquals(ErrorCode.INVALID_JSON, e.code());
    assertEquals("/snapshot/current", e.path().orElseThrow());
    assertInstanceOf(JacksonException.class, e.getCause());
  }

  @Test
  void duplicateKeyIsDuplicateKey() {
    VisibilityException e =
        assertThrows(VisibilityException.class, () -> Json.DEFAULT.decode(Json.RAW, "{\"a\":1,\"a\":2}"));
    assertEquals(ErrorCode.DUPLICATE_KEY, e.code());
  }
}
