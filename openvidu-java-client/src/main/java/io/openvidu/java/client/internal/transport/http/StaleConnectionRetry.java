package io.openvidu.java.client.internal.transport.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * The application interceptor that gives an attempt another connection when {@link
 * StaleConnectionGuard} found the pooled one closed by the server. Nothing was written on the
 * closed connection, so this is not a retry of the request: it is the same attempt, with the same
 * deadline, on another (pooled or new) connection. Each round discards one dead connection; after
 * {@value #MAX_ROUNDS} rounds the attempt fails as not sent. Stateless and thread-safe.
 */
final class StaleConnectionRetry implements Interceptor {

  /**
   * More than a pool keeps idle per endpoint: a master that died with a full pool costs a call that
   * many cheap checks (no network round trip each), then a new connection shows whether the master
   * is back.
   */
  static final int MAX_ROUNDS = AttemptExecutor.POOLED_CONNECTIONS + 1;

  @Override
  public Response intercept(Chain chain) throws IOException {
    for (int round = 1; ; round++) {
      try {
        return chain.proceed(chain.request());
      } catch (StaleConnectionException e) {
        if (round >= MAX_ROUNDS) {
          throw new StaleConnectionException(
              "the server had closed "
                  + round
                  + " pooled connections in a row; the last one: "
                  + e.getMessage());
        }
      }
    }
  }
}
