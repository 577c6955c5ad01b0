package io.openvidu.ha.server.store;

/** A subscription of a connection to another connection's stream {@code streamId}. Immutable. */
public record SubscriberState(String streamId, long createdAt) {}
