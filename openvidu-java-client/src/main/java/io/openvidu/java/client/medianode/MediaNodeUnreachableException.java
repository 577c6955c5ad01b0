package io.openvidu.java.client.medianode;

import io.openvidu.java.client.OpenViduHttpException;

/**
 * The server answered 404 to adding a media node: it cannot reach its media server at that URI.
 * {@link #getStatus()} is 404 and {@link #getMessage()} is {@code "404"}, as for any {@link
 * OpenViduHttpException}.
 */
public class MediaNodeUnreachableException extends OpenViduHttpException {

  private static final long serialVersionUID = 1L;

  private final String mediaNode;

  /**
   * @param mediaNode the URI of the media node
   * @param serverMessage the server's error message, or {@code null}
   * @param detail what failed, for {@link #toString()}
   */
  public MediaNodeUnreachableException(String mediaNode, String serverMessage, String detail) {
    super(404, serverMessage, detail);
    this.mediaNode = mediaNode;
  }

  /**
   * @return the URI of the media node
   */
  public String mediaNode() {
    return mediaNode;
  }
}
