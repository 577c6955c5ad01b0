package io.openvidu.ha.server.webhook;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvidu.ha.server.store.WebhookOutbox;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How the cluster posts webhook events. The OpenVidu properties ({@code OPENVIDU_WEBHOOK_ENDPOINT},
 * {@code OPENVIDU_WEBHOOK_HEADERS}, {@code OPENVIDU_WEBHOOK_EVENTS}) given here are the cluster's
 * initial configuration, written to the store when the cluster starts unless the store already has
 * them; {@code POST /openvidu/api/restart} changes them later. The rest are the delivery's own
 * settings (not OpenVidu properties): the signing secret, how long a failing event is retried, and
 * timings. Immutable.
 *
 * @param endpoint where events are posted; null: webhooks off at start
 * @param headers {@code "Name: value"} entries added to every POST
 * @param events the event names posted; null: OpenVidu's default list
 * @param signingSecret the HMAC-SHA256 key of the {@code webhook-signature} header; null: unsigned
 * @param retryFor how long a failing event is retried before it is dropped
 * @param connectTimeout TCP/TLS connect timeout of one POST
 * @param requestTimeout the whole of one POST, response included
 * @param leaseTime how long a master holds a session's queue without renewing it: how soon another
 *     master takes over the events of a dead one
 * @param pollInterval how often a master looks for queues nobody delivers (new events wake it up at
 *     once; this catches the rest)
 * @param workers how many queues one master posts in parallel
 */
