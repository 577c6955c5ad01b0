package io.openvidu.java.client.internal.transport.policy;

/** The statuses that say "not now, try elsewhere": 502, 503, 504 and 429. */
public final class RetryableStatus {

  private RetryableStatus() {}

  public static boolean is(int status) {
    return status == 502 || status == 503 || status == 504 || status == 429;
  }

  /** The statuses whose {@code Retry-After} keeps calls off the endpoint for that long. */
  static boolean honoursRetryAfter(int status) {
    return status == 503 || status == 429;
  }
}
