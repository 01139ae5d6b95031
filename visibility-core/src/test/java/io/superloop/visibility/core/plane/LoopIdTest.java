package io.superloop.visibility.core.plane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.health.IngestStatus;
import io.superloop.visibility.core.rules.Durability;
import java.io.IOException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loop ids are validated completely when a plane is built (issue 14, item 7): a lone surrogate, a
 * name longer than 255 bytes in UTF-8 and the rest are {@link ErrorCode#INVALID_LOOP_ID} up front,
 * never an {@code InvalidPathException} or an {@code IO_ERROR} ("File name too long") at the first
 * file operation. The oracles are the file system itself (which names it accepts as a directory)
 * and the rule restated with the JDK's UTF-8 encoder.
 */
class LoopIdTest {
  @TempDir Path repo;

  private static VisibilityException rejected(Path repo, String loopId) {
    try {
      VisibilityPlane.builder(repo, loopId).build();
    } catch (VisibilityException e) {
      return e;
    } catch (RuntimeException e) {
      throw new AssertionError("loop id " + escape(loopId) + " failed with " + e, e);
    }
    throw new AssertionError("loop id " + escape(loopId) + " was accepted");
  }

  @Test
  void loneSurrogatesAreInvalidLoopIds() {
    for (String id : List.of("\uD800", "a\uDC00", "\uDC00\uD83D", "loop-\uD83D", "\uDE00x")) {
      assertEquals(ErrorCode.INVALID_LOOP_ID, rejected(repo, id).code(), escape(id));
    }
  }

  /** The file system's own limit is 255 bytes a name: the loop directory must fit it. */
  @Test
  void theLongestLoopIdIs255BytesInUtf8AsTheFileSystemAllows() throws IOException {
    List<String> ids =
        List.of(
            "a".repeat(255),
            "a".repeat(256),
            "\u00e9".repeat(127) + "a",
            "\u00e9".repeat(128),
            "\u4e2d".repeat(85),
            "\u4e2d".repeat(86),
            "\ud83d\ude00".repeat(63) + "abc",
            "\ud83d\ude00".repeat(64));
    for (String id : ids) {
      boolean fsAccepts;
      try {
        Path dir = Files.createDirectories(repo.resolve("probe-" + ids.indexOf(id)));
        Files.createDirectory(dir.resolve(id));
        fsAccepts = true;
      } catch (FileSystemException e) {
        fsAccepts = false;
      }
      assertEquals(
          fsAccepts,
          id.getBytes(StandardCharsets.UTF_8).length <= 255,
          "oracle for " + id.length());
      if (fsAccepts) {
        VisibilityPlane plane =
            VisibilityPlane.builder(repo, id).durability(Durability.NONE).build();
        // no events log: a failed ingest is the verdict, every loop file is written
        assertEquals(
            IngestStatus.FAILED,
            plane.reconcileLocal(StepOptions.defaults()).reconcileRow().status());
        assertTrue(
            Files.isRegularFile(
                repo.resolve(".superloop/ops-manager").resolve(id).resolve("health.json")));
      } else {
        assertEquals(
            ErrorCode.INVALID_LOOP_ID,
            rejected(repo, id).code(),
            "id of " + id.length() + " chars");
      }
    }
  }

  /**
   * The rule restated: valid UTF-16, 1-255 bytes of UTF-8, no separator or control, not blank or
   * dots.
   */
  private static boolean expectedValid(String id) {
    CharsetEncoder utf8 = StandardCharsets.UTF_8.newEncoder();
    if (id.isEmpty() || !utf8.canEncode(id) || id.getBytes(StandardCharsets.UTF_8).length > 255) {
      return false;
    }
    if (id.isBlank() || id.equals(".") || id.equals("..")) {
      return false;
    }
    return id.codePoints()
        .noneMatch(c -> c < 0x20 || (c >= 0x7f && c < 0xa0) || c == '/' || c == '\\');
  }

  /** Random ids around every boundary: each is rejected up front or works end to end. */
  @Test
  void everyLoopIdIsRejectedUpFrontOrWorksEndToEnd() {
    String[] pieces = {
      "a",
      "Z",
      "7",
      "-",
      ".",
      " ",
      "\u00e9",
      "\u4e2d",
      "\ud83d\ude00",
      "\ud800",
      "\udc00",
      "/",
      "\\",
      "\u0000",
      "\n",
      "\u007f",
      "\u0085",
      "\u00a0",
      "\u2028",
      "'",
      "\"",
      ":",
      "*",
      "?"
    };
    SplittableRandom rnd = new SplittableRandom(20261203L);
    int accepted = 0;
    for (int i = 0; i < 150; i++) {
      StringBuilder b = new StringBuilder();
      int n = rnd.nextInt(4) == 0 ? 60 + rnd.nextInt(200) : 1 + rnd.nextInt(8);
      boolean uniform = rnd.nextBoolean();
      String only = pieces[rnd.nextInt(pieces.length)];
      for (int k = 0; k < n; k++) {
        b.append(uniform ? only : pieces[rnd.nextInt(pieces.length)]);
      }
      String id = b.toString();
      if (expectedValid(id)) {
        accepted++;
        try {
          VisibilityPlane plane =
              VisibilityPlane.builder(repo, id).durability(Durability.NONE).build();
          plane.reconcileLocal(StepOptions.defaults());
          plane.status();
        } catch (RuntimeException e) {
          fail("valid loop id " + escape(id) + " failed: " + e, e);
        }
      } else {
        assertEquals(ErrorCode.INVALID_LOOP_ID, rejected(repo, id).code(), escape(id));
      }
    }
    assertTrue(accepted > 20 && accepted < 130, "a mix of valid and invalid ids: " + accepted);
  }

  @Test
  void aLoneSurrogateIsRejectedByTheBuilderThatTakesALoopId() {
    VisibilityException e =
        assertThrows(VisibilityException.class, () -> VisibilityPlane.builder(repo, "\uD800"));
    assertEquals(ErrorCode.INVALID_LOOP_ID, e.code());
  }

  private static String escape(String s) {
    StringBuilder b = new StringBuilder();
    s.chars()
        .limit(40)
        .forEach(
            c ->
                b.append(
                    c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
    return b + (s.length() > 40 ? "...(" + s.length() + " chars)" : "");
  }
}
