package io.openvidu.java.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A master that dies after doing a write but before answering, seen through the public API: the
 * failover transport repeats what is safe on the other master, and the API layer turns the "already
 * done" answer into the success it was. Nothing happens twice.
 */
class FailoverEndToEndTest {

  @RegisterExtension final TwoMasters masters = new TwoMasters();

  @RegisterExtension final CapturedLogs logs = new CapturedLogs();

  @Test
  void aCreateSessionWhoseAnswerWasLostLeavesExactlyOneSession() throws Exception {
    masters.crashAfterNextWriteOnA();

    Session session = masters.openVidu.createSession();

    assertThat(masters.sessions).containsOnlyKeys(session.getSessionId());
    assertThat(masters.requests)
        .containsExactly(
            "A POST /openvidu/api/sessions",
            "B POST /openvidu/api/sessions",
            "B GET /openvidu/api/sessions/" + session.getSessionId());
    assertThat(masters.idempotencyKeys)
        .hasSize(2)
        .doesNotContainNull()
        .allMatch(key -> key.equals(masters.idempotencyKeys.get(0)));
    assertThat(masters.openVidu.getActiveSessions()).containsExactly(session);
  }

  @Test
  void aCloseSessionWhoseAnswerWasLostIsDone() throws Exception {
    Session session = masters.openVidu.createSession();
    masters.crashAfterNextWriteOnA();

    session.close();

    assertThat(masters.sessions).isEmpty();
    assertThat(masters.requests)
        .endsWith(
            "A DELETE /openvidu/api/sessions/" + session.getSessionId(),
            "B DELETE /openvidu/api/sessions/" + session.getSessionId());
    assertThat(masters.openVidu.getActiveSessions()).isEmpty();
  }

  @Test
  void aCreateConnectionWhoseAnswerWasLostIsNotRepeated() throws Exception {
    Session session = masters.openVidu.createSession();
    masters.crashAfterNextWriteOnA();

    assertThatThrownBy(() -> session.createConnection())
        .isInstanceOf(OpenViduJavaClientException.class)
        .hasMessageContaining("outcome unknown")
        .hasMessageContaining("not repeated without an idempotency guarantee");
    assertThat(masters.requests)
        .filteredOn(request -> request.endsWith("/connection"))
        .containsExactly("A POST /openvidu/api/sessions/" + session.getSessionId() + "/connection");
  }

  @Test
  void aStartRecordingWhoseAnswerWasLostReturnsTheRecordingItStarted() throws Exception {
    Session session = masters.openVidu.createSession();
    masters.crashAfterNextWriteOnA();

    Recording recording = masters.openVidu.startRecording(session.getSessionId());

    assertThat(masters.recordings).containsOnlyKeys(recording.getId());
    assertThat(recording.getStatus()).isEqualTo(Recording.Status.started);
    assertThat(masters.requests)
        .endsWith(
            "A POST /openvidu/api/recordings/start",
            "B POST /openvidu/api/recordings/start",
            "B GET /openvidu/api/recordings");
  }

  @Test
  void aStopRecordingWhoseAnswerWasLostReturnsTheStoppedRecording() throws Exception {
    Session session = masters.openVidu.createSession();
    Recording started = masters.openVidu.startRecording(session.getSessionId());
    masters.crashAfterNextWriteOnA();

    Recording stopped = masters.openVidu.stopRecording(started.getId());

    assertThat(stopped.getId()).isEqualTo(started.getId());
    assertThat(stopped.getStatus()).isEqualTo(Recording.Status.stopped);
    assertThat(masters.requests)
        .endsWith(
            "A POST /openvidu/api/recordings/stop/" + started.getId(),
            "B POST /openvidu/api/recordings/stop/" + started.getId(),
            "B GET /openvidu/api/recordings/" + started.getId());
  }

  @Test
  void aFailoverIsLoggedAsAWarningNamingTheEndpointAndNoCredentials() throws Exception {
    masters.crashAfterNextWriteOnA();

    masters.openVidu.createSession();

    String a = "http://" + masters.a.getHostName() + ":" + masters.a.getPort();
    assertThat(logs.text())
        .contains("WARN", "createSession attempt 1 on " + a + " failed", "failing over")
        .contains("OpenVidu endpoint " + a + " ejected for 1000 ms")
        .doesNotContain(MockOpenVidu.SECRET)
        .doesNotContain(MockOpenVidu.AUTHORIZATION.substring("Basic ".length()));
  }
}
