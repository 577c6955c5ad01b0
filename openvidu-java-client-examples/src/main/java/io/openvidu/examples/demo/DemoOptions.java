package io.openvidu.examples.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo's command line: {@code [--duration 15s] [--workers 4] [--output DIR]}.
 *
 * @param duration how long traffic runs (the master dies at 40 % of it and comes back at 70 %)
 * @param workers how many threads create sessions and connections without pause
 * @param output where the recordings are downloaded to
 */
public record DemoOptions(Duration duration, int workers, Path output) {
  /** What a bare {@code Demo} run uses. */
  public static final DemoOptions DEFAULTS =
      new DemoOptions(Duration.ofSeconds(15), 4, Path.of("target", "demo-recordings"));

  static final String USAGE =
      "usage: Demo [--duration 15s] [--workers 4] [--output target/demo-recordings]\n"
          + "  --duration  how long traffic runs: 2500ms, 15s, 2m (at least 2s: a master dies at 40 %, returns at 70 %)\n"
          + "  --workers   threads creating sessions and connections (1 to 64)\n"
          + "  --output    directory the recordings are downloaded to\n"
          + "Set OPENVIDU_URL and OPENVIDU_SECRET to run against your deployment instead of an embedded cluster.";

  private static final Pattern DURATION = Pattern.compile("(\\d{1,6})(ms|s|m)?");

  public DemoOptions {
    if (duration.compareTo(Duration.ofSeconds(2)) < 0) {
      throw new IllegalArgumentException(
          "--duration must be at least 2s, was " + duration.toMillis() + "ms");
    }
    if (workers < 1 || workers > 64) {
      throw new IllegalArgumentException("--workers must be between 1 and 64, was " + workers);
    }
  }

  /**
   * Reads the command line.
   *
   * @throws IllegalArgumentException saying which argument is wrong and why
   */
  public static DemoOptions parse(String... args) {
    Duration duration = DEFAULTS.duration;
    int workers = DEFAULTS.workers;
    Path output = DEFAULTS.output;
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (!name.equals("--duration") && !name.equals("--workers") && !name.equals("--output")) {
        throw new IllegalArgumentException("unknown argument '" + name + "'");
      }
      if (i + 1 == args.length) {
        throw new IllegalArgumentException(name + " needs a value");
      }
      String value = args[++i];
      switch (name) {
        case "--duration" -> duration = duration(value);
        case "--workers" -> workers = integer(name, value);
        default -> output = Path.of(value);
      }
    }
    return new DemoOptions(duration, workers, output);
  }

  private static Duration duration(String text) {
    Matcher matcher = DURATION.matcher(text);
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "--duration must look like 2500ms, 15s or 2m, was '" + text + "'");
    }
    long amount = Long.parseLong(matcher.group(1));
    String unit = matcher.group(2) == null ? "s" : matcher.group(2);
    return switch (unit) {
      case "ms" -> Duration.ofMillis(amount);
      case "m" -> Duration.ofMinutes(amount);
      default -> Duration.ofSeconds(amount);
    };
  }

  private static int integer(String name, String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, was '" + text + "'");
    }
  }
}
