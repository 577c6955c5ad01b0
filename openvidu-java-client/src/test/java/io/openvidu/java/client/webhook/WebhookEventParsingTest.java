package io.openvidu.java.client.webhook;

import static io.openvidu.java.client.webhook.EventExamples.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Every event type of {@code spec/webhooks.md} §3, read from its example into its typed class. */
class WebhookEventParsingTest {

  @Test
  void sessionCreated() throws Exception {
    WebhookEvent event = WebhookEvent.parse(load("session-created"));

    assertThat(event).isInstanceOf(SessionCreatedEvent.class);
    SessionCreatedEvent created = (SessionCreatedEvent) event;
    assertThat(created.name()).isEqualTo("sessionCreated");
    assertThat(created.sessionId()).isEqualTo("ses_Jd8tUyvhXO");
    assertThat(created.uniqueSessionId()).isEqualTo("ses_Jd8tUyvhXO_1601394690713");
    assertThat(created.timestamp()).isEqualTo(1601394690713L);
  }

  @Test
  void sessionDestroyed() throws Exception {
    SessionDestroyedEvent destroyed =
        (SessionDestroyedEvent) WebhookEvent.parse(load("session-destroyed"));

    assertThat(destroyed.sessionId()).isEqualTo("ses_Jd8tUyvhXO");
    assertThat(destroyed.timestamp()).isEqualTo(1601395365656L);
    assertThat(destroyed.startTime()).isEqualTo(1601394690713L);
    assertThat(destroyed.duration()).isEqualTo(674);
    assertThat(destroyed.reason()).contains(EndReason.LAST_PARTICIPANT_LEFT);
    assertThat(destroyed.reasonAsString()).contains("lastParticipantLeft");
  }

  @Test
  void participantJoined() throws Exception {
    ParticipantJoinedEvent joined =
        (ParticipantJoinedEvent) WebhookEvent.parse(load("participant-joined"));

    assertThat(joined.uniqueSessionId()).isEqualTo("ses_Jd8tUyvhXO_1601394690713");
    assertThat(joined.timestamp()).isEqualTo(1601394715606L);
    assertThat(joined.connectionId()).isEqualTo("con_EIeO06zgMz");
    assertThat(joined.location()).isEqualTo("unknown");
    assertThat(joined.ip()).isEqualTo("37.122.145.190");
    assertThat(joined.platform()).isEqualTo("Chrome 85.0.4183.121 on Linux 64-bit");
    assertThat(joined.clientData()).contains("Mike");
    assertThat(joined.serverData()).isEqualTo("{'user': 'client1'}");
  }

  @Test
  void participantLeft() throws Exception {
    ParticipantLeftEvent left = (ParticipantLeftEvent) WebhookEvent.parse(load("participant-left"));

    assertThat(left.connectionId()).isEqualTo("con_EIeO06zgMz");
    assertThat(left.clientData()).contains("Mike");
    assertThat(left.timestamp()).isEqualTo(1601395365656L);
    assertThat(left.startTime()).isEqualTo(1601394715606L);
    assertThat(left.duration()).isEqualTo(650);
    assertThat(left.reason()).contains(EndReason.DISCONNECT);
  }

  @Test
  void webrtcConnectionCreatedInbound() throws Exception {
    WebrtcConnectionCreatedEvent created =
        (WebrtcConnectionCreatedEvent) WebhookEvent.parse(load("webrtc-connection-created"));

    assertThat(created.timestamp()).isEqualTo(1601394849759L);
    assertThat(created.streamId()).isEqualTo("str_CAM_GPdf_con_EIeO06zgMz");
    assertThat(created.connectionId()).isEqualTo("con_ThN5Rgi8Y8");
    assertThat(created.direction()).isEqualTo(WebrtcDirection.INBOUND);
    assertThat(created.receivingFrom()).contains("con_EIeO06zgMz");
    assertThat(created.videoSource()).contains(VideoSource.CAMERA);
    assertThat(created.videoFramerate()).contains(30);
    assertThat(created.videoDimensions()).contains("{\"width\":1280,\"height\":720}");
    assertThat(created.audioEnabled()).isTrue();
    assertThat(created.videoEnabled()).isTrue();
    assertThat(created.ipCamera()).isEmpty();
  }

