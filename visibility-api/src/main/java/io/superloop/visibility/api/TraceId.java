package io.superloop.visibility.api;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated trace id (hardening H7): 1 to 256 printable ASCII characters (0x21-0x7E), so legacy
 * ids such as {@code trace-20260301120000-42-0007} stay valid. Anything else is rejected with
 * {@link ErrorCode#INVALID_TRACE_ID}. Conversion to a W3C trace-id: a 32-hex id is itself
 * (lower-cased), a UUID drops its dashes, a 16-hex id is left-padded with zeros; other ids have no
 * W3C form.
 */
public final class TraceId implements Comparable<TraceId> {
  /** The longest valid trace id. */
  public static final int MAX_LENGTH = 256;

  private final String value;

  private TraceId(String value) {
    this.value = value;
  }

  /**
   * Validates a trace id.
   *
   * @param value the id as written; not trimmed
   * @return the trace id {@code value}
   * @throws VisibilityException {@link ErrorCode#INVALID_TRACE_ID} when {@link #isValid} is false
   */
  public static TraceId of(String value) {
    Objects.requireNonNull(value, "value");
    if (!isValid(value)) {
      throw new VisibilityException(
          ErrorCode.INVALID_TRACE_ID,
          "a trace id is 1-256 printable ASCII characters (0x21-0x7E), got "
              + (value.isEmpty() ? "an empty string" : describe(value)));
    }
    return new TraceId(value);
  }

  private static String describe(String value) {
    if (value.length() > MAX_LENGTH) {
      return value.length() + " characters";
    }
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= 0x20 && c < 0x7f) {
        sb.append(c);
      } else {
        sb.append(String.format("\\u%04x", (int) c));
      }
    }
    return sb.append('"').toString();
  }

  /**
   * Checks a trace id without throwing.
   *
   * @param value a candidate id
   * @return whether {@code value} is 1 to {@value #MAX_LENGTH} printable ASCII characters, that is
   *     whether {@link #of} accepts it
   */
  public static boolean isValid(String value) {
    int n = value.length();
    if (n < 1 || n > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }

  /** {@return the trace id as written} */
  public String value() {
    return value;
  }

  /** {@return the W3C trace-id form (32 lower-case hex, not all zeros), if this id has one} */
  public Optional<String> toW3c() {
    String v = value.toLowerCase(Locale.ROOT);
    String hex;
    if (v.length() == 32 && isHex(v, 0, 32)) {
      hex = v;
    } else if (v.length() == 36 && isUuid(v)) {
      hex = v.replace("-", "");
    } else if (v.length() == 16 && isHex(v, 0, 16)) {
      hex = "0000000000000000" + v;
    } else {
      return Optional.empty();
    }
    return hex.chars().allMatch(c -> c == '0') ? Optional.empty() : Optional.of(hex);
  }

  /**
   * Extracts the trace id of a W3C {@code traceparent} header ({@code 00-<32 hex>-<16 hex>-<2
   * hex>}); never throws.
   *
   * @param header the header value; surrounding white space is ignored
   * @return the 32-hex trace-id when the header is well formed (lower-case hex, version not {@code
   *     ff}, trace-id and parent-id not all zeros); empty otherwise
   */
  public static Optional<TraceId> fromTraceparent(String header) {
    String h = header.trim();
    if (h.length() < 55 || h.charAt(2) != '-' || h.charAt(35) != '-' || h.charAt(52) != '-') {
      return Optional.empty();
    }
    if (!isLowerHex(h, 0, 2)
        || !isLowerHex(h, 3, 35)
        || !isLowerHex(h, 36, 52)
        || !isLowerHex(h, 53, 55)) {
      return Optional.empty();
    }
    if (h.startsWith("ff") || (h.startsWith("00") && h.length() != 55)) {
      return Optional.empty();
    }
    if (h.length() > 55 && h.charAt(55) != '-') {
      return Optional.empty();
    }
    String trace = h.substring(3, 35);
    if (trace.chars().allMatch(c -> c == '0')
        || h.substring(36, 52).chars().allMatch(c -> c == '0')) {
      return Optional.empty();
    }
    return Optional.of(new TraceId(trace));
  }

  private static boolean isUuid(String v) {
    for (int i = 0; i < 36; i++) {
      char c = v.charAt(i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash ? c != '-' : !isHexChar(c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isHex(String v, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isHexChar(v.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLowerHex(String v, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = v.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isHexChar(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  @Override
  public int compareTo(TraceId o) {
    return value.compareTo(o.value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TraceId t && t.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return value;
  }
}
