package io.openvidu.java.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MockOpenViduExtension.class)
class OpenViduFetchTest {

  @Test
  void fetchListsSessionsWithPendingConnections(MockOpenVidu mock) throws Exception {
    mock.answer(200, SpecExamples.sessionList());

    mock.openVidu.fetch();

    RecordedRequest request = mock.request();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getTarget()).isEqualTo("/openvidu/api/sessions?pendingConnections=true");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo(MockOpenVidu.AUTHORIZATION);
  }

  @Test
  void fetchAddsSessionsCreatedElsewhere(MockOpenVidu mock) throws Exception {
    mock.answer(
        200, SpecExamples.sessionList(SpecExamples.sessionWith(SpecExamples.activeConnection())));

    assertThat(mock.openVidu.fetch()).isTrue();
    assertThat(mock.openVidu.getActiveSessions())
        .singleElement()
        .satisfies(
            session -> {
              assertThat(session.getSessionId()).isEqualTo("ses_YnDaGYNcd7");
              assertThat(session.getConnection("con_Xnxg19tonh").getIp())
                  .isEqualTo("37.122.145.190");
            });
  }

  @Test
  void fetchRemovesSessionsThatAreGone(MockOpenVidu mock) throws Exception {
    mock.createExampleSession();
    mock.answer(200, SpecExamples.sessionList());

    assertThat(mock.openVidu.fetch()).isTrue();
    assertThat(mock.openVidu.getActiveSessions()).isEmpty();
  }

  @Test
  void fetchReportsNothingChangedWhenTheServerSaysWhatTheClientHolds(MockOpenVidu mock)
      throws Exception {
    mock.createExampleSession();
    mock.answer(200, SpecExamples.sessionList(SpecExamples.session()));

    assertThat(mock.openVidu.fetch()).isFalse();
  }

  @Test
  void fetchRefreshesKnownSessionsInPlace(MockOpenVidu mock) throws Exception {
    Session session = mock.createExampleSession();
    mock.answer(
        200, SpecExamples.sessionList(SpecExamples.sessionWith(SpecExamples.pendingConnection())));

    assertThat(mock.openVidu.fetch()).isTrue();
    assertThat(mock.openVidu.getActiveSessions()).containsExactly(session);
    assertThat(session.getConnections()).hasSize(1);
  }

  @Test
  void fetchKeepsTheCustomSessionIdPropertyOfASessionWithAGeneratedId(MockOpenVidu mock)
      throws Exception {
    Session session = mock.createExampleSession();
    mock.answer(
        200,
        SpecExamples.sessionList(SpecExamples.session().put("customSessionId", "ses_YnDaGYNcd7")));

    mock.openVidu.fetch();

    assertThat(session.getProperties().customSessionId()).isEmpty();
  }

  @Test
  void fetchKeepsASessionCreatedWhileItRuns(MockOpenVidu mock) throws Exception {
    CountDownLatch listRequested = new CountDownLatch(1);
    CountDownLatch sessionCreated = new CountDownLatch(1);
    mock.server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            if (request.getMethod().equals("POST")) {
              return new MockResponse.Builder()
                  .code(200)
                  .body(SpecExamples.session().toString())
                  .build();
            }
            // The list is taken before the creation and answered after it.
            listRequested.countDown();
            sessionCreated.await(5, TimeUnit.SECONDS);
            return new MockResponse.Builder()
                .code(200)
                .body(SpecExamples.sessionList().toString())
                .build();
          }
        });
    CompletableFuture<Boolean> fetch =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return mock.openVidu.fetch();
              } catch (OpenViduException e) {
                throw new IllegalStateException(e);
              }
            });
    assertThat(listRequested.await(5, TimeUnit.SECONDS)).isTrue();

    Session created = mock.openVidu.createSession();
    sessionCreated.countDown();
    fetch.get(5, TimeUnit.SECONDS);

    assertThat(mock.openVidu.getActiveSessions()).containsExactly(created);
  }
}
