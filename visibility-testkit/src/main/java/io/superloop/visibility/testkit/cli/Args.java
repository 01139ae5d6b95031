package io.superloop.visibility.testkit.cli;

import io.superloop.visibility.core.rules.VisibilityRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Parsed arguments of one command: positional arguments and {@code --name value} options. */
final class Args {
  final List<String> positional = new ArrayList<>();
  final Map<String, String> options = new LinkedHashMap<>();
  boolean help;

  static Args parse(List<String> argv, Set<String> valueOptions) {
    Args a = new Args();
    for (int i = 0; i < argv.size(); i++) {
      String s = argv.get(i);
      if (s.equals("--help") || s.equals("-h")) {
        a.help = true;
      } else if (s.startsWith("--")) {
        String name = s.substring(2);
        String value = null;
        int eq = name.indexOf('=');
        if (eq >= 0) {
          value = name.substring(eq + 1);
          name = name.substring(0, eq);
        }
        if (!valueOptions.contains(name)) {
          throw new UsageException("unknown option --" + name);
        }
        if (value == null) {
          if (i + 1 >= argv.size()) {
            throw new UsageException("option --" + name + " needs a value");
          }
          value = argv.get(++i);
        }
        a.options.put(name, value);
      } else {
        a.positional.add(s);
      }
    }
    return a;
  }

  Optional<String> option(String name) {
    return Optional.ofNullable(options.get(name));
  }

  VisibilityRules rules(String defaultPreset) {
    String name = options.getOrDefault("rules", defaultPreset);
    if (!name.equals("reference") && !name.equals("hardened")) {
      throw new UsageException("--rules is reference or hardened, not " + name);
    }
    return VisibilityRules.named(name);
  }

  long longOption(String name, long dflt) {
    String v = options.get(name);
    if (v == null) {
      return dflt;
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new UsageException("--" + name + " needs a whole number, not " + v);
    }
  }

  void expectPositional(int min, int max, String usage) {
    if (positional.size() < min || positional.size() > max) {
      throw new UsageException("usage: " + usage);
    }
  }
}
