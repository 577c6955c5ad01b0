package io.openvidu.java.client.internal.transport.http;

import java.io.IOException;
import java.net.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import okhttp3.Authenticator;
import okhttp3.Challenge;
import okhttp3.Connection;
import okhttp3.Credentials;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;

/**
 * The user name and password of an HTTP proxy that asks for Basic authentication (407 {@code
 * Proxy-Authenticate: Basic}). Installed on the client as OkHttp's proxy authenticator, which
 * answers a 407 with the credentials once (a second 407 means they are wrong: the answer is then
 * given to the call as it is) and sends them ahead of the CONNECT of an HTTPS tunnel (which goes to
 * the proxy alone). Plain-HTTP requests go through the proxy one by one: once the proxy has asked
 * for the credentials, a network interceptor sends them with every later request, so that only the
 * first is sent twice.
 *
 * <p>The {@code Proxy-Authorization} value is never logged nor shown by {@link #toString()}; the
 * SDK logs no request header. Immutable and thread-safe.
 */
public final class ProxyCredentials {

  private static final String HEADER = "Proxy-Authorization";

  /**
   * The challenge OkHttp gives the authenticator before opening a tunnel, to authenticate ahead.
   */
  private static final String PREEMPTIVE = "OkHttp-Preemptive";

  private final String username;
  private final String authorization;

  /** Whether the proxy has asked for Basic credentials: plain-HTTP requests then carry them. */
  private volatile boolean challenged;

  /**
   * @param username the proxy user
   * @param password the proxy password
   */
  public ProxyCredentials(String username, String password) {
    Objects.requireNonNull(username, "proxy username");
    Objects.requireNonNull(password, "proxy password");
    this.username = username;
    this.authorization = Credentials.basic(username, password, StandardCharsets.UTF_8);
  }

  void applyTo(OkHttpClient.Builder builder) {
    builder.proxyAuthenticator(new ProxyAuthenticator());
    builder.addNetworkInterceptor(new PlainHttpThroughProxy());
  }

  /** Answers a proxy's Basic challenge once; a repeated 407 is the proxy refusing them. */
  private final class ProxyAuthenticator implements Authenticator {
    @Override
    public Request authenticate(Route route, Response response) {
      if (response.request().header(HEADER) != null) {
        return null;
      }
      for (Challenge challenge : response.challenges()) {
        if ("Basic".equalsIgnoreCase(challenge.scheme())) {
          challenged = true;
          return response.request().newBuilder().header(HEADER, authorization).build();
        }
        if (PREEMPTIVE.equalsIgnoreCase(challenge.scheme())) {
          return response.request().newBuilder().header(HEADER, authorization).build();
        }
      }
      return null;
    }
  }

  /**
   * A plain-HTTP request through an HTTP proxy that asked for credentials before carries them from
   * the start instead of collecting a 407 first. HTTPS requests are inside the tunnel, whose
   * CONNECT already carried them: the masters never see them.
   */
  private final class PlainHttpThroughProxy implements Interceptor {
    @Override
    public Response intercept(Chain chain) throws IOException {
      Request request = chain.request();
      Connection connection = chain.connection();
      if (challenged
          && connection != null
          && !request.isHttps()
          && connection.route().proxy().type() == Proxy.Type.HTTP
          && request.header(HEADER) == null) {
        request = request.newBuilder().header(HEADER, authorization).build();
      }
      return chain.proceed(request);
    }
  }

  /** The user name only. */
  @Override
  public String toString() {
    return "ProxyCredentials{username=" + username + ", password=****}";
  }
}
