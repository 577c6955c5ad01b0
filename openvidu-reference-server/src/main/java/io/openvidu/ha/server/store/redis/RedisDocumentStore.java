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
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.openvidu.ha.server.store.DocumentStore;
import io.openvidu.ha.server.store.DocumentStore.Message;
import io.openvidu.ha.server.store.DocumentStore.Snapshot;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * answer as the first did. Over Redis Sentinel it asks the sentinels for the primary at each
 * (re)connection, so it follows a failover by itself; a commit is then acknowledged only once a
 * replica has it ({@code WAIT 1}) and the primary answering after the wait still holds its marker,
 * so the death of a primary loses no acknowledged commit. When the primary has no replica connected
 * (the last one died, or was promoted), commits are acknowledged without one. Commits waiting for a
 * replica go over a few connections of their own, because {@code WAIT} holds up every later command
 * of its connection. A call that cannot reach Redis within the command timeout fails with {@link
 * StoreUnavailableException}; for a commit whose answer was lost after it may have reached Redis
 * (connection reset, timeout), the exception says the outcome is unknown. Thread-safe.
 */
public final class RedisDocumentStore implements DocumentStore {
  private static final Logger log = LoggerFactory.getLogger(RedisDocumentStore.class);
  private static final String VERSION_COUNTER = "openvidu-ha:version";

  /**
   * Marks an applied commit, so that a copy of it that Lettuce sends again after a reconnection
   * answers as the first did; kept far longer than a reconnection takes.
   */
  private static final String COMMIT_MARKER = "openvidu-ha:commit:";

  private static final Duration COMMIT_MARKER_TTL = Duration.ofMinutes(5);

  /** How long a commit waits for a replica's acknowledgement before checking that one exists. */
  private static final Duration REPLICA_ACK_TIMEOUT = Duration.ofSeconds(1);

  private static final int COMMIT_LANES = 4;

  private static final Duration REPLICAS_RECHECK = Duration.ofSeconds(1);

  private final RedisClient client;
  private final ClientResources resources;
  private final StatefulRedisConnection<String, String> connection;
  private final List<StatefulRedisConnection<String, String>> commitLanes;
  private final AtomicInteger nextLane = new AtomicInteger();
  private final int replicaAcks;
  private volatile boolean replicasSeen = true;
  private volatile long replicasCheckedAt = System.nanoTime() - REPLICAS_RECHECK.toNanos() - 1;
  private final StatefulRedisPubSubConnection<String, String> pubSub;
  private final ObjectMapper json = new ObjectMapper();
  private final LuaScript commitScript;
  private final LuaScript readScript;
  private final Map<String, List<RedisSubscription>> subscriptions = new ConcurrentHashMap<>();

  private RedisDocumentStore(RedisClient client, ClientResources resources, int replicaAcks) {
    this.client = client;
    this.resources = resources;
    this.replicaAcks = replicaAcks;
    this.connection = client.connect();
    List<StatefulRedisConnection<String, String>> lanes = new ArrayList<>();
    for (int i = 0; replicaAcks > 0 && i < COMMIT_LANES; i++) {
      lanes.add(client.connect());
    }
    this.commitLanes = List.copyOf(lanes);
    this.pubSub = client.connectPubSub();
    this.commitScript = new LuaScript(loadScript("commit.lua"));
    this.readScript = new LuaScript(loadScript("read.lua"));
    pubSub.addListener(
        new RedisPubSubAdapter<>() {
          @Override
          public void message(String channel, String message) {
            // commit.lua publishes 'position:message'.
            int colon = message.indexOf(':');
            Message positioned =
                new Message(
                    Long.parseLong(message.substring(0, colon)), message.substring(colon + 1));
            subscriptions.getOrDefault(channel, List.of()).forEach(s -> s.deliver(positioned));
          }
        });
  }

  /**
   * Connects to the Redis at {@code uri}: {@code redis://host:port} (optionally with a password or
   * a database), or a Redis Sentinel group {@code redis-sentinel://host:port[,host:port...]/MASTER}
   * (see {@link RedisStoreUri}), whose commits then wait for a replica.
   *
   * @throws StoreUnavailableException when Redis cannot be reached
   * @throws IllegalArgumentException when {@code uri} is not a Redis URI
   */
  public static RedisDocumentStore connect(String uri) {
    RedisURI redisUri = RedisStoreUri.parse(uri);
    return connect(redisUri, redisUri.getSentinels().isEmpty() ? 0 : 1);
  }

