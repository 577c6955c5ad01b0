package io.openvidu.ha.server.store;

import java.util.List;

/**
 * Bandwidth limits and allowed filters of a WEBRTC connection. Only the members that were given at
 * creation are non-null, because the REST API renders exactly those. Immutable.
 */
public record KurentoOptions(
    Integer videoMaxRecvBandwidth,
    Integer videoMinRecvBandwidth,
    Integer videoMaxSendBandwidth,
    Integer videoMinSendBandwidth,
    List<String> allowedFilters) {

  public KurentoOptions {
    allowedFilters = allowedFilters == null ? null : List.copyOf(allowedFilters);
  }
}
