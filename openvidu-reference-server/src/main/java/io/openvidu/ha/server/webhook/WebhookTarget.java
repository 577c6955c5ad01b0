package io.openvidu.ha.server.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvidu.ha.server.config.ClusterSettings;
import io.openvidu.ha.server.config.RuntimeConfig;
import io.openvidu.ha.server.store.Transaction;
import java.util.ArrayList;
import java.util.List;

/**
 * Where and with which configured headers events are posted right now: {@code
 * OPENVIDU_WEBHOOK_ENDPOINT} and {@code OPENVIDU_WEBHOOK_HEADERS} as the store has them. Read
 * before each event, so that a {@code /restart} applies to the next POST. Immutable.
 *
 * @param endpoint the URL; empty when none is configured
 * @param headers {@code [name, value]} pairs
 */
record WebhookTarget(String endpoint, List<String[]> headers) {

  static WebhookTarget read(Transaction tx, ClusterSettings settings) {
    RuntimeConfig config = RuntimeConfig.read(tx, settings);
    List<String[]> headers = new ArrayList<>();
    for (JsonNode header : config.value("OPENVIDU_WEBHOOK_HEADERS")) {
      String text = header.asText();
      int colon = text.indexOf(": ");
      if (colon > 0) {
        headers.add(new String[] {text.substring(0, colon).trim(), text.substring(colon + 2)});
      }
    }
    return new WebhookTarget(config.value("OPENVIDU_WEBHOOK_ENDPOINT").asText(""), headers);
  }
}
