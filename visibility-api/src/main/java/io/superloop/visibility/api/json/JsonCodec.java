package io.superloop.visibility.api.json;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;

/**
 * Reads and writes one type with jackson-core streaming, without reflection. Instances are
 * immutable and thread-safe. Use {@link Json} for whole documents and JSONL lines; use {@link
 * #read}/{@link #write} to embed a value in a larger stream.
 *
 * @param <T> the type
 */
public interface JsonCodec<T> {

  /**
   * Reads one value whose first token is the parser's current token; on return the current token is
   * the value's last token.
   *
   * @param parser the parser, positioned on the value's first token
   * @return the value
   * @throws io.superloop.visibility.api.VisibilityException on any content error (Jackson's own
   *     exceptions are translated by {@link Json})
   */
  T read(JsonParser parser);

  /**
   * Writes one value.
   *
   * @param value the value
   * @param generator the generator to write to
   */
  void write(T value, JsonGenerator generator);

  /**
   * Decodes a whole document with the default limits.
   *
   * @param json the document
   * @return the value
   * @throws io.superloop.visibility.api.VisibilityException as {@link Json#decode(JsonCodec,
   *     String)}
   */
  default T decode(String json) {
    return Json.DEFAULT.decode(this, json);
  }

  /**
   * Decodes a whole UTF-8 document with the default limits.
   *
   * @param json the document's UTF-8 bytes
   * @return the value
   * @throws io.superloop.visibility.api.VisibilityException as {@link Json#decode(JsonCodec,
   *     String)}
   */
  default T decode(byte[] json) {
    return Json.DEFAULT.decode(this, json);
  }

  /**
   * Encodes compactly, without a trailing newline.
   *
   * @param value the value
   * @return the JSON text
   */
  default String encode(T value) {
    return Json.DEFAULT.encode(this, value);
  }

  /**
   * Encodes compactly with a trailing {@code \n}.
   *
   * @param value the value
   * @return one JSONL row, or a v1 state file's content
   */
  default String encodeLine(T value) {
    return Json.DEFAULT.encode(this, value) + "\n";
  }
}
