package io.openvidu.ha.server.store;

/** A registration for published messages; closing it stops delivery. Idempotent. */
public interface Subscription extends AutoCloseable {
  @Override
  void close();
}
