package io.openvidu.examples.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The numbers a demo run ends with, and whether it passed: no failure, and every recording ready
 * and downloaded. Immutable.
 *
 * @param target what the demo ran against
 * @param elapsed from start to summary
 * @param calls API calls and participant steps made
 * @param failovers calls answered by another master after an attempt failed
 * @param ejections times the client took a master out of rotation
 * @param restorations times it took one back
 * @param failures calls and steps that failed
 * @param sessionsCreated sessions created by the traffic workers
 * @param sessionsClosed of those, closed again
 * @param participants simulated participants that joined
 * @param mastersJoinedVia how many different masters they joined through
 * @param reconnections participants that reconnected through another master after theirs died
 * @param recordingsExpected recordings started
 * @param recordingsReady recordings that reached {@code ready}
 * @param filesWritten recording files downloaded and checked
 * @param output where the files are
 */
public record DemoSummary(
    String target,
    Duration elapsed,
    long calls,
    long failovers,
    long ejections,
    long restorations,
    long failures,
    long sessionsCreated,
    long sessionsClosed,
    int participants,
    int mastersJoinedVia,
    int reconnections,
    int recordingsExpected,
    int recordingsReady,
    int filesWritten,
    Path output) {

  /** No failure, and every recording ready and written. */
  public boolean passed() {
    return failures == 0
        && recordingsReady == recordingsExpected
        && filesWritten == recordingsExpected;
  }

  /** The summary as a two-column table. */
  public String table() {
    double seconds = elapsed.toMillis() / 1000.0;
    StringBuilder table = new StringBuilder("\nSummary\n");
    row(table, "target", target);
    row(table, "duration", String.format(Locale.ROOT, "%.1f s", seconds));
    row(
        table,
        "calls",
        String.format(Locale.ROOT, "%,d (%,.0f per second)", calls, calls / seconds));
    row(
        table,
        "failovers",
        String.format(
            Locale.ROOT,
            "%,d calls answered by another master after an attempt" + " failed",
            failovers));
    row(
        table,
        "ejections",
        String.format(
            Locale.ROOT,
            "%d (a master taken out of rotation, again after each" + " failed probe), %d restored",
            ejections,
            restorations));
    row(table, "failures", String.format(Locale.ROOT, "%,d", failures));
    row(
        table,
        "sessions",
        String.format(Locale.ROOT, "%,d created, %,d closed", sessionsCreated, sessionsClosed));
    row(
        table,
        "participants",
        participants
            + " joined"
            + (mastersJoinedVia > 0 ? " via " + mastersJoinedVia + " masters" : "")
            + ", "
            + reconnections
            + " reconnected after their master died");
    row(
        table,
        "recordings ready",
        recordingsReady + " of " + recordingsExpected + " (INDIVIDUAL, COMPOSED)");
    row(table, "files written", filesWritten + " in " + output.toAbsolutePath().normalize());
    row(table, "result", passed() ? "PASS" : "FAIL");
    return table.toString();
  }

  private static void row(StringBuilder table, String name, String value) {
    table.append(String.format(Locale.ROOT, "  %-18s %s%n", name, value));
  }
}
