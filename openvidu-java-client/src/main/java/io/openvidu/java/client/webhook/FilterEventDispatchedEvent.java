package io.openvidu.java.client.webhook;

import io.openvidu.java.client.internal.json.ResponseJson;

/**
 * {@code filterEventDispatched}: a media filter raised an event a client listens to. Only a server
 * with a media server sends it. Immutable and thread-safe.
 */
public final class FilterEventDispatchedEvent extends SessionEvent {

  /** The event's name, the value of its {@code event} member. */
  public static final String NAME = "filterEventDispatched";

  private final String connectionId;
  private final String streamId;
  private final String filterType;
  private final String eventType;
  private final String data;

  FilterEventDispatchedEvent(ResponseJson body, String json) {
    super(body, json);
    this.connectionId = body.requireText("connectionId");
    this.streamId = body.requireText("streamId");
    this.filterType = body.requireText("filterType");
    this.eventType = body.requireText("eventType");
    this.data = body.requireText("data");
  }

  /**
   * @return the connection id of the filtered stream's owner ({@code connectionId})
   */
  public String connectionId() {
    return connectionId;
  }

  /**
   * @return the filtered stream ({@code streamId})
   */
  public String streamId() {
    return streamId;
  }

  /**
   * @return the filter's type ({@code filterType})
   */
  public String filterType() {
    return filterType;
  }

  /**
   * @return the filter event's type ({@code eventType})
   */
  public String eventType() {
    return eventType;
  }

  /**
   * @return the filter event's data ({@code data})
   */
  public String data() {
    return data;
  }
}
