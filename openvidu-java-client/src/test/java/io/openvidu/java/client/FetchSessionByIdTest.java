package io.openvidu.java.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link OpenVidu#fetchSession(String)}: one session by id, consistent with the known ones. */
@ExtendWith(MockOpenViduExtension.class)
class FetchSessionByIdTest {

  @Test
  void asksForThatSessionWithItsPendingConnections(MockOpenVidu mock) throws Exception {
    mock.answer(200, SpecExamples.sessionWith(SpecExamples.pendingConnection()));

    Optional<Session> session = mock.openVidu.fetchSession("ses_YnDaGYNcd7");

    RecordedRequest request = mock.request();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getTarget())
        .isEqualTo("/openvidu/api/sessions/ses_YnDaGYNcd7?pendingConnections=true");
    assertThat(session).isPresent();
    assertThat(session.get().getConnections())
        .extracting(Connection::getConnectionId)
        .containsExactly("con_Xnxg19tonh");
  }

  @Test
  void aSessionNotKnownBeforeJoinsTheActiveSessions(MockOpenVidu mock) throws Exception {
    mock.answer(200, SpecExamples.session());

    Session session = mock.openVidu.fetchSession("ses_YnDaGYNcd7").get();

    assertThat(mock.openVidu.getActiveSessions()).containsExactly(session);
  }

  @Test
  void aKnownSessionIsRefreshedInPlace(MockOpenVidu mock) throws Exception {
    Session known = mock.createExampleSession();
    mock.answer(200, SpecExamples.sessionWith(SpecExamples.activeConnection()));

    Session fetched = mock.openVidu.fetchSession("ses_YnDaGYNcd7").get();

    assertThat(fetched).isSameAs(known);
    assertThat(known.getActiveConnections()).hasSize(1);
  }

  @Test
  void aSessionTheServerDoesNotHaveIsEmptyAndForgotten(MockOpenVidu mock) throws Exception {
    mock.createExampleSession();
    mock.answer(404);

    assertThat(mock.openVidu.fetchSession("ses_YnDaGYNcd7")).isEmpty();
    assertThat(mock.openVidu.getActiveSessions()).isEmpty();
  }

  @Test
  void anIdIsOnePathSegment(MockOpenVidu mock) throws Exception {
    mock.answer(404);

    mock.openVidu.fetchSession("a/b?c");

    assertThat(mock.request().getTarget())
        .isEqualTo("/openvidu/api/sessions/a%2Fb%3Fc?pendingConnections=true");
  }

  @Test
  void anotherRefusalIsAnOpenViduHttpException(MockOpenVidu mock) {
    mock.answer(500, "{\"message\":\"boom\"}");

    assertThatThrownBy(() -> mock.openVidu.fetchSession("ses_YnDaGYNcd7"))
        .isInstanceOfSatisfying(
            OpenViduHttpException.class, e -> assertThat(e.getStatus()).isEqualTo(500));
  }
}
