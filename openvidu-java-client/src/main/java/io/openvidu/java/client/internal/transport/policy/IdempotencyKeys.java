package io.openvidu.java.client.internal.transport.policy;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The {@code Idempotency-Key} of a POST: a random version-4 UUID, one per logical call.
 *
 * <p>A key has to be unique, not secret. The server replays a stored answer only to a request that
 * carries the key and is authenticated with the OpenVidu secret, which already allows any call; a
 * guessed key gains nothing. A collision, on the other hand, would hand one call the answer to
 * another, so the key keeps 122 random bits. They come from {@link ThreadLocalRandom} rather than
 * {@link UUID#randomUUID()}, whose secure generator takes a global lock and reads the operating
 * system's entropy (a microsecond or more per POST, serialising concurrent callers). A per-process
 * salt drawn once from {@link SecureRandom} keeps two processes whose per-thread seeds happened to
 * coincide (they derive from the clock) from producing the same keys.
 *
 * <p>Thread-safe and lock-free.
 */
public final class IdempotencyKeys {

  private static final long SALT = new SecureRandom().nextLong();
  private static final long VERSION_MASK = 0xFFFF_FFFF_FFFF_0FFFL;
  private static final long VERSION_4 = 0x0000_0000_0000_4000L;
  private static final long VARIANT_MASK = 0x3FFF_FFFF_FFFF_FFFFL;
  private static final long VARIANT_IETF = 0x8000_0000_0000_0000L;

  private IdempotencyKeys() {}

  /**
   * @return a fresh key such as {@code 3b241101-e2bb-4255-8caf-4136c566a962}
   */
  public static String next() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() ^ SALT) & VERSION_MASK | VERSION_4;
    long low = random.nextLong() & VARIANT_MASK | VARIANT_IETF;
    return new UUID(high, low).toString();
  }
}
