package io.openvidu.ha.server.rpc;

import static io.openvidu.ha.server.rpc.MasterContext.connectionOf;
import static io.openvidu.ha.server.rpc.MasterContext.joined;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvidu.ha.server.rpc.ParticipantSocket.Participant;
import io.openvidu.ha.server.rpc.SyntheticSdp.Offerer;
import io.openvidu.ha.server.store.ClusterEvent;
import io.openvidu.ha.server.store.ConnectionState;
import io.openvidu.ha.server.store.Identifiers;
import io.openvidu.ha.server.store.KurentoOptions;
import io.openvidu.ha.server.store.MediaOptions;
import io.openvidu.ha.server.store.OpenViduRole;
import io.openvidu.ha.server.store.PublisherState;
import io.openvidu.ha.server.store.SubscriberState;
import io.openvidu.ha.server.store.Transaction;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Publishing and subscribing without media (signaling.md §4.2-4.8): the store records streams,
 * subscriptions and their properties, SDP offers get synthetic answers, ICE candidates are accepted
 * and dropped.
 */
final class MediaMethods {

  private final MasterContext master;

  MediaMethods(MasterContext master) {
    this.master = master;
  }

  void register(Map<String, RpcMethod> methods) {
    methods.put("publishVideo", this::publishVideo);
    methods.put("unpublishVideo", this::unpublishVideo);
    methods.put("receiveVideoFrom", this::receiveVideoFrom);
    methods.put("unsubscribeFromVideo", this::unsubscribeFromVideo);
    methods.put("onIceCandidate", this::onIceCandidate);
    methods.put("streamPropertyChanged", this::streamPropertyChanged);
    methods.put("reconnectStream", this::reconnectStream);
    methods.put(
        "videoData",
        (socket, request) -> {
          joined(socket);
          return RpcFrames.object();
        });
    for (String filterMethod :
        List.of(
            "applyFilter",
            "execFilterMethod",
            "removeFilter",
            "addFilterEventListener",
            "removeFilterEventListener")) {
      methods.put(
          filterMethod,
          (socket, request) -> {
            joined(socket);
            throw RpcError.FILTER_NOT_APPLIED.exception(
                "Filters need a media server; this emulator has none");
          });
    }
  }

  // ---- publishVideo (§4.2)

  private ObjectNode publishVideo(ParticipantSocket socket, RpcRequest request) {
    Participant participant = joined(socket);
    request.bool("doLoopback"); // mandatory (signaling.md §4.2), meaningless without media
    boolean hasAudio = request.bool("hasAudio");
    boolean hasVideo = request.bool("hasVideo");
    boolean audioActive = request.optionalBool("audioActive", hasAudio);
    boolean videoActive = request.optionalBool("videoActive", hasVideo);
    String typeOfVideo = request.optionalText("typeOfVideo", "");
    JsonNode frameRateParam = request.params().path("frameRate");
    int frameRate = frameRateParam.isNumber() ? frameRateParam.intValue() : -1;
    String videoDimensions = request.optionalText("videoDimensions", "");
    JsonNode filter = request.params().get("filter");
    String sdpAnswer = SyntheticSdp.answer(request.text("sdpOffer"), Offerer.PUBLISHER);
    long now = master.now();

    PublisherState published =
        master.store.atomically(
            tx -> {
              ConnectionState self = connectionOf(tx, participant);
              if (self.role() == OpenViduRole.SUBSCRIBER) {
                throw RpcError.USER_UNAUTHORIZED.exception(
                    "Unable to publish video. The user does not have a valid token");
              }
              if (!self.publishers().isEmpty()) {
                throw RpcError.USER_ALREADY_STREAMING.exception(
                    "User "
                        + self.id()
                        + " is already publishing stream "
                        + self.publishers().get(0).streamId());
              }
              String streamId = Identifiers.streamId(hasVideo ? typeOfVideo : null, self.id());
              MediaOptions media =
                  new MediaOptions(
                      hasAudio,
                      hasAudio ? audioActive : null,
                      hasVideo,
                      hasVideo ? videoActive : null,
                      hasVideo ? typeOfVideo : null,
                      hasVideo ? frameRate : null,
                      hasVideo ? videoDimensions : null,
                      allowedFilter(self, filter),
                      null,
                      null,
                      null);
              PublisherState publisher = new PublisherState(streamId, now, null, media);
              ConnectionState updated =
                  tx.sessions().addPublisher(participant.sessionId(), self.id(), publisher);
              tx.events()
                  .publish(
                      ClusterEvent.toSession(
                          ClusterEvent.STREAM_PUBLISHED,
                          participant.sessionId(),
                          List.of(self.id()),
                          Payloads.published(updated)));
              return publisher;
            });
    ObjectNode result = RpcFrames.object();
    result.put("sdpAnswer", sdpAnswer);
    result.put("id", published.streamId());
    result.put("createdAt", published.createdAt());
    return result;
  }

