package io.openvidu.java.client.deployment;

import io.openvidu.java.client.VideoCodec;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration a deployment runs with ({@code GET /openvidu/api/config}, rest-api.md §5.14):
 * the members every OpenVidu 2.20 answers with, typed, and every member of the answer as it came
 * ({@link #members()}), Pro/Enterprise ones and those of later versions included. The members may
 * hold credentials ({@code OPENVIDU_WEBHOOK_HEADERS}): {@link #toString()} shows none of them.
 *
 * <p>Immutable and thread-safe.
 */
public final class OpenViduConfiguration {

  private final Map<String, Object> members;

  /**
   * @param members the members of the answer, JSON values as maps, lists, strings, numbers ({@link
   *     Long} for whole numbers, {@link Double} otherwise) and booleans; must hold {@code VERSION}
   *     and {@code OPENVIDU_PUBLICURL} as strings
   * @throws IllegalArgumentException when {@code VERSION} or {@code OPENVIDU_PUBLICURL} is missing
   *     or not a string
   */
  public OpenViduConfiguration(Map<String, Object> members) {
    this.members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
    for (String required : new String[] {"VERSION", "OPENVIDU_PUBLICURL"}) {
      if (!(members.get(required) instanceof String)) {
        throw new IllegalArgumentException("member '" + required + "' is missing or not a string");
      }
    }
  }

  /**
   * @return every member of the answer, by name, in the server's order; JSON values as maps, lists,
   *     strings, numbers and booleans
   */
  public Map<String, Object> members() {
    return members;
  }

  /**
   * @param name a member's name, e.g. {@code OPENVIDU_PRO_CLUSTER_ID}
   * @return its value, if the answer had it and it was not {@code null}
   */
  public Optional<Object> member(String name) {
    return Optional.ofNullable(members.get(name));
  }

  /**
   * @return the server's version ({@code VERSION}), e.g. {@code 2.20.0}
   */
  public String version() {
    return (String) members.get("VERSION");
  }

  /**
   * @return the public URL ({@code OPENVIDU_PUBLICURL}), the prefix of tokens and recording URLs
   */
  public String publicUrl() {
    return (String) members.get("OPENVIDU_PUBLICURL");
  }

  /**
   * @return the domain or public IP ({@code DOMAIN_OR_PUBLIC_IP})
   */
  public Optional<String> domainOrPublicIp() {
    return text("DOMAIN_OR_PUBLIC_IP");
  }

  /**
   * @return the HTTPS port ({@code HTTPS_PORT})
   */
  public Optional<Integer> httpsPort() {
    return number("HTTPS_PORT").map(Number::intValue);
  }

  /**
   * @return whether recording is enabled ({@code OPENVIDU_RECORDING}); false when not said
   */
  public boolean recordingEnabled() {
    return flag("OPENVIDU_RECORDING");
  }

  /**
   * @return where recordings are stored ({@code OPENVIDU_RECORDING_PATH}), when recording is
   *     enabled
   */
  public Optional<String> recordingPath() {
    return text("OPENVIDU_RECORDING_PATH");
  }

  /**
   * @return whether webhook events are posted ({@code OPENVIDU_WEBHOOK}); false when not said
   */
  public boolean webhookEnabled() {
    return flag("OPENVIDU_WEBHOOK");
  }

  /**
   * @return where webhook events are posted ({@code OPENVIDU_WEBHOOK_ENDPOINT}), when they are
   */
  public Optional<String> webhookEndpoint() {
    return text("OPENVIDU_WEBHOOK_ENDPOINT").filter(endpoint -> !endpoint.isEmpty());
  }

  /**
   * @return whether call detail records are written ({@code OPENVIDU_CDR}); false when not said
   */
  public boolean cdrEnabled() {
    return flag("OPENVIDU_CDR");
  }

  /**
   * @return the video codec sessions are forced to by default ({@code
   *     OPENVIDU_STREAMS_FORCED_VIDEO_CODEC}); empty when absent or not one this version knows
   */
  public Optional<VideoCodec> forcedVideoCodec() {
    Optional<String> name = text("OPENVIDU_STREAMS_FORCED_VIDEO_CODEC");
    if (!name.isPresent()) {
      return Optional.empty();
    }
    for (VideoCodec codec : VideoCodec.values()) {
      if (codec.name().equals(name.get())) {
        return Optional.of(codec);
      }
    }
    return Optional.empty();
  }

  /**
   * @return whether transcoding is allowed by default ({@code OPENVIDU_STREAMS_ALLOW_TRANSCODING});
   *     false when not said
   */
  public boolean transcodingAllowed() {
    return flag("OPENVIDU_STREAMS_ALLOW_TRANSCODING");
  }

  /**
   * @return how often unused sessions are collected ({@code OPENVIDU_SESSIONS_GARBAGE_INTERVAL})
   */
  public Optional<Duration> sessionsGarbageInterval() {
    return seconds("OPENVIDU_SESSIONS_GARBAGE_INTERVAL");
  }

  /**
   * @return how long a session may stay unused before it is collected ({@code
   *     OPENVIDU_SESSIONS_GARBAGE_THRESHOLD})
   */
  public Optional<Duration> sessionsGarbageThreshold() {
    return seconds("OPENVIDU_SESSIONS_GARBAGE_THRESHOLD");
  }

  /**
   * @return the cluster's id ({@code OPENVIDU_PRO_CLUSTER_ID}); Pro/Enterprise only
   */
  public Optional<String> clusterId() {
    return text("OPENVIDU_PRO_CLUSTER_ID");
  }

  /**
   * @return how many media nodes the cluster has ({@code OPENVIDU_PRO_CLUSTER_MEDIA_NODES});
   *     Pro/Enterprise only
   */
  public Optional<Integer> mediaNodeCount() {
    return number("OPENVIDU_PRO_CLUSTER_MEDIA_NODES").map(Number::intValue);
  }

  private Optional<String> text(String name) {
    Object value = members.get(name);
    return value instanceof String ? Optional.of((String) value) : Optional.empty();
  }

  private Optional<Number> number(String name) {
    Object value = members.get(name);
    return value instanceof Number ? Optional.of((Number) value) : Optional.empty();
  }

  private boolean flag(String name) {
    return Boolean.TRUE.equals(members.get(name));
  }

  private Optional<Duration> seconds(String name) {
    return number(name).map(s -> Duration.ofMillis(Math.round(s.doubleValue() * 1000)));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof OpenViduConfiguration
        && members.equals(((OpenViduConfiguration) other).members);
  }

  @Override
  public int hashCode() {
    return members.hashCode();
  }

  /** The version and the public URL; {@link #members()} has the rest. */
  @Override
  public String toString() {
    return "OpenViduConfiguration{version="
        + version()
        + ", publicUrl="
        + publicUrl()
        + ", members="
        + members.size()
        + "}";
  }
}
