package io.openvidu.ha.benchmarks.failover;

import io.openvidu.ha.benchmarks.load.Operation;
import io.openvidu.ha.benchmarks.load.Percentiles;
import io.openvidu.ha.benchmarks.report.Cells;
import io.openvidu.ha.benchmarks.report.MarkdownTable;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;

/** What each failover scenario did to the load. Immutable. */
public final class FailoverResult {
  private final FailoverBenchmark.Settings settings;
  private final List<Outcome> outcomes;

  /**
   * One scenario and what it did.
   *
   * @param firstFailure what the first failed call threw, if any failed
   * @param firstFailedAttempt the first failed attempt the client reported, if it reports them
   */
  public record Outcome(
      FailoverBenchmark.Scenario scenario,
      FaultImpact impact,
      Optional<Exception> firstFailure,
      Optional<String> firstFailedAttempt) {}

  FailoverResult(FailoverBenchmark.Settings settings, List<Outcome> outcomes) {
    this.settings = settings;
    this.outcomes = List.copyOf(outcomes);
  }

  /** Every scenario's outcome, in the order run. */
  public List<Outcome> outcomes() {
    return outcomes;
  }

  /**
   * The first outcome of our SDK for that fault, idempotency keys not trusted (its defaults but the
   * timeout).
   */
  public Optional<Outcome> ours(FailoverBenchmark.Fault fault) {
    return outcomes.stream()
        .filter(
            outcome ->
                outcome.scenario().fault() == fault
                    && !outcome.scenario().onlyFaultyMaster()
                    && !outcome.scenario().trustKeys())
        .findFirst();
  }

  /** The section as Markdown: the load, then one row per scenario. */
  public String markdown() {
    double offered = settings.threads() * 4 / (settings.mixPeriod().toNanos() / 1e9);
    String load =
        String.format(
            Locale.ROOT,
            "Steady load: %d caller threads, each starting one mix (4 calls) every "
                + "%d ms, %s calls/s offered; the fault comes after %d s.%n%n",
            settings.threads(),
            settings.mixPeriod().toMillis(),
            Cells.rate(offered),
            settings.beforeFault().toSeconds());
    MarkdownTable table =
        new MarkdownTable(
            "client",
            "master",
            "fault took ms",
            "calls after fault",
            "failed",
            "blocked at end",
            "met the faulty master",
            "their extra ms p50 / p99 / max",
            "made after it died: met, " + "max extra ms",
            "met it after its 1st failure showed",
            "slowed until");
    for (Outcome outcome : outcomes) {
      FaultImpact impact = outcome.impact();
      table.row(
          outcome.scenario().name(),
          outcome.scenario().fault().label(),
          Cells.millis(impact.injectionNanos()),
          impact.callsAfterFault(),
          failed(impact),
          impact.unfinished(),
          impact.met(),
          extra(impact),
          impact.extraLatencyMadeAfter().count()
              + ", "
              + Cells.millis(impact.extraLatencyMadeAfter().max()),
          impact.metAfterFirstFailure().isPresent()
              ? String.valueOf(impact.metAfterFirstFailure().getAsLong())
              : "- (no failure showed)",
          impact.slowedUntil().isPresent()
              ? "+" + Cells.millis(impact.slowedUntil().getAsLong()) + " ms"
              : "still at +" + impact.observedNanos() / 1_000_000_000 + " s");
    }
    StringBuilder failures = new StringBuilder();
    for (Outcome outcome : outcomes) {
      String row = "- " + outcome.scenario().name() + ", " + outcome.scenario().fault().label();
      outcome
          .firstFailedAttempt()
          .ifPresent(
              attempt ->
                  failures
                      .append(row)
                      .append(", first failed attempt: `")
                      .append(attempt)
                      .append("`\n"));
      outcome
          .firstFailure()
          .ifPresent(
              failure ->
                  failures
                      .append(row)
                      .append(", first failed call: `")
                      .append(failure)
                      .append("`\n"));
    }
    return load + table.render() + (failures.length() == 0 ? "" : "\n" + failures);
  }

  private static String failed(FaultImpact impact) {
    if (impact.failedCount() == 0) {
      return "0";
    }
    StringJoiner byOperation = new StringJoiner(", ", " (", ")");
    for (Operation operation : Operation.values()) {
      Long count = impact.failed().get(operation);
      if (count != null) {
        byOperation.add(operation.label() + " " + count);
      }
    }
    return impact.failedCount() + byOperation.toString();
  }

  private static String extra(FaultImpact impact) {
    Percentiles extra = impact.extraLatency();
    if (extra.count() == 0) {
      return "-";
    }
    String max = (impact.unfinished() > 0 ? ">= " : "") + Cells.millis(extra.max());
    return Cells.millis(extra.at(50)) + " / " + Cells.millis(extra.at(99)) + " / " + max;
  }
}
