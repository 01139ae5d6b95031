package io.superloop.visibility.benchmarks;

import java.util.SplittableRandom;

/** Realistic runtime event lines, as the Superloop runtime writes them to {@code events.jsonl}. */
final class RuntimeEvents {
  private static final String[] NAMES = {
    "iteration_start", "tool_call", "tool_result", "gate_result", "iteration_end", "message"
  };

  private RuntimeEvents() {}

  /** {@code lines} lines of ~300-600 bytes each. */
  static String log(int lines, SplittableRandom r) {
    StringBuilder sb = new StringBuilder(lines * 450);
    for (int i = 1; i <= lines; i++) {
      sb.append(line(i, r)).append('\n');
    }
    return sb.toString();
  }

  static String line(int i, SplittableRandom r) {
    StringBuilder payload = new StringBuilder();
    int words = 20 + r.nextInt(50);
    for (int w = 0; w < words; w++) {
      payload.append(w == 0 ? "" : " ").append(Integer.toString(r.nextInt(1 << 20), 36));
    }
    return "{\"timestamp\":\"2026-03-01T11:" + two(i / 60 % 60) + ":" + two(i % 60) + "Z\",\"event\":\""
        + NAMES[r.nextInt(NAMES.length)] + "\",\"loop_id\":\"demo-loop\",\"run_id\":\"run-123\",\"iteration\":"
        + (i / 10 + 1) + ",\"role\":\"implementer\",\"status\":\"ok\",\"data\":{\"tool\":\"shell\",\"exit_code\":0,"
        + "\"duration_ms\":" + r.nextInt(10_000) + ",\"summary\":\"" + payload + "\",\"files\":[\"src/main/App.java\","
        + "\"src/test/AppTest.java\"]}}";
  }

  private static String two(int v) {
    return v < 10 ? "0" + v : Integer.toString(v);
  }
}
