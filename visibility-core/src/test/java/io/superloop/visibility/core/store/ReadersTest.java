package io.superloop.visibility.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.api.json.Json;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Forward and tail readers (hardening H3: skip and count unparseable lines; last valid record). */
class ReadersTest {
  @TempDir Path tmp;

  @Test
  void forwardReaderSkipsAndCountsUnparseableLines() throws Exception {
    Path f = tmp.resolve("log.jsonl");
    String big = "B".repeat(200_000); // spans several read blocks
    Files.writeString(
        f,
        new TestRow("w", 1, "a").line()
            + "not json\n"
            + "\n"
            + new TestRow("w", 2, big).line()
            + "{\"writer\":\"w\",\"seq\":3,\"payload\":\"x\"}{\"writer\":\"w\",\"seq\":4,\"payload\":\"y\"}\n"
            + "   \n"
            + "{\"other\":true}\n"
            + new TestRow("w", 5, "e").line());
    JsonlReadResult<TestRow> r = JsonlReader.readAll(f, TestRow.CODEC);
    assertTrue(r.exists());
    assertEquals(List.of(1L, 2L, 5L), r.values().stream().map(TestRow::seq).toList());
    assertEquals(big, r.values().get(1).payload());
    assertEquals(4, r.unparseableCount(), "two records on one line count as unparseable");
    assertEquals(List.of(2L, 5L, 6L, 7L), r.unparseableLines());
    assertEquals(1, r.emptyLines());
    assertEquals(List.of(1L, 4L, 8L), r.records().stream().map(JsonlRecord::lineNumber).toList());
    assertTrue(r.tornTail().isEmpty());
    TailRead<TestRow> t = TailReader.last(f, TestRow.CODEC);
    assertEquals(5, t.value().orElseThrow().seq());
    Files.writeString(f, "{\"other\":1}\n\n", java.nio.file.StandardOpenOption.APPEND);
    t = TailReader.last(f, TestRow.CODEC);
    assertEquals(5, t.value().orElseThrow().seq(), "last *valid* record");
    assertEquals(1, t.skippedUnparseable());
  }

  @Test
  void absentAndEmptyFiles() throws Exception {
    Path f = tmp.resolve("none.jsonl");
    assertFalse(JsonlReader.readAll(f, TestRow.CODEC).exists());
    TailRead<TestRow> t = TailReader.last(f, TestRow.CODEC);
    assertFalse(t.exists());
    assertTrue(t.last().isEmpty());
    Files.writeString(f, "");
    assertTrue(TailReader.last(f, TestRow.CODEC).exists());
    assertTrue(TailReader.last(f, TestRow.CODEC).last().isEmpty());
    Files.writeString(f, "garbage\n\n");
    TailRead<TestRow> g = TailReader.last(f, TestRow.CODEC);
    assertTrue(g.last().isEmpty());
    assertEquals(1, g.skippedUnparseable());
  }

  @Test
  void tailReaderAgreesWithForwardReaderForAnyBlockSize() throws Exception {
    Random rnd = new Random(42);
    for (int round = 0; round < 40; round++) {
      StringBuilder sb = new StringBuilder();
      int n = rnd.nextInt(6);
      for (int i = 0; i < n; i++) {
        switch (rnd.nextInt(5)) {
          case 0:
            sb.append("junk").append(i).append('\n');
            break;
          case 1:
            sb.append('\n');
            break;
          default:
            sb.append(new TestRow("w", i, "x".repeat(rnd.nextInt(40)) + "é").line());
        }
      }
      if (rnd.nextBoolean()) {
        sb.append("{\"writer\":\"w\",\"se");
      }
      Path f = tmp.resolve("r" + round + ".jsonl");
      Files.writeString(f, sb.toString());
      JsonlReadResult<TestRow> all = JsonlReader.readAll(f, TestRow.CODEC);
      for (int block : new int[] {1, 2, 3, 5, 8, 13, 64, 1 << 16}) {
        TailRead<TestRow> t =
            TailReader.last(f, TestRow.CODEC, Json.DEFAULT, block, RealFileOps.INSTANCE);
        List<TestRow> values = all.values();
        assertEquals(
            values.isEmpty() ? null : values.get(values.size() - 1),
            t.value().orElse(null),
            "round " + round + " block " + block);
        assertEquals(all.tornTail().isPresent(), t.tornTail().isPresent());
        if (!all.records().isEmpty()) {
          JsonlRecord<TestRow> lastFwd = all.records().get(all.records().size() - 1);
          assertEquals(lastFwd.offset(), t.last().orElseThrow().offset());
          assertEquals(lastFwd.length(), t.last().orElseThrow().length());
        }
      }
    }
  }

  @Test
  void tailCostDoesNotGrowWithFileSize() throws Exception {
    long[] read = new long[2];
    int[] sizesMb = {1, 32};
    byte[] line = new TestRow("w", 1, "x".repeat(300)).line().getBytes(StandardCharsets.UTF_8);
    for (int k = 0; k < 2; k++) {
      Path f = tmp.resolve("big" + k + ".jsonl");
      try (OutputStream out = Files.newOutputStream(f)) {
        byte[] chunk = new byte[line.length * 1000];
        for (int i = 0; i < 1000; i++) {
          System.arraycopy(line, 0, chunk, i * line.length, line.length);
        }
        long target = sizesMb[k] * 1024L * 1024L;
        for (long w = 0; w < target; w += chunk.length) {
          out.write(chunk);
        }
        out.write(new TestRow("w", 2, "last").line().getBytes(StandardCharsets.UTF_8));
      }
      TailRead<TestRow> t = TailReader.last(f, TestRow.CODEC);
      assertEquals(2, t.value().orElseThrow().seq());
      read[k] = t.bytesRead();
    }
    assertEquals(read[0], read[1], "bytes read by the tail reader");
    // the last row is ~50 bytes: one small first block holds it, whatever the file's size
    assertTrue(read[1] <= 8 * 1024, "bytes read: " + read[1]);
    System.out.println(
        "[store-figures] tail reader: bytes read on 1 MiB and 32 MiB files = "
            + read[0]
            + ", "
            + read[1]);
  }
}
