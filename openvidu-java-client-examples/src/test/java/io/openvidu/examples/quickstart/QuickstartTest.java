package io.openvidu.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvidu.examples.Deployment;
import io.openvidu.examples.EmbeddedClusters;
import io.openvidu.ha.server.testing.OpenViduClusterExtension;
import io.openvidu.ha.server.testing.SimulatedParticipant;
import io.openvidu.java.client.Connection;
import io.openvidu.java.client.OpenVidu;
import io.openvidu.java.client.Session;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class QuickstartTest {
  @RegisterExtension static OpenViduClusterExtension cluster = EmbeddedClusters.extension();

  private OpenVidu openVidu;

  @BeforeEach
  void connect() {
    openVidu = new OpenVidu(cluster.urls(), cluster.secret());
  }

  @AfterEach
  void disconnect() {
    openVidu.close();
  }

  @Test
  void invitationTokenLetsItsParticipantJoinTheSession() throws Exception {
    Quickstart.Invitation invitation = Quickstart.invite(openVidu, "alice");

    try (SimulatedParticipant alice =
        SimulatedParticipant.builder(invitation.token())
            .via(URI.create(cluster.urlList().get(1)))
            .join()) {
      assertThat(alice.sessionId()).isEqualTo(invitation.sessionId());
      assertThat(alice.connectionId()).isEqualTo(invitation.connectionId());
    }
  }

  @Test
  void invitedParticipantCarriesTheUserNameAsServerData() throws Exception {
    Quickstart.Invitation invitation = Quickstart.invite(openVidu, "alice");

    Session session =
        openVidu.getActiveSessions().stream()
            .filter(s -> s.getSessionId().equals(invitation.sessionId()))
            .findFirst()
            .orElseThrow();
    session.fetch();
    Connection connection = session.getConnection(invitation.connectionId());
    assertThat(connection.getServerData()).isEqualTo("alice");
  }

  @Test
  void runTellsTheSessionWithTheTokenHidden() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    Quickstart.Invitation invitation =
        Quickstart.run(
            Deployment.of(cluster.cluster()), new PrintStream(out, true, StandardCharsets.UTF_8));

    String told = out.toString(StandardCharsets.UTF_8);
    assertThat(told)
        .contains(invitation.sessionId(), invitation.connectionId(), "token=****")
        .doesNotContain(invitation.token());
  }

  @Test
  void invitationDoesNotShowItsToken() throws Exception {
    Quickstart.Invitation invitation = Quickstart.invite(openVidu, "alice");

    assertThat(invitation.toString())
        .contains(invitation.sessionId())
        .doesNotContain(invitation.token());
  }
}
