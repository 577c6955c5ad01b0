package io.openvidu.java.client.transport;

/** How a call chooses the endpoint (master) of its first attempt. */
public enum BalancingPolicy {

  /**
   * Spread calls over every healthy endpoint in turn. The default: OpenVidu HA masters share their
   * state, so any master serves any call.
   */
  ROUND_ROBIN,

  /**
   * Send every call to the first healthy endpoint in the configured order; the others are used only
   * while the ones before them are ejected.
   */
  PRIMARY_FIRST
}
