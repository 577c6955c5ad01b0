package io.openvidu.examples.demo;

import io.openvidu.examples.Deployment;
import io.openvidu.examples.failover.FailoverConfiguration;
import io.openvidu.examples.recording.RecordingDownload;
import io.openvidu.ha.server.cluster.Master;
import io.openvidu.ha.server.cluster.OpenViduCluster;
import io.openvidu.java.client.OpenVidu;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One run of the demo against a deployment: meetings with recordings, traffic on every master, and,
 * when the cluster runs in this JVM, master 1 killed at 40 % of the run and started again at 70 %
 * (the traffic then goes on until the client has taken it back). Prints the story as it happens and
 * a progress line every second; returns the summary.
 */
final class DemoRun {
  /** The master that dies: the first, whose address is also in the tokens and recording URLs. */
  private static final int VICTIM = 0;

  /** The longest ejection is 30 s: a probe comes within that. */
  private static final Duration RETURN_TIMEOUT = Duration.ofSeconds(35);

  private final Deployment deployment;
  private final DemoOptions options;
  private final Timeline timeline;
  private final MasterNames masters;
  private final DemoStats stats;

  DemoRun(Deployment deployment, DemoOptions options, PrintStream out) {
    this.deployment = deployment;
    this.options = options;
    this.timeline = new Timeline(out);
    this.masters = new MasterNames(deployment.urls());
    this.stats = new DemoStats(timeline, masters);
  }

  DemoSummary run() throws InterruptedException {
    Optional<OpenViduCluster> cluster = deployment.cluster();
    String target =
        cluster.isPresent()
            ? "embedded reference cluster, " + masters.count() + " masters"
            : "your deployment, " + masters.count() + (masters.count() == 1 ? " URL" : " URLs");
    long millis = options.duration().toMillis();
    timeline.print(
        String.format(
            Locale.ROOT,
            "OpenVidu HA demo against %s%s %s: %s s of traffic from %d workers",
            cluster.isPresent() ? "the " : "",
            target,
            deployment.urls(),
            millis % 1000 == 0
                ? Long.toString(millis / 1000)
                : String.format(Locale.ROOT, "%.1f", millis / 1000.0),
            options.workers()));
    Meetings meetings;
    SessionTraffic traffic;
    try (OpenVidu openVidu =
        FailoverConfiguration.client(
            deployment.urls(), deployment.secret(), deployment.honoursIdempotencyKeys(), stats)) {
      meetings = new Meetings(openVidu, stats, timeline, masters, cluster.isPresent());
      traffic = new SessionTraffic(openVidu, stats, options.workers());
      ScheduledExecutorService ticker =
          Executors.newSingleThreadScheduledExecutor(
              runnable -> {
                Thread thread = new Thread(runnable, "demo-progress");
                thread.setDaemon(true);
                return thread;
              });
      try {
        openMeetings(meetings);
        // The schedule starts with the traffic: opening the meetings warms up a cold JVM, which
        // takes a while.
        long start = System.nanoTime();
        traffic.start();
        ticker.scheduleAtFixedRate(() -> progress(traffic, cluster), 1, 1, TimeUnit.SECONDS);
        if (cluster.isPresent()) {
          Master victim = cluster.get().master(VICTIM);
          sleepUntil(start, 0.4);
          timeline.say("chaos     killing %s", masters.name(VICTIM));
          victim.kill();
          meetings.reconnectParticipantsOf(VICTIM);
          sleepUntil(start, 0.7);
          victim.start();
          timeline.say("chaos     %s started again", masters.name(VICTIM));
          sleepUntil(start, 1.0);
          awaitReturnOfTheVictim();
        } else {
          sleepUntil(start, 1.0);
        }
      } finally {
        traffic.stop();
        ticker.shutdownNow();
      }
      timeline.say("stopping  traffic stopped; finishing the recordings");
      meetings.close(
          new RecordingDownload(deployment.urls(), deployment.secret()), options.output());
    }
    return new DemoSummary(
        target,
        Duration.ofNanos((long) (timeline.elapsedSeconds() * 1e9)),
        stats.calls(),
        stats.failovers(),
        stats.ejections(),
        stats.restorations(),
        stats.failures(),
        traffic.sessionsCreated(),
        traffic.sessionsClosed(),
        meetings.participants(),
        meetings.mastersJoinedThrough(),
        meetings.reconnections(),
        meetings.recordingsExpected(),
        meetings.recordingsReady(),
        meetings.files().size(),
        options.output());
  }

  private void openMeetings(Meetings meetings) {
    try {
      meetings.open();
    } catch (Exception e) {
      // Counted by DemoStats; the traffic still runs and the summary says what is missing.
      timeline.say("meetings could not all open; going on without the rest");
    }
  }

  /**
   * Keeps the traffic going until the client has the restarted master in rotation: it probes an
   * ejected master only once the ejection, which doubles with each failed probe, is over, so that
   * can be up to one ejection period after the restart. A master the client never ejected (no call
   * met it dead, as with little traffic) is in rotation already: nothing to wait for.
   */
  private void awaitReturnOfTheVictim() throws InterruptedException {
    if (!stats.isOutOfRotation(VICTIM)) {
      return;
    }
    timeline.say("waiting   for the client to take %s back into rotation", masters.name(VICTIM));
    if (!stats.awaitInRotation(VICTIM, RETURN_TIMEOUT)) {
      stats.failed(
          "return of " + masters.name(VICTIM),
          new IllegalStateException(
              "not back in rotation " + RETURN_TIMEOUT.toSeconds() + " s after the schedule"));
    }
  }

  private void sleepUntil(long start, double fraction) throws InterruptedException {
    long due = start + (long) (options.duration().toNanos() * fraction);
    long left = due - System.nanoTime();
    if (left > 0) {
      TimeUnit.NANOSECONDS.sleep(left);
    }
  }

  private void progress(SessionTraffic traffic, Optional<OpenViduCluster> cluster) {
    String up =
        cluster
            .map(
                c ->
                    String.format(
                        Locale.ROOT,
                        "  masters up %d/%d",
                        c.masters().stream().filter(Master::isRunning).count(),
                        c.masters().size()))
            .orElse("");
    timeline.say(
        "progress  calls %,d  failovers %,d  failures %,d  sessions %,d%s",
        stats.calls(), stats.failovers(), stats.failures(), traffic.sessionsCreated(), up);
  }
}
