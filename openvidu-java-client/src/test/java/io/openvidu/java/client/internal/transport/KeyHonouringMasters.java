package io.openvidu.java.client.internal.transport;

import io.openvidu.java.client.transport.IdempotencyKeyTrust;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * Mock masters that share one store and honour {@code Idempotency-Key} as the reference cluster
 * does: the first POST with a key acts (one side effect, counted) and its answer is stored; any
 * later POST with that key, on any of the masters, gets the stored answer and acts on nothing.
 * Every answer announces it. A master can be frozen: it reads its writes (POST, PATCH, DELETE) and
 * answers them only once thawed, as a master stopped with SIGSTOP and resumed does. A DELETE acts
 * (one side effect) and answers 204 the first time for its path, 404 after; a PATCH answers {@code
 * 200 {}}. Thread-safe.
 */
final class KeyHonouringMasters {

  private final Map<String, String> answers = new ConcurrentHashMap<>();
  private final BlockingQueue<String> sideEffects = new LinkedBlockingQueue<>();
  private final java.util.Set<String> deleted = new java.util.HashSet<>(); // guarded by this
  private int processed; // guarded by this

  /** A master of this cluster, named {@code name} in the answers it gives. */
  Master master(String name) {
    return new Master(name);
  }

  /** How many writes acted. */
  int sideEffects() {
    return sideEffects.size();
  }

  /**
   * Waits until {@code count} POSTs and DELETEs in all were processed (acted or not), up to five
   * seconds.
   */
  synchronized void awaitProcessed(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (processed < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("only " + processed + " POSTs processed within five seconds");
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  /**
   * @return whether the path was there to delete (and now is not)
   */
  private synchronized boolean delete(String path) {
    processed++;
    notifyAll();
    if (!deleted.add(path)) {
      return false;
    }
    sideEffects.add(path);
    return true;
  }

  private synchronized String act(String key, String master) {
    processed++;
    notifyAll();
    String stored = answers.get(key);
    if (stored != null) {
      return stored;
    }
    sideEffects.add(key);
    String answer = "{\"actedOn\":\"" + master + "\"}";
    answers.put(key, answer);
    return answer;
  }

  /** One master: GETs answered at once, writes held while it is frozen. */
  final class Master extends Dispatcher {
    private final String name;
    private final CountDownLatch thawed = new CountDownLatch(1);
    private final BlockingQueue<String> writesRead = new LinkedBlockingQueue<>();
    private volatile boolean frozen;

    private Master(String name) {
      this.name = name;
    }

    /** From now on writes are read and held, unanswered. */
    Master frozen() {
      frozen = true;
      return this;
    }

    /** Processes and answers the writes held, and every later one at once. */
    void thaw() {
      thawed.countDown();
    }

    /**
     * Waits until a write has been read by this master, up to five seconds.
     *
     * @return its method
     */
    String awaitWrite() throws InterruptedException {
      String method = writesRead.poll(5, TimeUnit.SECONDS);
      if (method == null) {
        throw new AssertionError(name + " read no write within five seconds");
      }
      return method;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
      if ("GET".equals(request.getMethod())) {
        return announcing("{}");
      }
      writesRead.add(request.getMethod());
      if (frozen) {
        thawed.await(30, TimeUnit.SECONDS);
      }
      if ("DELETE".equals(request.getMethod())) {
        return delete(request.getTarget())
            ? new MockResponse.Builder()
                .code(204)
                .addHeader(IdempotencyKeyTrust.ANNOUNCEMENT_HEADER, "true")
                .build()
            : announcing(404, "{\"status\":404}");
      }
      if (!"POST".equals(request.getMethod())) {
        return announcing("{}");
      }
      String answer = act(request.getHeaders().get("Idempotency-Key"), name);
      return announcing(answer);
    }

    @Override
    public void close() {
      thaw();
    }

    private MockResponse announcing(String body) {
      return announcing(200, body);
    }

    private MockResponse announcing(int status, String body) {
      return new MockResponse.Builder()
          .code(status)
          .body(body)
          .addHeader(IdempotencyKeyTrust.ANNOUNCEMENT_HEADER, "true")
          .build();
    }
  }
}
