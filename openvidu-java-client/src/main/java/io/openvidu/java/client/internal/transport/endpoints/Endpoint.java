package io.openvidu.java.client.internal.transport.endpoints;

import java.net.URI;

/**
 * One master: its position in the configured order, its name for logs and messages, its health and
 * whether it has gone silent. The name is the base URL without user information, query or trailing
 * slash, so that credentials someone put in a URL never reach a log line; the HTTP layer resolves
 * request paths against it. Thread-safe.
 */
public final class Endpoint {

  private final int index;
  private final String name;
  private final EndpointHealth health = new EndpointHealth();
  private final Responsiveness responsiveness = new Responsiveness();
  private volatile boolean announcesIdempotency;

  /**
   * @param index the endpoint's position in the configured order, from 0
   * @param name its base URL as {@link #nameOf} gives it
   */
  public Endpoint(int index, String name) {
    this.index = index;
    this.name = name;
  }

  /**
   * @param baseUrl a valid absolute URL, or any object whose {@code toString()} is one (a {@code
   *     String}, a {@link URI}, OkHttp's {@code HttpUrl})
   * @return the URL without user information, query, fragment or trailing slash
   */
  public static String nameOf(Object baseUrl) {
    URI uri = URI.create(baseUrl.toString());
    String authority = uri.getRawAuthority();
    int at = authority.lastIndexOf('@');
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    String clean = uri.getScheme() + "://" + authority.substring(at + 1) + path;
    return clean.endsWith("/") ? clean.substring(0, clean.length() - 1) : clean;
  }

  /** The endpoint's position in the configured order. */
  public int index() {
    return index;
  }

  public String name() {
    return name;
  }

  public EndpointHealth health() {
    return health;
  }

  public Responsiveness responsiveness() {
    return responsiveness;
  }

  /**
   * @return whether the endpoint's last answer announced that it honours {@code Idempotency-Key}
   *     (false until it answered)
   */
  public boolean announcesIdempotency() {
    return announcesIdempotency;
  }

  /** Records what the endpoint's latest answer said about {@code Idempotency-Key}. */
  void announcedIdempotency(boolean announced) {
    if (announcesIdempotency != announced) { // a volatile write only on a change
      announcesIdempotency = announced;
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
