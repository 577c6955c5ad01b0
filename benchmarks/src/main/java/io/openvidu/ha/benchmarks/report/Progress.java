package io.openvidu.ha.benchmarks.report;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress lines on standard output, each prefixed with the time since the run began. Thread-safe.
 */
public final class Progress {
  private final PrintStream out;
  private final long began = System.nanoTime();

  public Progress(PrintStream out) {
    this.out = out;
  }

  /** Prints one line, {@link String#format} style. */
  public synchronized void line(String format, Object... args) {
    double seconds = (System.nanoTime() - began) / 1e9;
    out.printf(Locale.ROOT, "[%6.1f s] %s%n", seconds, String.format(Locale.ROOT, format, args));
    out.flush();
  }

  /** Seconds since the run began. */
  public double elapsedSeconds() {
    return (System.nanoTime() - began) / 1e9;
  }
}
