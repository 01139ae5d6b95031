package io.superloop.visibility.core.store;

import io.superloop.visibility.api.ErrorCode;
import io.superloop.visibility.api.VisibilityException;
import io.superloop.visibility.api.internal.json.JsonObject;
import io.superloop.visibility.api.json.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything one reconcile step writes, as the step journal holds it ({@link LoopStore#persist}):
 * the bytes of each state file it replaces, the members it merges into {@code state.json}, the
 * telemetry logs it rotates and the lines it appends to each log after the byte where that log
 * ended when the step was committed. Applying a record again gives the same files (state files are
 * replaced, {@code state.json} gets the same members, a rotation happens only while the log still
 * has its old size, and lines already appended after their start are not appended twice). It also
 * holds {@code health.json}'s checksum before the step, so a record that another writer's step has
 * overtaken can be told apart. Immutable.
 */
public final class StepRecord {
  /** One write of the step. */
  sealed interface Entry {}

  /**
   * A state file's new content; {@code before} is the CRC-32 of the file when the step was
   * committed, -1 when it did not exist, {@link #UNCHECKED} when not taken (a file that matches
   * neither was changed by another writer since).
   */
  record Replace(LoopArtifact artifact, byte[] content, long before) implements Entry {
    /** {@code before} of a file whose content before the step is not checked. */
    static final long UNCHECKED = -2;
  }

  /** Members merged into an existing {@code state.json} object (contract 1.11). */
  record Merge(JsonObject members) implements Entry {}

  /** A telemetry log renamed to {@code <log>.<number>} if it still has {@code sizeBefore} bytes. */
  record Rotate(LoopArtifact artifact, long sizeBefore, long number, int keep) implements Entry {}

  /** Lines appended to a log so that they follow byte {@code start}. */
  record Append(LoopArtifact artifact, long start, byte[] lines) implements Entry {}

  private final List<Entry> entries;

  StepRecord(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  List<Entry> entries() {
    return entries;
  }

  /** The journal form: per entry a header line, then its bytes. */
  byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Entry e : entries) {
      if (e instanceof Replace r) {
        header(out, "replace " + r.artifact().name() + " " + r.content().length + " " + r.before());
        out.writeBytes(r.content());
      } else if (e instanceof Merge m) {
        byte[] members = Json.DEFAULT.encodeUtf8(Json.RAW, m.members(), true);
        header(out, "merge " + members.length);
        out.writeBytes(members);
      } else if (e instanceof Rotate r) {
        header(
            out,
            "rotate "
                + r.artifact().name()
                + " "
                + r.sizeBefore()
                + " "
                + r.number()
                + " "
                + r.keep());
      } else if (e instanceof Append a) {
        header(out, "append " + a.artifact().name() + " " + a.start() + " " + a.lines().length);
        out.writeBytes(a.lines());
      }
    }
    return out.toByteArray();
  }

  private static void header(ByteArrayOutputStream out, String line) {
    out.writeBytes((line + "\n").getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Reads the journal form.
   *
   * @throws VisibilityException {@link ErrorCode#STATE_UNREADABLE} when the bytes are not a record
   *     of this version (a whole journal, checksum correct, that this version cannot apply)
   */
  static StepRecord decode(byte[] b) {
    List<Entry> entries = new ArrayList<>();
    int pos = 0;
    try {
      while (pos < b.length) {
        int nl = pos;
        while (b[nl] != '\n') {
          nl++;
        }
        String[] h = new String(b, pos, nl - pos, StandardCharsets.US_ASCII).split(" ", -1);
        pos = nl + 1;
        switch (h[0]) {
          case "replace" -> {
            byte[] content = slice(b, pos, Integer.parseInt(h[2]));
            pos += content.length;
            entries.add(new Replace(LoopArtifact.valueOf(h[1]), content, Long.parseLong(h[3])));
          }
          case "merge" -> {
            byte[] members = slice(b, pos, Integer.parseInt(h[1]));
            pos += members.length;
            entries.add(new Merge((JsonObject) Json.DEFAULT.decode(Json.RAW, members)));
          }
          case "rotate" ->
              entries.add(
                  new Rotate(
                      LoopArtifact.valueOf(h[1]),
                      Long.parseLong(h[2]),
                      Long.parseLong(h[3]),
                      Integer.parseInt(h[4])));
          case "append" -> {
            byte[] lines = slice(b, pos, Integer.parseInt(h[3]));
            pos += lines.length;
            entries.add(new Append(LoopArtifact.valueOf(h[1]), Long.parseLong(h[2]), lines));
          }
          default -> throw new IllegalArgumentException("unknown entry " + h[0]);
        }
      }
    } catch (RuntimeException e) {
      throw new VisibilityException(
          ErrorCode.STATE_UNREADABLE,
          "the step journal holds a record this version cannot apply: " + e.getMessage(),
          e);
    }
    return new StepRecord(entries);
  }

  private static byte[] slice(byte[] b, int from, int len) {
    if (len < 0 || from + len > b.length) {
      throw new IllegalArgumentException("entry longer than the record");
    }
    byte[] out = new byte[len];
    System.arraycopy(b, from, out, 0, len);
    return out;
  }

  @Override
  public String toString() {
    return "StepRecord[" + entries.size() + " writes]";
  }
}
