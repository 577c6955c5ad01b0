package io.openvidu.examples.demo;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The demo's output: one line per event, each stamped with the seconds since the demo started, so
 * that the story (a master dies, calls move, participants reconnect) reads in order. Thread-safe:
 * lines never interleave.
 */
final class Timeline {
  private final PrintStream out;
  private final long startNanos = System.nanoTime();

  Timeline(PrintStream out) {
    this.out = out;
  }

  /** Seconds since the demo started. */
  double elapsedSeconds() {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  /** Prints one stamped line. */
  synchronized void say(String format, Object... args) {
    out.printf(
        Locale.ROOT, "%6.1fs  %s%n", elapsedSeconds(), String.format(Locale.ROOT, format, args));
    out.flush();
  }

  /** Prints lines as they are, for the summary. */
  synchronized void print(String text) {
    out.println(text);
    out.flush();
  }
}
