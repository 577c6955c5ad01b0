package io.openvidu.java.client.internal.transport;

import java.util.Collections;
import java.util.List;

/**
 * The headers of one HTTP answer, read by name, case-insensitively. The HTTP layer hands its own
 * immutable headers over behind this view instead of copying them into a map, so the rest of the
 * transport does not depend on the HTTP library. Implementations are immutable.
 */
public interface ResponseHeaders {

  /** No headers. */
  ResponseHeaders EMPTY =
      new ResponseHeaders() {
        @Override
        public List<String> values(String name) {
          return Collections.emptyList();
        }

        @Override
        public String get(String name) {
          return null;
        }
      };

  /**
   * @return every value of the header {@code name}, in the order received; empty when absent
   */
  List<String> values(String name);

  /**
   * @return the last value of the header {@code name}, or {@code null} when absent; allocates
   *     nothing, unlike {@link #values}
   */
  String get(String name);
}
