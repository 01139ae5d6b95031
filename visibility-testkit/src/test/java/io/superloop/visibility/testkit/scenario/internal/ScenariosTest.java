package io.superloop.visibility.testkit.scenario.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.superloop.visibility.core.reconcile.StepInput;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generators' own promises: sizes, reproducibility, carriability. */
class ScenariosTest {

  @Test
  void eventLinesAreRealisticInSize() {
    List<LogLine> lines = HistoryGens.eventLines("parity-loop", HistoryGens.BASE).samples(7L, 2000);
    int min = Integer.MAX_VALUE;
    int max = 0;
    for (LogLine l : lines) {
      int n = l.text().getBytes(StandardCharsets.UTF_8).length;
      min = Math.min(min, n);
      max = Math.max(max, n);
      assertTrue(n >= 250 && n <= 700, "event line of " + n + " bytes");
    }
    assertTrue(min < 400 && max > 500, "sizes span " + min + ".." + max);
  }

  @Test
  void sameSeedSameHistory() {
    assertEquals(
        HistoryGens.carriableHistories().sample(42L), HistoryGens.carriableHistories().sample(42L));
  }

  @Test
  void carriableHistoriesAreCarriableAndDeclareTheirLogChanges() {
    for (History h : HistoryGens.carriableHistories().samples(3L, 500)) {
      assertTrue(h.carriableByBoth());
      for (HistoryStep s : h.steps()) {
        assertTrue(
            s.change().kind() == LogChange.Kind.NONE || s.fromStart(), "undeclared " + s.change());
      }
    }
  }

  @Test
  void heartbeatsCoverTheBoundaries() {
    List<Long> lags = HistoryGens.heartbeatLags(StepInput.DEFAULT_THRESHOLDS).samples(5L, 3000);
    for (long want : new long[] {119, 120, 299, 300, 0}) {
      assertTrue(lags.contains(want), "lag " + want + " never generated");
    }
    assertTrue(lags.stream().anyMatch(l -> l < -30), "no lag beyond the skew tolerance");
    assertTrue(lags.stream().anyMatch(l -> l < 0 && l >= -30), "no lag within the skew tolerance");
  }
}
