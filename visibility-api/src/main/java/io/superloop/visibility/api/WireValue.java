package io.superloop.visibility.api;

/**
 * A closed value set the library itself decides, with its exact v1 wire string. Implemented by
 * enums.
 */
public interface WireValue {
  /** {@return the exact string written to and read from v1 artifacts} */
  String wire();

  /**
   * The constant of {@code type} whose wire string is {@code wire}.
   *
   * @param <E> the enum type
   * @param type the enum class
   * @param wire the exact wire string (case-sensitive)
   * @return the matching constant
   * @throws VisibilityException {@link ErrorCode#INVALID_FIELD_VALUE} when none matches
   */
  static <E extends Enum<E> & WireValue> E lookup(Class<E> type, String wire) {
    for (E e : type.getEnumConstants()) {
      if (e.wire().equals(wire)) {
        return e;
      }
    }
    throw new VisibilityException(
        ErrorCode.INVALID_FIELD_VALUE,
        "not a " + type.getSimpleName() + " value: \"" + wire + "\"");
  }
}
