package io.openvidu.java.client;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Arrays;
import java.util.Objects;

/**
 * Media limits and allowed filters of one WebRTC participant: bandwidth bounds in kbps for the
 * video it receives and sends, and the names of the media filters it may apply. A {@code null}
 * member means "not set": the deployment's global value applies.
 *
 * <p>Immutable and thread-safe; arrays are copied on the way in and out.
 */
public class KurentoOptions {

  private final Integer videoMaxRecvBandwidth;
  private final Integer videoMinRecvBandwidth;
  private final Integer videoMaxSendBandwidth;
  private final Integer videoMinSendBandwidth;
  private final String[] allowedFilters;

  /** Builds {@link KurentoOptions}. Not thread-safe; use one builder per thread. */
  public static class Builder {

    private Integer videoMaxRecvBandwidth;
    private Integer videoMinRecvBandwidth;
    private Integer videoMaxSendBandwidth;
    private Integer videoMinSendBandwidth;
    private String[] allowedFilters = new String[0];

    /** A builder with nothing set (no allowed filters: an empty array, as the official client). */
    public Builder() {}

    /**
     * @return the options set so far
     */
    public KurentoOptions build() {
      return new KurentoOptions(
          videoMaxRecvBandwidth,
          videoMinRecvBandwidth,
          videoMaxSendBandwidth,
          videoMinSendBandwidth,
          allowedFilters);
    }

    /**
     * @param kbps upper bound of the video bandwidth the participant receives (0: unconstrained)
     * @return this builder
     */
    public Builder videoMaxRecvBandwidth(int kbps) {
      this.videoMaxRecvBandwidth = kbps;
      return this;
    }

    /**
     * @param kbps lower bound of the video bandwidth the participant receives (0: unconstrained)
     * @return this builder
     */
    public Builder videoMinRecvBandwidth(int kbps) {
      this.videoMinRecvBandwidth = kbps;
      return this;
    }

    /**
     * @param kbps upper bound of the video bandwidth the participant sends (0: unconstrained)
     * @return this builder
     */
    public Builder videoMaxSendBandwidth(int kbps) {
      this.videoMaxSendBandwidth = kbps;
      return this;
    }

    /**
     * @param kbps lower bound of the video bandwidth the participant sends (0: unconstrained)
     * @return this builder
     */
    public Builder videoMinSendBandwidth(int kbps) {
      this.videoMinSendBandwidth = kbps;
      return this;
    }

    /**
     * @param filterNames the media filter types the participant may apply, e.g. {@code
     *     "GStreamerFilter"}
     * @return this builder
     */
    public Builder allowedFilters(String[] filterNames) {
      this.allowedFilters = filterNames == null ? null : filterNames.clone();
      return this;
    }
  }

  /**
   * @param videoMaxRecvBandwidth upper bound of received video bandwidth in kbps, or {@code null}
   * @param videoMinRecvBandwidth lower bound of received video bandwidth in kbps, or {@code null}
   * @param videoMaxSendBandwidth upper bound of sent video bandwidth in kbps, or {@code null}
   * @param videoMinSendBandwidth lower bound of sent video bandwidth in kbps, or {@code null}
   * @param allowedFilters filter types the participant may apply, or {@code null}
   */
  public KurentoOptions(
      Integer videoMaxRecvBandwidth,
      Integer videoMinRecvBandwidth,
      Integer videoMaxSendBandwidth,
      Integer videoMinSendBandwidth,
      String[] allowedFilters) {
    this.videoMaxRecvBandwidth = videoMaxRecvBandwidth;
    this.videoMinRecvBandwidth = videoMinRecvBandwidth;
    this.videoMaxSendBandwidth = videoMaxSendBandwidth;
    this.videoMinSendBandwidth = videoMinSendBandwidth;
    this.allowedFilters = allowedFilters == null ? null : allowedFilters.clone();
  }

  /**
   * @return upper bound of received video bandwidth in kbps, or {@code null} when not set
   */
  public Integer getVideoMaxRecvBandwidth() {
    return videoMaxRecvBandwidth;
  }

  /**
   * @return lower bound of received video bandwidth in kbps, or {@code null} when not set
   */
  public Integer getVideoMinRecvBandwidth() {
    return videoMinRecvBandwidth;
  }

  /**
   * @return upper bound of sent video bandwidth in kbps, or {@code null} when not set
   */
  public Integer getVideoMaxSendBandwidth() {
    return videoMaxSendBandwidth;
  }

  /**
   * @return lower bound of sent video bandwidth in kbps, or {@code null} when not set
   */
  public Integer getVideoMinSendBandwidth() {
    return videoMinSendBandwidth;
  }

  /**
   * @return a copy of the allowed filter types, or {@code null} when not set
   */
  public String[] getAllowedFilters() {
    return allowedFilters == null ? null : allowedFilters.clone();
  }

  /**
   * @param filterType a filter type such as {@code "GStreamerFilter"}
   * @return whether the allowed filters list it
   */
  public boolean isFilterAllowed(String filterType) {
    return allowedFilters != null && Arrays.asList(allowedFilters).contains(filterType);
  }

  /**
   * @return the options as the official client writes them in a request: the bandwidth bounds that
   *     are set, and {@code allowedFilters} when there is at least one
   */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    addIfSet(json, "videoMaxRecvBandwidth", videoMaxRecvBandwidth);
    addIfSet(json, "videoMinRecvBandwidth", videoMinRecvBandwidth);
    addIfSet(json, "videoMaxSendBandwidth", videoMaxSendBandwidth);
    addIfSet(json, "videoMinSendBandwidth", videoMinSendBandwidth);
    if (allowedFilters != null && allowedFilters.length > 0) {
      JsonArray filters = new JsonArray();
      for (String filter : allowedFilters) {
        filters.add(filter);
      }
      json.add("allowedFilters", filters);
    }
    return json;
  }

  private static void addIfSet(JsonObject json, String name, Integer value) {
    if (value != null) {
      json.addProperty(name, value);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof KurentoOptions)) {
      return false;
    }
    KurentoOptions that = (KurentoOptions) o;
    return Objects.equals(videoMaxRecvBandwidth, that.videoMaxRecvBandwidth)
        && Objects.equals(videoMinRecvBandwidth, that.videoMinRecvBandwidth)
        && Objects.equals(videoMaxSendBandwidth, that.videoMaxSendBandwidth)
        && Objects.equals(videoMinSendBandwidth, that.videoMinSendBandwidth)
        && Arrays.equals(allowedFilters, that.allowedFilters);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        videoMaxRecvBandwidth,
        videoMinRecvBandwidth,
        videoMaxSendBandwidth,
        videoMinSendBandwidth,
        Arrays.hashCode(allowedFilters));
  }

  @Override
  public String toString() {
    return "KurentoOptions{videoMaxRecvBandwidth="
        + videoMaxRecvBandwidth
        + ", videoMinRecvBandwidth="
        + videoMinRecvBandwidth
        + ", videoMaxSendBandwidth="
        + videoMaxSendBandwidth
        + ", videoMinSendBandwidth="
        + videoMinSendBandwidth
        + ", allowedFilters="
        + Arrays.toString(allowedFilters)
        + "}";
  }
}