public record WebhookSettings(
    String endpoint,
    List<String> headers,
    List<String> events,
    String signingSecret,
    Duration retryFor,
    Duration connectTimeout,
    Duration requestTimeout,
    Duration leaseTime,
    Duration pollInterval,
    int workers) {

  public WebhookSettings {
    headers = headers == null ? List.of() : List.copyOf(headers);
    events = events == null ? null : List.copyOf(events);
    Objects.requireNonNull(retryFor, "retryFor");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(leaseTime, "leaseTime");
    Objects.requireNonNull(pollInterval, "pollInterval");
    if (endpoint != null) {
      problemWithEndpoint(endpoint)
          .ifPresent(
              p -> {
                throw new IllegalArgumentException(p);
              });
    }
    for (String header : headers) {
      problemWithHeader(header)
          .ifPresent(
              p -> {
                throw new IllegalArgumentException(p);
              });
    }
    if (events != null) {
      problemWithEvents(events)
          .ifPresent(
              p -> {
                throw new IllegalArgumentException(p);
              });
    }
    if (signingSecret != null && signingSecret.isEmpty()) {
      throw new IllegalArgumentException("the webhook signing secret is empty");
    }
    if (leaseTime.compareTo(requestTimeout.plusSeconds(1)) < 0) {
      throw new IllegalArgumentException(
          "the webhook lease time (--webhook-takeover-ms) must exceed the request timeout"
              + " (--webhook-timeout-ms) by a second at least");
    }
    if (workers < 1) {
      throw new IllegalArgumentException("at least one webhook worker");
    }
  }

  /** Webhooks off at start; delivery settings at their defaults. */
  public static WebhookSettings defaults() {
    return builder().build();
  }

  /**
   * @return a builder starting from the defaults: no endpoint (off), no header, OpenVidu's default
   *     events, unsigned, retried for 1 minute, connect timeout 2 s, POST timeout 5 s, lease 10 s,
   *     poll every 250 ms, 4 queues per master
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return a builder starting from these settings
   */
  public Builder toBuilder() {
    return new Builder()
        .endpoint(endpoint)
        .headers(headers)
        .events(events)
        .signingSecret(signingSecret)
        .retryFor(retryFor)
        .timings(connectTimeout, requestTimeout, leaseTime, pollInterval)
        .workers(workers);
  }

  /** Builds {@link WebhookSettings}; checks happen in {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private String endpoint;
    private List<String> headers = List.of();
    private List<String> events;
    private String signingSecret;
    private Duration retryFor = Duration.ofMinutes(1);
    private Duration connectTimeout = Duration.ofSeconds(2);
    private Duration requestTimeout = Duration.ofSeconds(5);
    private Duration leaseTime = Duration.ofSeconds(10);
    private Duration pollInterval = Duration.ofMillis(250);
    private int workers = 4;

    private Builder() {}

    /** {@code OPENVIDU_WEBHOOK_ENDPOINT}; null: webhooks off at start. */
    public Builder endpoint(String endpoint) {
      this.endpoint = endpoint;
      return this;
    }

    /** {@code OPENVIDU_WEBHOOK_HEADERS}: {@code "Name: value"} entries. */
    public Builder headers(List<String> headers) {
      this.headers = headers;
      return this;
    }

    /** {@code OPENVIDU_WEBHOOK_EVENTS}; null: OpenVidu's default list. */
    public Builder events(List<String> events) {
      this.events = events;
      return this;
    }

    /** The key of the {@code webhook-signature} header; null: unsigned. */
    public Builder signingSecret(String signingSecret) {
      this.signingSecret = signingSecret;
      return this;
    }

    /** How long a failing event is retried before it is dropped. */
    public Builder retryFor(Duration retryFor) {
      this.retryFor = retryFor;
      return this;
    }

    /**
     * How long a master holds a session's queue without renewing it: how soon another master takes
     * over the events of a dead one.
     */
    public Builder leaseTime(Duration leaseTime) {
      this.leaseTime = leaseTime;
      return this;
    }

    /** How long one POST may take, response included. */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = requestTimeout;
      return this;
    }

    /** POST timeouts, lease time and poll interval (tests shorten them). */
    public Builder timings(
        Duration connectTimeout,
        Duration requestTimeout,
        Duration leaseTime,
        Duration pollInterval) {
      this.connectTimeout = connectTimeout;
      this.requestTimeout = requestTimeout;
      this.leaseTime = leaseTime;
      this.pollInterval = pollInterval;
      return this;
    }

    /** How many queues one master posts in parallel. */
    public Builder workers(int workers) {
      this.workers = workers;
      return this;
    }

    /**
     * @throws IllegalArgumentException when a value is invalid (the message names it, never a
     *     header's value or the secret)
     */
    public WebhookSettings build() {
      return new WebhookSettings(
          endpoint,
          headers,
          events,
          signingSecret,
          retryFor,
          connectTimeout,
          requestTimeout,
          leaseTime,
          pollInterval,
          workers);
    }
  }

  /**
   * The OpenVidu properties these settings start the cluster with: {@code OPENVIDU_WEBHOOK} on, the
   * endpoint, the headers and the events (OpenVidu's default list when none were given).
   */
  public ObjectNode initialConfig() {
    ObjectNode config = JsonNodeFactory.instance.objectNode();
    config.put("OPENVIDU_WEBHOOK", endpoint != null);
    config.put("OPENVIDU_WEBHOOK_ENDPOINT", endpoint == null ? "" : endpoint);
    headers.forEach(config.putArray("OPENVIDU_WEBHOOK_HEADERS")::add);
    (events == null ? WebhookOutbox.DEFAULT_EVENTS : events)
        .forEach(config.putArray("OPENVIDU_WEBHOOK_EVENTS")::add);
    return config;
  }

  /** The problem with an {@code OPENVIDU_WEBHOOK_ENDPOINT} value, if any. */
  public static Optional<String> problemWithEndpoint(String endpoint) {
    try {
      URI uri = new URI(endpoint);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return Optional.empty();
      }
    } catch (java.net.URISyntaxException e) {
      // reported below
    }
    return Optional.of("OPENVIDU_WEBHOOK_ENDPOINT must be an http(s):// URL");
  }

  /** The problem with one {@code OPENVIDU_WEBHOOK_HEADERS} entry, if any (never its value). */
  public static Optional<String> problemWithHeader(String header) {
    int colon = header.indexOf(": ");
    if (colon <= 0 || header.substring(0, colon).isBlank()) {
      return Optional.of("OPENVIDU_WEBHOOK_HEADERS entries must be \"Header-Name: value\"");
    }
    return Optional.empty();
  }

  /** The problem with an {@code OPENVIDU_WEBHOOK_EVENTS} list, if any. */
  public static Optional<String> problemWithEvents(List<String> events) {
    List<String> unknown = new ArrayList<>();
    for (String event : events) {
      if (!WebhookOutbox.KNOWN_EVENTS.contains(event)) {
        unknown.add(event);
      }
    }
    return unknown.isEmpty()
        ? Optional.empty()
        : Optional.of("OPENVIDU_WEBHOOK_EVENTS has unknown events: " + unknown);
  }

  @Override
  public String toString() {
    // The endpoint may carry credentials (user:password@host) and the headers do: neither is shown.
    return "WebhookSettings[endpoint="
        + (endpoint == null ? "none" : URI.create(endpoint).getHost())
        + ", headers="
        + headers.size()
        + ", events="
        + events
        + ", signed="
        + (signingSecret != null)
        + ", retryFor="
        + retryFor
        + "]";
  }
}
