package io.openvidu.examples.demo;

import io.openvidu.java.client.ConnectionProperties;
import io.openvidu.java.client.OpenVidu;
import io.openvidu.java.client.OpenViduRole;
import io.openvidu.java.client.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Backend traffic without pause: each worker thread creates a session, two connections (tokens for
 * a publisher and a subscriber), reads the session back and closes it, again and again until {@link
 * #stop()}. A failed call is counted by {@link DemoStats} and the worker starts over with a new
 * session.
 */
final class SessionTraffic {
  private static final ConnectionProperties PUBLISHER =
      new ConnectionProperties.Builder().role(OpenViduRole.PUBLISHER).build();
  private static final ConnectionProperties SUBSCRIBER =
      new ConnectionProperties.Builder().role(OpenViduRole.SUBSCRIBER).build();

  private final OpenVidu openVidu;
  private final DemoStats stats;
  private final List<Thread> workers = new ArrayList<>();
  private final LongAdder created = new LongAdder();
  private final LongAdder closed = new LongAdder();
  private volatile boolean running = true;

  SessionTraffic(OpenVidu openVidu, DemoStats stats, int workers) {
    this.openVidu = openVidu;
    this.stats = stats;
    for (int i = 0; i < workers; i++) {
      this.workers.add(new Thread(this::work, "demo-traffic-" + (i + 1)));
    }
  }

  void start() {
    workers.forEach(Thread::start);
  }

  /** Stops every worker after its current call and waits for them. */
  void stop() throws InterruptedException {
    running = false;
    for (Thread worker : workers) {
      worker.join();
    }
  }

  long sessionsCreated() {
    return created.sum();
  }

  long sessionsClosed() {
    return closed.sum();
  }

  private void work() {
    while (running) {
      try {
        Session session = stats.call("createSession", openVidu::createSession);
        created.increment();
        stats.call("createConnection", () -> session.createConnection(PUBLISHER));
        stats.call("createConnection", () -> session.createConnection(SUBSCRIBER));
        stats.call("fetch session", session::fetch);
        stats.call(
            "closeSession",
            () -> {
              session.close();
              return null;
            });
        closed.increment();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        // Counted and told by DemoStats; go on with a new session.
      }
    }
  }
}
