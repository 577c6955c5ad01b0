package io.openvidu.examples.signals;

import io.openvidu.examples.Deployment;
import io.openvidu.examples.Participants;
import io.openvidu.ha.server.testing.SimulatedParticipant;
import io.openvidu.java.client.InvalidSignalRecipientsException;
import io.openvidu.java.client.OpenVidu;
import io.openvidu.java.client.OpenViduException;
import io.openvidu.java.client.Session;
import io.openvidu.java.client.Signal;
import java.io.PrintStream;
import java.net.URI;
import java.util.List;

/**
 * Signals from the backend: an announcement to everyone in a session, a private note to one
 * participant, and what happens when a note is addressed to someone who has left. In the browser,
 * openvidu-browser raises them as {@code signal:<type>} events; a signal from the server has no
 * {@code from}.
 *
 * <pre>
 * mvn -B -q -Pdemo -pl openvidu-java-client-examples -am compile -Ddemo.main=io.openvidu.examples.signals.SignalExample
 * </pre>
 */
public final class SignalExample {
  private SignalExample() {}

  /** What each participant received, as {@code type: data} lines, in order. */
  public record Received(List<String> ana, List<String> ben, boolean noteToLeaverRefused) {}

  /** Tells everyone in the session that it ends soon: one call, whatever the number of people. */
  public static void announce(OpenVidu openVidu, Session session, String text)
      throws OpenViduException {
    openVidu.sendSignal(
        Signal.builder(session.getSessionId()).type("announcement").data(text).build());
  }

  /** A note only {@code connectionId}'s participant receives. */
  public static void note(OpenVidu openVidu, Session session, String connectionId, String text)
      throws OpenViduException {
    openVidu.sendSignal(
        Signal.builder(session.getSessionId()).to(connectionId).type("note").data(text).build());
  }

  /**
   * Two participants join a new session through different masters; the backend announces, sends ana
   * a note, then tries a note to ben after he left.
   */
  public static Received run(Deployment deployment, PrintStream out) throws Exception {
    try (OpenVidu openVidu =
        new OpenVidu(String.join(",", deployment.urls()), deployment.secret())) {
      Session session = openVidu.createSession();
      List<String> urls = deployment.urls();
      URI anaMaster = deployment.cluster().isPresent() ? URI.create(urls.get(0)) : null;
      URI benMaster =
          deployment.cluster().isPresent() ? URI.create(urls.get(urls.size() - 1)) : null;
      try (SimulatedParticipant ana = Participants.joinAndPublish(session, "ana", anaMaster, null);
          SimulatedParticipant ben = Participants.joinAndPublish(session, "ben", benMaster, null)) {
        announce(openVidu, session, "the meeting ends in 5 minutes");
        note(openVidu, session, ana.connectionId(), "you present next");
        ana.awaitNotification("sendMessage", params -> "note".equals(params.path("type").asText()));
        ben.awaitNotification(
            "sendMessage", params -> "announcement".equals(params.path("type").asText()));
        String benConnection = ben.connectionId();
        ben.leave();
        boolean refused;
        try {
          note(openVidu, session, benConnection, "are you there?");
          refused = false;
        } catch (InvalidSignalRecipientsException e) {
          // Nobody received it, not even valid recipients: resend to those still connected.
          out.println("note to ben refused: " + e.getStatus() + ", he has left");
          refused = true;
        }
        Received received = new Received(lines(ana), lines(ben), refused);
        out.println("ana received " + received.ana());
        out.println("ben received " + received.ben());
        return received;
      }
    }
  }

  private static List<String> lines(SimulatedParticipant participant) {
    return participant.notifications("sendMessage").stream()
        .map(n -> n.param("type") + ": " + n.param("data"))
        .toList();
  }

  public static void main(String[] args) throws Exception {
    try (Deployment deployment = Deployment.fromEnvironment()) {
      run(deployment, System.out);
    }
  }
}
