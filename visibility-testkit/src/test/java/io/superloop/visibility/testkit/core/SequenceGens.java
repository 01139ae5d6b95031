package io.superloop.visibility.testkit.core;

import static io.superloop.visibility.testkit.gen.Gen.weighted;

import io.superloop.visibility.testkit.core.SequenceModel.Prev;
import io.superloop.visibility.testkit.core.SequenceModel.Step;
import io.superloop.visibility.testkit.gen.Gen;
import io.superloop.visibility.testkit.gen.internal.Zip;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Generators of previous states and batches around a base (zero, small, mid, near Long.MAX_VALUE).
 */
final class SequenceGens {
  private SequenceGens() {}

  /** A previous state and a chain of steps that follow it. */
  record Chain(Prev start, List<Step> steps) {}

  static Gen<Long> base() {
    return Gen.frequency(
        weighted(2, Gen.constant(0L)),
        weighted(3, Gen.longs(0, 200)),
        weighted(1, Gen.longs(0, Long.MAX_VALUE)),
        weighted(2, Gen.constant(Long.MAX_VALUE - 30)));
  }

  /** base + offset, saturated to [0, Long.MAX_VALUE]. */
  static long add(long base, long offset) {
    if (offset > 0 && base > Long.MAX_VALUE - offset) {
      return Long.MAX_VALUE;
    }
    long v = base + offset;
    return v < 0 ? 0 : v;
  }

  static Gen<Long> valueNear(long base) {
    return Gen.longs(-40, 40).map(o -> add(base, o));
  }

  static Gen<Optional<Long>> maybeNear(long base) {
    return Gen.frequency(
        weighted(1, Gen.constant(Optional.<Long>empty())),
        weighted(4, valueNear(base).map(Optional::of)));
  }

  /** A step of a walk: empty = a missing value; otherwise the change from the current value. */
  static Gen<Optional<Long>> walkStep() {
    return Gen.frequency(
        weighted(6, Gen.constant(Optional.of(1L))),
        weighted(1, Gen.constant(Optional.<Long>empty())),
        weighted(1, Gen.constant(Optional.of(0L))),
        weighted(2, Gen.longs(2, 5).map(Optional::of)),
        weighted(2, Gen.longs(-6, -1).map(Optional::of)));
  }

  /** Event values: a walk from base+start with missing entries, duplicates, gaps and dips. */
  static Gen<List<Optional<Long>>> batchNear(long base) {
    return Gen.zip(
        Gen.longs(-40, 40),
        Gen.listOf(walkStep(), 0, 30),
        (start, steps) -> {
          long cur = add(base, start);
          List<Optional<Long>> out = new ArrayList<>(steps.size());
          for (Optional<Long> st : steps) {
            if (st.isEmpty()) {
              out.add(Optional.empty());
            } else {
              cur = add(cur, st.get());
              out.add(Optional.of(cur));
            }
          }
          return out;
        });
  }

  static Gen<Prev> prevNear(long base) {
    Gen<Prev> some =
        Zip.zip(
            Zip.zip(
                maybeNear(base),
                maybeNear(base),
                Gen.booleans(),
                (a, b, c) -> List.<Object>of(a, b, c)),
            maybeNear(base),
            maybeNear(base),
            (abc, d, e) -> {
              @SuppressWarnings("unchecked")
              Optional<Long> a = (Optional<Long>) abc.get(0);
              @SuppressWarnings("unchecked")
              Optional<Long> b = (Optional<Long>) abc.get(1);
              return new Prev(a, b, (Boolean) abc.get(2), d, e);
            });
    return Gen.frequency(weighted(1, Gen.constant(Prev.NONE)), weighted(6, some));
  }

  static Gen<Step> stepNear(long base) {
    return Zip.zip(
        Gen.frequency(weighted(5, Gen.constant(false)), weighted(1, Gen.constant(true))),
        maybeNear(base),
        batchNear(base),
        Step::new);
  }

  static Gen<Chain> chains() {
    return base().flatMap(b -> Gen.zip(prevNear(b), Gen.listOf(stepNear(b), 1, 5), Chain::new));
  }
}
