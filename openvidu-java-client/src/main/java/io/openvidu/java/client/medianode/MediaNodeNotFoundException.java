package io.openvidu.java.client.medianode;

import io.openvidu.java.client.OpenViduHttpException;

/**
 * The server answered 404: there is no media node with that id. {@link #getStatus()} is 404 and
 * {@link #getMessage()} is {@code "404"}, as for any {@link OpenViduHttpException}.
 */
public class MediaNodeNotFoundException extends OpenViduHttpException {

  private static final long serialVersionUID = 1L;

  private final String mediaNode;

  /**
   * @param mediaNode the id of the media node asked for
   * @param serverMessage the server's error message, or {@code null}
   * @param detail what failed, for {@link #toString()}
   */
  public MediaNodeNotFoundException(String mediaNode, String serverMessage, String detail) {
    super(404, serverMessage, detail);
    this.mediaNode = mediaNode;
  }

  /**
   * @return the id of the media node asked for
   */
  public String mediaNode() {
    return mediaNode;
  }
}
