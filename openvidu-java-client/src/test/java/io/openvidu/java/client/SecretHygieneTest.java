package io.openvidu.java.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The secret, the Authorization header and participants' tokens never appear in logs, exception
 * messages or {@code toString()}; routine calls log at DEBUG, never INFO.
 */
@ExtendWith(MockOpenViduExtension.class)
class SecretHygieneTest {

  private static final String TOKEN_SECRET_PART = "tok_AVe8o7iltWqtijyl";
  private static final String ENCODED_CREDENTIALS =
      MockOpenVidu.AUTHORIZATION.substring("Basic ".length());

  @RegisterExtension final CapturedLogs logs = new CapturedLogs();

  @Test
  void routineCallsLogAtDebugWithoutSecretsOrTokens(MockOpenVidu mock) throws Exception {
    Session session = mock.createExampleSession();
    mock.answer(200, SpecExamples.pendingConnection());
    session.createConnection();
    mock.answer(200, SpecExamples.sessionWith(SpecExamples.activeConnection()));
    session.fetch();

    assertThat(logs.text())
        .contains("DEBUG")
        .contains("createSession")
        .contains("createConnection")
        .doesNotContain("INFO")
        .doesNotContain(MockOpenVidu.SECRET)
        .doesNotContain(ENCODED_CREDENTIALS)
        .doesNotContain(TOKEN_SECRET_PART);
  }

  @Test
  void connectionToStringMasksTheToken(MockOpenVidu mock) throws Exception {
    Session session = mock.createExampleSession();
    mock.answer(200, SpecExamples.pendingConnection());

    Connection connection = session.createConnection();

    assertThat(connection.toString()).contains("token=****").doesNotContain(TOKEN_SECRET_PART);
    assertThat(session.toString()).contains("con_Xnxg19tonh").doesNotContain(TOKEN_SECRET_PART);
  }

  @Test
  void openViduToStringShowsEndpointsButNotTheSecret(MockOpenVidu mock) {
    assertThat(mock.openVidu.toString())
        .contains(mock.server.url("/").host())
        .doesNotContain(MockOpenVidu.SECRET);
  }

  @Test
  void transportFailureKeepsItsCauseAndNoSecret() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    try (OpenVidu openVidu = new OpenVidu("http://127.0.0.1:" + closedPort, MockOpenVidu.SECRET)) {
      Throwable failure = catchThrowable(() -> openVidu.createSession());

      assertThat(failure)
          .isInstanceOf(OpenViduJavaClientException.class)
          .hasMessageContaining("createSession")
          .hasCauseInstanceOf(IOException.class);
      assertThat(failure.getMessage())
          .doesNotContain(MockOpenVidu.SECRET)
          .doesNotContain(ENCODED_CREDENTIALS);
    }
  }

  @Test
  void errorAnswersKeepSecretsOutOfTheException(MockOpenVidu mock) throws Exception {
    Session session = mock.createExampleSession();
    mock.answer(404);

    Throwable failure = catchThrowable(() -> session.createConnection());

    assertThat(failure).isInstanceOf(OpenViduHttpException.class);
    assertThat(failure.toString())
        .doesNotContain(MockOpenVidu.SECRET)
        .doesNotContain(ENCODED_CREDENTIALS);
  }
}