  /**
   * The filter to store: none unless the connection has {@code kurentoOptions}, and then only one
   * of its {@code allowedFilters} (error 406 otherwise).
   */
  private static JsonNode allowedFilter(ConnectionState self, JsonNode filter) {
    KurentoOptions options = self.kurentoOptions();
    if (filter == null || !filter.isObject() || filter.isEmpty() || options == null) {
      return RpcFrames.object();
    }
    String type = filter.path("type").asText("");
    if (options.allowedFilters() == null || !options.allowedFilters().contains(type)) {
      throw RpcError.FILTER_NOT_APPLIED.exception(
          "Filter '" + type + "' is not allowed for connection " + self.id());
    }
    ObjectNode stored = RpcFrames.object();
    stored.put("type", type);
    stored.set(
        "options", filter.path("options").isObject() ? filter.get("options") : RpcFrames.object());
    stored.set("lastExecMethod", RpcFrames.object());
    return stored;
  }

  // ---- unpublishVideo (§4.3)

  private ObjectNode unpublishVideo(ParticipantSocket socket, RpcRequest request) {
    Participant participant = joined(socket);
    master.store.atomically(
        tx -> {
          ConnectionState self = connectionOf(tx, participant);
          if (self.publishers().isEmpty()) {
            throw RpcError.USER_NOT_STREAMING.exception("User " + self.id() + " is not publishing");
          }
          return ParticipantTransitions.unpublish(
              tx, participant.sessionId(), self.publishers().get(0).streamId(), "unpublish", false);
        });
    return RpcFrames.object();
  }

  // ---- receiveVideoFrom / unsubscribeFromVideo (§4.4-4.5)

  private ObjectNode receiveVideoFrom(ParticipantSocket socket, RpcRequest request) {
    Participant participant = joined(socket);
    String streamId = request.text("sender");
    String sdpAnswer = SyntheticSdp.answer(request.text("sdpOffer"), Offerer.SUBSCRIBER);
    long now = master.now();
    master.store.atomically(
        tx -> {
          connectionOf(tx, participant);
          publisherOf(tx, participant.sessionId(), streamId);
          return tx.sessions()
              .addSubscriber(
                  participant.sessionId(),
                  participant.connectionId(),
                  new SubscriberState(streamId, now));
        });
    ObjectNode result = RpcFrames.object();
    result.put("sdpAnswer", sdpAnswer);
    return result;
  }

  /**
   * The connection publishing {@code streamId}: 102 when its owner is not in the session, 105 when
   * not publishing.
   */
  private static ConnectionState publisherOf(Transaction tx, String sessionId, String streamId) {
    String ownerId = ParticipantIds.ownerOfStream(streamId);
    ConnectionState owner =
        Optional.ofNullable(ownerId)
            .flatMap(id -> tx.sessions().find(sessionId).flatMap(s -> s.connection(id)))
            .filter(ConnectionState::isActive)
            .orElseThrow(
                () ->
                    RpcError.USER_NOT_FOUND.exception(
                        "Publisher of stream " + streamId + " not found"));
    if (owner.publishers().stream().noneMatch(p -> p.streamId().equals(streamId))) {
      throw RpcError.USER_NOT_STREAMING.exception(
          "User " + owner.id() + " is not publishing stream " + streamId);
    }
    return owner;
  }

  private ObjectNode unsubscribeFromVideo(ParticipantSocket socket, RpcRequest request) {
    Participant participant = joined(socket);
    String sender = request.text("sender");
    // The protocol names the publisher's connection here; a stream id names it too.
    String publisherId = sender.startsWith("str_") ? ParticipantIds.ownerOfStream(sender) : sender;
    master.store.atomically(
        tx -> {
          ConnectionState self = connectionOf(tx, participant);
          ConnectionState publisher =
              tx.sessions()
                  .get(participant.sessionId())
                  .connection(publisherId)
                  .filter(ConnectionState::isActive)
                  .orElseThrow(
                      () ->
                          RpcError.USER_NOT_FOUND.exception("User " + publisherId + " not found"));
          for (PublisherState stream : publisher.publishers()) {
            if (self.subscribers().stream().anyMatch(s -> s.streamId().equals(stream.streamId()))) {
              tx.sessions().removeSubscriber(participant.sessionId(), self.id(), stream.streamId());
            }
          }
          return null;
        });
    return RpcFrames.object();
  }

