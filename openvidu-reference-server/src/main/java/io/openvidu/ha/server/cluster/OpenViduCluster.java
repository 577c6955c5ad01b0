package io.openvidu.ha.server.cluster;

import io.javalin.util.JavalinBindException;
import io.openvidu.ha.server.api.ApiContext;
import io.openvidu.ha.server.config.ClusterSettings;
import io.openvidu.ha.server.config.RuntimeConfig;
import io.openvidu.ha.server.media.MediaNodes;
import io.openvidu.ha.server.recording.RecordingModule;
import io.openvidu.ha.server.recording.RecordingSettings;
import io.openvidu.ha.server.rpc.ParticipantSignaling;
import io.openvidu.ha.server.rpc.SignalingSettings;
import io.openvidu.ha.server.store.ClusterStore;
import io.openvidu.ha.server.store.redis.RedisDocumentStore;
import io.openvidu.ha.server.store.redis.RedisStoreUri;
import io.openvidu.ha.server.tls.TlsIdentity;
import io.openvidu.ha.server.tls.TlsSettings;
import io.openvidu.ha.server.tls.TrustMaterial;
import io.openvidu.ha.server.webhook.WebhookDispatcher;
import io.openvidu.ha.server.webhook.WebhookSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/**
 * A running node process of the reference cluster: some masters and simulated media nodes over one
 * {@link ClusterStore}. With the in-memory store every master of this JVM shares one state; with a
 * Redis store, several processes (or several {@code OpenViduCluster}s) started with the same Redis
 * form one cluster.
 *
 * <pre>{@code
 * try (OpenViduCluster cluster = OpenViduCluster.builder().masters(3).mediaNodes(2).start()) {
 *   String urls = cluster.urls(); // "http://127.0.0.1:40123,http://127.0.0.1:40125,..."
 * }
 * }</pre>
 *
 * <p>With {@link Builder#tls(TlsSettings)} every master speaks HTTPS and WSS only, tokens say
 * {@code wss://}, and {@link #trustMaterial()} tells clients what to trust.
 *
 * <p>Thread-safe. {@link #close()} stops every master, closes the store if the cluster opened it,
 * and deletes the recordings directory if the cluster created it (and the trust material files).
 */
public final class OpenViduCluster implements AutoCloseable {
  private final ClusterStore store;
  private final boolean ownsStore;
  private final MediaNodes mediaNodes;
  private final ClusterSettings settings;
  private final List<Master> masters;
  private final RecordingModule recordings;
  private final boolean ownsRecordingsDir;
  private final Optional<TrustMaterial> trustMaterial;
  private final SessionGarbageCollector garbageCollector;

  private OpenViduCluster(
      ClusterStore store,
      boolean ownsStore,
      MediaNodes mediaNodes,
      ClusterSettings settings,
      List<Master> masters,
      RecordingModule recordings,
      boolean ownsRecordingsDir,
      Optional<TrustMaterial> trustMaterial,
      SessionGarbageCollector garbageCollector) {
    this.store = store;
    this.ownsStore = ownsStore;
    this.mediaNodes = mediaNodes;
    this.settings = settings;
    this.masters = masters;
    this.recordings = recordings;
    this.ownsRecordingsDir = ownsRecordingsDir;
    this.trustMaterial = trustMaterial;
    this.garbageCollector = garbageCollector;
  }

  /**
   * A builder with the defaults: one master on a free port, one media node, secret {@code
   * MY_SECRET}.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** The masters' base URLs separated by commas, in order. */
  public String urls() {
    return masters.stream().map(Master::url).collect(Collectors.joining(","));
  }

  /** The masters' base URLs, in order. */
  public List<String> urlList() {
    return masters.stream().map(Master::url).toList();
  }

  /** The {@code OPENVIDU_SECRET}. */
  public String secret() {
    return settings.secret();
  }

  /** The settings every master uses. */
  public ClusterSettings settings() {
    return settings;
  }

  /** Master {@code index} (from 0), to stop, hang, resume or restart it. */
  public Master master(int index) {
    return masters.get(index);
  }

  /** The masters of this process, in order. */
  public List<Master> masters() {
    return masters;
  }

