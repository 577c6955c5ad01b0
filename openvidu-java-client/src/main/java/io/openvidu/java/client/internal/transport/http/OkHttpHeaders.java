package io.openvidu.java.client.internal.transport.http;

import io.openvidu.java.client.internal.transport.ResponseHeaders;
import java.util.List;
import okhttp3.Headers;

/** OkHttp's immutable headers behind the transport's view of them, not copied. Immutable. */
final class OkHttpHeaders implements ResponseHeaders {

  private final Headers headers;

  OkHttpHeaders(Headers headers) {
    this.headers = headers;
  }

  @Override
  public List<String> values(String name) {
    return headers.values(name);
  }

  @Override
  public String get(String name) {
    return headers.get(name);
  }
}