  // ---- onIceCandidate (§4.6)

  private ObjectNode onIceCandidate(ParticipantSocket socket, RpcRequest request) {
    joined(socket);
    request.text("endpointName");
    request.text("candidate");
    request.text("sdpMid");
    if (!request.value("sdpMLineIndex").canConvertToInt()) {
      throw RpcError.INVALID_CALL.exception("Request parameter 'sdpMLineIndex' must be an integer");
    }
    return RpcFrames.object();
  }

  // ---- streamPropertyChanged (§4.8)

  private ObjectNode streamPropertyChanged(ParticipantSocket socket, RpcRequest request) {
    Participant participant = joined(socket);
    String givenStreamId = request.text("streamId");
    String property = request.text("property");
    JsonNode newValue = request.value("newValue");
    String reason = request.text("reason");
    master.store.atomically(
        tx -> {
          ConnectionState self = connectionOf(tx, participant);
          String streamId =
              self.publishers().isEmpty() ? givenStreamId : self.publishers().get(0).streamId();
          if (List.of("audioActive", "videoActive", "videoDimensions").contains(property)) {
            if (self.publishers().isEmpty()) {
              throw RpcError.USER_NOT_STREAMING.exception(
                  "User " + self.id() + " is not publishing");
            }
            // Replaced in place: adding a publisher would look like a new stream to a running
            // recording.
            PublisherState updated = changed(self.publishers().get(0), property, newValue);
            tx.sessions()
                .updateConnection(
                    participant.sessionId(),
                    self.id(),
                    c -> c.with(b -> b.publishers(List.of(updated))));
          }
          ObjectNode params = RpcFrames.object();
          params.put("connectionId", self.id());
          params.put("streamId", streamId);
          params.put("property", property);
          // OpenVidu re-serializes the value it received: booleans become "true"/"false", strings
          // are quoted again.
          params.put("newValue", RpcFrames.write(newValue));
          params.put("reason", reason);
          tx.events()
              .publish(
                  ClusterEvent.toSession(
                      ClusterEvent.STREAM_PROPERTY_CHANGED,
                      participant.sessionId(),
                      List.of(self.id()),
                      params));
          return null;
        });
    return RpcFrames.object();
  }

  private static PublisherState changed(PublisherState publisher, String property, JsonNode value) {
    MediaOptions media = publisher.mediaOptions();
    MediaOptions updated =
        switch (property) {
          case "audioActive" -> media.withActivity(booleanValue(property, value), null, null);
          case "videoActive" -> media.withActivity(null, booleanValue(property, value), null);
          default ->
              media.withActivity(
                  null, null, value.isTextual() ? value.asText() : RpcFrames.write(value));
        };
    return publisher.withMediaOptions(updated);
  }

  private static boolean booleanValue(String property, JsonNode value) {
    if (!value.isBoolean()) {
      throw RpcError.INVALID_CALL.exception("newValue of '" + property + "' must be a boolean");
    }
    return value.booleanValue();
  }

  // ---- reconnectStream (§4.12)

  private ObjectNode reconnectStream(ParticipantSocket socket, RpcRequest request) {
    Participant participant = joined(socket);
    String streamId = request.text("stream");
    String offer = request.optionalText("sdpString", request.optionalText("sdpOffer", null));
    if (offer == null) {
      throw RpcError.INVALID_CALL.exception("Request parameter 'sdpString' must be a string");
    }
    Optional<PublisherState> own =
        master.store.atomically(
            tx -> {
              ConnectionState self = connectionOf(tx, participant);
              Optional<PublisherState> mine =
                  self.publishers().stream().filter(p -> p.streamId().equals(streamId)).findFirst();
              if (mine.isEmpty()) {
                publisherOf(tx, participant.sessionId(), streamId);
              }
              return mine;
            });
    ObjectNode result = RpcFrames.object();
    if (own.isPresent()) {
      result.put("sdpAnswer", SyntheticSdp.answer(offer, Offerer.PUBLISHER));
      result.put("id", own.get().streamId());
      result.put("createdAt", own.get().createdAt());
    } else {
      result.put("sdpAnswer", SyntheticSdp.answer(offer, Offerer.SUBSCRIBER));
    }
    return result;
  }
}
