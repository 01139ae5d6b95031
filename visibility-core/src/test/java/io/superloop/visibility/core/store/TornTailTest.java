package io.superloop.visibility.core.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.core.rules.Durability;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Torn tail: the file is cut at every byte offset inside its last record; readers return every
 * complete record before it and report the fragment; the next append quarantines the fragment to
 * {@code <file>.torn} and leaves a valid file.
 */
class TornTailTest {
  @TempDir Path tmp;

  @Test
  void everyCutInsideTheLastRecord() throws Exception {
    List<TestRow> rows = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      TestRow r =
          new TestRow("w", i, "payload-" + i + (i == 4 ? " é ünïcødé ✓ 𝄞 \" \\ \n tail" : ""));
      rows.add(r);
      sb.append(r.line());
    }
    byte[] whole = sb.toString().getBytes(StandardCharsets.UTF_8);
    byte[] last = rows.get(4).line().getBytes(StandardCharsets.UTF_8);
    int lastStart = whole.length - last.length;
    int cuts = 0;
    for (int cut = lastStart + 1; cut < whole.length; cut++) {
      Path f = tmp.resolve("cut-" + cut + ".jsonl");
      Files.write(f, Arrays.copyOf(whole, cut));
      JsonlReadResult<TestRow> r = JsonlReader.readAll(f, TestRow.CODEC);
      assertEquals(rows.subList(0, 4), r.values(), "complete records before the cut " + cut);
      assertEquals(0, r.unparseableCount());
      assertEquals(new TornTail(lastStart, cut - lastStart, 5), r.tornTail().orElseThrow());
      for (int block : new int[] {1, 3, 16, TailReader.DEFAULT_BLOCK_SIZE}) {
        TailRead<TestRow> t =
            TailReader.last(
                f,
                TestRow.CODEC,
                io.superloop.visibility.api.json.Json.DEFAULT,
                block,
                RealFileOps.INSTANCE);
        assertEquals(rows.get(3), t.value().orElseThrow(), "last valid record, block " + block);
        assertEquals(new TornTail(lastStart, cut - lastStart, 0), t.tornTail().orElseThrow());
        assertEquals(0, t.skippedUnparseable());
      }
      TestRow next = new TestRow("w", 99, "next");
      try (AppendLog<TestRow> w =
          AppendLog.open(f, TestRow.CODEC, Durability.NONE, NoSyncFileOps.INSTANCE)) {
        w.append(next);
        assertEquals(1, w.tornTailsQuarantined());
      }
      JsonlReadResult<TestRow> after = JsonlReader.readAll(f, TestRow.CODEC);
      List<TestRow> want = new ArrayList<>(rows.subList(0, 4));
      want.add(next);
      assertEquals(want, after.values());
      assertTrue(after.tornTail().isEmpty());
      assertEquals(0, after.unparseableCount());
      byte[] torn = Files.readAllBytes(AppendLog.sibling(f, ".torn"));
      byte[] frag = Arrays.copyOfRange(whole, lastStart, cut);
      byte[] expect = Arrays.copyOf(frag, frag.length + 1);
      expect[frag.length] = '\n';
      assertArrayEquals(expect, torn, "fragment moved to .torn");
      cuts++;
    }
    assertEquals(last.length - 1, cuts);
    System.out.println("[store-figures] torn-tail: cut offsets checked = " + cuts);
  }

  @Test
  void tornFileIsAppendedTo() throws Exception {
    Path f = tmp.resolve("log.jsonl");
    Files.writeString(f, new TestRow("w", 1, "a").line() + "{\"wri");
    Path torn = AppendLog.sibling(f, ".torn");
    Files.writeString(torn, "older\n");
    try (AppendLog<TestRow> w = AppendLog.open(f, TestRow.CODEC, Durability.FSYNC_PER_RECORD)) {
      w.append(new TestRow("w", 2, "b"));
    }
    assertEquals("older\n{\"wri\n", Files.readString(torn));
    assertEquals(
        new TestRow("w", 1, "a").line() + new TestRow("w", 2, "b").line(), Files.readString(f));
  }

  @Test
  void wholeFileTornHasNoRecords() throws Exception {
    Path f = tmp.resolve("log.jsonl");
    Files.writeString(f, "{\"writer\":\"w\",\"seq\":1");
    JsonlReadResult<TestRow> r = JsonlReader.readAll(f, TestRow.CODEC);
    assertTrue(r.records().isEmpty());
    assertEquals(new TornTail(0, 21, 1), r.tornTail().orElseThrow());
    TailRead<TestRow> t = TailReader.last(f, TestRow.CODEC);
    assertTrue(t.last().isEmpty());
    assertEquals(new TornTail(0, 21, 0), t.tornTail().orElseThrow());
  }
}