  /** The media nodes of the cluster. */
  public MediaNodes mediaNodes() {
    return mediaNodes;
  }

  /**
   * What clients must trust to verify the masters' certificate (its files live until {@link
   * #close()}); empty when the masters speak plain HTTP.
   */
  public Optional<TrustMaterial> trustMaterial() {
    return trustMaterial;
  }

  /** This process's session garbage collector (to run a round now, in tests). */
  public SessionGarbageCollector sessionGarbageCollector() {
    return garbageCollector;
  }

  /** The shared store. */
  public ClusterStore store() {
    return store;
  }

  @Override
  public void close() {
    RuntimeException failure = null;
    for (Master master : masters) {
      try {
        master.stop();
      } catch (RuntimeException e) {
        failure = e;
      }
    }
    garbageCollector.close();
    mediaNodes.close();
    recordings.close();
    if (ownsStore) {
      store.close();
    }
    if (ownsRecordingsDir) {
      deleteRecordingsDirectory();
    }
    trustMaterial.ifPresent(OpenViduCluster::deleteTrustMaterial);
    if (failure != null) {
      throw failure;
    }
  }

  private void deleteRecordingsDirectory() {
    try {
      recordings.deleteRecordingsDirectory();
    } catch (UncheckedIOException e) {
      // A leftover temporary directory is not worth failing a test's tear-down for; the operator is
      // told.
      LoggerFactory.getLogger(OpenViduCluster.class)
          .warn(
              "Could not delete the recordings directory {}: {}",
              settings.recordingsDir(),
              e.getMessage());
    }
  }

  private static void deleteTrustMaterial(TrustMaterial trust) {
    try {
      Files.deleteIfExists(trust.pemFile());
      Files.deleteIfExists(trust.pkcs12File());
      Files.deleteIfExists(trust.pemFile().getParent());
    } catch (IOException e) {
      LoggerFactory.getLogger(OpenViduCluster.class)
          .warn("Could not delete the TLS trust material {}: {}", trust.pemFile(), e.getMessage());
    }
  }

  /** Configures and starts an {@link OpenViduCluster}. Not thread-safe. */
  public static final class Builder {
    /**
     * How many sets of free ports a start may try when a picked port is taken before its master
     * binds it.
     */
    private static final int PORT_PICKS = 3;

    private int masters = 1;
    private int firstPort;
    private String host = "127.0.0.1";
    private String secret = "MY_SECRET";
    private String storeUri = "memory";
    private ClusterStore store;
    private int mediaNodes = 1;
    private Path recordingsDir;
    private Path temporaryDirectoriesParent;
    private URI publicUrl;
    private boolean recordingEnabled = true;
    private Duration idempotencyTtl = Duration.ofMinutes(10);
    private Duration mediaNodeLaunchTime = Duration.ofMillis(200);
    private RecordingSettings recordingSettings = RecordingSettings.defaults();
    private final List<MasterFeature> features = new ArrayList<>();
    private SignalingSettings signaling = SignalingSettings.defaults();
    private WebhookSettings webhook = WebhookSettings.defaults();
    private Optional<TlsSettings> tls = Optional.empty();
    private Duration sessionsGarbageInterval = ClusterSettings.DEFAULT_GARBAGE_INTERVAL;
    private Duration sessionsGarbageThreshold = ClusterSettings.DEFAULT_GARBAGE_THRESHOLD;
    private Clock clock = Clock.systemUTC();
    private boolean sessionsGarbageTimer = true;
    private boolean warmUp = true;
    private Duration storePatience = StoreAtStart.DEFAULT_PATIENCE;

    private Builder() {}

    /** How many masters this process runs (at least 1). */
    public Builder masters(int count) {
      if (count < 1) {
        throw new IllegalArgumentException("at least one master");
      }
      this.masters = count;
      return this;
    }

