package io.openvidu.examples.demo;

import io.openvidu.examples.Participants;
import io.openvidu.examples.recording.RecordingDownload;
import io.openvidu.examples.recording.RecordingFile;
import io.openvidu.examples.recording.RecordingWorkflow;
import io.openvidu.ha.server.testing.SimulatedParticipant;
import io.openvidu.java.client.Connection;
import io.openvidu.java.client.OpenVidu;
import io.openvidu.java.client.Recording;
import io.openvidu.java.client.Session;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Two meetings of two simulated participants each, every participant joined through another master
 * and publishing a camera; the first meeting is recorded INDIVIDUAL, the second COMPOSED, from
 * {@link #open()} to {@link #close(RecordingDownload, Path)}. When a master dies, its participants
 * reconnect through another one, as browsers behind a load balancer do, and keep their connection.
 *
 * <p>Against an embedded cluster each participant presents its own address to the masters ({@code
 * X-Forwarded-For}, which the embedded masters trust from loopback as they would from a load
 * balancer), so that {@code Connection.ip} tells them apart. Against a real deployment participants
 * use the address in their token. Used from one thread.
 */
final class Meetings {
  private static final List<Recording.OutputMode> MODES =
      List.of(Recording.OutputMode.INDIVIDUAL, Recording.OutputMode.COMPOSED);
  private static final List<String> NAMES = List.of("ana", "ben", "cleo", "dev");
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

  private final OpenVidu openVidu;
  private final DemoStats stats;
  private final Timeline timeline;
  private final MasterNames masters;
  private final boolean chooseMasters;
  private final List<Meeting> meetings = new ArrayList<>();
  private int joined;
  private int reconnections;
  private int recordingsReady;
  private final List<RecordingFile> files = new ArrayList<>();

  /** One recorded session and its participants. */
  private static final class Meeting {
    final Session session;
    final List<Attendee> attendees = new ArrayList<>();
    Recording recording;

    Meeting(Session session) {
      this.session = session;
    }
  }

  /**
   * A participant and the master (index from 0, or -1 for the token's address) its socket is open
   * on.
   */
  private static final class Attendee {
    final String name;
    final SimulatedParticipant participant;
    int master;

    Attendee(String name, SimulatedParticipant participant, int master) {
      this.name = name;
      this.participant = participant;
      this.master = master;
    }
  }

  /**
   * @param chooseMasters whether participants join through the masters in turn (embedded cluster)
   *     rather than the address in their token (a real deployment, where it is the load balancer)
   */
  Meetings(
      OpenVidu openVidu,
      DemoStats stats,
      Timeline timeline,
      MasterNames masters,
      boolean chooseMasters) {
    this.openVidu = openVidu;
    this.stats = stats;
    this.timeline = timeline;
    this.masters = masters;
    this.chooseMasters = chooseMasters;
  }

  /** Creates the sessions, joins the participants, starts the recordings. */
  void open() throws Exception {
    for (Recording.OutputMode mode : MODES) {
      Meeting meeting = new Meeting(stats.call("createSession", openVidu::createSession));
      meetings.add(meeting);
      for (int i = 0; i < NAMES.size() / MODES.size(); i++) {
        join(
            meeting,
            NAMES.get(joined),
            chooseMasters ? joined % masters.count() : -1,
            "203.0.113." + (11 + joined));
      }
      stats.call("fetch session", meeting.session::fetch);
      for (Attendee attendee : meeting.attendees) {
        Connection connection = meeting.session.getConnection(attendee.participant.connectionId());
        timeline.say(
            "join      %s joined %s via %s: connection %s, ip %s",
            attendee.name,
            meeting.session.getSessionId(),
            where(attendee.master),
            connection.getConnectionId(),
            connection.getIp());
      }
      String name = "demo-" + mode.name().toLowerCase(Locale.ROOT);
      meeting.recording =
          stats.call(
              "startRecording",
              () -> RecordingWorkflow.start(openVidu, meeting.session.getSessionId(), mode, name));
      // OpenVidu names a session's first recording after the session.
      timeline.say("record    recording %s started (%s)", meeting.recording.getId(), mode);
    }
  }

  private void join(Meeting meeting, String name, int master, String clientAddress)
      throws Exception {
    URI via = master < 0 ? null : masters.url(master);
    SimulatedParticipant participant =
        stats.call(
            "join " + name,
            () ->
                Participants.joinAndPublish(
                    meeting.session, name, via, master < 0 ? null : clientAddress));
    meeting.attendees.add(new Attendee(name, participant, master));
    joined++;
  }

  /**
   * Moves the participants whose master died to the next master: each waits for its socket to drop,
   * then reconnects with its private session id and keeps its connection.
   */
  void reconnectParticipantsOf(int deadMaster) {
    int target = (deadMaster + 1) % masters.count();
    for (Meeting meeting : meetings) {
      for (Attendee attendee : meeting.attendees) {
        if (attendee.master != deadMaster) {
          continue;
        }
        try {
          attendee.participant.awaitDisconnected();
          attendee.participant.reconnect(masters.url(target));
          attendee.master = target;
          reconnections++;
          timeline.say(
              "join      %s lost %s, reconnected via %s keeping connection %s",
              attendee.name,
              masters.name(deadMaster),
              masters.name(target),
              attendee.participant.connectionId());
        } catch (RuntimeException e) {
          stats.failed("reconnect " + attendee.name, e);
        }
      }
    }
  }

  /**
   * Stops the recordings, waits for their files, downloads and checks them; then closes the
   * sessions and lets the participants go. A failure (counted by {@link DemoStats}) of one meeting
   * does not keep the others from closing.
   */
  void close(RecordingDownload download, Path directory) {
    for (Meeting meeting : meetings) {
      if (meeting.recording != null) {
        try {
          finishRecording(meeting.recording, download, directory);
        } catch (Exception e) {
          // Counted and told by DemoStats; the summary says which recording is missing.
        }
      }
    }
    for (Meeting meeting : meetings) {
      try {
        // Closing the session first ends the meeting for everybody; had the participants left
        // first, OpenVidu
        // would have closed it when the last one left.
        stats.call(
            "closeSession",
            () -> {
              meeting.session.close();
              return null;
            });
      } catch (Exception e) {
        // Counted and told by DemoStats.
      }
      meeting.attendees.forEach(attendee -> attendee.participant.close());
    }
  }

  private void finishRecording(Recording recording, RecordingDownload download, Path directory)
      throws Exception {
    Recording ready =
        stats.call(
            "stopRecording",
            () -> RecordingWorkflow.stopAndAwaitReady(openVidu, recording.getId(), READY_TIMEOUT));
    recordingsReady++;
    RecordingFile file =
        stats.call(
            "download " + ready.getId(),
            () -> RecordingFile.inspect(ready, download.download(ready, directory)));
    files.add(file);
    timeline.say(
        "record    recording %s ready (%s): %.1f s, %,d bytes -> %s (%s)",
        ready.getId(),
        ready.getOutputMode(),
        ready.getDuration(),
        ready.getSize(),
        file.path(),
        checked(file));
  }

  private static String checked(RecordingFile file) {
    return file.streams().isEmpty()
        ? "checked: one mixed file"
        : "checked: " + file.streams().size() + " stream files match the metadata";
  }

  private String where(int master) {
    return master < 0 ? "the token's address" : masters.name(master);
  }

  /** How many participants joined. */
  int participants() {
    return joined;
  }

  /** How many masters the participants joined through (0 when they used their tokens' address). */
  int mastersJoinedThrough() {
    return chooseMasters ? Math.min(joined, masters.count()) : 0;
  }

  int reconnections() {
    return reconnections;
  }

  int recordingsExpected() {
    return MODES.size();
  }

  int recordingsReady() {
    return recordingsReady;
  }

  List<RecordingFile> files() {
    return List.copyOf(files);
  }
}
