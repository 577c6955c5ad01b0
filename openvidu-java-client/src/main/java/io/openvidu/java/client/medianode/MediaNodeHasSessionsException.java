package io.openvidu.java.client.medianode;

import io.openvidu.java.client.OpenViduHttpException;

/**
 * The server answered 409: the media node hosts sessions, and the deletion strategy {@link
 * DeletionStrategy#IF_NO_SESSIONS} removes only a node without any. Close them, or choose another
 * strategy. {@link #getStatus()} is 409 and {@link #getMessage()} is {@code "409"}, as for any
 * {@link OpenViduHttpException}.
 */
public class MediaNodeHasSessionsException extends OpenViduHttpException {

  private static final long serialVersionUID = 1L;

  private final String mediaNode;

  /**
   * @param mediaNode the id of the media node
   * @param serverMessage the server's error message, or {@code null}
   * @param detail what failed, for {@link #toString()}
   */
  public MediaNodeHasSessionsException(String mediaNode, String serverMessage, String detail) {
    super(409, serverMessage, detail);
    this.mediaNode = mediaNode;
  }

  /**
   * @return the id of the media node
   */
  public String mediaNode() {
    return mediaNode;
  }
}
