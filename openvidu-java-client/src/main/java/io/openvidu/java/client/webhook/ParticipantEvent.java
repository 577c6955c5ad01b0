package io.openvidu.java.client.webhook;

import io.openvidu.java.client.internal.json.ResponseJson;
import java.util.Optional;

/**
 * An event about one participant (one connection) of a session, with the participant as it was when
 * it joined. Immutable and thread-safe.
 */
public abstract class ParticipantEvent extends SessionEvent {

  private final String connectionId;
  private final String location;
  private final String ip;
  private final String platform;
  private final String clientData;
  private final String serverData;

  ParticipantEvent(ResponseJson body, String json) {
    super(body, json);
    this.connectionId = body.requireText("connectionId");
    this.location = body.requireText("location");
    this.ip = body.requireText("ip");
    this.platform = body.requireText("platform");
    this.clientData = body.optionalText("clientData");
    this.serverData = body.requireText("serverData");
  }

  /**
   * @return the participant's connection id ({@code connectionId}; OpenVidu also sends it as the
   *     deprecated {@code participantId})
   */
  public String connectionId() {
    return connectionId;
  }

  /**
   * @return where the participant connects from: {@code "unknown"} unless the server geolocates
   *     ({@code location})
   */
  public String location() {
    return location;
  }

  /**
   * @return the participant's IP address ({@code ip})
   */
  public String ip() {
    return ip;
  }

  /**
   * @return the participant's platform, for example {@code "Chrome 85.0 on Linux 64-bit"}, or
   *     {@code "IPCAM"} for an IP camera ({@code platform})
   */
  public String platform() {
    return platform;
  }

  /**
   * @return the metadata the client gave when it joined; empty for an IP camera ({@code
   *     clientData})
   */
  public Optional<String> clientData() {
    return Optional.ofNullable(clientData);
  }

  /**
   * @return the connection's server-side data, set when its token was created ({@code serverData})
   */
  public String serverData() {
    return serverData;
  }
}
