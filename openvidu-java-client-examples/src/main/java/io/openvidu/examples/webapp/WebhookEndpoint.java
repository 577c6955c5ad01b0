package io.openvidu.examples.webapp;

import io.javalin.http.Context;
import io.openvidu.java.client.webhook.MalformedWebhookException;
import io.openvidu.java.client.webhook.ParticipantJoinedEvent;
import io.openvidu.java.client.webhook.ParticipantLeftEvent;
import io.openvidu.java.client.webhook.RecordingStatus;
import io.openvidu.java.client.webhook.RecordingStatusChangedEvent;
import io.openvidu.java.client.webhook.SessionEvent;
import io.openvidu.java.client.webhook.WebhookAuthenticationException;
import io.openvidu.java.client.webhook.WebhookDelivery;
import io.openvidu.java.client.webhook.WebhookEvent;
import io.openvidu.java.client.webhook.WebhookException;
import io.openvidu.java.client.webhook.WebhookReceiver;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives OpenVidu's webhook: {@code POST /api/webhook}, checked and read by the client's {@link
 * WebhookReceiver} (answers 401 to a POST that is not OpenVidu's, 400 to a body that is not an
 * event, 200 otherwise, repeats included so that OpenVidu stops retrying them). What a real backend
 * would do with the events (bill a participant's minutes, archive a ready recording) is reduced to
 * a log line and the last events kept for {@code GET /api/webhook/events}. Thread-safe.
 */
final class WebhookEndpoint {
  private static final Logger log = LoggerFactory.getLogger(WebhookEndpoint.class);
  private static final int KEPT = 100;

  private final WebhookReceiver receiver;
  private final Deque<Map<String, String>> recent = new ArrayDeque<>();

  WebhookEndpoint(WebhookReceiver receiver) {
    this.receiver = receiver;
  }

  void receive(Context ctx) {
    WebhookDelivery delivery;
    try {
      delivery = receiver.receive(ctx.bodyAsBytes(), ctx::header);
    } catch (WebhookAuthenticationException e) {
      log.warn("Refused a webhook POST: {}", e.getMessage());
      ctx.status(401).json(Map.of("message", e.getMessage()));
      return;
    } catch (MalformedWebhookException e) {
      ctx.status(400).json(Map.of("message", e.getMessage()));
      return;
    } catch (WebhookException e) {
      ctx.status(400).json(Map.of("message", e.getMessage()));
      return;
    }
    if (!delivery.isRepeat()) {
      handle(delivery.event());
    }
    ctx.status(200);
  }

  void events(Context ctx) {
    List<Map<String, String>> events;
    synchronized (recent) {
      events = new ArrayList<>(recent);
    }
    ctx.json(events);
  }

  private void handle(WebhookEvent event) {
    if (event instanceof RecordingStatusChangedEvent recording
        && recording.status() == RecordingStatus.READY) {
      log.info(
          "Recording {} of session {} is ready: {} bytes, {} s",
          recording.id(),
          recording.sessionId(),
          recording.size(),
          recording.duration());
    } else if (event instanceof ParticipantJoinedEvent joined) {
      log.info("{} joined {}", joined.connectionId(), joined.sessionId());
    } else if (event instanceof ParticipantLeftEvent left) {
      log.info(
          "{} left {} after {} s ({})",
          left.connectionId(),
          left.sessionId(),
          left.duration(),
          left.reasonAsString().orElse("no reason"));
    }
    String sessionId = event instanceof SessionEvent s ? s.sessionId() : "";
    synchronized (recent) {
      recent.addLast(Map.of("event", event.name(), "sessionId", sessionId));
      if (recent.size() > KEPT) {
        recent.removeFirst();
      }
    }
  }
}
