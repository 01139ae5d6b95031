package io.superloop.visibility.api.json;

import io.superloop.visibility.api.ErrorCode;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Describes, in plain words, the first problem of a JSON text that the parser rejected: which code
 * ({@link ErrorCode#INVALID_JSON}, {@link ErrorCode#DUPLICATE_KEY}, {@link
 * ErrorCode#LIMIT_EXCEEDED}), where (line, column, JSON pointer) and what was expected. It runs
 * only on the error path, after jackson-core failed, so that messages never quote the parser's
 * internals: a strict RFC 8259 scan of the same text, with the same limits, that stops at the first
 * problem.
 */
final class JsonSyntax {
  /**
   * Why {@code s} is not exactly one JSON number literal (RFC 8259, no whitespace around it) of at
   * most {@code limits}' number length, in the scan's own words; {@code null} when it is one. The
   * same number rule as a scan of a whole text ({@link #number()}).
   */
  static @Nullable String numberLiteralProblem(String s, JsonReadLimits limits) {
    if (s.isEmpty()) {
      return "an empty text has no number";
    }
    JsonSyntax scan = new JsonSyntax(s, limits);
    if (s.charAt(0) != '-' && !isDigit(s.charAt(0))) {
      return scan.where(0) + ": a number starts with '-' or a digit, found " + scan.found();
    }
    Problem p = scan.number();
    if (p != null) {
      return p.message();
    }
    if (scan.pos < s.length()) {
      return scan.where(scan.pos) + ": nothing may follow the number, found " + scan.found();
    }
    return null;
  }

  /** The first problem of a text. */
  record Problem(ErrorCode code, String pointer, String message) {}

  private final String text;
  private final JsonReadLimits limits;
  private int pos;
  private long tokens;
  private int line = 1;
  private int lineStart;
  private final boolean multiLine;

  private JsonSyntax(String text, JsonReadLimits limits) {
    this.text = text;
    this.limits = limits;
    this.multiLine = text.indexOf('\n') >= 0 && text.indexOf('\n') < text.stripTrailing().length();
  }

  /**
   * The first problem of a UTF-8 text: its first invalid byte sequence, else its first syntax
   * problem.
   */
  static @Nullable Problem describe(byte[] utf8, int offset, int length, JsonReadLimits limits) {
    CharsetDecoder d =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(utf8, offset, length);
    CharBuffer out = CharBuffer.allocate(length);
    java.nio.charset.CoderResult r = d.decode(in, out, true);
    if (r.isError()) {
      int bad = in.position() - offset;
      int lines = 1;
      int lineStart = 0;
      for (int i = 0; i < bad; i++) {
        if (utf8[offset + i] == '\n') {
          lines++;
          lineStart = i + 1;
        }
      }
      return new Problem(
          ErrorCode.INVALID_JSON,
          "",
          "invalid UTF-8: byte 0x"
              + String.format(Locale.ROOT, "%02x", utf8[offset + bad] & 0xff)
              + (lines > 1 ? " at line " + lines + "," : " at")
              + " byte "
              + (bad - lineStart + 1)
              + " is not part of a valid UTF-8 sequence");
    }
    try {
      d.flush(out);
    } catch (RuntimeException e) {
      // a complete decode has nothing left to flush
    }
    out.flip();
    return describe(out.toString(), limits);
  }

  /** The first problem of a text, or {@code null} when the scan finds none. */
  static @Nullable Problem describe(String text, JsonReadLimits limits) {
    return new JsonSyntax(text, limits).scan();
  }

  /** One open object or array. */
  private static final class Frame {
    final boolean object;
    final Set<String> names = new HashSet<>();
    @Nullable String name;
    long index = -1;

    Frame(boolean object) {
      this.object = object;
    }
  }

  private final Deque<Frame> stack = new ArrayDeque<>();

  private @Nullable Problem scan() {
    if (text.length() > limits.maxDocumentLength()) {
      return limit("the document is longer than " + limits.maxDocumentLength() + " characters");
    }
    skipWhite();
    if (pos >= text.length()) {
      return invalid("empty input");
    }
    Problem p = value();
    if (p != null) {
      return p;
    }
    while (!stack.isEmpty()) {
      Frame f = stack.peek();
      skipWhite();
      if (pos >= text.length()) {
        return invalid(
            "the text ends inside "
                + (f.object ? "an object (no closing '}')" : "an array (no closing ']')"));
      }
      char c = text.charAt(pos);
      if (f.object) {
        if (c == '}') {
          pos++;
          stack.pop();
          continue;
        }
        if (c != ',') {
          return invalid(
              "expected ',' or '}' after the value of \"" + f.name + "\", found " + found());
        }
        pos++;
        skipWhite();
        p = member(f);
      } else {
        if (c == ']') {
          pos++;
          stack.pop();
          continue;
        }
        if (c != ',') {
          return invalid("expected ',' or ']' after an array element, found " + found());
        }
        pos++;
        skipWhite();
        f.index++;
        p = value();
      }
      if (p != null) {
        return p;
      }
    }
    skipWhite();
    if (pos < text.length()) {
      return invalid("trailing content after the JSON value: " + found());
    }
    return null;
  }

  /** A value at {@code pos}: a scalar, or the opening of an object or array (pushed). */
  private @Nullable Problem value() {
    if (pos >= text.length()) {
      return invalid("the text ends where a value was expected");
    }
    if (++tokens > limits.maxTokenCount()) {
      return limit("more than " + limits.maxTokenCount() + " tokens");
    }
    char c = text.charAt(pos);
    switch (c) {
      case '{':
        {
          if (stack.size() + 1 > limits.maxNestingDepth()) {
            return limit("nested deeper than " + limits.maxNestingDepth() + " levels");
          }
          pos++;
          Frame f = new Frame(true);
          stack.push(f);
          skipWhite();
          if (pos < text.length() && text.charAt(pos) == '}') {
            pos++;
            stack.pop();
            return null;
          }
          return member(f);
        }
      case '[':
        {
          if (stack.size() + 1 > limits.maxNestingDepth()) {
            return limit("nested deeper than " + limits.maxNestingDepth() + " levels");
          }
          pos++;
          Frame f = new Frame(false);
          stack.push(f);
          skipWhite();
          if (pos < text.length() && text.charAt(pos) == ']') {
            pos++;
            stack.pop();
            return null;
          }
          f.index = 0;
          return value();
        }
      case '"':
        {
          int start = pos;
          Problem p = string();
          if (p == null && pos - start - 2 > limits.maxStringLength()) {
            return limit("a string longer than " + limits.maxStringLength() + " characters");
          }
          return p;
        }
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        if (Character.isLetter(c)) {
          return literal();
        }
        return invalid("expected a value, found " + found());
    }
  }

  /** A member of the object {@code f} at {@code pos}: name, colon, value. */
  private @Nullable Problem member(Frame f) {
    if (pos >= text.length()) {
      return invalid("the text ends inside an object (no closing '}')");
    }
    if (text.charAt(pos) != '"') {
      return invalid("expected a property name in double quotes, found " + found());
    }
    int start = pos;
    Problem p = string();
    if (p != null) {
      return p;
    }
    String name = unescape(text.substring(start + 1, pos - 1));
    if (++tokens > limits.maxTokenCount()) {
      return limit("more than " + limits.maxTokenCount() + " tokens");
    }
    if (name.length() > limits.maxNameLength()) {
      return limit("a property name longer than " + limits.maxNameLength() + " characters");
    }
    f.name = name;
    if (!f.names.add(name)) {
      return new Problem(
          ErrorCode.DUPLICATE_KEY,
          pointer(),
          "property \"" + name + "\" appears twice in one object (" + where(start) + ")");
    }
    skipWhite();
    if (pos >= text.length() || text.charAt(pos) != ':') {
      return invalid("expected ':' after the property name \"" + name + "\", found " + found());
    }
    pos++;
    skipWhite();
    return value();
  }

  private @Nullable Problem string() {
    pos++; // the opening quote
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '"') {
        pos++;
        return null;
      }
      if (c == '\\') {
        if (pos + 1 >= text.length()) {
          break;
        }
        char e = text.charAt(pos + 1);
        if (e == 'u') {
          for (int i = 2; i < 6; i++) {
            if (pos + i >= text.length() || Character.digit(text.charAt(pos + i), 16) < 0) {
              return invalid("a \\u escape needs four hexadecimal digits");
            }
          }
          pos += 6;
          continue;
        }
        if ("\"\\/bfnrt".indexOf(e) < 0) {
          return invalid("invalid escape sequence \\" + printable(e) + " in a string");
        }
        pos += 2;
        continue;
      }
      if (c < 0x20) {
        return invalid(
            "control character U+"
                + String.format(Locale.ROOT, "%04X", (int) c)
                + " inside a string (it must be written as an escape, such as \\n)");
      }
      pos++;
    }
    return invalid("the text ends inside a string (no closing '\"')");
  }

  private @Nullable Problem number() {
    int start = pos;
    if (text.charAt(pos) == '-') {
      pos++;
    }
    if (pos >= text.length() || !isDigit(text.charAt(pos))) {
      return invalid("a number needs a digit after '-', found " + found());
    }
    if (text.charAt(pos) == '0' && pos + 1 < text.length() && isDigit(text.charAt(pos + 1))) {
      return invalid("a number must not start with 0 followed by digits");
    }
    while (pos < text.length() && isDigit(text.charAt(pos))) {
      pos++;
    }
    if (pos < text.length() && text.charAt(pos) == '.') {
      pos++;
      if (pos >= text.length() || !isDigit(text.charAt(pos))) {
        return invalid("a number needs a digit after '.', found " + found());
      }
      while (pos < text.length() && isDigit(text.charAt(pos))) {
        pos++;
      }
    }
    if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
      pos++;
      if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
        pos++;
      }
      if (pos >= text.length() || !isDigit(text.charAt(pos))) {
        return invalid("a number needs a digit in its exponent, found " + found());
      }
      while (pos < text.length() && isDigit(text.charAt(pos))) {
        pos++;
      }
    }
    if (pos - start > limits.maxNumberLength()) {
      pos = start;
      return limit("a number longer than " + limits.maxNumberLength() + " characters");
    }
    return null;
  }

  private @Nullable Problem literal() {
    int start = pos;
    while (pos < text.length() && Character.isLetterOrDigit(text.charAt(pos))) {
      pos++;
    }
    String word = text.substring(start, pos);
    if (word.equals("true") || word.equals("false") || word.equals("null")) {
      return null;
    }
    pos = start;
    return invalid(
        "expected a value, found the word "
            + clip(word)
            + " (JSON knows only true, false and null; strings"
            + " need double quotes)");
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private void skipWhite() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '\n') {
        line++;
        lineStart = pos + 1;
      } else if (c != ' ' && c != '\t' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private Problem invalid(String what) {
    return new Problem(ErrorCode.INVALID_JSON, pointer(), where(pos) + ": " + what);
  }

  private Problem limit(String what) {
    return new Problem(
        ErrorCode.LIMIT_EXCEEDED, pointer(), what + " (" + where(pos) + "; JsonReadLimits)");
  }

  private String where(int at) {
    int col = at - lineStart + 1;
    if (col < 1) {
      col = 1;
    }
    return multiLine ? "line " + line + ", column " + col : "column " + col;
  }

  private String found() {
    if (pos >= text.length()) {
      return "the end of the text";
    }
    return "'" + printable(text.charAt(pos)) + "'";
  }

  private static String printable(char c) {
    if (c < 0x20 || c == 0x7f) {
      return String.format(Locale.ROOT, "U+%04X", (int) c);
    }
    return String.valueOf(c);
  }

  private static String clip(String word) {
    return word.length() > 20 ? word.substring(0, 20) + "..." : word;
  }

  private String pointer() {
    StringBuilder sb = new StringBuilder();
    Iterator<Frame> it = stack.descendingIterator();
    while (it.hasNext()) {
      Frame f = it.next();
      if (f.object) {
        if (f.name != null) {
          sb.append('/').append(f.name.replace("~", "~0").replace("/", "~1"));
        }
      } else if (f.index >= 0) {
        sb.append('/').append(f.index);
      }
    }
    return sb.toString();
  }

  /** The value of a string's content (between its quotes), escapes resolved. */
  private static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 >= s.length()) {
        sb.append(c);
        continue;
      }
      char e = s.charAt(++i);
      switch (e) {
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> {
          sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> sb.append(e);
      }
    }
    return sb.toString();
  }
}
