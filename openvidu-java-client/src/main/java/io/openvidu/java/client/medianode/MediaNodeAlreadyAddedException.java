package io.openvidu.java.client.medianode;

import io.openvidu.java.client.OpenViduHttpException;

/**
 * The server answered 409 to adding a media node: it is part of the cluster already. {@link
 * #getStatus()} is 409 and {@link #getMessage()} is {@code "409"}, as for any {@link
 * OpenViduHttpException}.
 */
public class MediaNodeAlreadyAddedException extends OpenViduHttpException {

  private static final long serialVersionUID = 1L;

  private final String mediaNode;

  /**
   * @param mediaNode the URI of the media node
   * @param serverMessage the server's error message, or {@code null}
   * @param detail what failed, for {@link #toString()}
   */
  public MediaNodeAlreadyAddedException(String mediaNode, String serverMessage, String detail) {
    super(409, serverMessage, detail);
    this.mediaNode = mediaNode;
  }

  /**
   * @return the URI of the media node
   */
  public String mediaNode() {
    return mediaNode;
  }
}
