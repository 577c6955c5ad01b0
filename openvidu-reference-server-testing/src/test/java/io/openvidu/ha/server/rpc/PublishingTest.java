package io.openvidu.ha.server.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvidu.ha.server.store.ConnectionState;
import io.openvidu.ha.server.store.MediaOptions;
import io.openvidu.ha.server.store.OpenViduRole;
import io.openvidu.ha.server.testing.RpcCallException;
import io.openvidu.ha.server.testing.SimulatedParticipant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PublishingTest {

  @RegisterExtension final SignalingCluster cluster = SignalingCluster.withMasters(2);

  @Test
  void publishingRecordsTheStreamAndAnnouncesItOnOtherMasters() {
    String sessionId = cluster.createSession();
    SimulatedParticipant alice = cluster.joinSession(sessionId, 0);
    SimulatedParticipant bob = cluster.joinSession(sessionId, 1);

    String streamId = bob.publish();

    assertThat(streamId).matches("str_CAM_[A-Z][A-Za-z0-9]{3}_" + bob.connectionId());
    SimulatedParticipant.Notification published =
        alice.awaitNotification("participantPublished", Map.of("id", bob.connectionId()));
    assertThat(published.params().path("streams").get(0).path("id").asText()).isEqualTo(streamId);
    assertThat(published.params().path("streams").get(0).path("typeOfVideo").asText())
        .isEqualTo("CAMERA");
    ConnectionState stored = cluster.connection(sessionId, bob.connectionId()).orElseThrow();
    assertThat(stored.publishers())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.streamId()).isEqualTo(streamId);
              assertThat(p.mediaOptions().hasAudio()).isTrue();
              assertThat(p.mediaOptions().videoDimensions())
                  .isEqualTo("{\"width\":640,\"height\":480}");
            });
  }

  @Test
  void thePublisherItselfIsNotToldOfItsOwnStream() {
    String sessionId = cluster.createSession();
    SimulatedParticipant alice = cluster.joinSession(sessionId, 0);
    SimulatedParticipant bob = cluster.joinSession(sessionId, 1);
    alice.publish();
    bob.awaitNotification("participantPublished", Map.of("id", alice.connectionId()));

    assertThat(alice.notifications("participantPublished")).isEmpty();
  }

  @Test
  void audioOnlyStreamsAreMicrophones() {
    String sessionId = cluster.createSession();
    SimulatedParticipant alice = cluster.joinSession(sessionId, 0);

    assertThat(alice.publish(true, false, "")).startsWith("str_MIC_");
  }

  @Test
  void subscribersMayNotPublish() {
    String sessionId = cluster.createSession();
    SimulatedParticipant viewer =
        cluster.joinWith(cluster.createToken(sessionId, OpenViduRole.SUBSCRIBER), 0);

    assertThatThrownBy(viewer::publish)
        .isInstanceOfSatisfying(RpcCallException.class, e -> assertThat(e.code()).isEqualTo(401));
  }

  @Test
  void publishingTwiceFailsWithCode106() {
    String sessionId = cluster.createSession();
    SimulatedParticipant alice = cluster.joinSession(sessionId, 0);
    alice.publish();

    assertThatThrownBy(alice::publish)
        .isInstanceOfSatisfying(RpcCallException.class, e -> assertThat(e.code()).isEqualTo(106));
  }

  @Test
  void publishingAnswersWithASyntheticSdp() {
    String sessionId = cluster.createSession();
    SimulatedParticipant alice = cluster.joinSession(sessionId, 0);
    var params =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
            .objectNode()
            .put("doLoopback", false)
            .put("hasAudio", true)
            .put("hasVideo", false)
            .put("sdpOffer", "not an sdp");

    assertThatThrownBy(() -> alice.call("publishVideo", params))
        .isInstanceOfSatisfying(RpcCallException.class, e -> assertThat(e.code()).isEqualTo(302));
  }

  @Test
  void subscribingAcrossMastersIsListedAmongTheSubscribersConnections() {
    String sessionId = cluster.createSession();
    SimulatedParticipant alice = cluster.joinSession(sessionId, 0);
    SimulatedParticipant bob = cluster.joinSession(sessionId, 1);
    String streamId = alice.publish();

    String answer = bob.subscribe(streamId);

    assertThat(answer).startsWith("v=0\r\n").contains("a=sendonly");
    assertThat(cluster.connection(sessionId, bob.connectionId()).orElseThrow().subscribers())
        .singleElement()
        .satisfies(s -> assertThat(s.streamId()).isEqualTo(streamId));
  }

  @Test
  void subscribingToAnUnknownPublisherFailsWithCode102() {
    String sessionId = cluster.createSession();
    SimulatedParticipant bob = cluster.joinSession(sessionId, 1);

    assertThatThrownBy(() -> bob.subscribe("str_CAM_Abcd_con_Nobody1234"))
        .isInstanceOfSatisfying(RpcCallException.class, e -> assertThat(e.code()).isEqualTo(102));
  }

  @Test
  void subscribingToAParticipantThatDoesNotPublishFailsWithCode105() {
    String sessionId = cluster.createSession();
    SimulatedParticipant alice = cluster.joinSession(sessionId, 0);
    SimulatedParticipant bob = cluster.joinSession(sessionId, 1);

    assertThatThrownBy(() -> bob.subscribe("str_CAM_Abcd_" + alice.connectionId()))
        .isInstanceOfSatisfying(RpcCallException.class, e -> assertThat(e.code()).isEqualTo(105));
  }

  @Test
  void unsubscribingEndsTheSubscription() {
    String sessionId = cluster.createSession();
    SimulatedParticipant alice = cluster.joinSession(sessionId, 0);
    SimulatedParticipant bob = cluster.joinSession(sessionId, 1);
    bob.subscribe(alice.publish());

    bob.unsubscribe(alice.connectionId());

    assertThat(cluster.connection(sessionId, bob.connectionId()).orElseThrow().subscribers())
        .isEmpty();
  }

  @Test
  void unpublishingTellsTheOthersAndEndsTheirSubscriptions() {
    String sessionId = cluster.createSession();
    SimulatedParticipant alice = cluster.joinSession(sessionId, 0);
    SimulatedParticipant bob = cluster.joinSession(sessionId, 1);
    bob.subscribe(alice.publish());

    alice.unpublish();

    bob.awaitNotification(
        "participantUnpublished",
        Map.of("connectionId", alice.connectionId(), "reason", "unpublish"));
    assertThat(cluster.connection(sessionId, alice.connectionId()).orElseThrow().publishers())
        .isEmpty();
    assertThat(cluster.connection(sessionId, bob.connectionId()).orElseThrow().subscribers())
        .isEmpty();
    assertThat(alice.notifications("participantUnpublished")).isEmpty();
  }

  @Test
  void unpublishingWithoutPublishingFailsWithCode105() {
    String sessionId = cluster.createSession();
    SimulatedParticipant alice = cluster.joinSession(sessionId, 0);

    assertThatThrownBy(alice::unpublish)
        .isInstanceOfSatisfying(RpcCallException.class, e -> assertThat(e.code()).isEqualTo(105));
  }

  @Test
  void streamPropertyChangesUpdateTheStreamAndReachOthersAsStrings() {
    String sessionId = cluster.createSession();
    SimulatedParticipant alice = cluster.joinSession(sessionId, 0);
    SimulatedParticipant bob = cluster.joinSession(sessionId, 1);
    String streamId = alice.publish();

    alice.changeStreamProperty(streamId, "audioActive", false, "publishAudio");
    alice.changeStreamProperty(
        streamId, "videoDimensions", "{\"width\":1280,\"height\":720}", "screenResized");

    SimulatedParticipant.Notification audio =
        bob.awaitNotification("streamPropertyChanged", Map.of("property", "audioActive"));
    assertThat(audio.param("newValue")).isEqualTo("false");
    assertThat(audio.param("streamId")).isEqualTo(streamId);
    assertThat(audio.param("reason")).isEqualTo("publishAudio");
    SimulatedParticipant.Notification dimensions =
        bob.awaitNotification("streamPropertyChanged", Map.of("property", "videoDimensions"));
    assertThat(dimensions.param("newValue"))
        .isEqualTo("\"{\\\"width\\\":1280,\\\"height\\\":720}\"");
    MediaOptions media =
        cluster
            .connection(sessionId, alice.connectionId())
            .orElseThrow()
            .publishers()
            .get(0)
            .mediaOptions();
    assertThat(media.audioActive()).isFalse();
    assertThat(media.videoDimensions()).isEqualTo("{\"width\":1280,\"height\":720}");
  }

  @Test
  void iceCandidatesAreAcceptedAndDropped() {
    String sessionId = cluster.createSession();
    SimulatedParticipant alice = cluster.joinSession(sessionId, 0);
    var params =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
            .objectNode()
            .put("endpointName", alice.connectionId())
            .put("candidate", "candidate:1 1 UDP 1 127.0.0.1 9 typ host")
            .put("sdpMid", "0")
            .put("sdpMLineIndex", 0);

    assertThat(alice.call("onIceCandidate", params).path("sessionId").asText())
        .isEqualTo(alice.rpcSessionId());
  }
}
