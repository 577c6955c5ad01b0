package io.openvidu.ha.server;

import io.openvidu.ha.server.cluster.OpenViduCluster;
import io.openvidu.ha.server.recording.RecordingSettings;
import io.openvidu.ha.server.rpc.SignalingSettings;
import io.openvidu.ha.server.rpc.TrustedProxies;
import io.openvidu.ha.server.tls.TlsSettings;
import io.openvidu.ha.server.tls.TrustMaterial;
import io.openvidu.ha.server.webhook.WebhookSettings;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs a node process of the reference cluster from the command line. When every master is ready it
 * prints one line {@code OPENVIDU_URLS=<base URLs separated by commas>} on standard output (logs go
 * to standard error), then serves until SIGTERM (or Ctrl-C), which stops it cleanly. Processes
 * started with the same {@code --store redis://...} (or {@code redis-sentinel://...}) form one
 * cluster.
 */
@Command(
    name = "openvidu-reference-server",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    versionProvider = Main.Version.class,
    description = {
      "Runs masters and simulated media nodes of a reference OpenVidu 2.20 Enterprise HA cluster.",
      "Prints OPENVIDU_URLS=<url,url,...> once every master is ready; SIGTERM stops it cleanly.",
      "Several processes started with the same --store redis://... or redis-sentinel://... form one "
          + "cluster."
    })
public final class Main implements Callable<Integer> {
  @Option(
      names = "--masters",
      defaultValue = "1",
      paramLabel = "N",
      description = "Number of masters this process runs (default: ${DEFAULT-VALUE}).")
  int masters;

  @Option(
      names = "--port",
      defaultValue = "4443",
      paramLabel = "PORT",
      description =
          "Port of the first master; the others take the next ports. 0 picks free ports "
              + "(default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      paramLabel = "ADDRESS",
      description = "Address the masters listen on (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--secret",
      defaultValue = "${env:OPENVIDU_SECRET:-MY_SECRET}",
      paramLabel = "SECRET",
      description =
          "OPENVIDU_SECRET, the Basic-auth password of the REST API "
              + "(default: the OPENVIDU_SECRET environment variable, else MY_SECRET).",
      showDefaultValue = CommandLine.Help.Visibility.NEVER)
  String secret;

  @Option(
      names = "--store",
      defaultValue = "memory",
      paramLabel = "memory|redis://HOST:PORT|redis-sentinel://HOST:PORT[,HOST:PORT...]/MASTER",
      description =
          "Where the cluster state lives: this process's memory, or a Redis shared by every process of "
              + "the cluster, either one server or a primary with replicas behind Redis Sentinel "
              + "(followed through failovers; commits wait for a replica) (default: ${DEFAULT-VALUE}).")
  String store;

  @Option(
      names = "--store-wait-seconds",
      defaultValue = "30",
      paramLabel = "SECONDS",
      description =
          "How long a start waits for a Redis it cannot reach (restarting, or failing over) before "
              + "it gives up (default: ${DEFAULT-VALUE}).")
  long storeWaitSeconds;

  @Option(
      names = "--media-nodes",
      defaultValue = "1",
      paramLabel = "N",
      description =
          "Simulated media nodes the cluster has at least; processes sharing a store share them "
              + "(default: ${DEFAULT-VALUE}).")
  int mediaNodes;

  @Option(
      names = "--recordings-dir",
      defaultValue = "recordings",
      paramLabel = "DIR",
      description =
          "Directory recordings are written to; processes sharing a store must share it too "
              + "(default: ${DEFAULT-VALUE}).")
  Path recordingsDir;

  @Option(
      names = "--recording-processing-ms",
      defaultValue = "1000",
      paramLabel = "MILLIS",
      description =
          "How long a stopped recording is processed before it is ready (default: ${DEFAULT-VALUE}).")
  long recordingProcessingMillis;

  @Option(
      names = "--recording-container-launch-ms",
      defaultValue = "100",
      paramLabel = "MILLIS",
      description =
          "How long a COMPOSED recording (with video) stays starting while its container launches;"
              + " a COMPOSED_QUICK_START container launches when its session's first participant"
              + " joins (default: ${DEFAULT-VALUE}).")
  long recordingContainerLaunchMillis;

  @Option(
      names = "--recording-recorder-start-ms",
      defaultValue = "10",
      paramLabel = "MILLIS",
      description =
          "How long recorders take to start: all of an INDIVIDUAL or audio-only start, and what a"
              + " COMPOSED_QUICK_START start waits for once its container runs"
              + " (default: ${DEFAULT-VALUE}).")
  long recordingRecorderStartMillis;

  @Option(
      names = "--public-url",
      paramLabel = "URL",
      description =
          "URL that tokens and recording URLs carry, http(s)://host[:port] (default: the first "
              + "master's URL).")
  URI publicUrl;

  @Option(
      names = "--recording",
      defaultValue = "true",
      negatable = true,
      fallbackValue = "true",
      description = "Whether recording is enabled (OPENVIDU_RECORDING; default: ${DEFAULT-VALUE}).")
  boolean recording;

  @Option(
      names = "--recording-warm-up",
      defaultValue = "true",
      negatable = true,
      fallbackValue = "true",
      description =
          "Warm recordings up before media nodes run, so that the first recording finds nothing of "
              + "its own cold (the 2.20.0 fix; costs a little start time; default: ${DEFAULT-VALUE}).")
  boolean recordingWarmUp;

  @Option(
      names = "--trusted-proxies",
      defaultValue = "",
      paramLabel = "ADDRESSES",
      description =
          "Reverse proxies whose X-Real-IP / X-Forwarded-For headers give participants' Connection.ip: "
              + "IP addresses and CIDR blocks separated by commas, e.g. 127.0.0.1,10.0.0.0/8 (default: none; the "
              + "socket's peer address is used).")
  TrustedProxies trustedProxies;

  @Option(
      names = "--webhook-endpoint",
      paramLabel = "URL",
      description =
          "Turns webhooks on at start: OPENVIDU_WEBHOOK_ENDPOINT, where every event is posted "
              + "(default: webhooks off; POST /openvidu/api/restart may change it later).")
  String webhookEndpoint;

  @Option(
      names = "--webhook-header",
      paramLabel = "'NAME: VALUE'",
      description =
          "A header added to every webhook POST (OPENVIDU_WEBHOOK_HEADERS); repeat for several.")
  List<String> webhookHeaders = new ArrayList<>();

  @Option(
      names = "--webhook-events",
      paramLabel = "NAMES",
      split = ",",
      description =
          "The events posted, separated by commas (OPENVIDU_WEBHOOK_EVENTS; default: OpenVidu's "
              + "list, every event).")
  List<String> webhookEvents;

  @Option(
      names = "--webhook-signing-secret",
      defaultValue = "${env:OPENVIDU_WEBHOOK_SIGNING_SECRET}",
      paramLabel = "SECRET",
      description =
          "Signs every webhook POST with HMAC-SHA256 (headers webhook-id, webhook-timestamp, "
              + "webhook-signature; default: the OPENVIDU_WEBHOOK_SIGNING_SECRET environment "
              + "variable, else unsigned).",
      showDefaultValue = CommandLine.Help.Visibility.NEVER)
  String webhookSigningSecret;

  @Option(
      names = "--webhook-retry-seconds",
      defaultValue = "60",
      paramLabel = "SECONDS",
      description =
          "How long a webhook POST that fails is retried before the event is dropped with a WARN "
              + "line (default: ${DEFAULT-VALUE}).")
  long webhookRetrySeconds;

  @Option(
      names = "--webhook-takeover-ms",
      defaultValue = "10000",
      paramLabel = "MILLISECONDS",
      description =
          "How long the webhook events of a master that died wait before another master takes "
              + "them over (the lease of a session's queue; default: ${DEFAULT-VALUE}).")
  long webhookTakeoverMillis;

  @Option(
      names = "--webhook-timeout-ms",
      defaultValue = "5000",
      paramLabel = "MILLISECONDS",
      description =
          "How long one webhook POST may take, response included, before it counts as failed and "
              + "is retried; at least a second less than --webhook-takeover-ms "
              + "(default: ${DEFAULT-VALUE}).")
  long webhookTimeoutMillis;

  @Option(
      names = "--sessions-garbage-interval",
      defaultValue = "900",
      paramLabel = "SECONDS",
      description =
          "OPENVIDU_SESSIONS_GARBAGE_INTERVAL: how often sessions nobody ever joined are removed; 0 "
              + "turns it off (default: ${DEFAULT-VALUE}).")
  long sessionsGarbageInterval;

  @Option(
      names = "--sessions-garbage-threshold",
      defaultValue = "3600",
      paramLabel = "SECONDS",
      description =
          "OPENVIDU_SESSIONS_GARBAGE_THRESHOLD: how old such a session (and its newest token) must "
              + "be to be removed (default: ${DEFAULT-VALUE}).")
  long sessionsGarbageThreshold;

  @Option(
      names = "--tls-cert",
      paramLabel = "FILE",
      description =
          "PEM certificate chain (the masters' certificate first) for HTTPS and WSS; needs --tls-key.")
  Path tlsCertificate;

  @Option(
      names = "--tls-key",
      paramLabel = "FILE",
      description = "PEM private key of --tls-cert (PKCS#8, or PKCS#1 RSA; not encrypted).")
  Path tlsKey;

  @Option(
      names = "--tls-self-signed",
      description =
          "HTTPS and WSS with a certificate generated at start for the masters' host names; prints "
              + "where its trust material is (PEM and PKCS#12) and its SHA-256 fingerprint.")
  boolean tlsSelfSigned;

  private final CountDownLatch stopped = new CountDownLatch(1);

  public static void main(String[] args) {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "openvidu-reference-server-logback.xml");
    }
    System.exit(commandLine().execute(args));
  }

  /** The parser, exposed for tests of the options. */
  static CommandLine commandLine() {
    return new CommandLine(new Main())
        .registerConverter(TrustedProxies.class, TrustedProxies::parse);
  }

  @Override
  public Integer call() {
    OpenViduCluster.Builder builder =
        OpenViduCluster.builder()
            .masters(masters)
            .port(port)
            .host(host)
            .secret(secret)
            .store(store)
            .storePatienceAtStart(Duration.ofSeconds(storeWaitSeconds))
            .mediaNodes(mediaNodes)
            .recordingsDir(recordingsDir)
            .recordingEnabled(recording)
            .recordingWarmUp(recordingWarmUp)
            .signaling(SignalingSettings.builder().trustedProxies(trustedProxies).build());
    if (publicUrl != null) {
      builder.publicUrl(publicUrl);
    }
    OpenViduCluster cluster;
    try {
      builder.webhook(
          WebhookSettings.builder()
              .endpoint(webhookEndpoint)
              .headers(webhookHeaders)
              .events(webhookEvents)
              .signingSecret(
                  webhookSigningSecret == null || webhookSigningSecret.isEmpty()
                      ? null
                      : webhookSigningSecret)
              .retryFor(Duration.ofSeconds(webhookRetrySeconds))
              .leaseTime(Duration.ofMillis(webhookTakeoverMillis))
              .requestTimeout(Duration.ofMillis(webhookTimeoutMillis))
              .build());
      tlsSettings().ifPresent(builder::tls);
      builder.sessionsGarbage(
          Duration.ofSeconds(sessionsGarbageInterval),
          Duration.ofSeconds(sessionsGarbageThreshold));
      builder.recordingSettings(
          RecordingSettings.defaults()
              .withProcessingTime(Duration.ofMillis(recordingProcessingMillis))
              .withLaunchTimes(
                  Duration.ofMillis(recordingContainerLaunchMillis),
                  Duration.ofMillis(recordingRecorderStartMillis)));
      cluster = builder.start();
    } catch (RuntimeException e) {
      PrintWriter err = new PrintWriter(System.err, true);
      err.println("Cannot start the cluster: " + e.getMessage());
      return 1;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  cluster.close();
                  stopped.countDown();
                },
                "shutdown"));
    cluster.trustMaterial().ifPresent(Main::printTrustMaterial);
    System.out.println("OPENVIDU_URLS=" + cluster.urls());
    System.out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  /** The TLS options as settings; empty for plain HTTP. */
  Optional<TlsSettings> tlsSettings() {
    if (tlsSelfSigned && (tlsCertificate != null || tlsKey != null)) {
      throw new IllegalArgumentException("--tls-self-signed excludes --tls-cert and --tls-key");
    }
    if ((tlsCertificate == null) != (tlsKey == null)) {
      throw new IllegalArgumentException("--tls-cert and --tls-key go together");
    }
    if (tlsSelfSigned) {
      return Optional.of(TlsSettings.selfSigned());
    }
    return tlsCertificate == null
        ? Optional.empty()
        : Optional.of(TlsSettings.pemFiles(tlsCertificate, tlsKey));
  }

  /**
   * Lines scripts can read before the {@code OPENVIDU_URLS=} line (a trust store holds no secret).
   */
  private static void printTrustMaterial(TrustMaterial trust) {
    System.out.println("OPENVIDU_TLS_TRUST_PEM=" + trust.pemFile().toAbsolutePath());
    System.out.println("OPENVIDU_TLS_TRUST_PKCS12=" + trust.pkcs12File().toAbsolutePath());
    System.out.println("OPENVIDU_TLS_TRUST_PKCS12_PASSWORD=" + TrustMaterial.PKCS12_PASSWORD);
    System.out.println("OPENVIDU_TLS_SHA256=" + trust.sha256Fingerprint());
  }

  /** The version shown by {@code --version}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {
        "openvidu-reference-server "
            + (version == null ? "(development)" : version)
            + ", emulating OpenVidu 2.20.0"
      };
    }
  }
}
