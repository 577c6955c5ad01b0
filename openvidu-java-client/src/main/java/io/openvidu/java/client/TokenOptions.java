package io.openvidu.java.client;

import java.util.Objects;

/**
 * What {@link Session#generateToken(TokenOptions)} asks for: the participant's role, the server
 * data attached to its connection and its media limits. A token is the join credential of one
 * WebRTC connection; the 2.20 REST API creates it by creating that connection.
 *
 * <p>Defaults: role {@link OpenViduRole#PUBLISHER}, data {@code ""}, no media limits. Immutable and
 * thread-safe.
 */
public class TokenOptions {

  private final OpenViduRole role;
  private final String data;
  private final KurentoOptions kurentoOptions;

  /** Builds {@link TokenOptions}. Not thread-safe. */
  public static class Builder {

    private OpenViduRole role = OpenViduRole.PUBLISHER;
    private String data = "";
    private KurentoOptions kurentoOptions;

    /** A builder with the defaults. */
    public Builder() {}

    /**
     * @return the options set so far
     */
    public TokenOptions build() {
      return new TokenOptions(role, data, kurentoOptions);
    }

    /**
     * @param role what the participant may do
     * @return this builder
     */
    public Builder role(OpenViduRole role) {
      this.role = role;
      return this;
    }

    /**
     * @param data server data attached to the connection, visible to every participant
     * @return this builder
     */
    public Builder data(String data) {
      this.data = data;
      return this;
    }

    /**
     * @param kurentoOptions the participant's media limits
     * @return this builder
     */
    public Builder kurentoOptions(KurentoOptions kurentoOptions) {
      this.kurentoOptions = kurentoOptions;
      return this;
    }
  }

  // Package-private rather than private, as in the official client (japicmp sees the difference).
  TokenOptions(OpenViduRole role, String data, KurentoOptions kurentoOptions) {
    this.role = role;
    this.data = data;
    this.kurentoOptions = kurentoOptions;
  }

  /**
   * @return the participant's role
   */
  public OpenViduRole getRole() {
    return role;
  }

  /**
   * @return the server data
   */
  public String getData() {
    return data;
  }

  /**
   * @return the media limits, or {@code null} when not set
   */
  public KurentoOptions getKurentoOptions() {
    return kurentoOptions;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof TokenOptions)) {
      return false;
    }
    TokenOptions that = (TokenOptions) o;
    return role == that.role
        && Objects.equals(data, that.data)
        && Objects.equals(kurentoOptions, that.kurentoOptions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(role, data, kurentoOptions);
  }

  @Override
  public String toString() {
    return "TokenOptions{role="
        + role
        + ", data="
        + data
        + ", kurentoOptions="
        + kurentoOptions
        + "}";
  }
}