  @Test
  void webrtcConnectionDestroyedOfAnIpCamera() throws Exception {
    WebrtcConnectionDestroyedEvent destroyed =
        (WebrtcConnectionDestroyedEvent) WebhookEvent.parse(load("webrtc-connection-destroyed"));

    assertThat(destroyed.direction()).isEqualTo(WebrtcDirection.OUTBOUND);
    assertThat(destroyed.receivingFrom()).isEmpty();
    assertThat(destroyed.videoSource()).contains(VideoSource.IPCAM);
    assertThat(destroyed.videoFramerate()).isEmpty();
    assertThat(destroyed.videoDimensions()).isEmpty();
    assertThat(destroyed.audioEnabled()).isFalse();
    IpCamera camera = destroyed.ipCamera().get();
    assertThat(camera.rtspUri()).isEqualTo("rtsp://admin:hunter2@192.168.1.21:554/live");
    assertThat(camera.adaptativeBitrate()).isTrue();
    assertThat(camera.networkCache()).isEqualTo(2000);
    assertThat(camera.onlyPlayWithSubscribers()).isFalse();
    assertThat(destroyed.startTime()).isEqualTo(1601394849759L);
    assertThat(destroyed.duration()).isEqualTo(155);
    assertThat(destroyed.reason()).contains(EndReason.FORCE_UNPUBLISH_BY_SERVER);
  }

  @Test
  void ipCameraToStringHidesTheCredentialsOfItsUri() throws Exception {
    WebrtcConnectionDestroyedEvent destroyed =
        (WebrtcConnectionDestroyedEvent) WebhookEvent.parse(load("webrtc-connection-destroyed"));

    assertThat(destroyed.ipCamera().get().toString()).doesNotContain("hunter2");
  }

  @Test
  void recordingStatusChanged() throws Exception {
    RecordingStatusChangedEvent changed =
        (RecordingStatusChangedEvent) WebhookEvent.parse(load("recording-status-changed"));

    assertThat(changed.status()).isEqualTo(RecordingStatus.READY);
    assertThat(changed.id()).isEqualTo("ses_Jd8tUyvhXO");
    assertThat(changed.recordingName()).isEqualTo("MyRecording");
    assertThat(changed.name()).isEqualTo("recordingStatusChanged");
    assertThat(changed.timestamp()).isEqualTo(1601395005555L);
    assertThat(changed.startTime()).isEqualTo(1601394992838L);
    assertThat(changed.duration()).isEqualTo(8.6);
    assertThat(changed.reason()).contains(EndReason.RECORDING_STOPPED_BY_SERVER);
    assertThat(changed.outputMode()).isEqualTo(RecordingOutputMode.COMPOSED);
    assertThat(changed.resolution()).contains("1280x720");
    assertThat(changed.frameRate()).contains(25);
    assertThat(changed.recordingLayout()).contains("BEST_FIT");
    assertThat(changed.customLayout()).isEmpty();
    assertThat(changed.mediaNodeId()).isEmpty();
    assertThat(changed.hasAudio()).isTrue();
    assertThat(changed.hasVideo()).isTrue();
    assertThat(changed.size()).isEqualTo(1973428L);
  }

  @Test
  void filterEventDispatched() throws Exception {
    FilterEventDispatchedEvent dispatched =
        (FilterEventDispatchedEvent) WebhookEvent.parse(load("filter-event-dispatched"));

    assertThat(dispatched.connectionId()).isEqualTo("con_EIeO06zgMz");
    assertThat(dispatched.streamId()).isEqualTo("str_CAM_GPdf_con_EIeO06zgMz");
    assertThat(dispatched.filterType()).isEqualTo("ZBarFilter");
    assertThat(dispatched.eventType()).isEqualTo("CodeFound");
    assertThat(dispatched.data()).contains("0012345678905");
  }

  @Test
  void signalSent() throws Exception {
    SignalSentEvent signal = (SignalSentEvent) WebhookEvent.parse(load("signal-sent"));

    assertThat(signal.sessionId()).isEqualTo("TestSession");
    assertThat(signal.timestamp()).isEqualTo(1605181948719L);
    assertThat(signal.from()).contains("con_ZbNTYgi0ae");
    assertThat(signal.to()).containsExactly("con_Yz3To5z53q");
    assertThat(signal.type()).contains("my-chat");
    assertThat(signal.data()).contains("{'message':'Hello!','name':'Alice'}");
  }

