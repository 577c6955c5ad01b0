package io.openvidu.ha.it.faults;

import io.openvidu.java.client.Connection;
import io.openvidu.java.client.ConnectionProperties;
import io.openvidu.java.client.OpenVidu;
import io.openvidu.java.client.OpenViduException;
import io.openvidu.java.client.Recording;
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
 * A backend's traffic: threads making a mix of SDK calls through one shared {@link OpenVidu} until
 * stopped, every write tagged and entered in the {@link Ledger} once acknowledged (or its tag noted
 * as failed), every call timed in the {@link CallLog}. Each thread works on sessions of its own (at
 * most a few live at a time), so that no call fails because another thread changed what it works
 * on: any failure is the fault's.
 *
 * <p>The mix per step: create a session with a custom id, or without one (tagged by its default
 * recording name); create a connection; revoke a pending connection; close a session; read a
 * session back; start or stop recording the thread's recordable session (one with a participant in
 * it, prepared by the caller; recordings are named by their tag). When stopped, each thread stops
 * the recording it may have left running.
 */
final class MixedLoad implements AutoCloseable {
  private static final int LIVE_SESSIONS_PER_THREAD = 4;

  private final OpenVidu client;
  private final Ledger ledger;
  private final CallLog log;
  private final String runTag;
  private final List<String> recordableSessions;
  private final ExecutorService threads;
  private final List<Future<?>> workers = new ArrayList<>();
  private volatile boolean running;

  /**
   * /**
   *
   * @param runTag prefix of every tag, unique per run (e.g. {@code f-kill}), so that this run's
   *     entities are recognisable among everything else in the cluster
   * @param recordableSessions one session per thread, each with a participant connected, for the
   *     thread to record
   */
  MixedLoad(
      OpenVidu client, Ledger ledger, CallLog log, String runTag, List<String> recordableSessions) {
    this.client = client;
    this.ledger = ledger;
    this.log = log;
    this.runTag = runTag;
    this.recordableSessions = List.copyOf(recordableSessions);
    this.threads =
        Executors.newFixedThreadPool(
            recordableSessions.size(), r -> new Thread(r, "load-" + runTag));
  }

  void start() {
    running = true;
    for (int i = 0; i < recordableSessions.size(); i++) {
      Worker worker = new Worker(i, recordableSessions.get(i));
      workers.add(threads.submit(worker::run));
    }
  }

  /**
   * Ends the load: each thread finishes its current call (bounded by the client's call timeout) and
   * stops.
   */
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
    private final String recordable;

    /** The recording this thread started on its recordable session and has not stopped, or null. */
    private String recording;

    /**
     * Whether a start or stop failed, so that whether a recording runs must be asked before the
     * next one.
     */
    private boolean recordingUnknown;

    private int sequence;

    Worker(int index, String recordable) {
      this.index = index;
      this.recordable = recordable;
      this.random = new Random(index * 7919L + runTag.hashCode());
    }

    void run() {
      while (running) {
        int dice = random.nextInt(100);
        if (live.isEmpty() || dice < 15) {
          createSessionWithCustomId();
        } else if (dice < 25) {
          createSessionWithoutCustomId();
        } else if (dice < 50) {
          createConnection(anyLive());
        } else if (dice < 58 && !pending.isEmpty()) {
          revokeConnection();
        } else if (dice < 66 || live.size() > LIVE_SESSIONS_PER_THREAD) {
          closeSession(live.get(0));
        } else if (dice < 78) {
          toggleRecording();
        } else {
          fetch(anyLive());
        }
      }
      if (recording != null || recordingUnknown) {
        if (recordingUnknown) {
          findRecording();
        }
        if (recording != null) {
          stopRecording();
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
      Session session =
          creation(
              "createSession",
              tag,
              tag,
              () ->
                  client.createSession(
                      new SessionProperties.Builder().customSessionId(tag).build()));
      if (session != null) {
        ledger.sessionCreated(tag, session.getSessionId());
        live.add(session);
      }
    }

    private void createSessionWithoutCustomId() {
      String tag = nextTag();
      Session session =
          creation(
              "createSession(generated id)",
              tag,
              tag,
              () ->
                  client.createSession(
                      new SessionProperties.Builder()
                          .defaultRecordingProperties(
                              new RecordingProperties.Builder().name(tag).build())
                          .build()));
      if (session != null) {
        ledger.sessionCreated(tag, session.getSessionId());
        live.add(session);
      }
    }

    private void createConnection(Session session) {
      String tag = nextTag();
      Connection connection =
          creation(
              "createConnection",
              session.getSessionId() + "/" + tag,
              tag,
              () -> session.createConnection(new ConnectionProperties.Builder().data(tag).build()));
      if (connection != null) {
        ledger.connectionCreated(tag, session.getSessionId(), connection.getConnectionId());
        pending.add(session.getSessionId() + "/" + connection.getConnectionId());
      }
    }

    private void revokeConnection() {
      String[] ids = pending.remove(random.nextInt(pending.size())).split("/");
      Session session =
          live.stream().filter(s -> s.getSessionId().equals(ids[0])).findFirst().orElse(null);
      if (session == null) {
        return; // closed meanwhile: its connections went with it
      }
      boolean done =
          call(
                  "forceDisconnect",
                  ids[0] + "/" + ids[1],
                  () -> {
                    session.forceDisconnect(ids[1]);
                    return Boolean.TRUE;
                  })
              != null;
      if (done) {
        ledger.connectionRevoked(ids[1]);
      } else {
        ledger.connectionRevocationFailed(ids[1]);
      }
    }

    private void closeSession(Session session) {
      live.remove(session);
      pending.removeIf(entry -> entry.startsWith(session.getSessionId() + "/"));
      boolean done =
          call(
                  "closeSession",
                  session.getSessionId(),
                  () -> {
                    session.close();
                    return Boolean.TRUE;
                  })
              != null;
      if (done) {
        ledger.sessionClosed(session.getSessionId());
      } else {
        ledger.sessionCloseFailed(session.getSessionId());
      }
    }

    private void toggleRecording() {
      if (recordingUnknown && !findRecording()) {
        return;
      }
      if (recording == null) {
        startRecording();
      } else {
        stopRecording();
      }
    }

    private void startRecording() {
      String tag = nextTag();
      Recording started =
          creation(
              "startRecording",
              recordable + "/" + tag,
              tag,
              () ->
                  client.startRecording(
                      recordable, new RecordingProperties.Builder().name(tag).build()));
      if (started != null) {
        ledger.recordingStarted(tag, recordable, started.getId());
        recording = started.getId();
      } else {
        recordingUnknown = true;
      }
    }

    private void stopRecording() {
      String id = recording;
      Recording stopped = call("stopRecording", id, () -> client.stopRecording(id));
      if (stopped != null) {
        ledger.recordingStopped(id);
        recording = null;
      } else {
        recordingUnknown = true;
      }
    }

    /** Asks which recording of its session runs, after a start or stop whose outcome is unknown. */
    private boolean findRecording() {
      List<Recording> all = call("listRecordings", recordable, client::listRecordings);
      if (all == null) {
        return false;
      }
      recording =
          all.stream()
              .filter(r -> r.getSessionId().equals(recordable))
              .filter(
                  r ->
                      r.getStatus() == Recording.Status.started
                          || r.getStatus() == Recording.Status.starting)
              .map(Recording::getId)
              .findFirst()
              .orElse(null);
      recordingUnknown = false;
      return true;
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
