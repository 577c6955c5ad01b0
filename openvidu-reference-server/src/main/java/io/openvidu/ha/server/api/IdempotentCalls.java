package io.openvidu.ha.server.api;

import io.javalin.http.Context;
import io.openvidu.ha.server.store.ClusterStore;
import io.openvidu.ha.server.store.IdempotencyRecord;
import io.openvidu.ha.server.store.Transaction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs the store transaction of a POST and honours its {@code Idempotency-Key} header (an extension
 * of ours; real OpenVidu ignores it). The response to the first request with a key is stored in the
 * same transaction as the request's side effect, so there is never one without the other. A repeat
 * with the same key and the same request (method, path, query and body) gets that response
 * replayed, on any master, marked with {@value ApiResponse#REPLAYED_HEADER}; the same key with a
 * different request gets a 422. Two concurrent requests with one key cannot both commit (both read
 * the absent record, only one write of it succeeds), so the loser is retried by the store, finds
 * the winner's record and replays it. Thread-safe.
 */
public final class IdempotentCalls {
  /** The request header carrying the key. */
  public static final String HEADER = "Idempotency-Key";

  /**
   * The response header, on every answer under {@code /openvidu/api}, that announces that this
   * server honours {@value #HEADER}: a client may then repeat a POST whose outcome it does not know
   * (its SDK trusts keys on an endpoint once that endpoint sent it). Real OpenVidu never sends it.
   */
  public static final String HONOURED_HEADER = "Idempotency-Key-Honoured";

  private static final int MAX_KEY_LENGTH = 255;

  private final ClusterStore store;
  private final Duration ttl;

  public IdempotentCalls(ClusterStore store, Duration ttl) {
    this.store = store;
    this.ttl = ttl;
  }

  /**
   * Runs {@code work} in one transaction and sends its response. An {@link ApiException} thrown by
   * {@code work} becomes the response (and is recorded for the key); whatever {@code work} staged
   * before throwing is dropped.
   */
  public void run(Context ctx, Function<Transaction, ApiResponse> work) {
    execute(ctx, work).send(ctx);
  }

  /**
   * Runs {@code work} as {@link #run} does but leaves sending the answer to the caller, for calls
   * whose side effect goes on after its transaction (a recording's launch): the recorded response
   * is the one the call gives once that is over, and the caller sends it then.
   */
  public Answer execute(Context ctx, Function<Transaction, ApiResponse> work) {
    String key = ctx.header(HEADER);
    String path = ctx.path();
    if (key == null) {
      return new Answer(store.atomically(tx -> answer(tx, work, path)), false);
    }
    requireValid(key);
    String fingerprint = fingerprint(ctx);
    return store.atomically(
        tx -> {
          Optional<IdempotencyRecord> previous = tx.idempotency().find(key);
          if (previous.isPresent()) {
            return previous.get().fingerprint().equals(fingerprint)
                ? new Answer(toResponse(previous.get()), true)
                : new Answer(
                    ApiException.json(
                            422,
                            "Idempotency-Key '"
                                + key
                                + "' was already used with a different request")
                        .toResponse(path),
                    false);
          }
          ApiResponse fresh = answer(tx, work, path);
          tx.idempotency()
              .record(
                  new IdempotencyRecord(
                      key,
                      fingerprint,
                      fresh.status(),
                      fresh.contentType(),
                      fresh.body(),
                      System.currentTimeMillis()),
                  ttl);
          return new Answer(fresh, false);
        });
  }

  private static ApiResponse answer(
      Transaction tx, Function<Transaction, ApiResponse> work, String path) {
    try {
      return work.apply(tx);
    } catch (ApiException e) {
      tx.discardStagedWrites();
      return e.toResponse(path);
    }
  }

  private static void requireValid(String key) {
    if (key.isEmpty()
        || key.length() > MAX_KEY_LENGTH
        || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw ApiException.json(
          400,
          "Header " + HEADER + " must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters");
    }
  }

  private static String fingerprint(Context ctx) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      String query = ctx.queryString() == null ? "" : ctx.queryString();
      digest.update(
          (ctx.method().name() + "\n" + ctx.path() + "\n" + query + "\n")
              .getBytes(StandardCharsets.UTF_8));
      digest.update(RequestText.bytes(ctx));
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static ApiResponse toResponse(IdempotencyRecord record) {
    return new ApiResponse(record.status(), record.contentType(), record.body());
  }

  /**
   * The response of a call and whether it was replayed from an idempotency record (it is then sent
   * marked with {@value ApiResponse#REPLAYED_HEADER}).
   */
  public record Answer(ApiResponse response, boolean replayed) {

    /** Sends the response. */
    public void send(Context ctx) {
      if (replayed) {
        ctx.header(ApiResponse.REPLAYED_HEADER, "true");
      }
      response.send(ctx);
    }
  }
}
