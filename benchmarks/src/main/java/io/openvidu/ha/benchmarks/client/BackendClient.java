package io.openvidu.ha.benchmarks.client;

import java.util.Optional;

/**
 * What a Java backend does with OpenVidu, as the benchmarks drive it: the four calls of the
 * measured mix. One implementation per way of calling OpenVidu (our SDK, the official client, raw
 * OkHttp), each loaded in a class loader of its own; this interface and {@link ClientSettings} are
 * the only types they share with the launcher, so only JDK types cross the boundary (a session is
 * an opaque handle).
 *
 * <p>Implementations are safe to call from many threads at once, as a backend would. Nothing is
 * retried by the benchmark: a call that throws counts as failed.
 */
public interface BackendClient extends AutoCloseable {

  /**
   * Creates a session with the default properties.
   *
   * @return a handle for the other calls (the implementation's own session object)
   */
  Object createSession() throws Exception;

  /** Creates a connection (a participant's token) in the session. */
  void createConnection(Object session) throws Exception;

  /** Reads the session back from the server. */
  void fetchSession(Object session) throws Exception;

  /** Closes the session. */
  void closeSession(Object session) throws Exception;

  /**
   * How many attempts of the calling thread's calls failed (on any endpoint) since this thread last
   * asked, then resets the count. Only a client that reports its attempts can tell; the others
   * answer 0.
   */
  default int takeFailedAttempts() {
    return 0;
  }

  /**
   * The first failed attempt this client reported (which endpoint, what went wrong), for the
   * report; empty when none failed or the client cannot tell.
   */
  default Optional<String> firstFailedAttempt() {
    return Optional.empty();
  }

  /** Releases connections and threads. */
  @Override
  void close();
}
