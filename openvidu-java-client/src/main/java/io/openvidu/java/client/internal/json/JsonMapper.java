package io.openvidu.java.client.internal.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The one Jackson mapper of the client. Thread-safe once built, and never reconfigured. */
final class JsonMapper {

  /**
   * Rejects trailing garbage and duplicate members: a body that is not exactly one JSON document is
   * not an answer we can trust. Duplicates are caught while the tree is built (the object node's
   * own map sees the second member), not by the parser's duplicate detection, which allocates a set
   * of names per object and was a large share of what reading an answer cost.
   */
  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

  private JsonMapper() {}
}
