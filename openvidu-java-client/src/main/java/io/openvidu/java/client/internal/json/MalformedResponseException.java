package io.openvidu.java.client.internal.json;

/**
 * A response body that is not what the API promises: not JSON, truncated, a required member
 * missing, a member of the wrong type or an unknown enum value. Internal: the API layer turns it
 * into an {@code OpenViduJavaClientException} that names the operation, so it never reaches users.
 */
public final class MalformedResponseException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  MalformedResponseException(String message) {
    super(message);
  }
}
