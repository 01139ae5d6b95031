package io.superloop.visibility.cli;

import io.superloop.visibility.core.rules.VisibilityRules;

/** The two rule presets, as {@code --rules} takes them. */
enum Rules {
  reference,
  hardened;

  VisibilityRules rules() {
    return VisibilityRules.named(name());
  }
}
