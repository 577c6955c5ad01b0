package io.openvidu.java.client;

import io.openvidu.java.client.deployment.HealthReport;
import io.openvidu.java.client.deployment.OpenViduConfiguration;
import io.openvidu.java.client.internal.api.ConfigurationCall;
import io.openvidu.java.client.internal.api.HealthChecks;
import io.openvidu.java.client.internal.api.MediaNodesOverApi;
import io.openvidu.java.client.internal.api.OpenViduApi;
import io.openvidu.java.client.internal.api.Operation;
import io.openvidu.java.client.internal.api.SessionIds;
import io.openvidu.java.client.internal.api.SessionLookup;
import io.openvidu.java.client.internal.api.SignalCall;
import io.openvidu.java.client.internal.json.RecordingDocument;
import io.openvidu.java.client.internal.json.SessionDocument;
import io.openvidu.java.client.internal.transport.Transports;
import io.openvidu.java.client.internal.transport.http.NetworkSettings;
import io.openvidu.java.client.internal.transport.http.ProxyCredentials;
import io.openvidu.java.client.internal.transport.http.TransportSettings;
import io.openvidu.java.client.medianode.MediaNodes;
import io.openvidu.java.client.transport.BalancingPolicy;
import io.openvidu.java.client.transport.OpenViduEventListener;
import io.openvidu.java.client.transport.RetryPolicy;
import java.net.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import javax.net.SocketFactory;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the client: talks to an OpenVidu 2.20 deployment (one server, or the masters of a
 * high-availability cluster) through its REST API, and keeps the sessions it knows ({@link
 * #getActiveSessions()}). Source-compatible with {@code io.openvidu:openvidu-java-client:2.20.0}.
 *
 * <p><b>Construction.</b> {@link #OpenVidu(String, String)} takes one base URL or several separated
 * by commas (the masters of a cluster; calls are spread over them and fail over between them).
 * {@link Builder} sets everything else.
 *
 * <p><b>Where this client differs from the official one</b> (all deliberate):
 *
 * <ul>
 *   <li>TLS certificates and host names are verified; the official client trusts everything.
 *       Trusting everything is an explicit, insecure opt-in: {@link
 *       Builder#insecureTrustAllCertificates()}.
 *   <li>Connect, attempt and call timeouts are set (2 s, 10 s, 30 s by default); the official
 *       client has no read timeout and can hang forever on a stalled server.
 *   <li>{@link OpenViduHttpException} has the official message (the status) and also carries the
 *       server's error message ({@link OpenViduHttpException#getServerMessage()}) and, in its
 *       {@code toString()}, the operation that failed; {@link OpenViduJavaClientException} keeps
 *       the cause of a transport failure and also reports unreadable answers (never a {@code
 *       NullPointerException} or a JSON library exception).
 *   <li>Basic authentication is sent preemptively, on the first request; the official client waits
 *       for a 401 challenge, doubling the requests.
 *   <li>Routine calls log at DEBUG (the official client logs every fetch at INFO). The secret, the
 *       Authorization header and tokens never appear in logs, exception messages or {@code
 *       toString()}.
 *   <li>When no custom session id is given, {@link #createSession(SessionProperties)} chooses one
 *       on the client in OpenVidu's own format, so a creation repeated after a lost answer is
 *       recognised instead of creating a second session.
 *   <li>{@code OpenVidu} is {@link AutoCloseable}: {@link #close()} releases connections and
 *       threads.
 * </ul>
 *
 * <p><b>Thread safety.</b> An {@code OpenVidu} is safe to share between threads; so are the {@link
 * Session}, {@link Connection} and {@link Recording} objects it returns (see their documentation
 * for what a concurrent refresh means for readers).
 */
public class OpenVidu implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(OpenVidu.class);

  /** As in the official client: the path of the REST API under the base URL. */
  protected static final String API_PATH = "openvidu/api";

  /** As in the official client: sessions, under the base URL. */
  protected static final String API_SESSIONS = API_PATH + "/sessions";

  /** As in the official client: tokens (deprecated by OpenVidu 2.16), under the base URL. */
  protected static final String API_TOKENS = API_PATH + "/tokens";

  /** As in the official client: recordings, under the base URL. */
  protected static final String API_RECORDINGS = API_PATH + "/recordings";

  /** As in the official client: starting a recording, under the base URL. */
  protected static final String API_RECORDINGS_START = API_RECORDINGS + "/start";

  /** As in the official client: stopping a recording, under the base URL. */
  protected static final String API_RECORDINGS_STOP = API_RECORDINGS + "/stop";

  /**
   * As in the official client, for subclasses: the base URL, ending with {@code /}; with several
   * endpoints, the first. Informational: calls do not read it, so changing it does not move them.
   */
  protected String hostname;

  /**
   * As in the official client, for subclasses: the sessions this client knows, by id; {@link
   * #getActiveSessions()} copies it. A concurrent map; replacing the field is not supported.
   */
  protected Map<String, Session> activeSessions = new ConcurrentHashMap<>();

  private final List<HttpUrl> endpoints;
  private final OpenViduApi api;
  private final HealthChecks healthChecks;
  private final MediaNodes mediaNodes;
  private final Object fetchLock = new Object();
  private final Executor asyncExecutor;
  private final OpenViduAsync async;

  /**
   * A client with the default timeouts and policies.
   *
   * @param urls the base URL of the deployment, e.g. {@code https://openvidu.example.com:4443}, or
   *     several separated by commas for the masters of a cluster ({@code
   *     https://m1.example.com:4443,https://m2.example.com:4443}); trailing slashes are tolerated
   * @param secret the deployment's {@code OPENVIDU_SECRET}
   * @throws IllegalArgumentException when a URL is not an http or https URL, carries credentials, a
   *     query or a fragment, or the secret is empty; the message never contains the secret
   */
  public OpenVidu(String urls, String secret) {
    this(new Builder().endpoints(splitUrls(urls)).secret(secret).settings(), null);
  }

  private OpenVidu(TransportSettings settings, Executor asyncExecutor) {
    this.endpoints = settings.endpoints();
    String first = endpoints.get(0).toString();
    this.hostname = first.endsWith("/") ? first : first + "/";
    this.api = new OpenViduApi(Transports.create(settings));
    this.healthChecks = new HealthChecks(settings);
    this.mediaNodes = new MediaNodesOverApi(api);
    this.asyncExecutor = asyncExecutor == null ? ForkJoinPool.commonPool() : asyncExecutor;
    this.async = new OpenViduAsync(this);
  }

  /**
   * The asynchronous form of this client's operations (an addition to the official API): each
   * returns a {@link java.util.concurrent.CompletableFuture} at once, with the same failover,
   * retries, hedging and reconciliation as the blocking method of the same name, and no thread held
   * while it is in flight. See {@link OpenViduAsync} for the threading.
   *
   * @return the asynchronous face of this client (one object; no state of its own)
   */
  public OpenViduAsync async() {
    return async;
  }

  OpenViduApi api() {
    return api;
  }

  Executor asyncExecutor() {
    return asyncExecutor;
  }

  private static String[] splitUrls(String urls) {
    if (urls == null) {
      throw new IllegalArgumentException("the OpenVidu URL must not be null");
    }
    return urls.split(",", -1);
  }

  /**
   * Creates a session with the default properties.
   *
   * @return the new session, also added to {@link #getActiveSessions()}
   * @throws OpenViduHttpException with the server's status when it refused
   * @throws OpenViduJavaClientException no usable answer
   */
  public Session createSession() throws OpenViduJavaClientException, OpenViduHttpException {
    return createSession(new SessionProperties.Builder().build());
  }

  /**
   * Creates a session ({@code POST /openvidu/api/sessions}), sending every property explicitly as
   * the official client does.
   *
   * <p>Without a custom session id, the client chooses one in OpenVidu's format ({@code ses_} + 10
   * alphanumerics), so the call is safe to repeat after an attempt whose outcome is unknown: a
   * repeat that finds the session created by the earlier attempt (409) returns that session. The
   * session's {@link SessionProperties#customSessionId()} stays as given ({@code ""}).
   *
   * <p>With a custom session id that is already in use (409), the call returns a session object for
   * that id without failing, as the official client does; its {@link Session#createdAt()} is 0
   * until fetched.
   *
   * @param properties how to create the session
   * @return the session, also added to {@link #getActiveSessions()}
   * @throws OpenViduHttpException 400 with the server's message for invalid properties
   * @throws OpenViduJavaClientException no usable answer
   */
  public Session createSession(SessionProperties properties)
      throws OpenViduJavaClientException, OpenViduHttpException {
    return api.call(createSessionOperation(properties));
  }

  Operation<Session> createSessionOperation(SessionProperties properties) {
    Objects.requireNonNull(properties, "properties");
    String customId = properties.customSessionId();
    boolean idChosenByCaller = customId != null && !customId.isEmpty();
    String sessionId = idChosenByCaller ? customId : SessionIds.generate();
    return OpenViduApi.createSessionOperation(properties, sessionId, idChosenByCaller)
        .map(
            created -> {
              Session session = new Session(this, api, created, properties);
              activeSessions.put(session.getSessionId(), session);
              return session;
            });
  }

  /**
   * Starts recording a session with the given properties ({@code POST
   * /openvidu/api/recordings/start}). The properties are sent explicitly, so they override the
   * session's default recording properties. Safe to repeat after an attempt whose outcome is
   * unknown: a repeat that finds the session already being recorded returns that recording.
   *
   * @param sessionId the session to record
   * @param properties how to record it
   * @return the recording, normally {@code started}
   * @throws OpenViduHttpException 404 no such session; 406 nobody connected; 409 not ROUTED or
   *     already being recorded; 422 invalid values; 501 recording disabled
   * @throws OpenViduJavaClientException no usable answer
   */
  public Recording startRecording(String sessionId, RecordingProperties properties)
      throws OpenViduJavaClientException, OpenViduHttpException {
    return api.call(startRecordingOperation(sessionId, properties));
  }

  Operation<Recording> startRecordingOperation(String sessionId, RecordingProperties properties) {
    return OpenViduApi.startRecordingOperation(sessionId, properties)
        .map(
            started -> {
              Session session = activeSessions.get(sessionId);
              if (session != null) {
                session.setBeingRecorded(true);
              }
              return new Recording(started);
            });
  }

  /**
   * Starts recording a session with the default properties and the given name.
   *
   * @param sessionId the session to record
   * @param name the file name without extension
   * @return the recording
   * @throws OpenViduHttpException as {@link #startRecording(String, RecordingProperties)}
   * @throws OpenViduJavaClientException no usable answer
   */
  public Recording startRecording(String sessionId, String name)
      throws OpenViduJavaClientException, OpenViduHttpException {
    return startRecording(sessionId, new RecordingProperties.Builder().name(name).build());
  }

  /**
   * Starts recording a session with the default properties (COMPOSED, audio and video, 1280x720 at
   * 25 fps).
   *
   * @param sessionId the session to record
   * @return the recording
   * @throws OpenViduHttpException as {@link #startRecording(String, RecordingProperties)}
   * @throws OpenViduJavaClientException no usable answer
   */
  public Recording startRecording(String sessionId)
      throws OpenViduJavaClientException, OpenViduHttpException {
    return startRecording(sessionId, new RecordingProperties.Builder().build());
  }

  /**
   * Stops a recording ({@code POST /openvidu/api/recordings/stop/{id}}). OpenVidu CE answers {@code
   * ready}; Pro/Enterprise answer {@code stopped} and finish the files later. Safe to repeat after
   * an attempt whose outcome is unknown: a repeat that finds the recording no longer active returns
   * it once stopped.
   *
   * @param recordingId the recording to stop
   * @return the stopped recording
   * @throws OpenViduHttpException 404 no active recording with that id; 406 still starting; 501
   *     recording disabled
   * @throws OpenViduJavaClientException no usable answer
   */
  public Recording stopRecording(String recordingId)
      throws OpenViduJavaClientException, OpenViduHttpException {
    return api.call(stopRecordingOperation(recordingId));
  }

  Operation<Recording> stopRecordingOperation(String recordingId) {
    return OpenViduApi.stopRecordingOperation(recordingId)
        .map(
            stopped -> {
              Session session = activeSessions.get(stopped.sessionId());
              if (session != null) {
                session.setBeingRecorded(false);
              }
              return new Recording(stopped);
            });
  }

  /**
   * @param recordingId a recording id
   * @return the recording as the server reports it now
   * @throws OpenViduHttpException 404 no such recording; 501 recording disabled
   * @throws OpenViduJavaClientException no usable answer
   */
  public Recording getRecording(String recordingId)
      throws OpenViduJavaClientException, OpenViduHttpException {
    return api.call(getRecordingOperation(recordingId));
  }

  static Operation<Recording> getRecordingOperation(String recordingId) {
    return OpenViduApi.getRecordingOperation(recordingId).map(Recording::new);
  }

  /**
   * @return every recording the deployment stores, of any status and session
   * @throws OpenViduHttpException 501 recording disabled
   * @throws OpenViduJavaClientException no usable answer
   */
  public List<Recording> listRecordings()
      throws OpenViduJavaClientException, OpenViduHttpException {
    return api.call(listRecordingsOperation());
  }

  static Operation<List<Recording>> listRecordingsOperation() {
    return OpenViduApi.listRecordingsOperation()
        .map(
            documents -> {
              List<Recording> recordings = new ArrayList<>();
              for (RecordingDocument recording : documents) {
                recordings.add(new Recording(recording));
              }
              return recordings;
            });
  }

  /**
   * Deletes a recording's files. When the transport repeated the call after an attempt whose
   * outcome was unknown, "not found" counts as done.
   *
   * @param recordingId the recording to delete
   * @throws OpenViduHttpException 404 no such recording; 409 still recording (stop it first); 501
   *     recording disabled
   * @throws OpenViduJavaClientException no usable answer
   */
  public void deleteRecording(String recordingId)
      throws OpenViduJavaClientException, OpenViduHttpException {
    api.call(OpenViduApi.deleteRecordingOperation(recordingId));
  }

  /**
   * @return a copy of the list of sessions this client knows: those it created and those found by
   *     {@link #fetch()}, minus those closed through it or found gone; no server call
   */
  public List<Session> getActiveSessions() {
    return new ArrayList<>(activeSessions.values());
  }

  /**
   * Replaces the client's view of every session with the server's, pending connections included
   * ({@code GET /openvidu/api/sessions?pendingConnections=true}): known sessions are refreshed in
   * place, new ones added, gone ones removed. A session created through this client while the fetch
   * runs is kept.
   *
   * @return whether anything changed: a session added or gone, or any change a {@link
   *     Session#fetch()} of a known session would report
   * @throws OpenViduHttpException with the server's status when it refused
   * @throws OpenViduJavaClientException no usable answer
   */
  public boolean fetch() throws OpenViduJavaClientException, OpenViduHttpException {
    synchronized (fetchLock) {
      return api.call(fetchOperation());
    }
  }

  /**
   * The fetch, its answer applied under the fetch lock: the blocking form holds the lock around the
   * whole call, so blocking fetches apply in order; asynchronous ones hold it only while applying.
   */
  Operation<Boolean> fetchOperation() {
    // Only sessions known before asking may be declared gone: one created meanwhile is not in the
    // answer.
    Set<String> knownBefore = new HashSet<>(activeSessions.keySet());
    return OpenViduApi.listSessionsOperation()
        .map(
            fetched -> {
              synchronized (fetchLock) {
                boolean changed = false;
                Set<String> fetchedIds = new HashSet<>();
                for (SessionDocument document : fetched) {
                  fetchedIds.add(document.sessionId());
                  Session known = activeSessions.get(document.sessionId());
                  if (known != null) {
                    changed |= known.refresh(document);
                  } else {
                    activeSessions.put(
                        document.sessionId(), new Session(this, api, document, null));
                    changed = true;
                  }
                }
                knownBefore.removeAll(fetchedIds);
                for (String gone : knownBefore) {
                  changed |= activeSessions.remove(gone) != null;
                }
                log.debug(
                    "Sessions fetched: {} active; changed: {}", activeSessions.size(), changed);
                return changed;
              }
            });
  }

  /**
   * Fetches one session by id, with its connections (pending ones included), without fetching every
   * session ({@code GET /openvidu/api/sessions/{id}?pendingConnections=true}). An addition to the
   * official 2.20 client, consistent with {@link #getActiveSessions()}: a session this client knows
   * is refreshed in place and returned (the same object), one it did not know is added, and one the
   * server does not have any more is removed.
   *
   * @param sessionId the session's id
   * @return the session, or empty when the server has no session with that id (404)
   * @throws OpenViduHttpException with the server's status when it refused otherwise
   * @throws OpenViduJavaClientException no usable answer
   */
  public Optional<Session> fetchSession(String sessionId)
      throws OpenViduJavaClientException, OpenViduHttpException {
    return api.call(fetchSessionOperation(sessionId));
  }

  Operation<Optional<Session>> fetchSessionOperation(String sessionId) {
    // Only the session known before asking may be declared gone: one created meanwhile is not.
    Session knownBefore = activeSessions.get(sessionId);
    return SessionLookup.byId(sessionId)
        .map(
            fetched -> {
              if (!fetched.isPresent()) {
                if (knownBefore != null) {
                  activeSessions.remove(sessionId, knownBefore);
                }
                return Optional.empty();
              }
              SessionDocument document = fetched.get();
              Session session =
                  activeSessions.computeIfAbsent(
                      sessionId, id -> new Session(this, api, document, null));
              session.refresh(document);
              return Optional.of(session);
            });
  }

  /**
   * Sends a signal to the participants of a session, to every one or to chosen connections ({@code
   * POST /openvidu/api/signal}). An addition to the official 2.20 client. Not repeated after an
   * attempt whose outcome is unknown, since a repeat would deliver it twice, unless the masters
   * honour idempotency keys (the reference cluster does).
   *
   * @param signal the session, the recipients, the type and the data
   * @throws SessionNotFoundException 404: the session does not exist
   * @throws SessionNotActiveException 406: nobody has joined the session yet
   * @throws InvalidSignalRecipientsException 406: a recipient is not a participant connected to the
   *     session; the signal was sent to nobody
   * @throws OpenViduHttpException another refusal
   * @throws OpenViduJavaClientException no usable answer
   */
  public void sendSignal(Signal signal) throws OpenViduJavaClientException, OpenViduHttpException {
    api.call(SignalCall.send(Objects.requireNonNull(signal, "signal")));
  }

  /**
   * The configuration the deployment runs with ({@code GET /openvidu/api/config}), typed, with
   * every member of the answer. An addition to the official 2.20 client.
   *
   * @return the configuration
   * @throws OpenViduHttpException with the server's status when it refused
   * @throws OpenViduJavaClientException no usable answer, or one without {@code VERSION} or {@code
   *     OPENVIDU_PUBLICURL}
   */
  public OpenViduConfiguration getConfiguration()
      throws OpenViduJavaClientException, OpenViduHttpException {
    return api.call(ConfigurationCall.get());
  }

  /**
   * Asks every endpoint, each on its own and at once, whether it is healthy ({@code GET
   * /openvidu/api/health}): for dashboards and readiness probes. No failover, retry or event: a
   * check reports its endpoint only and changes nothing in how calls choose endpoints. Each check
   * takes at most 2 s (or the attempt timeout if shorter). An addition to the official 2.20 client;
   * OpenVidu CE has no health endpoint, so its endpoints report {@code DOWN} (404).
   *
   * @return one result per endpoint, in the order the client was given them
   * @throws IllegalStateException when the client is closed
   */
  public HealthReport health() {
    return healthChecks.check();
  }

  HealthChecks healthChecks() {
    return healthChecks;
  }

  /**
   * The media-node API of OpenVidu Pro/Enterprise: list, get, add, remove, change status. An
   * addition to the official 2.20 client.
   *
   * @return the media-node operations of this client (thread-safe, no call made by this method)
   */
  public MediaNodes mediaNodes() {
    return mediaNodes;
  }

  /**
   * Releases the connections and threads of this client (an addition to the official API). An
   * {@link ExecutorService} given to {@link Builder#executorService(ExecutorService)} is left to
   * its owner. Calls after closing fail.
   */
  @Override
  public void close() {
    api.close();
    healthChecks.close();
  }

  @Override
  public String toString() {
    return "OpenVidu{endpoints=" + endpoints + "}";
  }

  void forget(Session session) {
    activeSessions.remove(session.getSessionId(), session);
  }

  /**
   * Configures an {@link OpenVidu}: endpoints, secret, timeouts, failover policies, a listener for
   * transport events, how to reach the network (proxy, socket factories, TLS trust, threads) and,
   * insecurely, trusting every certificate. Not thread-safe; use one builder per thread.
   *
   * <p>The HTTP client inside (OkHttp) is relocated into this jar so that it cannot conflict with
   * the versions an application pins; its types are therefore not part of this API, and what used
   * to be configured on an {@code OkHttpClient} is set here in JDK types.
   */
  public static final class Builder {

    private List<String> endpoints = new ArrayList<>();
    private String secret;
    private Duration connectTimeout = TransportSettings.DEFAULT_CONNECT_TIMEOUT;
    private Duration attemptTimeout = TransportSettings.DEFAULT_ATTEMPT_TIMEOUT;
    private Duration callTimeout = TransportSettings.DEFAULT_CALL_TIMEOUT;
    private BalancingPolicy balancingPolicy = BalancingPolicy.ROUND_ROBIN;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private Proxy proxy;
    private ProxyCredentials proxyCredentials;
    private SocketFactory socketFactory;
    private SSLSocketFactory sslSocketFactory;
    private X509TrustManager trustManager;
    private HostnameVerifier hostnameVerifier;
    private ExecutorService executorService;
    private Executor asyncExecutor;
    private OpenViduEventListener eventListener = OpenViduEventListener.NONE;
    private boolean trustAllCertificates;

    /** A builder with the defaults and no endpoint or secret yet. */
    public Builder() {}

    /**
     * @param urls the base URL of each master (or of the single server), e.g. {@code
     *     https://m1.example.com:4443}; trailing slashes are tolerated. Replaces earlier endpoints.
     * @return this builder
     */
    public Builder endpoints(String... urls) {
      this.endpoints = urls == null ? new ArrayList<>() : new ArrayList<>(Arrays.asList(urls));
      return this;
    }

    /**
     * @param secret the deployment's {@code OPENVIDU_SECRET}, sent as Basic authentication with
     *     user {@code OPENVIDUAPP}
     * @return this builder
     */
    public Builder secret(String secret) {
      this.secret = secret;
      return this;
    }

    /**
     * @param timeout bound on establishing one TCP and TLS connection; short, so that an
     *     unreachable master is left quickly. Default 2 s.
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = timeout;
      return this;
    }

    /**
     * @param timeout bound on one attempt, from sending the request to the end of the response
     *     body. Default 10 s; at most the call timeout. A GET unanswered for a second is meanwhile
     *     also sent to another master, the first answer winning, so it rarely waits this long.
     * @return this builder
     */
    public Builder attemptTimeout(Duration timeout) {
      this.attemptTimeout = timeout;
      return this;
    }

    /**
     * @param timeout bound on a whole call, every attempt and backoff included. Default 30 s.
     * @return this builder
     */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = timeout;
      return this;
    }

    /**
     * @param policy how a call chooses the master of its first attempt. Default {@link
     *     BalancingPolicy#ROUND_ROBIN}.
     * @return this builder
     */
    public Builder balancingPolicy(BalancingPolicy policy) {
      this.balancingPolicy = Objects.requireNonNull(policy, "balancingPolicy");
      return this;
    }

    /**
     * @param policy when failed attempts are repeated. Default {@link RetryPolicy#defaults()}.
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
      return this;
    }

    /**
     * @param proxy the proxy every connection goes through ({@link Proxy#NO_PROXY} for none).
     *     Default: the JVM's {@link java.net.ProxySelector}.
     * @return this builder
     */
    public Builder proxy(Proxy proxy) {
      this.proxy = Objects.requireNonNull(proxy, "proxy");
      return this;
    }

    /**
     * The user and password of an HTTP proxy that asks for Basic authentication (407 with {@code
     * Proxy-Authenticate: Basic}): the proxy of {@link #proxy(Proxy)}, or the one the JVM's {@link
     * java.net.ProxySelector} chooses. An HTTPS connection sends them with the {@code CONNECT} that
     * opens its tunnel, so the masters never see them; a plain-HTTP request sends them with itself.
     * A proxy that refuses them answers 407, which the call reports as an {@link
     * OpenViduHttpException} with that status (plain HTTP) or an {@link
     * OpenViduJavaClientException} (HTTPS). The {@code Proxy-Authorization} header and the password
     * are never logged nor shown in messages or {@code toString()}. An addition to the official
     * client.
     *
     * @param username the proxy user
     * @param password the proxy password
     * @return this builder
     */
    public Builder proxyAuthentication(String username, String password) {
      this.proxyCredentials =
          new ProxyCredentials(
              Objects.requireNonNull(username, "username"),
              Objects.requireNonNull(password, "password"));
      return this;
    }

    /**
     * @param factory the factory of the plain TCP sockets (also under TLS), e.g. to bind a local
     *     address or set socket options. Default: the JDK's.
     * @return this builder
     */
    public Builder socketFactory(SocketFactory factory) {
      this.socketFactory = Objects.requireNonNull(factory, "socketFactory");
      return this;
    }

    /**
     * TLS with your own trust (a private CA, a pinned certificate) or client certificates.
     * Certificates are still verified, by {@code trustManager}, and host names too.
     *
     * @param factory the factory of TLS sockets, from an {@link javax.net.ssl.SSLContext}
     *     initialised with {@code trustManager}
     * @param trustManager the trust manager that decides which server certificates are accepted
     * @return this builder
     */
    public Builder sslSocketFactory(SSLSocketFactory factory, X509TrustManager trustManager) {
      this.sslSocketFactory = Objects.requireNonNull(factory, "sslSocketFactory");
      this.trustManager = Objects.requireNonNull(trustManager, "trustManager");
      return this;
    }

    /**
     * @param verifier decides whether a server certificate is valid for the host name asked for.
     *     Default: RFC 2818 verification.
     * @return this builder
     */
    public Builder hostnameVerifier(HostnameVerifier verifier) {
      this.hostnameVerifier = Objects.requireNonNull(verifier, "hostnameVerifier");
      return this;
    }

    /**
     * @param executor the threads that run background attempts (a read sent to a second master
     *     while the first is slow). Yours: {@link OpenVidu#close()} does not shut it down. Default:
     *     threads of the client's own, created on demand and released when idle or closed.
     * @return this builder
     */
    public Builder executorService(ExecutorService executor) {
      this.executorService = Objects.requireNonNull(executor, "executorService");
      return this;
    }

    /**
     * @param executor completes the futures of {@link OpenVidu#async()} calls: the callbacks you
     *     chain without an executor of your own run on its threads, never on the client's own
     *     (which move the calls on) and never while the client holds a lock. Yours: {@link
     *     OpenVidu#close()} does not shut it down. Default: {@link ForkJoinPool#commonPool()}, as
     *     {@code CompletableFuture}'s own asynchronous methods; give your own if callbacks block.
     * @return this builder
     */
    public Builder asyncExecutor(Executor executor) {
      this.asyncExecutor = Objects.requireNonNull(executor, "asyncExecutor");
      return this;
    }

    /**
     * @param listener observer of attempts, failovers and endpoint health. Default: none.
     * @return this builder
     */
    public Builder eventListener(OpenViduEventListener listener) {
      this.eventListener = Objects.requireNonNull(listener, "eventListener");
      return this;
    }

    /**
     * <b>INSECURE.</b> Accepts any TLS certificate and any host name, as the official client always
     * does. Anyone between this client and the servers can then read the secret and impersonate the
     * servers. Only for development against self-signed certificates; install the certificate in a
     * trust store instead wherever possible.
     *
     * @return this builder
     */
    public Builder insecureTrustAllCertificates() {
      this.trustAllCertificates = true;
      return this;
    }

    /**
     * @return a client with this configuration
     * @throws IllegalArgumentException when there is no endpoint, an endpoint is not an http or
     *     https URL (or carries credentials, a query or a fragment), the secret is empty, a timeout
     *     is not positive, or the attempt timeout exceeds the call timeout; the message never
     *     contains the secret
     */
    public OpenVidu build() {
      return new OpenVidu(settings(), asyncExecutor);
    }

    private TransportSettings settings() {
      if (endpoints.isEmpty()) {
        throw new IllegalArgumentException("at least one OpenVidu endpoint URL is required");
      }
      List<HttpUrl> urls = new ArrayList<>();
      for (int i = 0; i < endpoints.size(); i++) {
        urls.add(endpointUrl(endpoints.get(i), i + 1));
      }
      if (secret == null || secret.isEmpty()) {
        throw new IllegalArgumentException("the OpenVidu secret must not be empty");
      }
      if (trustAllCertificates && (sslSocketFactory != null || hostnameVerifier != null)) {
        throw new IllegalArgumentException(
            "insecureTrustAllCertificates() replaces the SSL socket factory and host name verifier:"
                + " choose one or the other");
      }
      requirePositive("connectTimeout", connectTimeout);
      requirePositive("attemptTimeout", attemptTimeout);
      requirePositive("callTimeout", callTimeout);
      if (attemptTimeout.compareTo(callTimeout) > 0) {
        throw new IllegalArgumentException(
            "attemptTimeout ("
                + attemptTimeout
                + ") must not exceed callTimeout ("
                + callTimeout
                + ")");
      }
      return new TransportSettings(
          urls,
          secret,
          connectTimeout,
          attemptTimeout,
          callTimeout,
          retryPolicy,
          balancingPolicy,
          null,
          eventListener,
          trustAllCertificates,
          new NetworkSettings(
              proxy,
              socketFactory,
              sslSocketFactory,
              trustManager,
              hostnameVerifier,
              executorService,
              proxyCredentials));
    }

    /**
     * The rejected text is never echoed: a URL that does not parse may be the secret passed in the
     * wrong argument, and one with user info carries a password.
     */
    private static HttpUrl endpointUrl(String text, int position) {
      String trimmed = text == null ? "" : text.trim();
      String where = "OpenVidu endpoint URL #" + position;
      if (trimmed.isEmpty()) {
        throw new IllegalArgumentException(where + " is empty");
      }
      HttpUrl url = HttpUrl.parse(trimmed);
      if (url == null) {
        throw new IllegalArgumentException(
            where
                + " is not an http or https URL (expected e.g. https://openvidu.example.com:4443)");
      }
      if (!url.username().isEmpty() || !url.password().isEmpty()) {
        throw new IllegalArgumentException(
            where + " must not contain user info; give the secret with secret(...) instead");
      }
      if (url.query() != null || url.fragment() != null) {
        throw new IllegalArgumentException(
            where + " must not have a query or fragment: " + url.host());
      }
      String withoutTrailingSlashes = url.toString().replaceAll("/+$", "");
      return HttpUrl.get(withoutTrailingSlashes);
    }

    private static void requirePositive(String name, Duration value) {
      if (value == null || value.isZero() || value.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive, was " + value);
      }
    }
  }
}
