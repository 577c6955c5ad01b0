package io.openvidu.ha.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvidu.ha.server.store.Transaction;
import io.openvidu.ha.server.store.WebhookOutbox;
import io.openvidu.ha.server.webhook.WebhookSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster's effective configuration: the {@link ClusterSettings} it started with, overridden by
 * what {@code POST /openvidu/api/restart} changed since (kept in the store, so every master sees
 * the same). Renders {@code GET /openvidu/api/config}. Immutable.
 */
public final class RuntimeConfig {
  private static final String DOCUMENT = "config";

  /** The values of {@code OPENVIDU_RECORDING_NOTIFICATION} (rest-api.md §5.14). */
  private static final List<String> NOTIFICATION_POLICIES =
      List.of("none", "moderator", "publisher_moderator", "all");

  /** The properties {@code /restart} may change, with their JSON types. */
  private static final Map<String, Kind> RESTARTABLE = restartable();

  private final ClusterSettings settings;
  private final ObjectNode values;

  private final long droppedWebhookEvents;

  private RuntimeConfig(ClusterSettings settings, ObjectNode values, long droppedWebhookEvents) {
    this.settings = settings;
    this.values = values;
    this.droppedWebhookEvents = droppedWebhookEvents;
  }

  /** The configuration as the store has it now. */
  public static RuntimeConfig read(Transaction tx, ClusterSettings settings) {
    ObjectNode values = defaults(settings);
    tx.readDocument(DOCUMENT, ObjectNode.class).ifPresent(values::setAll);
    return new RuntimeConfig(settings, values, 0);
  }

  /**
   * This configuration as {@code GET /config} shows it: with the number of webhook events dropped
   * after their retries (read only here, so that other readers of the configuration do not pay for
   * it).
   */
  public static RuntimeConfig readForDisplay(Transaction tx, ClusterSettings settings) {
    RuntimeConfig config = read(tx, settings);
    return new RuntimeConfig(settings, config.values, tx.webhooks().droppedCount());
  }

