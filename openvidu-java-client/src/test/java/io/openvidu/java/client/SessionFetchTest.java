package io.openvidu.java.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MockOpenViduExtension.class)
class SessionFetchTest {

  @Test
  void fetchAsksForTheSessionWithPendingConnections(MockOpenVidu mock) throws Exception {
    Session session = mock.createExampleSession();
    mock.answer(200, SpecExamples.session());

    session.fetch();

    RecordedRequest request = mock.request();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getTarget())
        .isEqualTo("/openvidu/api/sessions/ses_YnDaGYNcd7?pendingConnections=true");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo(MockOpenVidu.AUTHORIZATION);
  }

  @Test
  void fetchReportsNothingChangedWhenTheServerSaysWhatTheSessionHolds(MockOpenVidu mock)
      throws Exception {
    Session session = mock.createExampleSession();
    mock.answer(200, SpecExamples.session());

    assertThat(session.fetch()).isFalse();
  }

  @Test
  void fetchReportsNothingChangedAfterAConnectionCreatedThroughTheClient(MockOpenVidu mock)
      throws Exception {
    Session session = mock.createExampleSession();
    mock.answer(200, SpecExamples.pendingConnection());
    session.createConnection();
    mock.answer(200, SpecExamples.sessionWith(SpecExamples.pendingConnection()));

    assertThat(session.fetch()).isFalse();
  }

  @Test
  void fetchReportsANewConnection(MockOpenVidu mock) throws Exception {
    Session session = mock.createExampleSession();
    mock.answer(200, SpecExamples.sessionWith(SpecExamples.pendingConnection()));

    assertThat(session.fetch()).isTrue();
    assertThat(session.getConnections())
        .extracting(Connection::getConnectionId)
        .containsExactly("con_Xnxg19tonh");
  }

  @Test
  void fetchReportsAConnectionGone(MockOpenVidu mock) throws Exception {
    Session session = mock.exampleSessionWith(SpecExamples.activeConnection());
    mock.answer(200, SpecExamples.session());

    assertThat(session.fetch()).isTrue();
    assertThat(session.getConnections()).isEmpty();
  }

  @Test
  void fetchReportsTheRecordingFlagChanged(MockOpenVidu mock) throws Exception {
    Session session = mock.createExampleSession();
    mock.answer(200, SpecExamples.session().put("recording", true));

    assertThat(session.fetch()).isTrue();
    assertThat(session.isBeingRecorded()).isTrue();
  }

  @Test
  void fetchReportsAConnectionThatBecameActive(MockOpenVidu mock) throws Exception {
    Session session = mock.createExampleSession();
    mock.answer(200, SpecExamples.pendingConnection());
    Connection connection = session.createConnection();
    mock.answer(200, SpecExamples.sessionWith(SpecExamples.activeConnection()));

    assertThat(session.fetch()).isTrue();
    assertThat(session.getConnection("con_Xnxg19tonh")).isSameAs(connection);
    assertThat(connection.getStatus()).isEqualTo("active");
    assertThat(connection.getIp()).isEqualTo("37.122.145.190");
  }

  @Test
  void fetchReportsAChangeInsideAPublisher(MockOpenVidu mock) throws Exception {
    Session session = mock.exampleSessionWith(SpecExamples.activeConnection());
    ObjectNode muted = SpecExamples.activeConnection();
    ((ObjectNode) muted.get("publishers").get(0).get("mediaOptions")).put("audioActive", false);
    mock.answer(200, SpecExamples.sessionWith(muted));

    assertThat(session.fetch()).isTrue();
    assertThat(session.getConnection("con_Xnxg19tonh").getPublishers().get(0).isAudioActive())
        .isFalse();
  }

  @Test
  void fetchIgnoresTheOrderOfConnections(MockOpenVidu mock) throws Exception {
    Session session =
        mock.exampleSessionWith(
            SpecExamples.activeConnection(), SpecExamples.secondActiveConnection());
    mock.answer(
        200,
        SpecExamples.sessionWith(
            SpecExamples.secondActiveConnection(), SpecExamples.activeConnection()));

    assertThat(session.fetch()).isFalse();
  }

  @Test
  void fetchReadsThePropertiesTheServerReports(MockOpenVidu mock) throws Exception {
    Session session = mock.createExampleSession();
    ObjectNode answer =
        SpecExamples.session().put("recordingMode", "ALWAYS").put("mediaNodeId", "media_1");
    ((ObjectNode) answer.get("defaultRecordingProperties")).put("resolution", "1920x1080");
    mock.answer(200, answer);

    session.fetch();

    assertThat(session.getProperties().recordingMode()).isEqualTo(RecordingMode.ALWAYS);
    assertThat(session.getProperties().mediaNode()).isEqualTo("media_1");
    assertThat(session.getProperties().defaultRecordingProperties().resolution())
        .isEqualTo("1920x1080");
  }

  @Test
  void fetchOfAClosedSessionFailsWith404AndForgetsIt(MockOpenVidu mock) throws Exception {
    Session session = mock.createExampleSession();
    mock.answer(404);

    assertThatThrownBy(session::fetch)
        .isInstanceOfSatisfying(
            OpenViduHttpException.class, e -> assertThat(e.getStatus()).isEqualTo(404));
    assertThat(mock.openVidu.getActiveSessions()).isEmpty();
  }

  @Test
  void closeDeletesTheSessionAndForgetsIt(MockOpenVidu mock) throws Exception {
    Session session = mock.createExampleSession();
    mock.answer(204);

    session.close();

    RecordedRequest request = mock.request();
    assertThat(request.getMethod()).isEqualTo("DELETE");
    assertThat(request.getTarget()).isEqualTo("/openvidu/api/sessions/ses_YnDaGYNcd7");
    assertThat(mock.openVidu.getActiveSessions()).isEmpty();
  }

  @Test
  void closeOfAnUnknownSessionFailsWith404AndKeepsIt(MockOpenVidu mock) throws Exception {
    Session session = mock.createExampleSession();
    mock.answer(404);

    assertThatThrownBy(session::close)
        .isInstanceOfSatisfying(
            OpenViduHttpException.class, e -> assertThat(e.getStatus()).isEqualTo(404));
    assertThat(mock.openVidu.getActiveSessions()).containsExactly(session);
  }
}
