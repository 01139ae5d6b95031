package io.superloop.visibility.core.store;

import io.superloop.visibility.api.json.Json;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The file operations of one state-file write over an existing file (H1), recorded by {@link
 * RecordingFileOps}, for tests outside this package (the compatibility doc's checks).
 */
public final class StateWriteRecording {
  private StateWriteRecording() {}

  /**
   * One operation: {@code kind} is {@code open}, {@code write}, {@code force}, {@code truncate},
   * {@code move}, {@code forceDir} or {@code delete}; {@code path} the file it concerns ({@code
   * move}: the source), {@code target} the rename's target (else empty).
   */
  public record Op(String kind, Path path, String target) {}

  /** Writes {@code file} once, then records the operations of a second write over it. */
  public static List<Op> secondWrite(Path file) {
    RecordingFileOps ops = new RecordingFileOps();
    StateFile<TestRow> state =
        StateFile.of(file, TestRow.CODEC, Json.DEFAULT, Clock.systemUTC(), ops);
    state.write(new TestRow("doc", 1, "first"));
    int from = ops.events().size();
    state.write(new TestRow("doc", 2, "second"));
    List<Op> out = new ArrayList<>();
    for (RecordingFileOps.Event e : ops.events().subList(from, ops.events().size())) {
      if (e instanceof RecordingFileOps.Open o) {
        out.add(new Op("open", o.path(), ""));
      } else if (e instanceof RecordingFileOps.Write w) {
        out.add(new Op("write", w.path(), ""));
      } else if (e instanceof RecordingFileOps.Force f) {
        out.add(new Op("force", f.path(), ""));
      } else if (e instanceof RecordingFileOps.Truncate t) {
        out.add(new Op("truncate", t.path(), ""));
      } else if (e instanceof RecordingFileOps.Move m) {
        out.add(new Op("move", m.source(), m.target().toString()));
      } else if (e instanceof RecordingFileOps.ForceDir d) {
        out.add(new Op("forceDir", d.dir(), ""));
      } else if (e instanceof RecordingFileOps.Delete d) {
        out.add(new Op("delete", d.path(), ""));
      }
    }
    return out;
  }
}
