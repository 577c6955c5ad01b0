package io.openvidu.java.client.internal.transport;

import okhttp3.HttpUrl;

/**
 * One master's base URL, its name for logs and messages, its health and whether it has gone silent.
 * The name is the URL without user information, query or trailing slash, so that credentials
 * someone put in a URL never reach a log line. Thread-safe.
 */
final class Endpoint {

  private final int index;
  private final String name;
  private final EndpointHealth health = new EndpointHealth();
  private final Responsiveness responsiveness = new Responsiveness();

  Endpoint(int index, HttpUrl baseUrl) {
    this.index = index;
    this.name = nameOf(baseUrl);
  }

  /**
   * @return the URL without user information, query, fragment or trailing slash
   */
  static String nameOf(HttpUrl baseUrl) {
    String clean =
        baseUrl
            .newBuilder()
            .username("")
            .password("")
            .query(null)
            .fragment(null)
            .build()
            .toString();
    return clean.endsWith("/") ? clean.substring(0, clean.length() - 1) : clean;
  }

  /** The endpoint's position in the configured order. */
  int index() {
    return index;
  }

  String name() {
    return name;
  }

  EndpointHealth health() {
    return health;
  }

  Responsiveness responsiveness() {
    return responsiveness;
  }

  HttpUrl resolve(String pathAndQuery) {
    return HttpUrl.get(name + pathAndQuery);
  }

  @Override
  public String toString() {
    return name;
  }
}
