package io.openvidu.ha.it.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fault tests' report: one line per fault in a fixed format, printed on standard output as each
 * fault ends and kept in {@code target/fault-report.md} (the system property {@code fault.report}),
 * so that runs can be compared.
 *
 * <pre>
 * FAULT master-sigkill calls=812 failures=0 lost=0 duplicated=0 worst-extra-latency=143ms orphans=0 ...
 * </pre>
 *
 * Thread-safe.
 */
final class FaultReport {
  private final Path file;
  private final List<String> lines = new ArrayList<>();
  private final Map<String, List<String>> details = new LinkedHashMap<>();

  FaultReport(Path file) {
    this.file = file;
  }

  /** The report file named by {@code fault.report}, or one in the temporary directory. */
  static FaultReport fromSystemProperty() {
    String path = System.getProperty("fault.report");
    return new FaultReport(
        path != null
            ? Path.of(path)
            : Path.of(System.getProperty("java.io.tmpdir"), "fault-report.md"));
  }

  /**
   * Adds, prints and writes one fault's line; {@code extra} holds further {@code key=value} pairs,
   * {@code notes} what the file shows below the lines (failures by kind, slowest calls,
   * discrepancies).
   */
  synchronized String add(
      String fault,
      int calls,
      int failures,
      int lost,
      int duplicated,
      long worstExtraMillis,
      String extra,
      List<String> notes) {
    String line =
        String.format(
            Locale.ROOT,
            "FAULT %s calls=%d failures=%d lost=%d duplicated=%d " + "worst-extra-latency=%dms%s",
            fault,
            calls,
            failures,
            lost,
            duplicated,
            worstExtraMillis,
            extra.isEmpty() ? "" : " " + extra);
    lines.add(line);
    details.put(fault, List.copyOf(notes));
    System.out.println(line);
    write();
    return line;
  }

  private void write() {
    StringBuilder text =
        new StringBuilder(
            "# Fault report\n\n"
                + "One line per fault: SDK calls made by 8 threads of mixed load, calls that failed, acknowledged writes "
                + "missing afterwards, duplicated side effects, and the worst latency of a call during or after the fault "
                + "minus the median latency before it.\n\n```\n");
    lines.forEach(line -> text.append(line).append('\n'));
    text.append("```\n");
    details.forEach(
        (fault, notes) -> {
          text.append("\n## ").append(fault).append("\n\n");
          notes.forEach(note -> text.append("- ").append(note).append('\n'));
        });
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
