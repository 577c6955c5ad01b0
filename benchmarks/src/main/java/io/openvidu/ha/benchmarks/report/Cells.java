package io.openvidu.ha.benchmarks.report;

import java.util.Locale;

/** How numbers are written in the tables: fixed decimals, units in the column headers. */
public final class Cells {
  private Cells() {}

  /** Nanoseconds as milliseconds with two decimals ({@code 1.25}). */
  public static String millis(long nanos) {
    return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
  }

  /** A rate with no decimals and thousands separated ({@code 12,345}). */
  public static String rate(double perSecond) {
    return String.format(Locale.ROOT, "%,.0f", perSecond);
  }

  /** A ratio with two decimals and a times sign ({@code 3.20x}); a dash when undefined. */
  public static String ratio(double ratio) {
    return Double.isFinite(ratio) ? String.format(Locale.ROOT, "%.2fx", ratio) : "-";
  }

  /** A byte count with no decimals and thousands separated. */
  public static String bytes(double bytes) {
    return String.format(Locale.ROOT, "%,.0f", bytes);
  }

  /** Microseconds with one decimal ({@code 12.5}). */
  public static String micros(double micros) {
    return String.format(Locale.ROOT, "%.1f", micros);
  }

  /** A share as a percentage with one decimal ({@code 12.5 %}). */
  public static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f %%", share * 100);
  }
}
