package io.openvidu.ha.server.store;

import java.util.Comparator;
import java.util.Optional;

/**
 * The name a {@link DocumentStore} gives a field document it {@linkplain DocumentWrite.Append
 * appends}: the position of the commit that appended it ({@link DocumentStore.Message#position()}:
 * it grows with commits) and the rank of the append among that commit's appends (from 0). Ordering
 * them orders the documents as their commits were applied, and a commit's documents as it wrote
 * them; a document appended after a hash was read sorts after everything that read saw. Its {@link
 * #field()} is {@code position.rank}.
 */
public record AppendOrder(long position, int rank) implements Comparable<AppendOrder> {
  private static final Comparator<AppendOrder> ORDER =
      Comparator.comparingLong(AppendOrder::position).thenComparingInt(AppendOrder::rank);

  public AppendOrder {
    if (position <= 0 || rank < 0) {
      throw new IllegalArgumentException("position " + position + ", rank " + rank);
    }
  }

  /** The order named by {@code field}, or empty when it does not name one (another document). */
  public static Optional<AppendOrder> parse(String field) {
    int dot = field.indexOf('.');
    if (dot <= 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new AppendOrder(
              Long.parseLong(field.substring(0, dot)), Integer.parseInt(field.substring(dot + 1))));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The field name of the document appended at this order. */
  public String field() {
    return position + "." + rank;
  }

  @Override
  public int compareTo(AppendOrder other) {
    return ORDER.compare(this, other);
  }
}
