package io.openvidu.ha.benchmarks.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A GitHub-flavoured Markdown table, padded so that it also reads well in a terminal. The first
 * column is left-aligned (it names the row), the others right-aligned (they hold numbers). Not
 * thread-safe.
 */
public final class MarkdownTable {
  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();

  public MarkdownTable(String... headers) {
    if (headers.length == 0) {
      throw new IllegalArgumentException("a table needs a column");
    }
    this.headers = List.of(headers);
  }

  /** Adds a row; it must have one cell per column. */
  public MarkdownTable row(Object... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException(
          "expected " + headers.size() + " cells, got " + cells.length);
    }
    rows.add(Arrays.stream(cells).map(cell -> String.valueOf(cell).replace("|", "\\|")).toList());
    return this;
  }

  /** The table, one line per row, ending with a line break. */
  public String render() {
    int[] widths = new int[headers.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = Math.max(3, headers.get(i).length());
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    line(out, headers, widths);
    out.append('|');
    for (int i = 0; i < widths.length; i++) {
      out.append(
          i == 0 ? " " + "-".repeat(widths[i]) + " |" : " " + "-".repeat(widths[i] - 1) + ": |");
    }
    out.append('\n');
    rows.forEach(row -> line(out, row, widths));
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> cells, int[] widths) {
    out.append('|');
    for (int i = 0; i < widths.length; i++) {
      String cell = cells.get(i);
      String padding = " ".repeat(widths[i] - cell.length());
      out.append(' ').append(i == 0 ? cell + padding : padding + cell).append(" |");
    }
    out.append('\n');
  }
}
