package io.openvidu.ha.benchmarks.client.openvidu;

import io.openvidu.ha.benchmarks.client.BackendClient;
import io.openvidu.ha.benchmarks.client.ClientSettings;
import io.openvidu.java.client.OpenVidu;
import io.openvidu.java.client.Session;

/**
 * The mix written once against the {@code io.openvidu.java.client} API of the official 2.20.0
 * client, compiled against our SDK and run unchanged in the official client's class loader: only
 * signatures both have are used ({@code new OpenVidu(url, secret)}, {@code createSession()}, {@code
 * Session.createConnection()}, {@code fetch()}, {@code close()}). A backend that switches SDK
 * changes its dependency, nothing else: this class is what it runs. Thread-safe, as both {@code
 * OpenVidu} classes are.
 */
public class DropInClient implements BackendClient {
  private final OpenVidu openVidu;

  /** Builds the client exactly as an application would: {@code new OpenVidu(urls, secret)}. */
  public DropInClient(ClientSettings settings) {
    this(new OpenVidu(settings.urls(), settings.secret()));
  }

  protected DropInClient(OpenVidu openVidu) {
    this.openVidu = openVidu;
  }

  @Override
  public Object createSession() throws Exception {
    return openVidu.createSession();
  }

  @Override
  public void createConnection(Object session) throws Exception {
    ((Session) session).createConnection();
  }

  @Override
  public void fetchSession(Object session) throws Exception {
    ((Session) session).fetch();
  }

  @Override
  public void closeSession(Object session) throws Exception {
    ((Session) session).close();
  }

  @Override
  public void close() {
    // The official OpenVidu class has no close() (its HTTP client lives as long as the JVM); ours
    // is AutoCloseable.
    // Asking the object, not the compiled type, keeps this class free of a method the official
    // client lacks.
    Object client = openVidu;
    if (client instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        throw new IllegalStateException("cannot close the client", e);
      }
    }
  }
}
