package io.openvidu.ha.server.store.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.openvidu.ha.server.store.DocumentStore;
import io.openvidu.ha.server.store.DocumentWrite;
import io.openvidu.ha.server.store.HashField;
import io.openvidu.ha.server.store.OrderedDelivery;
import io.openvidu.ha.server.store.StoreUnavailableException;
import io.openvidu.ha.server.store.Subscription;
import io.openvidu.ha.server.store.VersionedDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link DocumentStore} in Redis, so that masters in several processes form one cluster. Each
 * document is a hash {@code {v: version, d: json}}; a commit is one Lua script that checks every
 * version read and applies every write (documents, sets, expiry, publications) in one round trip,
 * which is atomic in Redis and works on Lettuce's one shared, pipelined connection (unlike WATCH,
 * which is per connection). Versions come from one counter, so a deleted and re-created document
 * never repeats a version.
 *
 * <p>Lettuce reconnects by itself, re-subscribes channels and sends again the commands whose
 * connection closed before their answer; a marker written by each commit makes that second run
 * answer as the first did. A call that cannot reach Redis within the command timeout fails with
 * {@link StoreUnavailableException}; for a commit whose answer was lost after it may have reached
 * Redis (connection reset, timeout), the exception says the outcome is unknown. Thread-safe.
 */
public final class RedisDocumentStore implements DocumentStore {
  private static final Logger log = LoggerFactory.getLogger(RedisDocumentStore.class);
  private static final String VERSION_COUNTER = "openvidu-ha:version";
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(3);

  /**
   * Marks an applied commit, so that a copy of it that Lettuce sends again after a reconnection
   * answers as the first did; kept far longer than a reconnection takes.
   */
  private static final String COMMIT_MARKER = "openvidu-ha:commit:";

  private static final Duration COMMIT_MARKER_TTL = Duration.ofMinutes(5);

  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;
  private final StatefulRedisPubSubConnection<String, String> pubSub;
  private final ObjectMapper json = new ObjectMapper();
  private final LuaScript commitScript;
  private final LuaScript readScript;
  private final Map<String, List<RedisSubscription>> subscriptions = new ConcurrentHashMap<>();

  private RedisDocumentStore(RedisClient client) {
    this.client = client;
    this.connection = client.connect();
    this.pubSub = client.connectPubSub();
    this.commitScript = new LuaScript(loadScript("commit.lua"));
    this.readScript = new LuaScript(loadScript("read.lua"));
    pubSub.addListener(
        new RedisPubSubAdapter<>() {
          @Override
          public void message(String channel, String message) {
            subscriptions.getOrDefault(channel, List.of()).forEach(s -> s.deliver(message));
          }
        });
  }

  /**
   * Connects to the Redis at {@code uri} ({@code redis://host:port}, optionally with a password or
   * a database).
   *
   * @throws StoreUnavailableException when Redis cannot be reached
   */
  public static RedisDocumentStore connect(String uri) {
    RedisURI redisUri = RedisURI.create(uri);
    redisUri.setTimeout(COMMAND_TIMEOUT);
    RedisClient client = RedisClient.create(redisUri);
    try {
      return new RedisDocumentStore(client);
    } catch (RedisException e) {
      client.shutdown();
      throw new StoreUnavailableException(
          "cannot connect to Redis at " + redisUri.getHost() + ":" + redisUri.getPort(), e);
    }
  }

