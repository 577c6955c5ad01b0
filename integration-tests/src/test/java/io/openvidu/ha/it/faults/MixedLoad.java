package io.openvidu.ha.it.faults;

import io.openvidu.java.client.Connection;
import io.openvidu.java.client.ConnectionProperties;
import io.openvidu.java.client.OpenVidu;
import io.openvidu.java.client.OpenViduException;
import io.openvidu.java.client.RecordingProperties;
import io.openvidu.java.client.Session;
import io.openvidu.java.client.SessionProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A backend's traffic: threads making a mix of SDK calls through one shared {@link OpenVidu} until stopped, every
 * write tagged and entered in the {@link Ledger} once acknowledged (or its tag noted as failed), every call timed in
 * the {@link CallLog}. Each thread works on sessions of its own (at most a few live at a time), so that no call fails
 * because another thread changed what it works on: any failure is the fault's.
 *
 * <p>The mix per step: create a session with a custom id, or without one (tagged by its default recording name);
 * create a connection; revoke a pending connection; close a session; read a session back.
 */
final class MixedLoad implements AutoCloseable {
  private static final int LIVE_SESSIONS_PER_THREAD = 4;

  private final OpenVidu client;
  private final Ledger ledger;
  private final CallLog log;
  private final String runTag;
  private final ExecutorService threads;
  private final List<Future<?>> workers = new ArrayList<>();
  private volatile boolean running;

  /**
   * @param runTag prefix of every tag, unique per run (e.g. {@code f-kill}), so that this run's entities are
   *     recognisable among everything else in the cluster
   */
  MixedLoad(OpenVidu client, Ledger ledger, CallLog log, String runTag, int threadCount) {
    this.client = client;
    this.ledger = ledger;
    this.log = log;
    this.runTag = runTag;
    this.threads = Executors.newFixedThreadPool(threadCount, r -> new Thread(r, "load-" + runTag));
    for (int i = 0; i < threadCount; i++) {
      workers.add(null);
    }
  }

  void start() {
    running = true;
    for (int i = 0; i < workers.size(); i++) {
      Worker worker = new Worker(i);
      workers.set(i, threads.submit(worker::run));
    }
  }

  /** Ends the load: each thread finishes its current call (bounded by the client's call timeout) and stops. */
  void stop() throws Exception {
    running = false;
    for (Future<?> worker : workers) {
      worker.get(2, TimeUnit.MINUTES);
    }
  }

  @Override
  public void close() {
    running = false;
    threads.shutdownNow();
  }

  /** One thread's work and the sessions it owns. */
  private final class Worker {
    private final int index;
    private final Random random;
    private final List<Session> live = new ArrayList<>();
    private final List<String> pending = new ArrayList<>();
    private int sequence;

    Worker(int index) {
      this.index = index;
      this.random = new Random(index * 7919L + runTag.hashCode());
    }

    void run() {
      while (running) {
        int dice = random.nextInt(100);
        if (live.isEmpty() || dice < 15) {
          createSessionWithCustomId();
        } else if (dice < 25) {
          createSessionWithoutCustomId();
        } else if (dice < 55) {
          createConnection(anyLive());
        } else if (dice < 65 && !pending.isEmpty()) {
          revokeConnection();
        } else if (dice < 75 || live.size() > LIVE_SESSIONS_PER_THREAD) {
          closeSession(live.get(0));
        } else {
          fetch(anyLive());
        }
      }
    }

    private String nextTag() {
      return runTag + "-t" + index + "-" + (++sequence);
    }

    private Session anyLive() {
      return live.get(random.nextInt(live.size()));
    }

    private void createSessionWithCustomId() {
      String tag = nextTag();
      Session session = creation("createSession", tag, tag,
          () -> client.createSession(new SessionProperties.Builder().customSessionId(tag).build()));
      if (session != null) {
        ledger.sessionCreated(tag, session.getSessionId());
        live.add(session);
      }
    }

    private void createSessionWithoutCustomId() {
      String tag = nextTag();
      Session session = creation("createSession(generated id)", tag, tag, () -> client.createSession(
          new SessionProperties.Builder().defaultRecordingProperties(new RecordingProperties.Builder().name(tag)
              .build()).build()));
      if (session != null) {
        ledger.sessionCreated(tag, session.getSessionId());
        live.add(session);
      }
    }

    private void createConnection(Session session) {
      String tag = nextTag();
      Connection connection = creation("createConnection", session.getSessionId() + "/" + tag, tag,
          () -> session.createConnection(new ConnectionProperties.Builder().data(tag).build()));
      if (connection != null) {
        ledger.connectionCreated(tag, session.getSessionId(), connection.getConnectionId());
        pending.add(session.getSessionId() + "/" + connection.getConnectionId());
      }
    }

    private void revokeConnection() {
      String[] ids = pending.remove(random.nextInt(pending.size())).split("/");
      Session session = live.stream().filter(s -> s.getSessionId().equals(ids[0])).findFirst().orElse(null);
      if (session == null) {
        return; // closed meanwhile: its connections went with it
      }
      boolean done = call("forceDisconnect", ids[0] + "/" + ids[1], () -> {
        session.forceDisconnect(ids[1]);
        return Boolean.TRUE;
      }) != null;
      if (done) {
        ledger.connectionRevoked(ids[1]);
      } else {
        ledger.connectionRevocationFailed(ids[1]);
      }
    }

    private void closeSession(Session session) {
      live.remove(session);
      pending.removeIf(entry -> entry.startsWith(session.getSessionId() + "/"));
      boolean done = call("closeSession", session.getSessionId(), () -> {
        session.close();
        return Boolean.TRUE;
      }) != null;
      if (done) {
        ledger.sessionClosed(session.getSessionId());
      } else {
        ledger.sessionCloseFailed(session.getSessionId());
      }
    }

    private void fetch(Session session) {
      call("fetchSession", session.getSessionId(), session::fetch);
    }

    private <T> T creation(String operation, String subject, String tag, SdkCall<T> call) {
      T result = call(operation, subject, call);
      if (result == null) {
        ledger.creationFailed(tag);
      }
      return result;
    }

    /** Makes the call and logs it; returns null when it failed. */
    private <T> T call(String operation, String subject, SdkCall<T> call) {
      long start = System.nanoTime();
      try {
        T result = call.run();
        log.add(new CallLog.Call(operation, subject, start, System.nanoTime() - start, null));
        return result;
      } catch (OpenViduException | RuntimeException e) {
        log.add(new CallLog.Call(operation, subject, start, System.nanoTime() - start, e));
        return null;
      }
    }
  }

  /** An SDK call. */
  @FunctionalInterface
  interface SdkCall<T> {
    T run() throws OpenViduException;
  }
}
