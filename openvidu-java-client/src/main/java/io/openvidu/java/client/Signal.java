package io.openvidu.java.client;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A signal the server sends to the participants of a session ({@code POST /openvidu/api/signal}),
 * for {@link OpenVidu#sendSignal(Signal)}: to every participant, or to chosen connections, with an
 * optional type and data. Participants receive it as openvidu-browser's {@code signal} event
 * without a {@code from} member, which is how they tell the server's signals from each other's. An
 * addition to the official 2.20 client.
 *
 * <p>Immutable and thread-safe.
 */
public final class Signal {

  private final String sessionId;
  private final List<String> to;
  private final String type;
  private final String data;

  private Signal(Builder builder) {
    this.sessionId = builder.sessionId;
    this.to = Collections.unmodifiableList(new ArrayList<>(builder.to));
    this.type = builder.type;
    this.data = builder.data;
  }

  /**
   * @param sessionId the session whose participants receive the signal
   * @return a builder of a signal to every participant of that session, without type or data
   */
  public static Builder builder(String sessionId) {
    return new Builder(sessionId);
  }

  /**
   * @return the session whose participants receive the signal
   */
  public String sessionId() {
    return sessionId;
  }

  /**
   * @return the connection ids of the recipients; empty for every participant of the session
   */
  public List<String> to() {
    return to;
  }

  /**
   * @return the type, forwarded verbatim (no {@code signal:} prefix is added), or {@code null}
   */
  public String type() {
    return type;
  }

  /**
   * @return the data, or {@code null}
   */
  public String data() {
    return data;
  }

  /** The session, the recipients and the type; never the data, which may be private. */
  @Override
  public String toString() {
    return "Signal{sessionId="
        + sessionId
        + ", to="
        + (to.isEmpty() ? "everyone" : to.toString())
        + ", type="
        + type
        + "}";
  }

  /** Builds a {@link Signal}. Not thread-safe. */
  public static final class Builder {

    private final String sessionId;
    private final List<String> to = new ArrayList<>();
    private String type;
    private String data;

    private Builder(String sessionId) {
      if (sessionId == null || sessionId.isEmpty()) {
        throw new IllegalArgumentException("the signal's sessionId must not be null or empty");
      }
      this.sessionId = sessionId;
    }

    /**
     * Adds recipients. Without any, every participant of the session receives the signal.
     *
     * @param connectionIds ids of connections of participants connected to the session
     * @return this builder
     * @throws IllegalArgumentException for a null or empty id (the server would refuse the signal)
     */
    public Builder to(String... connectionIds) {
      Objects.requireNonNull(connectionIds, "connectionIds");
      for (String id : connectionIds) {
        if (id == null || id.isEmpty()) {
          throw new IllegalArgumentException(
              "a recipient's connection id must not be null or empty");
        }
      }
      to.addAll(Arrays.asList(connectionIds));
      return this;
    }

    /**
     * Adds recipients.
     *
     * @param connections connections of participants connected to the session
     * @return this builder
     */
    public Builder to(Connection... connections) {
      Objects.requireNonNull(connections, "connections");
      for (Connection connection : connections) {
        to(Objects.requireNonNull(connection, "connection").getConnectionId());
      }
      return this;
    }

    /**
     * @param type the signal's type, as the participants filter on it (openvidu-browser's {@code
     *     signal:<type>} event); {@code null} for none
     * @return this builder
     */
    public Builder type(String type) {
      this.type = type;
      return this;
    }

    /**
     * @param data the signal's payload, {@code null} for none
     * @return this builder
     */
    public Builder data(String data) {
      this.data = data;
      return this;
    }

    /**
     * @return the signal
     */
    public Signal build() {
      return new Signal(this);
    }
  }
}
