package io.openvidu.ha.server.testing;

import io.openvidu.ha.server.cluster.Master;
import io.openvidu.ha.server.cluster.OpenViduCluster;
import io.openvidu.ha.server.tls.TlsSettings;
import io.openvidu.ha.server.tls.TrustMaterial;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that runs a reference OpenVidu HA cluster on free loopback ports, the way
 * WireMock or LocalStack run inside tests. Registered as a static field the cluster lives for the
 * test class; as an instance field, for each test (a fresh, empty cluster every time).
 *
 * <pre>{@code
 * @RegisterExtension
 * static OpenViduClusterExtension cluster = OpenViduClusterExtension.builder().masters(3).mediaNodes(2).build();
 *
 * @Test void survivesAMasterCrash() {
 *   OpenVidu openVidu = new OpenVidu(cluster.urls(), cluster.secret());
 *   cluster.master(0).stop();      // or hang() / resume() / restart()
 *   cluster.mediaNode(0).crash();
 * }
 * }</pre>
 *
 * <p>With {@link Builder#tls()} the masters speak HTTPS and WSS with a certificate generated for
 * them; {@link #trustMaterial()} gives what a client must trust (a trust manager, an {@code
 * SSLContext}, PEM and PKCS#12 files).
 *
 * <p>Test methods may also take {@code @OpenViduUrls String}, {@code @OpenViduSecret String} or
 * {@link OpenViduCluster} parameters. Not thread-safe: control it from the test thread.
 */
public final class OpenViduClusterExtension extends ScopedExtension implements ParameterResolver {
  private final Builder settings;
  private OpenViduCluster cluster;

  private OpenViduClusterExtension(Builder settings) {
    this.settings = settings;
  }

  /**
   * A builder: one master, one media node, secret {@code MY_SECRET}, in-memory store by default.
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == OpenViduCluster.class
        || type == String.class
            && (parameter.isAnnotated(OpenViduUrls.class)
                || parameter.isAnnotated(OpenViduSecret.class));
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    if (parameter.getParameter().getType() == OpenViduCluster.class) {
      return running();
    }
    return parameter.isAnnotated(OpenViduUrls.class) ? urls() : secret();
  }

  /** The masters' base URLs separated by commas (what {@code new OpenVidu(urls, secret)} takes). */
  public String urls() {
    return running().urls();
  }

  /** The masters' base URLs, in order. */
  public List<String> urlList() {
    return running().urlList();
  }

  /** The secret. */
  public String secret() {
    return running().secret();
  }

  /**
   * Master {@code index} (from 0): {@code stop()}, {@code hang()}, {@code resume()}, {@code
   * restart()}.
   */
  public Master master(int index) {
    return running().master(index);
  }

  /** Media node {@code index} (from 0) of those the cluster started with. */
  public SimulatedMediaNode mediaNode(int index) {
    if (index < 0 || index >= settings.mediaNodes) {
      throw new IndexOutOfBoundsException(
          "the cluster started with " + settings.mediaNodes + " media nodes");
    }
    return new SimulatedMediaNode("media_simulated-" + (index + 1), running().mediaNodes());
  }

  /**
   * What a client must trust to verify the masters of a {@link Builder#tls() TLS} cluster.
   *
   * @throws IllegalStateException when the cluster speaks plain HTTP
   */
  public TrustMaterial trustMaterial() {
    return running()
        .trustMaterial()
        .orElseThrow(() -> new IllegalStateException("the cluster was built without tls()"));
  }

  /** The running cluster, for everything else. */
  public OpenViduCluster cluster() {
    return running();
  }

  private OpenViduCluster running() {
    if (cluster == null) {
      throw new IllegalStateException("the cluster runs only while a test of its class runs");
    }
    return cluster;
  }

  /** Starts the cluster (the extension does it before the class or each test). */
  @Override
  public void start() {
    OpenViduCluster.Builder builder =
        OpenViduCluster.builder()
            .masters(settings.masters)
            .mediaNodes(settings.mediaNodes)
            .secret(settings.secret)
            .store(settings.store.get());
    settings.tls.ifPresent(builder::tls);
    settings.customizations.forEach(c -> c.accept(builder));
    cluster = builder.start();
  }

  /** Stops the cluster (the extension does it after the class or each test). */
  @Override
  public void stop() {
    if (cluster != null) {
      try {
        cluster.close();
      } finally {
        cluster = null;
      }
    }
  }

  /** Configures an {@link OpenViduClusterExtension}. Not thread-safe. */
  public static final class Builder {
    private int masters = 1;
    private int mediaNodes = 1;
    private String secret = "MY_SECRET";
    private Supplier<String> store = () -> "memory";
    private Optional<TlsSettings> tls = Optional.empty();
    private final List<Consumer<OpenViduCluster.Builder>> customizations = new ArrayList<>();

    private Builder() {}

    /** How many masters (default 1). */
    public Builder masters(int count) {
      this.masters = count;
      return this;
    }

    /** How many simulated media nodes (default 1). */
    public Builder mediaNodes(int count) {
      this.mediaNodes = count;
      return this;
    }

    /** The secret (default {@code MY_SECRET}). */
    public Builder secret(String secret) {
      this.secret = Objects.requireNonNull(secret);
      return this;
    }

    /**
     * {@code memory} (default), {@code redis://host:port} or {@code
     * redis-sentinel://host:port[,host:port...]/MASTER_NAME} (e.g. {@link
     * RedisSentinelExtension#uri}).
     */
    public Builder store(String uri) {
      Objects.requireNonNull(uri);
      this.store = () -> uri;
      return this;
    }

    /**
     * A store URI known only when the cluster starts, e.g. {@code redis::uri} of a {@link
     * RedisServerExtension}.
     */
    public Builder store(Supplier<String> uri) {
      this.store = Objects.requireNonNull(uri);
      return this;
    }

    /**
     * HTTPS and WSS only, with a self-signed certificate generated for the masters at start (see
     * {@link OpenViduClusterExtension#trustMaterial()}).
     */
    public Builder tls() {
      return tls(TlsSettings.selfSigned());
    }

    /** HTTPS and WSS only, with these settings (PEM files of your own, say). */
    public Builder tls(TlsSettings settings) {
      this.tls = Optional.of(Objects.requireNonNull(settings));
      return this;
    }

    /**
     * Any other setting of {@link OpenViduCluster.Builder} (recording off, a public URL, a feature,
     * …), applied after the ones above.
     */
    public Builder configure(Consumer<OpenViduCluster.Builder> customization) {
      this.customizations.add(Objects.requireNonNull(customization));
      return this;
    }

    public OpenViduClusterExtension build() {
      return new OpenViduClusterExtension(this);
    }
  }
}
