package io.superloop.visibility.testkit.scenario.internal;

/**
 * The testkit's own minimal JSON text writer (string escaping), so that the sprite_service answers
 * it builds do not pass through the library's encoders.
 */
final class JsonText {
  private JsonText() {}

  /** {@code s} as a JSON string literal. */
  static String string(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          b.append("\\\"");
          break;
        case '\\':
          b.append("\\\\");
          break;
        case '\n':
          b.append("\\n");
          break;
        case '\r':
          b.append("\\r");
          break;
        case '\t':
          b.append("\\t");
          break;
        default:
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
      }
    }
    return b.append('"').toString();
  }

  /** {@code s} as a JSON string literal, or {@code null}. */
  static String stringOrNull(@org.jspecify.annotations.Nullable String s) {
    return s == null ? "null" : string(s);
  }
}