  /**
   * Connects to {@code redisUri}; commits are acknowledged once {@code replicaAcks} replicas (0 or
   * 1) have them, when the primary has replicas.
   */
  public static RedisDocumentStore connect(RedisURI redisUri, int replicaAcks) {
    if (replicaAcks < 0 || replicaAcks > 1) {
      throw new IllegalArgumentException("replicaAcks must be 0 or 1");
    }
    // Lettuce's default backoff grows to 30 s: a store must find its (new) primary within a second.
    ClientResources resources =
        ClientResources.builder()
            .reconnectDelay(
                Delay.exponential(
                    Duration.ofMillis(10), Duration.ofMillis(500), 2, TimeUnit.MILLISECONDS))
            .build();
    RedisClient client = RedisClient.create(resources, redisUri);
    try {
      return new RedisDocumentStore(client, resources, replicaAcks);
    } catch (RedisException e) {
      client.shutdown();
      resources.shutdown();
      throw new StoreUnavailableException(
          "cannot connect to Redis at " + RedisStoreUri.describe(redisUri), e);
    }
  }

  @Override
  public Map<String, VersionedDocument> read(List<String> keys, List<String> hashKeys) {
    return read(keys, hashKeys, false).documents();
  }

  @Override
  public Snapshot snapshot(List<String> keys, List<String> hashKeys) {
    return read(keys, hashKeys, true);
  }

  private Snapshot read(List<String> keys, List<String> hashKeys, boolean withPosition) {
    List<String> redisKeys = new ArrayList<>(keys.size() + hashKeys.size() + 1);
    List<String> kinds = new ArrayList<>(keys.size() + hashKeys.size() + 1);
    for (String key : keys) {
      Optional<HashField> field = HashField.parse(key);
      redisKeys.add(field.map(HashField::hash).orElse(key));
      kinds.add(field.map(f -> "f" + f.field()).orElse("d"));
    }
    for (String hashKey : hashKeys) {
      redisKeys.add(hashKey);
      kinds.add("h");
    }
    if (withPosition) {
      redisKeys.add(VERSION_COUNTER);
      kinds.add("c");
    }
    List<String> flat = readScript.run(connection, redisKeys, kinds, false);
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
    return new Snapshot(result, withPosition ? Long.parseLong(flat.get(at)) : 0);
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
      } else if (write instanceof DocumentWrite.Append append) {
        ops.addArray().add("app").add(indexOf(keys, append.hash())).add(append.json());
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
    if (replicaAcks == 0) {
      return "1".equals(commitScript.run(connection, keys, List.of(encoded), true).get(0));
    }
    StatefulRedisConnection<String, String> lane =
        commitLanes.get(Math.floorMod(nextLane.getAndIncrement(), commitLanes.size()));
    if (!"1".equals(commitScript.run(lane, keys, List.of(encoded), true).get(0))) {
      return false;
    }
    confirmReplicated(lane, keys.get(1));
    return true;
  }

  /**
   * Returns once the commit whose marker is {@code marker} is on a replica (or no replica is
   * connected) and the primary answering now still has it, which catches a {@code WAIT} that
   * Lettuce sent again to a new primary after the one holding the commit died unreplicated.
   */
  private void confirmReplicated(StatefulRedisConnection<String, String> lane, String marker) {
    try {
      boolean replicated =
          !hasReplicas(lane, false)
              || lane.sync().waitForReplication(replicaAcks, REPLICA_ACK_TIMEOUT.toMillis())
                  >= replicaAcks
              || !hasReplicas(lane, true);
      if (replicated && lane.sync().exists(marker) == 1) {
        return;
      }
    } catch (RedisException e) {
      throw new StoreUnavailableException("Redis did not confirm a change", e, true);
    }
    throw new StoreUnavailableException("no replica confirmed a change", null, true);
  }

  /**
   * Whether the primary lists a connected replica ({@code ROLE}), asked at most every {@link
   * #REPLICAS_RECHECK} unless {@code fresh}: a primary without replicas (after its only replica was
   * promoted away from it, say) must not cost every commit a wait for nobody. A replica attaching
   * in between gets everything by its full synchronisation anyway.
   */
  private boolean hasReplicas(StatefulRedisConnection<String, String> lane, boolean fresh) {
    long now = System.nanoTime();
    if (fresh || now - replicasCheckedAt > REPLICAS_RECHECK.toNanos()) {
      List<Object> role = lane.sync().role();
      replicasSeen =
          role.size() > 2 && role.get(2) instanceof List<?> replicas && !replicas.isEmpty();
      replicasCheckedAt = now;
    }
    return replicasSeen;
  }

  @Override
  public Subscription subscribe(String channel, Consumer<Message> listener) {
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
      commitLanes.forEach(StatefulRedisConnection::close);
    } finally {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      resources.shutdown(0, 2, TimeUnit.SECONDS);
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
    List<String> run(
        StatefulRedisConnection<String, String> connection,
        List<String> keys,
        List<String> args,
        boolean writes) {
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
    private final OrderedDelivery<Message> delivery;

    RedisSubscription(String channel, Consumer<Message> listener) {
      this.channel = channel;
      this.delivery = new OrderedDelivery<>(channel, listener);
    }

    void deliver(Message message) {
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