  @Test
  void signalSentThroughRestHasNoSender() throws Exception {
    SignalSentEvent signal =
        (SignalSentEvent)
            WebhookEvent.parse(
                EventExamples.utf8(
                    "{\"sessionId\":\"S\",\"uniqueSessionId\":\"S_1\",\"timestamp\":2,"
                        + "\"from\":null,\"to\":[\"con_A\",\"con_B\"],\"type\":null,"
                        + "\"data\":\"hi\",\"event\":\"signalSent\"}"));

    assertThat(signal.from()).isEmpty();
    assertThat(signal.type()).isEmpty();
    assertThat(signal.to()).isEqualTo(Arrays.asList("con_A", "con_B"));
  }

  @Test
  void mediaNodeStatusChanged() throws Exception {
    MediaNodeStatusChangedEvent changed =
        (MediaNodeStatusChangedEvent) WebhookEvent.parse(load("media-node-status-changed"));

    assertThat(changed).isNotInstanceOf(SessionEvent.class);
    assertThat(changed.timestamp()).isEqualTo(1583750581667L);
    assertThat(changed.id()).isEqualTo("media_i-1234567890abcdef0");
    assertThat(changed.environmentId()).contains("i-1234567890abcdef0");
    assertThat(changed.ip()).isEqualTo("172.17.0.3");
    assertThat(changed.uri()).isEqualTo("ws://172.17.0.3:8888/kurento");
    assertThat(changed.newStatus()).isEqualTo(MediaNodeStatus.RUNNING);
    assertThat(changed.oldStatus()).contains(MediaNodeStatus.LAUNCHING);
    assertThat(changed.clusterId()).isEqualTo("MY_CLUSTER");
  }

  @Test
  void nodeCrashed() throws Exception {
    NodeCrashedEvent crashed = (NodeCrashedEvent) WebhookEvent.parse(load("node-crashed"));

    assertThat(crashed.id()).isEqualTo("media_i-1234567890abcdef0");
    assertThat(crashed.nodeRole()).isEqualTo(NodeRole.MEDIANODE);
    assertThat(crashed.sessionIds()).containsExactly("ses_Jd8tUyvhXO", "TestSession");
    assertThat(crashed.recordingIds()).containsExactly("ses_Jd8tUyvhXO");
    assertThat(crashed.clusterId()).isEqualTo("MY_CLUSTER");
  }

  @Test
  void autoscalingWithItsNestedObjects() throws Exception {
    AutoscalingEvent autoscaling = (AutoscalingEvent) WebhookEvent.parse(load("autoscaling"));

    assertThat(autoscaling.timestamp()).isEqualTo(1592994854492L);
    assertThat(autoscaling.clusterId()).isEqualTo("MY_CLUSTER");
    assertThat(autoscaling.reason()).startsWith("The cluster average load (7.95%)");
    assertThat(autoscaling.launch().total()).isZero();
    assertThat(autoscaling.launch().canceledNodes()).isEmpty();
    assertThat(autoscaling.termination().total()).isEqualTo(2);
    AutoscalingEvent.Node launching = autoscaling.termination().launchingNodes().get(0);
    assertThat(launching.id()).isEqualTo("media_i-1234567890abcdef0");
    assertThat(launching.environmentId()).isEmpty();
    assertThat(launching.ip()).isEmpty();
    assertThat(launching.status()).isEqualTo(MediaNodeStatus.LAUNCHING);
    assertThat(autoscaling.limits().maxNodes()).isEqualTo(3);
    assertThat(autoscaling.limits().minAvgLoad()).isEqualTo(30.0);
    assertThat(autoscaling.status().numNodes()).isEqualTo(3);
    assertThat(autoscaling.status().avgLoad()).isEqualTo(7.946666666666666);
    AutoscalingEvent.Node running = autoscaling.status().runningNodes().get(0);
    assertThat(running.ip()).contains("172.17.0.2");
    assertThat(running.load()).isEqualTo(23.84);
    assertThat(running.status()).isEqualTo(MediaNodeStatus.RUNNING);
  }

  @Test
  void theEventKeepsItsBodyVerbatim() throws Exception {
    byte[] body = load("signal-sent");

    WebhookEvent event = WebhookEvent.parse(body);

    assertThat(event.json()).isEqualTo(new String(body, "UTF-8"));
    assertThat(event).isEqualTo(WebhookEvent.parse(body));
  }

  @Test
  void listsOfAnEventCannotBeModified() throws Exception {
    SignalSentEvent signal = (SignalSentEvent) WebhookEvent.parse(load("signal-sent"));

    assertThatThrownBy(() -> signal.to().add("con_X"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
