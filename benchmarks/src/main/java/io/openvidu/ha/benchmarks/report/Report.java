package io.openvidu.ha.benchmarks.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The Markdown document of one run: a title, what was measured on, then titled sections in order.
 * Not thread-safe.
 */
public final class Report {
  private final String title;
  private final List<String> preamble = new ArrayList<>();
  private final List<String> sections = new ArrayList<>();

  public Report(String title) {
    this.title = title;
  }

  /** Adds a line under the title (the machine, the command, the load). */
  public Report line(String line) {
    preamble.add(line);
    return this;
  }

  /** Adds a section with a heading and its Markdown body. */
  public Report section(String heading, String body) {
    sections.add("## " + heading + "\n\n" + body.strip() + "\n");
    return this;
  }

  /** The whole document. */
  public String markdown() {
    StringBuilder out = new StringBuilder("# ").append(title).append("\n\n");
    preamble.forEach(line -> out.append("- ").append(line).append('\n'));
    sections.forEach(section -> out.append('\n').append(section));
    return out.toString();
  }
}