  @Override
  public Map<String, VersionedDocument> read(List<String> keys, List<String> hashKeys) {
    List<String> redisKeys = new ArrayList<>(keys.size() + hashKeys.size());
    List<String> kinds = new ArrayList<>(keys.size() + hashKeys.size());
    for (String key : keys) {
      Optional<HashField> field = HashField.parse(key);
      redisKeys.add(field.map(HashField::hash).orElse(key));
      kinds.add(field.map(f -> "f" + f.field()).orElse("d"));
    }
    for (String hashKey : hashKeys) {
      redisKeys.add(hashKey);
      kinds.add("h");
    }
    List<String> flat = readScript.run(redisKeys, kinds, false);
    Map<String, VersionedDocument> result = new LinkedHashMap<>();
    int at = 0;
    for (String key : keys) {
      if (HashField.parse(key).isPresent()) {
        result.put(key, fieldDocument(key, flat.get(at++)));
      } else {
        long version = Long.parseLong(flat.get(at++));
        String text = flat.get(at++);
        result.put(
            key,
            version == 0 || text.isEmpty()
                ? VersionedDocument.absent(key)
                : new VersionedDocument(key, version, text));
      }
    }
    for (String hashKey : hashKeys) {
      int fields = Integer.parseInt(flat.get(at++));
      String versionKey = HashField.versionOf(hashKey).key();
      result.put(versionKey, VersionedDocument.absent(versionKey));
      for (int i = 0; i < fields; i++) {
        String key = new HashField(hashKey, flat.get(at++)).key();
        result.put(key, fieldDocument(key, flat.get(at++)));
      }
    }
    return result;
  }

  /** A field document from its raw value {@code version:json} (the hash's version: no JSON). */
  private static VersionedDocument fieldDocument(String key, String raw) {
    if (raw == null || raw.isEmpty()) {
      return VersionedDocument.absent(key);
    }
    int colon = raw.indexOf(':');
    return colon < 0
        ? new VersionedDocument(key, Long.parseLong(raw), null)
        : new VersionedDocument(
            key, Long.parseLong(raw.substring(0, colon)), raw.substring(colon + 1));
  }

  @Override
  public Set<String> members(String setKey) {
    try {
      return new HashSet<>(connection.sync().smembers(setKey));
    } catch (RedisException e) {
      throw new StoreUnavailableException("Redis did not answer", e);
    }
  }

  @Override
  public boolean commit(Map<String, Long> expectedVersions, List<DocumentWrite> writes) {
    List<String> keys = new ArrayList<>();
    keys.add(VERSION_COUNTER);
    keys.add(COMMIT_MARKER + UUID.randomUUID());
    ObjectNode spec = json.createObjectNode();
    spec.put("t", COMMIT_MARKER_TTL.toMillis());
    ArrayNode checks = spec.putArray("c");
    expectedVersions.forEach(
        (key, version) -> {
          Optional<HashField> field = HashField.parse(key);
          ArrayNode check = checks.addArray();
          check.add(indexOf(keys, field.map(HashField::hash).orElse(key))).add(version);
          field.ifPresent(f -> check.add(f.field()));
        });
    ArrayNode ops = spec.putArray("w");
    for (DocumentWrite write : writes) {
      Optional<HashField> field =
          write instanceof DocumentWrite.Put put
              ? HashField.parse(put.key())
              : write instanceof DocumentWrite.Delete delete
                  ? HashField.parse(delete.key())
                  : Optional.empty();
      if (field.isPresent()) {
        if (field.get().isVersion()) {
          throw new IllegalArgumentException("a hash's version is not written directly");
        }
        ArrayNode op =
            ops.addArray()
                .add(write instanceof DocumentWrite.Put ? "hput" : "hdel")
                .add(indexOf(keys, field.get().hash()))
                .add(field.get().field());
        if (write instanceof DocumentWrite.Put put) {
          if (put.ttlMillis() > 0) {
            throw new IllegalArgumentException("a hash field has no time to live");
          }
          op.add(put.json());
        }
      } else if (write instanceof DocumentWrite.Put put) {
        ops.addArray()
            .add("put")
            .add(indexOf(keys, put.key()))
            .add(put.json())
            .add(put.ttlMillis());
      } else if (write instanceof DocumentWrite.Delete delete) {
        ops.addArray().add("del").add(indexOf(keys, delete.key()));
      } else if (write instanceof DocumentWrite.AddMember add) {
        ops.addArray().add("sadd").add(indexOf(keys, add.setKey())).add(add.member());
      } else if (write instanceof DocumentWrite.RemoveMember remove) {
        ops.addArray().add("srem").add(indexOf(keys, remove.setKey())).add(remove.member());
      } else if (write instanceof DocumentWrite.Publish publish) {
        ops.addArray().add("pub").add(publish.channel()).add(publish.message());
      }
    }
    String encoded;
    try {
      encoded = json.writeValueAsString(spec);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    List<String> result = commitScript.run(keys, List.of(encoded), true);
    return "1".equals(result.get(0));
  }

  @Override
  public Subscription subscribe(String channel, Consumer<String> listener) {
    RedisSubscription subscription = new RedisSubscription(channel, listener);
    synchronized (subscriptions) {
      List<RedisSubscription> list =
          subscriptions.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>());
      if (list.isEmpty()) {
        try {
          pubSub.sync().subscribe(channel);
        } catch (RedisException e) {
          throw new StoreUnavailableException("cannot subscribe in Redis", e);
        }
      }
      list.add(subscription);
    }
    return subscription;
  }

