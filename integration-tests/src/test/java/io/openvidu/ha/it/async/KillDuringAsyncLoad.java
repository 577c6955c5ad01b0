package io.openvidu.ha.it.async;

import io.openvidu.ha.server.testing.OpenViduClusterExtension;
import io.openvidu.java.client.OpenVidu;
import io.openvidu.java.client.Session;
import io.openvidu.java.client.transport.AttemptFailure;
import io.openvidu.java.client.transport.OpenViduEventListener;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link AsyncMasterKillTest}'s load, apart from the test class: it uses types only our SDK has,
 * which the official client's surefire execution must not load while it discovers the test.
 */
final class KillDuringAsyncLoad {

  /** What the load saw, in JDK types. */
  record Outcome(
      int attemptsFailedOnVictim,
      List<Throwable> failures,
      Set<String> created,
      Set<String> onCluster) {}

  private KillDuringAsyncLoad() {}

  /**
   * Sends {@code calls} asynchronous {@code createSession}s from this thread and kills master 0
   * when a third have answered; then lists the sessions the cluster holds.
   */
  static Outcome run(OpenViduClusterExtension cluster, int calls) throws Exception {
    String victim = cluster.urlList().get(0);
    AtomicInteger failedOnVictim = new AtomicInteger();
    ExecutorService callbacks = Executors.newFixedThreadPool(2);
    try (OpenVidu openVidu =
        new OpenVidu.Builder()
            .endpoints(cluster.urlList().toArray(new String[0]))
            .secret(cluster.secret())
            .asyncExecutor(callbacks)
            .eventListener(
                new OpenViduEventListener() {
                  @Override
                  public void attemptFailed(AttemptFailure failure) {
                    if (failure.endpoint().equals(victim)) {
                      failedOnVictim.incrementAndGet();
                    }
                  }
                })
            .build()) {
      AtomicInteger completed = new AtomicInteger();
      List<CompletableFuture<Session>> futures = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        CompletableFuture<Session> call = openVidu.async().createSession();
        call.whenComplete(
            (session, failure) -> {
              if (completed.incrementAndGet() == calls / 3) {
                // A third answered, the rest in flight (on the wire or queued for it): now.
                cluster.master(0).kill();
              }
            });
        futures.add(call);
      }
      CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0]))
          .handle((done, failure) -> null)
          .get(90, TimeUnit.SECONDS);

      List<Throwable> failures = new ArrayList<>();
      Set<String> created = new HashSet<>();
      for (CompletableFuture<Session> call : futures) {
        call.handle(
                (session, failure) -> {
                  if (failure != null) {
                    failures.add(failure);
                  } else {
                    created.add(session.getSessionId());
                  }
                  return null;
                })
            .join();
      }
      Set<String> onCluster = new HashSet<>();
      try (OpenVidu auditor = new OpenVidu(cluster.urls(), cluster.secret())) {
        auditor.fetch();
        auditor.getActiveSessions().forEach(session -> onCluster.add(session.getSessionId()));
      }
      return new Outcome(failedOnVictim.get(), failures, created, onCluster);
    } finally {
      callbacks.shutdownNow();
    }
  }
}
