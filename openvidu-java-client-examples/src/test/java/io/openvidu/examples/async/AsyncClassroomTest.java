package io.openvidu.examples.async;

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
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AsyncClassroomTest {
  @RegisterExtension static OpenViduClusterExtension cluster = EmbeddedClusters.extension();

  @Test
  void everyStudentGetsAConnectionOfTheClassroomCarryingTheirName() throws Exception {
    try (OpenVidu openVidu = new OpenVidu(cluster.urls(), cluster.secret())) {
      AsyncClassroom.Classroom classroom =
          AsyncClassroom.open(openVidu, List.of("ann", "bob", "cid")).get(20, TimeUnit.SECONDS);

      assertThat(classroom.students())
          .extracting(Connection::getServerData)
          .containsExactly("ann", "bob", "cid");
      Session session = classroom.session();
      session.fetch();
      assertThat(session.getConnections())
          .extracting(Connection::getConnectionId)
          .containsExactlyInAnyOrderElementsOf(
              classroom.students().stream().map(Connection::getConnectionId).toList());
    }
  }

  @Test
  void aStudentJoinsTheClassroomWithTheirToken() throws Exception {
    try (OpenVidu openVidu = new OpenVidu(cluster.urls(), cluster.secret())) {
      AsyncClassroom.Classroom classroom =
          AsyncClassroom.open(openVidu, List.of("ann")).get(20, TimeUnit.SECONDS);

      try (SimulatedParticipant ann =
          SimulatedParticipant.builder(classroom.students().get(0).getToken())
              .via(URI.create(cluster.urlList().get(1)))
              .join()) {
        assertThat(ann.sessionId()).isEqualTo(classroom.session().getSessionId());
      }
    }
  }

  @Test
  void runTellsTheClassroomSizeWithoutTokens() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    AsyncClassroom.Classroom classroom =
        AsyncClassroom.run(
            Deployment.of(cluster.cluster()),
            12,
            new PrintStream(out, true, StandardCharsets.UTF_8));

    String told = out.toString(StandardCharsets.UTF_8);
    assertThat(classroom.students()).hasSize(12);
    assertThat(told).contains(classroom.session().getSessionId(), "12 connections");
    classroom.students().forEach(student -> assertThat(told).doesNotContain(student.getToken()));
  }
}
