package io.superloop.visibility.testkit.gen;

import io.superloop.visibility.testkit.gen.internal.Shrinkable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Test helper: bounded walks over shrink trees. */
final class Trees {
  private Trees() {}

  /** The values of the first {@code breadth} children at each level, down to {@code depth}. */
  static <T> List<T> values(Shrinkable<T> root, int depth, int breadth) {
    List<T> out = new ArrayList<>();
    walk(root, depth, breadth, out);
    return out;
  }

  private static <T> void walk(Shrinkable<T> node, int depth, int breadth, List<T> out) {
    out.add(node.value());
    if (depth == 0) {
      return;
    }
    Iterator<Shrinkable<T>> it = node.shrinks().iterator();
    for (int i = 0; i < breadth && it.hasNext(); i++) {
      walk(it.next(), depth - 1, breadth, out);
    }
  }

  /** The direct candidates' values. */
  static <T> List<T> children(Shrinkable<T> node) {
    List<T> out = new ArrayList<>();
    node.shrinks().forEach(s -> out.add(s.value()));
    return out;
  }
}
