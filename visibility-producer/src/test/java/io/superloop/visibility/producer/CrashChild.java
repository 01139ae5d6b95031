package io.superloop.visibility.producer;

import io.superloop.visibility.api.json.JsonValue;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * The producer of {@link ProducerCrashTest}, run in a child JVM until it is killed: it appends
 * events of 16-512 KiB (large writes, so that a kill can cut one) and prints {@code A <id> <n>}
 * after each append returned value {@code n}.
 */
public final class CrashChild {
  private CrashChild() {}

  /**
   * Runs the producer.
   *
   * @param args the repository, the loop id, the cycle number, the seed
   */
  public static void main(String[] args) {
    Path repo = Path.of(args[0]);
    String cycle = args[2];
    Random rnd = new Random(Long.parseLong(args[3]));
    try (EventLog log = EventLog.builder(repo, args[1]).force(false).checkpointEvery(3).open()) {
      System.out.println("READY " + log.lineCount());
      System.out.flush();
      for (int i = 0; i < 10_000; i++) {
        String id = cycle + "-" + i;
        Map<String, JsonValue> fields = new LinkedHashMap<>();
        fields.put("id", JsonValue.of(id));
        fields.put("pad", JsonValue.of("p".repeat(16_384 + rnd.nextInt(512 * 1024 - 16_384))));
        long n = log.append("crash_test", fields);
        System.out.println("A " + id + " " + n);
        System.out.flush();
      }
    }
  }
}