  @Override
  public boolean ping() {
    try {
      return "PONG".equals(connection.sync().ping());
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close() {
    subscriptions.values().forEach(list -> list.forEach(s -> s.delivery.stop()));
    subscriptions.clear();
    try {
      pubSub.close();
      connection.close();
    } finally {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
  }

  private static int indexOf(List<String> keys, String key) {
    int index = keys.indexOf(key);
    if (index < 0) {
      keys.add(key);
      index = keys.size() - 1;
    }
    return index + 1; // Lua arrays start at 1
  }

  private static String loadScript(String name) {
    try (InputStream in = RedisDocumentStore.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing script " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A Lua script run by its digest, re-sent whole when Redis does not know it (e.g. after a Redis
   * restart).
   */
  private final class LuaScript {
    private final String source;
    private volatile String digest;

    LuaScript(String source) {
      this.source = source;
    }

    /**
     * @param writes whether the script changes data: if so, a failure after it may have reached
     *     Redis (a lost or late answer) leaves the outcome unknown, which callers must not report
     *     as "nothing changed"
     */
    List<String> run(List<String> keys, List<String> args, boolean writes) {
      String[] keyArray = keys.toArray(String[]::new);
      String[] argArray = args.toArray(String[]::new);
      try {
        try {
          if (digest == null) {
            digest = connection.sync().scriptLoad(source);
          }
          return toStrings(
              connection.sync().evalsha(digest, ScriptOutputType.MULTI, keyArray, argArray));
        } catch (RedisNoScriptException e) {
          digest = null;
          return toStrings(
              connection.sync().eval(source, ScriptOutputType.MULTI, keyArray, argArray));
        }
      } catch (RedisException e) {
        boolean mayHaveRun =
            writes
                && !(e instanceof RedisConnectionException)
                && !(e instanceof RedisCommandExecutionException);
        throw new StoreUnavailableException(
            mayHaveRun ? "Redis did not confirm a change" : "Redis did not answer", e, mayHaveRun);
      }
    }

    private List<String> toStrings(List<Object> values) {
      List<String> strings = new ArrayList<>(values.size());
      for (Object value : values) {
        strings.add(value == null ? null : value.toString());
      }
      return strings;
    }
  }

  private final class RedisSubscription implements Subscription {
    private final String channel;
    private final OrderedDelivery delivery;

    RedisSubscription(String channel, Consumer<String> listener) {
      this.channel = channel;
      this.delivery = new OrderedDelivery(channel, listener);
    }

    void deliver(String message) {
      delivery.deliver(message);
    }

    @Override
    public void close() {
      synchronized (subscriptions) {
        List<RedisSubscription> list = subscriptions.get(channel);
        if (list != null && list.remove(this) && list.isEmpty()) {
          try {
            pubSub.sync().unsubscribe(channel);
          } catch (RedisException e) {
            log.debug("Could not unsubscribe from {}", channel, e);
          }
        }
      }
      delivery.stop();
    }
  }
}
