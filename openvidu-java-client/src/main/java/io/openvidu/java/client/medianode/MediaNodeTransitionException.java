package io.openvidu.java.client.medianode;

import io.openvidu.java.client.OpenViduHttpException;

/**
 * The server answered 400 to a status change: the media node's current status does not allow that
 * change (e.g. {@code running} to {@code launching}). {@link #getStatus()} is 400 and {@link
 * #getMessage()} is {@code "400"}, as for any {@link OpenViduHttpException}.
 */
public class MediaNodeTransitionException extends OpenViduHttpException {

  private static final long serialVersionUID = 1L;

  private final String mediaNode;

  /**
   * @param mediaNode the id of the media node
   * @param serverMessage the server's error message, or {@code null}
   * @param detail what failed, for {@link #toString()}
   */
  public MediaNodeTransitionException(String mediaNode, String serverMessage, String detail) {
    super(400, serverMessage, detail);
    this.mediaNode = mediaNode;
  }

  /**
   * @return the id of the media node
   */
  public String mediaNode() {
    return mediaNode;
  }
}
