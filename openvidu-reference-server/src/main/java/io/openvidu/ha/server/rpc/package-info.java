/**
 * Participants' WebSocket JSON-RPC ({@code /openvidu}, signaling.md) on every master of the
 * cluster, without media.
 *
 * <p>How it fits: what a participant does is one store transaction that changes the session and
 * publishes a {@link io.openvidu.ha.server.store.ClusterEvent} naming who must hear of it; every
 * master receives every event and {@link io.openvidu.ha.server.rpc.EventDelivery delivers} it to
 * the sockets it holds. REST calls, media-node crashes and the recording module publish the same
 * events, so their effects reach participants on any master. Participants survive master deaths
 * through leases in the store ({@link io.openvidu.ha.server.rpc.ParticipantLeases}).
 *
 * <p>What the emulator does differently from OpenVidu 2.20, or not at all:
 *
 * <ul>
 *   <li>No media. SDP offers get a synthetic answer (each offered section accepted with its first
 *       codec); {@code onIceCandidate} is accepted and dropped; {@code iceCandidate}, {@code
 *       mediaError}, {@code networkQualityLevelChanged} and {@code forciblyReconnectSubscriber} are
 *       never sent.
 *   <li>{@code mediaServer} is always {@code kurento}: subscriptions are client-initiated, and
 *       {@code prepareReceiveVideoFrom} (mediasoup) is not implemented.
 *   <li>Filters need a media server: {@code applyFilter}, {@code execFilterMethod}, {@code
 *       removeFilter} and the filter listeners are refused with 406; a {@code filter} in {@code
 *       publishVideo} is only stored.
 *   <li>The HA client mechanisms are not implemented: {@code joinRoom} carries no {@code life},
 *       there is no {@code sessionStatus}, no {@code masterNodeCrashedNotification}. They exist
 *       because OpenVidu's masters lose their sessions when they die; ours do not, so clients take
 *       the plain path (reconnect with {@code connect}).
 *   <li>No hidden {@code RECORDER} participant: {@code recorder: true} is ignored; a join with the
 *       secret makes a visible participant without role.
 *   <li>{@code finalUserId} is random per socket (there is no HTTP session); {@code location} is
 *       always {@code unknown} (no geo-IP database).
 *   <li>Notifications travel through the store, so they may reach others after the caller's answer
 *       (OpenVidu sends them before), and a broadcast signal's sender may get its answer before its
 *       own {@code sendMessage}.
 *   <li>{@code participantEvicted} reaches the evicted participant once, not twice.
 *   <li>Deliberate deviations: a socket closed cleanly without {@code leaveRoom} is evicted after
 *       the grace period (CE keeps such a participant); unknown methods are answered with -32601
 *       and {@code forceUnpublish} of an unknown stream with 105 (OpenVidu never answers either);
 *       {@code closeSession} evicts at once with reason {@code networkDisconnect} (unconfirmed what
 *       OpenVidu does). An invalid token at {@code joinRoom} is echoed in signaling.md §4.1's exact
 *       message, because clients match on it; no other error message contains a token.
 *   <li>The heartbeat watchdog starts with a socket's first ping; a socket that never pings is
 *       closed by the server's idle timeout (six default intervals).
 *   <li>Webhooks of participants' actions ({@code participantJoined}, {@code
 *       webrtcConnectionCreated}, {@code signalSent}, ...) are not emitted by this package.
 * </ul>
 */
package io.openvidu.ha.server.rpc;