  /**
   * Checks a {@code /restart} body: every member must be a restartable property with a value of its
   * type.
   *
   * @return a description of the first problem, empty when the body is acceptable
   */
  public static Optional<String> problemWith(ObjectNode changes) {
    for (Map.Entry<String, JsonNode> change : changes.properties()) {
      Kind kind = RESTARTABLE.get(change.getKey());
      if (kind == null) {
        return Optional.of(
            "Property '" + change.getKey() + "' cannot be changed by a restart of this cluster");
      }
      if (!kind.accepts(change.getValue())) {
        return Optional.of("Property '" + change.getKey() + "' must be " + kind.description);
      }
      Optional<String> webhookProblem = webhookProblem(change.getKey(), change.getValue());
      if (webhookProblem.isPresent()) {
        return webhookProblem;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> webhookProblem(String name, JsonNode value) {
    switch (name) {
      case "OPENVIDU_WEBHOOK_ENDPOINT":
        return value.asText().isEmpty()
            ? Optional.empty()
            : WebhookSettings.problemWithEndpoint(value.asText());
      case "OPENVIDU_WEBHOOK_HEADERS":
        for (JsonNode header : value) {
          Optional<String> problem = WebhookSettings.problemWithHeader(header.asText());
          if (problem.isPresent()) {
            return problem;
          }
        }
        return Optional.empty();
      case "OPENVIDU_WEBHOOK_EVENTS":
        List<String> events = new ArrayList<>();
        value.forEach(event -> events.add(event.asText()));
        return WebhookSettings.problemWithEvents(events);
      default:
        return Optional.empty();
    }
  }

  /** Stages changes already checked with {@link #problemWith}. */
  public static void apply(Transaction tx, ObjectNode changes) {
    ObjectNode stored =
        tx.readDocument(DOCUMENT, ObjectNode.class).orElseGet(JsonNodeFactory.instance::objectNode);
    stored.setAll(changes);
    tx.writeDocument(DOCUMENT, stored);
  }

  /**
   * Stages the members of {@code initial} the store does not have yet: a cluster's start-up
   * configuration, which must not undo a {@code /restart} made before this process started.
   */
  public static void applyIfAbsent(Transaction tx, ObjectNode initial) {
    ObjectNode stored =
        tx.readDocument(DOCUMENT, ObjectNode.class).orElseGet(JsonNodeFactory.instance::objectNode);
    boolean changed = false;
    for (Map.Entry<String, JsonNode> value : initial.properties()) {
      if (!stored.has(value.getKey())) {
        stored.set(value.getKey(), value.getValue());
        changed = true;
      }
    }
    if (changed) {
      tx.writeDocument(DOCUMENT, stored);
    }
  }

  /** Whether recording is enabled ({@code OPENVIDU_RECORDING}). */
  public boolean recordingEnabled() {
    return values.path("OPENVIDU_RECORDING").asBoolean(settings.recordingEnabled());
  }

  /**
   * The {@code GET /config} body; {@code mediaNodes} is the number of media nodes in the cluster.
   */
  public ObjectNode toJson(int mediaNodes) {
    ObjectNode json = values.deepCopy();
    json.put("OPENVIDU_PRO_CLUSTER_MEDIA_NODES", mediaNodes);
    if (!recordingEnabled()) {
      for (String recordingOnly :
          new String[] {
            "OPENVIDU_RECORDING_VERSION",
            "OPENVIDU_RECORDING_PATH",
            "OPENVIDU_RECORDING_PUBLIC_ACCESS",
            "OPENVIDU_RECORDING_NOTIFICATION",
            "OPENVIDU_RECORDING_CUSTOM_LAYOUT",
            "OPENVIDU_RECORDING_AUTOSTOP_TIMEOUT"
          }) {
        json.remove(recordingOnly);
      }
    }
    if (!json.path("OPENVIDU_WEBHOOK").asBoolean(false)) {
      json.remove("OPENVIDU_WEBHOOK_ENDPOINT");
      json.remove("OPENVIDU_WEBHOOK_HEADERS");
      json.remove("OPENVIDU_WEBHOOK_EVENTS");
    } else {
      // Not an OpenVidu property: events given up after their retries (see the webhook package).
      json.put("OPENVIDU_WEBHOOK_DROPPED_EVENTS", droppedWebhookEvents);
    }
    return json;
  }

  /**
   * How often the session garbage collector runs ({@code OPENVIDU_SESSIONS_GARBAGE_INTERVAL}); zero
   * when it is off.
   */
  public Duration sessionsGarbageInterval() {
    return seconds("OPENVIDU_SESSIONS_GARBAGE_INTERVAL", settings.sessionsGarbageInterval());
  }

  /**
   * How old a never-active session must be to be collected ({@code
   * OPENVIDU_SESSIONS_GARBAGE_THRESHOLD}).
   */
  public Duration sessionsGarbageThreshold() {
    return seconds("OPENVIDU_SESSIONS_GARBAGE_THRESHOLD", settings.sessionsGarbageThreshold());
  }

  private Duration seconds(String name, Duration fallback) {
    JsonNode value = values.path(name);
    if (!value.isNumber()) {
      return fallback;
    }
    return Duration.ofMillis(Math.max(0, Math.round(value.asDouble() * 1000)));
  }

  /** Whole seconds as an integer, as OpenVidu shows them; a fraction (tests) as a decimal. */
  private static void putSeconds(ObjectNode json, String name, Duration value) {
    if (value.toMillis() % 1000 == 0) {
      json.put(name, value.toSeconds());
    } else {
      json.put(name, value.toMillis() / 1000.0);
    }
  }

  /** One configuration value, or a missing node. */
  public JsonNode value(String name) {
    return values.path(name);
  }

  private static ObjectNode defaults(ClusterSettings settings) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("VERSION", ClusterSettings.OPENVIDU_VERSION);
    json.put("DOMAIN_OR_PUBLIC_IP", settings.publicUrl().getHost());
    json.put("HTTPS_PORT", settings.publicPort());
    json.put("OPENVIDU_PUBLICURL", settings.publicUrlText());
    json.put("OPENVIDU_CDR", false);
    json.put("OPENVIDU_STREAMS_VIDEO_MAX_RECV_BANDWIDTH", 1000);
    json.put("OPENVIDU_STREAMS_VIDEO_MIN_RECV_BANDWIDTH", 300);
    json.put("OPENVIDU_STREAMS_VIDEO_MAX_SEND_BANDWIDTH", 1000);
    json.put("OPENVIDU_STREAMS_VIDEO_MIN_SEND_BANDWIDTH", 300);
    json.put("OPENVIDU_STREAMS_FORCED_VIDEO_CODEC", "VP8");
    json.put("OPENVIDU_STREAMS_ALLOW_TRANSCODING", false);
    putSeconds(json, "OPENVIDU_SESSIONS_GARBAGE_INTERVAL", settings.sessionsGarbageInterval());
    putSeconds(json, "OPENVIDU_SESSIONS_GARBAGE_THRESHOLD", settings.sessionsGarbageThreshold());
    json.put("OPENVIDU_RECORDING", settings.recordingEnabled());
    json.put("OPENVIDU_RECORDING_VERSION", ClusterSettings.OPENVIDU_VERSION);
    json.put("OPENVIDU_RECORDING_PATH", settings.recordingsDir().toAbsolutePath().toString());
    json.put("OPENVIDU_RECORDING_PUBLIC_ACCESS", false);
    json.put("OPENVIDU_RECORDING_NOTIFICATION", "publisher_moderator");
    json.put("OPENVIDU_RECORDING_CUSTOM_LAYOUT", "/opt/openvidu/custom-layout");
    json.put("OPENVIDU_RECORDING_AUTOSTOP_TIMEOUT", 120);
    json.put("OPENVIDU_WEBHOOK", false);
    json.put("OPENVIDU_WEBHOOK_ENDPOINT", "");
    json.putArray("OPENVIDU_WEBHOOK_HEADERS");
    WebhookOutbox.DEFAULT_EVENTS.forEach(json.putArray("OPENVIDU_WEBHOOK_EVENTS")::add);
    json.put("OPENVIDU_SERVER_DEPENDENCY_VERSION", ClusterSettings.OPENVIDU_VERSION);
    json.putArray("KMS_URIS");
    json.put("OPENVIDU_PRO_STATS_SESSION_INTERVAL", 0);
    json.put("OPENVIDU_PRO_STATS_SERVER_INTERVAL", 0);
    json.put("OPENVIDU_PRO_STATS_MONITORING_INTERVAL", 0);
    json.put("OPENVIDU_PRO_STATS_WEBRTC_INTERVAL", 0);
    json.put("OPENVIDU_PRO_CLUSTER_ID", WebhookOutbox.DEFAULT_CLUSTER_ID);
    json.put("OPENVIDU_PRO_CLUSTER_ENVIRONMENT", "on_premise");
    json.put("OPENVIDU_PRO_CLUSTER_PATH", "/opt/openvidu/cluster");
    json.put("OPENVIDU_PRO_CLUSTER_AUTOSCALING", false);
    json.put("OPENVIDU_PRO_NETWORK_QUALITY", false);
    json.put("OPENVIDU_PRO_ELASTICSEARCH", false);
    json.put("OPENVIDU_PRO_KIBANA", false);
    json.put("OPENVIDU_PRO_RECORDING_STORAGE", "local");
    return json;
  }

  private static Map<String, Kind> restartable() {
    Map<String, Kind> kinds = new LinkedHashMap<>();
    kinds.put("OPENVIDU_CDR", Kind.BOOLEAN);
    kinds.put("OPENVIDU_RECORDING", Kind.BOOLEAN);
    kinds.put("OPENVIDU_RECORDING_PATH", Kind.STRING);
    kinds.put("OPENVIDU_RECORDING_PUBLIC_ACCESS", Kind.BOOLEAN);
    kinds.put("OPENVIDU_RECORDING_NOTIFICATION", Kind.NOTIFICATION_POLICY);
    kinds.put("OPENVIDU_RECORDING_CUSTOM_LAYOUT", Kind.STRING);
    kinds.put("OPENVIDU_RECORDING_AUTOSTOP_TIMEOUT", Kind.NUMBER);
    kinds.put("OPENVIDU_WEBHOOK", Kind.BOOLEAN);
    kinds.put("OPENVIDU_WEBHOOK_ENDPOINT", Kind.STRING);
    kinds.put("OPENVIDU_WEBHOOK_HEADERS", Kind.STRING_ARRAY);
    kinds.put("OPENVIDU_WEBHOOK_EVENTS", Kind.STRING_ARRAY);
    kinds.put("OPENVIDU_STREAMS_VIDEO_MAX_RECV_BANDWIDTH", Kind.NUMBER);
    kinds.put("OPENVIDU_STREAMS_VIDEO_MIN_RECV_BANDWIDTH", Kind.NUMBER);
    kinds.put("OPENVIDU_STREAMS_VIDEO_MAX_SEND_BANDWIDTH", Kind.NUMBER);
    kinds.put("OPENVIDU_STREAMS_VIDEO_MIN_SEND_BANDWIDTH", Kind.NUMBER);
    kinds.put("OPENVIDU_SESSIONS_GARBAGE_INTERVAL", Kind.NUMBER);
    kinds.put("OPENVIDU_SESSIONS_GARBAGE_THRESHOLD", Kind.NUMBER);
    kinds.put("OPENVIDU_PRO_CLUSTER_ID", Kind.STRING);
    kinds.put("OPENVIDU_PRO_CLUSTER_PATH", Kind.STRING);
    kinds.put("OPENVIDU_PRO_CLUSTER_AUTOSCALING", Kind.BOOLEAN);
    kinds.put("OPENVIDU_PRO_CLUSTER_AUTOSCALING_MAX_NODES", Kind.NUMBER);
    kinds.put("OPENVIDU_PRO_CLUSTER_AUTOSCALING_MIN_NODES", Kind.NUMBER);
    kinds.put("OPENVIDU_PRO_CLUSTER_AUTOSCALING_MAX_LOAD", Kind.NUMBER);
    kinds.put("OPENVIDU_PRO_CLUSTER_AUTOSCALING_MIN_LOAD", Kind.NUMBER);
    kinds.put("OPENVIDU_PRO_NETWORK_QUALITY", Kind.BOOLEAN);
    kinds.put("OPENVIDU_PRO_NETWORK_QUALITY_INTERVAL", Kind.NUMBER);
    kinds.put("OPENVIDU_PRO_STATS_MONITORING_INTERVAL", Kind.NUMBER);
    kinds.put("OPENVIDU_PRO_STATS_WEBRTC_INTERVAL", Kind.NUMBER);
    return kinds;
  }

  /**
   * The JSON type of each restartable property, and its range: numbers are seconds, bandwidths,
   * counts or loads, so a negative one or one beyond {@link Integer#MAX_VALUE} (JSON's {@code
   * 1e309} reads as infinity) means nothing; the notification policy is one of OpenVidu's four
   * values, spelt as OpenVidu spells them.
   */
  private enum Kind {
    BOOLEAN("a boolean"),
    STRING("a string"),
    NUMBER("a number from 0 to " + Integer.MAX_VALUE),
    NOTIFICATION_POLICY("one of " + String.join(", ", NOTIFICATION_POLICIES)),
    STRING_ARRAY("an array of strings");

    private final String description;

    Kind(String description) {
      this.description = description;
    }

    boolean accepts(JsonNode value) {
      return switch (this) {
        case BOOLEAN -> value.isBoolean();
        case STRING -> value.isTextual();
        case NUMBER ->
            value.isNumber()
                && Double.isFinite(value.asDouble())
                && value.asDouble() >= 0
                && value.asDouble() <= Integer.MAX_VALUE;
        case NOTIFICATION_POLICY ->
            value.isTextual() && NOTIFICATION_POLICIES.contains(value.textValue());
        case STRING_ARRAY -> value.isArray() && allTextual(value);
      };
    }

    private static boolean allTextual(JsonNode array) {
      for (JsonNode element : array) {
        if (!element.isTextual()) {
          return false;
        }
      }
      return true;
    }
  }
}
