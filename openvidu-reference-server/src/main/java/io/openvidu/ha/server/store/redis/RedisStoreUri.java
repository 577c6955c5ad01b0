package io.openvidu.ha.server.store.redis;

import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * The {@code --store} forms that name a Redis: {@code redis://host:port} (or {@code rediss://}),
 * and Redis Sentinel as {@code redis-sentinel://host:port[,host:port...]/MASTER_NAME} or in
 * Lettuce's own form {@code redis-sentinel://host:port[,host:port...]#MASTER_NAME}. Lettuce's query
 * parameters work (e.g. {@code ?timeout=5s}, the command timeout, {@link #DEFAULT_TIMEOUT} when not
 * given).
 */
public final class RedisStoreUri {
  /** How long a command may take before the call fails (503) when the URI does not say. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

  private static final String SENTINEL_SCHEME = "redis-sentinel://";

  private RedisStoreUri() {}

  /** Whether {@code uri} names a Redis (plain or Sentinel) rather than another kind of store. */
  public static boolean isRedis(String uri) {
    return uri.startsWith("redis://")
        || uri.startsWith("rediss://")
        || uri.startsWith(SENTINEL_SCHEME)
        || uri.startsWith("rediss-sentinel://");
  }

  /**
   * Parses {@code uri}.
   *
   * @throws IllegalArgumentException when it is not one of the forms above, or a Sentinel URI does
   *     not name its master
   */
  public static RedisURI parse(String uri) {
    String lettuceForm = uri;
    if (uri.startsWith(SENTINEL_SCHEME) && !uri.contains("#")) {
      int slash = uri.indexOf('/', SENTINEL_SCHEME.length());
      if (slash >= 0) {
        String rest = uri.substring(slash + 1);
        int query = rest.indexOf('?');
        String name = query < 0 ? rest : rest.substring(0, query);
        if (!name.isEmpty() && !name.chars().allMatch(Character::isDigit)) {
          lettuceForm =
              uri.substring(0, slash) + (query < 0 ? "" : "/" + rest.substring(query)) + "#" + name;
        }
      }
    }
    RedisURI parsed;
    try {
      parsed = RedisURI.create(lettuceForm);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "not a Redis URI (redis://host:port or"
              + " redis-sentinel://host:port[,host:port...]/MASTER_NAME): "
              + describe(uri),
          e);
    }
    if (!parsed.getSentinels().isEmpty()
        && (parsed.getSentinelMasterId() == null || parsed.getSentinelMasterId().isEmpty())) {
      throw new IllegalArgumentException(
          "a redis-sentinel:// store must name its master: redis-sentinel://host:port/MASTER_NAME");
    }
    if (!uri.contains("timeout=")) {
      parsed.setTimeout(DEFAULT_TIMEOUT);
    }
    return parsed;
  }

  /** Where {@code uri} points, without credentials: for messages and logs. */
  static String describe(RedisURI uri) {
    if (uri.getSentinels().isEmpty()) {
      return uri.getHost() + ":" + uri.getPort();
    }
    return "Sentinel master "
        + uri.getSentinelMasterId()
        + " via "
        + uri.getSentinels().stream()
            .map(s -> s.getHost() + ":" + s.getPort())
            .collect(Collectors.joining(","));
  }

  private static String describe(String uri) {
    int at = uri.lastIndexOf('@');
    int scheme = uri.indexOf("://");
    return at < 0 || scheme < 0 ? uri : uri.substring(0, scheme + 3) + "***" + uri.substring(at);
  }
}