    /** The first master's port; the others follow (+1 each). 0 (the default) picks free ports. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("not a port: " + port);
      }
      this.firstPort = port;
      return this;
    }

    /** The address masters listen on (default {@code 127.0.0.1}). */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host);
      return this;
    }

    /** The {@code OPENVIDU_SECRET} (default {@code MY_SECRET}). */
    public Builder secret(String secret) {
      this.secret = Objects.requireNonNull(secret);
      return this;
    }

    /**
     * {@code memory} (the default), {@code redis://host:port} or {@code
     * redis-sentinel://host:port[,host:port...]/MASTER_NAME}; the cluster opens and closes that
     * store.
     */
    public Builder store(String uri) {
      this.storeUri = Objects.requireNonNull(uri);
      this.store = null;
      return this;
    }

    /**
     * How long a start waits for a store it cannot reach (Redis restarting, a Sentinel failover)
     * before it fails (default 30 s).
     */
    public Builder storePatienceAtStart(Duration patience) {
      if (patience.isNegative()) {
        throw new IllegalArgumentException("negative patience");
      }
      this.storePatience = patience;
      return this;
    }

    /**
     * A store the caller opened and will close (to share one in-memory store between clusters,
     * say).
     */
    public Builder store(ClusterStore store) {
      this.store = Objects.requireNonNull(store);
      return this;
    }

    /**
     * How many simulated media nodes the cluster has at least (default 1; shared between
     * processes).
     */
    public Builder mediaNodes(int count) {
      if (count < 0) {
        throw new IllegalArgumentException("negative media node count");
      }
      this.mediaNodes = count;
      return this;
    }

    /**
     * Where recordings are written (default: a new temporary directory, deleted when the cluster
     * closes).
     */
    public Builder recordingsDir(Path dir) {
      this.recordingsDir = Objects.requireNonNull(dir);
      return this;
    }

    /**
     * Where the cluster creates its own temporary recordings directory when {@link #recordingsDir}
     * is not given (default: the JVM's temporary directory); it is still deleted at close.
     */
    Builder temporaryDirectoriesIn(Path parent) {
      this.temporaryDirectoriesParent = Objects.requireNonNull(parent);
      return this;
    }

    /** The URL tokens and recording URLs carry (default: the first master's URL). */
    public Builder publicUrl(URI url) {
      this.publicUrl = Objects.requireNonNull(url);
      return this;
    }

    /** Whether recording is on (default true). */
    public Builder recordingEnabled(boolean enabled) {
      this.recordingEnabled = enabled;
      return this;
    }

    /** How long a response is kept for its {@code Idempotency-Key} (default 10 minutes). */
    public Builder idempotencyTtl(Duration ttl) {
      this.idempotencyTtl = Objects.requireNonNull(ttl);
      return this;
    }

    /**
     * How long a media node launched without {@code wait} stays {@code launching} (default 200 ms).
     */
    public Builder mediaNodeLaunchTime(Duration time) {
      this.mediaNodeLaunchTime = Objects.requireNonNull(time);
      return this;
    }

    /**
     * How the emulated recording module behaves in time (default {@link
     * RecordingSettings#defaults()}).
     */
    public Builder recordingSettings(RecordingSettings recordingSettings) {
      this.recordingSettings = Objects.requireNonNull(recordingSettings);
      return this;
    }

    /**
     * How participants' WebSockets behave: grace periods, heartbeat, trusted proxies (default:
     * OpenVidu's).
     */
    public Builder signaling(SignalingSettings settings) {
      this.signaling = Objects.requireNonNull(settings);
      return this;
    }

    /**
     * Masters speak HTTPS and WSS only, with a certificate from PEM files or a self-signed one
     * generated for their host names ({@code localhost}, {@code 127.0.0.1}, {@code ::1}, the listen
     * address and the public URL's host). Default: plain HTTP.
     */
    public Builder tls(TlsSettings settings) {
      this.tls = Optional.of(settings);
      return this;
    }

    /**
     * The session garbage collector (rest-api.md §6.1): every {@code interval} it removes the
     * sessions that never became active and are older than {@code threshold}. Default: OpenVidu's,
     * 900 s and 3600 s; an interval of zero turns it off. Shown by {@code GET /config} as {@code
     * OPENVIDU_SESSIONS_GARBAGE_INTERVAL}/{@code _THRESHOLD}, which {@code POST /restart} may
     * change.
     */
    public Builder sessionsGarbage(Duration interval, Duration threshold) {
      if (interval.isNegative() || threshold.isNegative()) {
        throw new IllegalArgumentException("negative sessions garbage interval or threshold");
      }
      this.sessionsGarbageInterval = interval;
      this.sessionsGarbageThreshold = threshold;
      return this;
    }

    /**
     * Where the session garbage collector and the ends of recording launches read the time
     * (default: the system clock), so tests run garbage rounds at chosen instants with {@link
     * SessionGarbageCollector#collectIfDue()} and hold recordings in {@code starting} until they
     * move the clock. A clock that does not move holds a recording start for its launch time plus
     * {@link RecordingSettings#startTimeout()} of real time at most, then fails it.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /**
     * Whether the session garbage collector runs its rounds by itself (default true); false leaves
     * them to {@link SessionGarbageCollector#collectIfDue()}, for tests that set the {@link
     * #clock(Clock)} and must not race a background round.
     */
    public Builder sessionsGarbageTimer(boolean on) {
      this.sessionsGarbageTimer = on;
      return this;
    }

    /**
     * Whether the first cluster of the JVM warms recordings up before its media nodes run (default
     * true), so that the first recording finds nothing of its own cold. Off, the start is shorter
     * (no scratch cluster) and the first recording pays for loading the recording code: for
     * processes whose recording latency nobody measures.
     */
    public Builder recordingWarmUp(boolean on) {
      this.warmUp = on;
      return this;
    }

    /** Adds a feature every master serves. */
    /**
     * Webhooks: the initial {@code OPENVIDU_WEBHOOK_*} configuration (an endpoint turns webhooks on
     * at start; {@code POST /restart} may change it later) and how events are delivered. Default:
     * off.
     */
    public Builder webhook(WebhookSettings settings) {
      this.webhook = Objects.requireNonNull(settings);
      return this;
    }

    public Builder feature(MasterFeature feature) {
      this.features.add(Objects.requireNonNull(feature));
      return this;
    }

    /** Opens the store, adds the media nodes and starts every master. */
    public OpenViduCluster start() {
      if (warmUp) {
        // Before any media node reports running: the first recording then finds nothing of its own
        // cold (the 2.20.0 fix).
        Duration warmUpTime = ClusterWarmUp.runOncePerJvm();
        if (!warmUpTime.isZero()) {
          LoggerFactory.getLogger(OpenViduCluster.class)
              .info("Recordings warmed up in {} ms", warmUpTime.toMillis());
        }
      }
      Optional<TlsIdentity> identity = tls.map(settings -> settings.identity(certificateHosts()));
      StoreAtStart atStart = new StoreAtStart(storePatience);
      for (int attempt = 1; ; attempt++) {
        try {
          return startOnce(identity, atStart);
        } catch (JavalinBindException e) {
          // A port picked free was taken before the master could bind it (another process picking
          // ports, or one
          // binding it on its own): pick again, unless the ports were the caller's choice.
          if (firstPort != 0 || attempt == PORT_PICKS) {
            throw e;
          }
          LoggerFactory.getLogger(OpenViduCluster.class)
              .warn(
                  "A picked port was taken before a master bound it ({});"
                      + " starting the cluster again on other ports",
                  e.getMessage());
        }
      }
    }

    private OpenViduCluster startOnce(Optional<TlsIdentity> identity, StoreAtStart atStart) {
      List<Integer> ports = new ArrayList<>();
      for (int i = 0; i < masters; i++) {
        ports.add(firstPort == 0 ? FreePorts.find() : firstPort + i);
      }
      String shownHost = host.equals("0.0.0.0") ? "localhost" : host;
      String scheme = identity.isPresent() ? "https://" : "http://";
      URI url = publicUrl != null ? publicUrl : URI.create(scheme + shownHost + ":" + ports.get(0));
      ClusterSettings settings =
          new ClusterSettings(
              secret,
              url,
              recordings(),
              recordingEnabled,
              idempotencyTtl,
              sessionsGarbageInterval,
              sessionsGarbageThreshold);
      boolean ownsStore = store == null;
      ClusterStore clusterStore =
          ownsStore ? atStart.run("connecting to it", () -> openStore(storeUri)) : store;
      MediaNodes nodes = new MediaNodes(clusterStore, mediaNodeLaunchTime);
      RecordingModule recordings =
          new RecordingModule(clusterStore, settings, recordingSettings, clock);
      List<Master> started = new ArrayList<>();
      Optional<TrustMaterial> trust = identity.map(Builder::writeTrustMaterial);
      byte[] processId = new byte[3];
      new SecureRandom().nextBytes(processId);
      String process = HexFormat.of().formatHex(processId);
      SessionGarbageCollector garbageCollector =
          new SessionGarbageCollector(clusterStore, settings, clock, "process-" + process);
      OpenViduCluster cluster =
          new OpenViduCluster(
              clusterStore,
              ownsStore,
              nodes,
              settings,
              started,
              recordings,
              recordingsDir == null,
              trust,
              garbageCollector);
      try {
        if (webhook.endpoint() != null) {
          atStart.run(
              "writing the webhook configuration",
              () ->
                  clusterStore.atomically(
                      tx -> {
                        RuntimeConfig.applyIfAbsent(tx, webhook.initialConfig());
                        return null;
                      }));
        }
        atStart.run("adding the media nodes", () -> nodes.ensureSimulatedNodes(mediaNodes));
        if (sessionsGarbageTimer) {
          garbageCollector.start(garbageTick());
        }
        for (int i = 0; i < masters; i++) {
          ApiContext api =
              new ApiContext(clusterStore, settings, "master-" + (i + 1) + "-" + process);
          Master master =
              new Master(api, nodes, masterFeatures(recordings), host, ports.get(i), identity);
          started.add(master);
          master.start();
        }
      } catch (RuntimeException e) {
        cluster.close();
        throw e;
      }
      return cluster;
    }

    /** What every master serves besides the REST API. */
    private List<MasterFeature> masterFeatures(RecordingModule recordings) {
      List<MasterFeature> all = new ArrayList<>();
      all.add(ParticipantSignaling.feature(signaling));
      all.add(recordings::install);
      all.add(WebhookDispatcher.feature(webhook));
      all.addAll(features);
      return all;
    }

    /**
     * How often the collector checks whether a round is due: a tenth of the interval, between 10 ms
     * and 1 s (a round changed by {@code /restart} to a shorter interval is up to 1 s late).
     */
    private Duration garbageTick() {
      long tenth = sessionsGarbageInterval.toMillis() / 10;
      return Duration.ofMillis(Math.max(10, Math.min(1000, tenth == 0 ? 1000 : tenth)));
    }

    /** The names clients may reach the masters by, the one URLs show first. */
    private Set<String> certificateHosts() {
      Set<String> hosts = new LinkedHashSet<>();
      hosts.add(host.equals("0.0.0.0") ? "localhost" : host);
      if (publicUrl != null && publicUrl.getHost() != null) {
        hosts.add(publicUrl.getHost());
      }
      hosts.add("localhost");
      hosts.add("127.0.0.1");
      hosts.add("::1");
      return hosts;
    }

    private static TrustMaterial writeTrustMaterial(TlsIdentity identity) {
      try {
        return identity.writeTrustMaterial(Files.createTempDirectory("openvidu-tls"));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create a directory for the TLS trust material", e);
      }
    }

    private Path recordings() {
      if (recordingsDir != null) {
        return recordingsDir;
      }
      try {
        return temporaryDirectoriesParent == null
            ? Files.createTempDirectory("openvidu-recordings")
            : Files.createTempDirectory(temporaryDirectoriesParent, "openvidu-recordings");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create a recordings directory", e);
      }
    }

    private static ClusterStore openStore(String uri) {
      if (uri.equals("memory")) {
        return ClusterStore.inMemory();
      }
      if (RedisStoreUri.isRedis(uri)) {
        return ClusterStore.over(RedisDocumentStore.connect(uri), "ov:");
      }
      throw new IllegalArgumentException(
          "store must be 'memory', redis://host:port or"
              + " redis-sentinel://host:port[,host:port...]/MASTER_NAME");
    }
  }
}
